import { fieldIdOf, optionsOfRole } from '../core/collection/roles';
import type { Collection, Period } from '../core/collection/types';
import { isValidYmd } from '../core/normalise/date';
import type { AggregateRecordJson } from '../taskpane/api';
import { jsonBytes, OP_BYTES, packByCost, type PayloadBudget } from './budget';
import { friendlyError, hostError } from './errors';
import { errorCode } from './run';

/**
 * Analyst mode: the aggregate records as an Excel table on a new sheet, then
 * native PivotTables (engagement × audience × month, by partner, by ZIP) when
 * the host has ExcelApi 1.8, else SUMIFS formulas (over the Events and Attendees columns) on the same
 * table; and native charts (monthly trend, indicator) over a summary range of
 * formulas, which both paths write. The table is written in blocks whose
 * estimated JSON stays within the request budget (Excel on the web refuses
 * requests over 5 MB). Dates and months are real dates (DATE formulas, so the
 * workbook's 1900 or 1904 date system does not matter), which gives the trend
 * chart a date axis. A build that fails part way removes the sheets it had
 * added, so the workbook is left as it was.
 */

export type { AggregateRecordJson };

export const TABLE_HEADERS = ['Partner', 'Date', 'Month', 'Engagement', 'Audience', 'Event type', 'ZIP', 'Events', 'Attendees', 'Counted', 'Flagged'] as const;
type Cell = string | number;

export interface AnalysisTable {
  headers: readonly string[];
  rows: Cell[][];
  /** Engagement levels and months found, in order, for the summary range. */
  levels: string[];
  months: string[];
  partners: string[];
  zips: string[];
  /** Children under 5 by ZIP, from the server's population table; empty when none is loaded. */
  population: ReadonlyMap<string, number>;
}

/** Month of the rows without a date the period can place. */
export const UNDATED = 'unknown';

/** A real date for Excel: a formula, so that it means the same day in a 1900 or a 1904 workbook. */
function dateFormula(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? `=DATE(${y},${mo},${d})` : null;
}

/** The first day of a 'YYYY-MM' month, as a date formula. */
export function monthFormula(month: string): string {
  return `=DATE(${Number(month.slice(0, 4))},${Number(month.slice(5, 7))},1)`;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'mmm yyyy';

/**
 * The table's rows, one per record. Audience lists are joined with ", " (an
 * event for several audiences is one row, so Events add up to the
 * indicator); a value that is not what the field expects is written as it
 * came. Every record is a row, but Events (1) and Attendees count only as
 * the indicator counts them (src/core/analysis.ts): a record with an
 * engagement level that is not dated outside the period; otherwise both are
 * 0 and Counted says why. So every Sum of Events or Attendees, in a pivot or
 * a formula, adds up to the indicator.
 * Text that Excel would read as a number or formula (ZIP "48201", "=…") is
 * written with an apostrophe so it stays text. Date is a DATE formula and
 * Month the first of its month (shown as dates by the number formats the
 * build writes); a date that is not a day stays text, in the month "unknown".
 * `population`: children under 5 by ZIP, for the by-ZIP rates.
 */
export function analysisTable(records: readonly AggregateRecordJson[], collection: Collection, period: Period, population: ReadonlyMap<string, number> = new Map()): AnalysisTable {
  const id = (role: Parameters<typeof fieldIdOf>[1]): string | undefined => fieldIdOf(collection, role);
  const ids = { level: id('level'), audience: id('audience'), type: id('event_type'), date: id('date'), zip: id('zip'), headcount: id('headcount') };
  const get = (values: Record<string, unknown>, key: string | undefined): unknown => (key === undefined ? undefined : values[key]);
  const text = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.map(String).join(', ') : String(v));
  const asText = (v: string): string => (v !== '' && /^[=+\-@'\d]/.test(v) ? `'${v}` : v);
  const levels = optionsOfRole(collection, 'level').map((o) => o.id);
  const months = new Set<string>();
  const partners = new Set<string>();
  const zips = new Set<string>();
  const rows = records.map((r) => {
    const date = text(get(r.values, ids.date));
    const day = dateFormula(date);
    const month = day ? date.slice(0, 7) : UNDATED;
    months.add(month);
    partners.add(r.partner);
    const zip = text(get(r.values, ids.zip));
    zips.add(zip || 'unknown');
    const people = get(r.values, ids.headcount);
    const level = get(r.values, ids.level);
    const outside = month !== UNDATED && (date < period.start || date > period.end);
    const counted = r.notHeld ? 'no: marked as not held' : outside ? 'no: dated outside the period' : typeof level === 'string' && levels.includes(level) ? 'yes' : 'no: no engagement level';
    const yes = counted === 'yes';
    return [
      asText(r.partner),
      day ?? asText(date),
      month === UNDATED ? UNDATED : monthFormula(month),
      asText(text(get(r.values, ids.level)) || 'unknown'),
      asText(text(get(r.values, ids.audience)) || 'unknown'),
      asText(text(get(r.values, ids.type)) || 'unknown'),
      asText(zip || 'unknown'),
      yes ? 1 : 0,
      yes && typeof people === 'number' && Number.isFinite(people) && people >= 0 ? people : 0,
      counted,
      r.flagged ? 'yes' : 'no',
    ];
  });
  return {
    headers: TABLE_HEADERS,
    rows,
    levels,
    months: [...months].sort(),
    partners: [...partners].sort(),
    zips: [...zips].sort(),
    population,
  };
}

export interface AnalysisOptions {
  /** Native PivotTables (ExcelApi 1.8); false: formulas over the table instead. */
  pivots: boolean;
  budget: PayloadBudget;
}

export interface AnalysisResult {
  dataSheet: string;
  pivotSheet: string | null;
  summarySheet: string;
  rows: number;
  pivots: number;
  charts: number;
  /** Syncs taken writing the table. */
  blocks: number;
}

export const DATA_SHEET = 'Analysis data';
export const PIVOT_SHEET = 'Analysis pivots';
export const SUMMARY_SHEET = 'Analysis summary';

function colLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A name not yet taken among `taken` (Excel compares sheet names case-insensitively). */
function freeName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

/** A table or PivotTable name not yet taken: no spaces, so "Aggregate_2" after "Aggregate". */
function freeId(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}

export async function buildAnalysisIn(context: Excel.RequestContext, table: AnalysisTable, options: AnalysisOptions): Promise<AnalysisResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  // PivotTable names are workbook-wide too (ExcelApi 1.8).
  const existingPivots = options.pivots ? context.workbook.pivotTables : null;
  existingPivots?.load('items/name');
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
  const dataName = freeName(DATA_SHEET, taken);
  taken.push(dataName);
  const summaryName = freeName(SUMMARY_SHEET, taken);
  taken.push(summaryName);
  const names: BuildNames = {
    data: dataName,
    summary: summaryName,
    pivot: options.pivots ? freeName(PIVOT_SHEET, taken) : null,
    tables: tables.items.map((t) => t.name),
    pivots: existingPivots?.items.map((p) => p.name) ?? [],
  };
  // Every sheet the build asks for, before asking: a batch that fails may or may not have added it.
  const added: string[] = [];
  try {
    return await build(context, table, options, names, added);
  } catch (error) {
    throw await rollBack(context, added, error);
  }
}

interface BuildNames {
  data: string;
  summary: string;
  pivot: string | null;
  tables: string[];
  pivots: string[];
}

/**
 * After a failure part way (Excel is not transactional: what ran before the
 * failing operation stays), deletes the sheets of this build that exist, the
 * PivotTables' sheet first; their tables, PivotTables and charts go with them.
 * Returns the error to throw: Excel's words, and whether the workbook is as
 * it was or which sheets are left to delete by hand.
 */
async function rollBack(context: Excel.RequestContext, added: readonly string[], error: unknown): Promise<Error> {
  const cause = friendlyError(error, 'analysis');
  if (added.length === 0) return cause;
  const code = errorCode(cause) ?? 'Unknown';
  // Until the workbook says which of them it has, every sheet asked for may be there.
  let ours = [...added].reverse();
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    ours = ours.filter((name) => present.has(name));
    if (ours.length === 0) return hostError(code, `${cause.message} Nothing was added to the workbook.`, error);
    for (const name of ours) sheets.getItem(name).delete();
    await context.sync();
    return hostError(code, `${cause.message} The sheets it had begun are removed: the workbook is as it was.`, error);
  } catch {
    const list = [...ours].reverse().map((n) => `“${n}”`).join(', ');
    return hostError(code, `${cause.message} It stopped part way and could not remove what it had begun: delete the sheets ${list} if they are there, then try again.`, error);
  }
}

async function build(context: Excel.RequestContext, table: AnalysisTable, options: AnalysisOptions, names: BuildNames, added: string[]): Promise<AnalysisResult> {
  const sheets = context.workbook.worksheets;
  const addSheet = (name: string): Excel.Worksheet => {
    added.push(name);
    return sheets.add(name);
  };

  // 1. The data sheet and its rows, in blocks within the request budget; Date and Month as dates.
  const data = addSheet(names.data);
  const width = table.headers.length;
  const dateCol = table.headers.indexOf('Date');
  data.getRangeByIndexes(0, 0, 1, width).values = [table.headers.slice()];
  await context.sync();
  const formats = [DATE_FORMAT, MONTH_FORMAT];
  const formatBytes = jsonBytes(formats) + 2;
  const blocks = packByCost(table.rows, (row) => jsonBytes(row) + 2 + formatBytes, Math.max(1, options.budget.request - OP_BYTES * 4));
  let top = 1;
  for (const block of blocks) {
    data.getRangeByIndexes(top, 0, block.length, width).formulas = block;
    data.getRangeByIndexes(top, dateCol, block.length, 2).numberFormat = block.map(() => formats);
    await context.sync();
    top += block.length;
  }
  const last = table.rows.length; // 0-based index of the last data row
  const tableRange = `A1:${colLetter(width - 1)}${last + 1}`;
  const excelTable = data.tables.add(`${quote(names.data)}!${tableRange}`, true);
  excelTable.name = freeId('Aggregate', names.tables);
  await context.sync();

  // 2. The summary range: formulas over the data, what the charts draw.
  const col = (header: string): string => {
    const c = colLetter(table.headers.indexOf(header));
    return `${quote(names.data)}!$${c}$2:$${c}$${Math.max(2, last + 1)}`;
  };
  const summary = addSheet(names.summary);
  // Dated months first (the chart's range), then the undated rows, so that the months still add up to the indicator.
  const dated = table.months.filter((m) => m !== UNDATED);
  const trendMonths = table.months.includes(UNDATED) ? [...dated, UNDATED] : dated;
  const trend: Cell[][] = [['Month', ...table.levels]];
  trendMonths.forEach((m, i) => {
    const r = i + 2;
    trend.push([m === UNDATED ? UNDATED : monthFormula(m), ...table.levels.map((_, j) => `=SUMIFS(${col('Events')},${col('Month')},$A${r},${col('Engagement')},${colLetter(j + 1)}$1)`)]);
  });
  summary.getRangeByIndexes(0, 0, trend.length, trend[0]!.length).formulas = trend;
  if (dated.length > 0) summary.getRangeByIndexes(1, 0, dated.length, 1).numberFormat = dated.map(() => [MONTH_FORMAT]);
  const indicatorTop = trend.length + 1;
  const indicator: Cell[][] = [['Engagement', 'Events', 'Attendees']];
  table.levels.forEach((level, i) => {
    const r = indicatorTop + i + 2;
    indicator.push([level, `=SUMIFS(${col('Events')},${col('Engagement')},$A${r})`, `=SUMIFS(${col('Attendees')},${col('Engagement')},$A${r})`]);
  });
  summary.getRangeByIndexes(indicatorTop, 0, indicator.length, 3).formulas = indicator;
  let below = indicatorTop + indicator.length + 1;
  const sums = (label: string, header: string, keys: readonly string[]): Cell[][] => {
    const block: Cell[][] = [[label, 'Events', 'Attendees']];
    keys.forEach((k, i) => {
      const r = below + i + 2;
      block.push([`'${k}`, `=SUMIFS(${col('Events')},${col(header)},$A${r})`, `=SUMIFS(${col('Attendees')},${col(header)},$A${r})`]);
    });
    return block;
  };
  // Without PivotTables: the by-partner breakdown as formulas.
  if (!options.pivots) {
    const block = sums('Partner', 'Partner', table.partners);
    summary.getRangeByIndexes(below, 0, block.length, 3).formulas = block;
    below += block.length + 1;
  }
  // By ZIP as formulas without PivotTables, and whenever children under 5 are known: a PivotTable cannot divide by them.
  const withPopulation = table.population.size > 0;
  if (!options.pivots || withPopulation) {
    const keys = withPopulation ? [...new Set([...table.zips, ...table.population.keys()])].sort() : table.zips;
    const block = sums('ZIP', 'ZIP', keys);
    if (withPopulation) {
      block[0]!.push('Children under 5', 'Attendees per 1,000 children under 5');
      keys.forEach((k, i) => {
        const r = below + i + 2;
        const children = table.population.get(k);
        block[i + 1]!.push(children ?? '', `=IF(N(D${r})>0,ROUND(C${r}/D${r}*1000,1),"")`);
      });
    }
    summary.getRangeByIndexes(below, 0, block.length, block[0]!.length).formulas = block;
    below += block.length + 1;
  }
  await context.sync();

  // 3. Charts over the summary range.
  let charts = 0;
  const besideCol = colLetter(trend[0]!.length + 1);
  if (dated.length > 0) {
    const trendRange = summary.getRangeByIndexes(0, 0, dated.length + 1, trend[0]!.length);
    const trendChart = summary.charts.add(Excel.ChartType.line, trendRange, Excel.ChartSeriesBy.columns);
    trendChart.title.text = 'Events by month and engagement level';
    // Months as time, not as labels: a month without events keeps its place on the axis (ExcelApi 1.7, like getRangeByIndexes).
    trendChart.axes.categoryAxis.categoryType = Excel.ChartAxisCategoryType.dateAxis;
    trendChart.axes.categoryAxis.baseTimeUnit = Excel.ChartAxisTimeUnit.months;
    // Beside the summary, not over it: the trend to the right of the table, the indicator under it.
    trendChart.setPosition(`${besideCol}1`, `${colLetter(trend[0]!.length + 9)}16`);
    charts++;
  }
  const indicatorRange = summary.getRangeByIndexes(indicatorTop, 0, indicator.length, 3);
  const indicatorChart = summary.charts.add(Excel.ChartType.columnClustered, indicatorRange, Excel.ChartSeriesBy.columns);
  indicatorChart.title.text = 'Indicator: events and attendees by engagement level';
  indicatorChart.setPosition(`${besideCol}18`, `${colLetter(trend[0]!.length + 9)}33`);
  charts++;
  await context.sync();

  // 4. PivotTables (ExcelApi 1.8), one below the other with room to grow.
  let pivots = 0;
  if (names.pivot) {
    const pivotSheet = addSheet(names.pivot);
    const specs: { name: string; rows: string[]; columns: string[] }[] = [
      { name: 'EngagementAudienceMonth', rows: ['Engagement', 'Audience'], columns: ['Month'] },
      { name: 'ByPartner', rows: ['Partner'], columns: [] },
      { name: 'ByZip', rows: ['ZIP'], columns: [] },
    ];
    // One under the other, each with the rows it will have (items and subtotals) and room for headings, totals and growth.
    const distinct = (cols: number[]): number => new Set(table.rows.map((r) => cols.map((c) => r[c]).join('\u0000'))).size;
    const at = (h: string): number => table.headers.indexOf(h);
    const heights = [distinct([at('Engagement')]) + distinct([at('Engagement'), at('Audience')]), table.partners.length, table.zips.length];
    let row = 0;
    for (const [index, spec] of specs.entries()) {
      const name = freeId(spec.name, names.pivots);
      names.pivots.push(name);
      const pivot = pivotSheet.pivotTables.add(name, excelTable, pivotSheet.getRangeByIndexes(row, 0, 1, 1));
      for (const h of spec.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(h));
      for (const h of spec.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(h));
      for (const h of ['Events', 'Attendees']) {
        const d = pivot.dataHierarchies.add(pivot.hierarchies.getItem(h));
        d.summarizeBy = Excel.AggregationFunction.sum;
      }
      await context.sync();
      pivots++;
      row += heights[index]! + 8;
    }
  }
  data.activate();
  await context.sync();
  return { dataSheet: names.data, pivotSheet: names.pivot, summarySheet: names.summary, rows: table.rows.length, pivots, charts, blocks: blocks.length };
}
