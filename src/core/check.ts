import { HSH_2023 } from './collection/hsh2023';
import { fieldIdOf } from './collection/roles';
import type { Collection, FieldDef, FieldRole, Period } from './collection/types';
import { headerRowCells } from './detect/headerCells';
import { detectHeaderRow, type HeaderGuess } from './detect/headerRow';
import { stackedTables } from './detect/stacked';
import { chooseTables, EXAMPLES_SKIPPED, reasonWithoutTable, type TableCandidate } from './detect/tables';
import { findSheetByName } from './detect/sheet';
import { ISSUE_SEVERITY } from './issues';
import { headerMatcher, matchHeader, type HeaderMatcher } from './mapping/headerMatch';
import { headerWords } from './mapping/headerWords';
import { findLegend, type Legend } from './mapping/legend';
import { mapColumns, type Mapping, type MappingChoice } from './mapping/mapColumns';
import { issueMessage } from './messages';
import { memoNormaliser, type FieldNormaliser } from './normalise/memo';
import { findValueKeys, keyedList, valueKeyOf, type ValueKeys } from './mapping/valueKey';
import { periodYear } from './collection/period';
import { classifyRows, notHeldMark } from './records/classify';
import { markRollUps } from './records/rollup';
import { tableRegion, type Region } from './records/region';
import { asideColumns } from './records/tables';
import type { CheckRecord, CheckReport, ColumnMapping, Issue, Skipped, TableReport } from './report';
import { summarise } from './summary';
import type { DatePart, Spread } from './validate/combine';
import { withDayFirstDoubt, withDottedDayFirst, writtenDayFirst, writtenDottedDayFirst } from './validate/dateOrder';
import { findDuplicates } from './validate/duplicates';
import { ownScale, withOwnScale } from './validate/ownScale';
import { validateRow, type Fix } from './validate/validateRow';
import { cellText, columnIndex, columnLetter, type Cell, type Sheet, type Workbook } from './workbook';

export const ENGINE_VERSION = '0.2.0';
export type { MappingChoice } from './mapping/mapColumns';

export interface CheckOptions {
  /** The collection to check against; default the 2023 collection. */
  collection?: Collection;
  /** Overrides the collection's reporting period. */
  period?: Period;
  /** Restricts the check to this one sheet (the CLI's --sheet); otherwise every table of events in the workbook is read. */
  sheet?: string;
  /** Sheets the person left out: not read, listed in `skipped` with byChoice. */
  leaveOut?: string[];
  /** Sheets the check skipped that the person wants read as events all the same. */
  include?: string[];
  /** 1-based header row chosen by the person for the first table (or the `sheet`); otherwise detected. */
  headerRow?: number;
  /** 1-based header rows chosen by the person, per sheet name. */
  headerRows?: Record<string, number>;
  /** Column letter → the person's confirmed choice, overriding suggestions, for the first table and every table with the same headings. */
  mapping?: Record<string, MappingChoice>;
  /** The same per sheet name, or per table as "Sheet!ROW" (its 1-based header row) where a sheet holds several; the table's own entry wins over its sheet's, and both over `mapping`. */
  mappings?: Record<string, Record<string, MappingChoice>>;
  /** File name to echo in the report. */
  file?: string;
  /** List the fixable cells (what the add-in's "Fix N values" writes back). */
  fixes?: boolean;
}

/** A value the add-in can write back, with the sheet it stands on. */
export type SheetFix = Fix & { sheet: string | null };

/** The report plus what the add-in needs beyond the JSON contract. */
export type CheckResult = CheckReport & { fixes?: SheetFix[] };

/** One table as the check reads it: where it is, its headings, its rows and (once decided) its mapping. */
interface Table {
  sheet: Sheet;
  /** 0-based header row. */
  headerRow: number;
  headers: Map<number, string>;
  aside: Set<number>;
  region: Region;
  /** Headings as one text: tables with the same headings share one mapping. */
  signature: string;
  mapping: Mapping;
}

/**
 * Checks a partner's workbook: finds every table of events in it (one sheet
 * per month, say) and its header row, maps the columns to the agreed fields,
 * normalises and validates every event row, and sums up the indicator. Never
 * throws on the workbook's content: whatever is wrong with it is in the
 * report, and every sheet not read says why in `skipped`.
 */
export function check(workbook: Workbook, options: CheckOptions = {}): CheckResult {
  const collection = options.collection ?? HSH_2023;
  const period = options.period ?? collection.period;
  const matcher = headerMatcher(collection);
  const legend = findLegend(workbook, matcher);
  const csv = workbook.source === 'csv';
  const sheetName = (s: Sheet): string | null => (csv ? null : s.name);
  const base = {
    ...(options.file !== undefined ? { file: options.file } : {}),
    period,
    date1904: workbook.date1904,
    engine: { version: ENGINE_VERSION, collection: collection.id },
  };

  // A data dictionary's coded headings join the legend ("Typ | LIT | Literacy": Typ is the type of event).
  const valueKeys = findValueKeys(workbook, collection, legend);
  const { tables, skipped } = findTables(workbook, options, { collection, matcher, legend, valueKeys, period, date1904: workbook.date1904 });
  if (tables.length === 0) {
    const issues = unmappedIssues(collection, [], csv);
    const only = options.sheet ? findSheetByName(workbook, options.sheet) : workbook.sheets.length === 1 ? workbook.sheets[0] : undefined;
    return {
      ...base, sheet: only ? sheetName(only) : null, headerRow: null, columns: [], tables: [], skipped, records: [], issues,
      summary: summarise([], issues, collection, new Set()), ...(options.fixes ? { fixes: [] } : {}),
    };
  }

  const normalise = withValueKeys(memoNormaliser({ collection, date1904: workbook.date1904 }), valueKeys);
  for (const t of tables) dropHopelessRequired(t, collection, normalise, options);
  const records: CheckRecord[] = [];
  const fixes: SheetFix[] = [];
  const issues: Issue[] = [];
  const outOfPeriod = new Set<CheckRecord>();
  /** Rows the partner marked as not held: their records, not counted. */
  const notHeld = new Set<CheckRecord>();
  const distinguish = new Map<CheckRecord, string>();
  const reports: TableReport[] = [];
  const doubted = new Set<string>();
  const messages = new Map();

  for (const t of tables) {
    const sheet = sheetName(t.sheet);
    const fields = mappedFields(t.mapping.columns, collection, period);
    const entry = (role: FieldRole) => fields.find((f) => f.field.role === role);
    const reads = (role: FieldRole) => (row: number): boolean => {
      const e = entry(role);
      if (!e || e.spread) return false;
      return normalise(e.field, t.region.cell(row, e.col)).kind === 'ok';
    };
    const fieldCols = new Set(fields.flatMap((f) => (f.spread?.combine === 'sum' ? f.spread.cols : f.spread?.combine === 'mark' ? f.spread.marks.map((m) => m.col) : f.spread?.combine === 'part' ? f.spread.parts.map((p) => p.col) : [f.col])));
    const titled = entry('title');
    const dated = entry('date');
    const kinds = classifyRows({
      region: t.region, titleCol: titled?.col, dateCol: dated?.col, engagementCol: entry('level')?.col,
      headerTexts: [...t.headers.values()].map((h) => h.toLowerCase()),
      isDate: reads('date'), isEngagement: reads('level'),
      isHeaderLike: (row) => headerLike(t.region, row, matcher),
      isHeadingRow: (row) => headingRow(t.region, row),
      fieldCols,
    });
    // A series' own row over its sessions, its count their sum: not an event of its own.
    const headcount = entry('headcount');
    if (headcount) {
      const countCols = headcount.spread?.combine === 'sum' ? headcount.spread.cols : headcount.spread ? [] : [headcount.col];
      const countOf = (row: number): number | undefined => {
        let total: number | undefined;
        for (const col of countCols) {
          const n = normalise(headcount.field, t.region.cell(row, col));
          if (n.kind === 'ok' && typeof n.value === 'number') total = (total ?? 0) + n.value;
        }
        return total;
      };
      markRollUps(kinds, {
        firstRow: t.region.firstRow, count: countOf,
        title: (row) => (titled && !titled.spread ? cellText(t.region.cell(row, titled.col)) : ''),
        hasDate: dated && !dated.spread ? reads('date') : () => true,
        undated: (row) => !!dated && !dated.spread && cellText(t.region.cell(row, dated.col)) === '',
        ...(t.sheet.outline ? { level: outlineLevels(t.sheet) } : {}),
      });
    }
    const below = kinds.indexOf('other_table');
    if (below >= 0) skipped.push({ sheet: t.sheet.name, reason: tableBelowReason(t, t.region.firstRow + below, t.region.firstRow + kinds.lastIndexOf('other_table')) });
    const streetCol = entry('street')?.col;
    const others = distinguishingColumns(t, collection);
    // A date column written day first: its dates that could be read either way are said to be unclear, never read the US way in silence.
    let rowNormalise = dated && !dated.spread && writtenDayFirst(t.region, dated.col) ? withDayFirstDoubt(normalise, dated.field) : normalise;
    if (dated && !dated.spread && writtenDottedDayFirst(t.region, dated.col)) rowNormalise = withDottedDayFirst(rowNormalise, dated.field);
    // A level column numbered on the partner's own scale (tiers 1 to 3): its 1s and 2s are not read as levels one and two without their key.
    const level = entry('level');
    const scale = level && !level.spread ? ownScale(t.region, level.col) : null;
    if (level && scale) rowNormalise = withOwnScale(rowNormalise, level.field, scale, (cell) => valueKeys.get(level.field.id)?.has(valueKeyOf(cellText(cell))) ?? false);
    const ctx = { collection, period, fields, normalise: rowNormalise, fixes: options.fixes === true, messages, ...(streetCol !== undefined ? { streetCol } : {}) };
    let count = 0;
    const description = entry('description');
    let last: CheckRecord | undefined;
    kinds.forEach((kind, i) => {
      // The event's description wrapped onto the next line joins it.
      if (kind === 'continuation' && last && description && !description.spread) {
        const more = cellText(t.region.cell(t.region.firstRow + i, description.col)).trim();
        const before = last.values[description.field.id];
        if (more) last.values[description.field.id] = typeof before === 'string' && before ? `${before} ${more}` : more;
      }
      // A row marked as not held is still a row of the partner's: a record, with a warning on the mark, that the indicator does not count.
      if (kind === 'not_held') {
        const r = t.region.firstRow + i;
        const col = notHeldMark(t.region, r, titled?.col, fieldCols)!;
        const value = cellText(t.region.raw(r, col));
        const field = t.mapping.columns.find((c) => c.column === columnLetter(col))?.field ?? null;
        issues.push({
          sheet, row: r + 1, column: columnLetter(col), field, severity: ISSUE_SEVERITY.event_not_held, code: 'event_not_held',
          message: issueMessage({ code: 'event_not_held' }, { value, fieldLabel: '' }), value,
        });
      } else if (kind !== 'record') return;
      const r = t.region.firstRow + i;
      const checked = validateRow(r, t.region.cell, ctx);
      const rec: CheckRecord = { sheet, row: r + 1, values: checked.values };
      records.push(rec);
      if (kind === 'not_held') notHeld.add(rec);
      last = rec;
      count++;
      for (const issue of checked.issues) issues.push({ sheet, ...issue });
      for (const f of checked.fixes) fixes.push({ sheet, ...f });
      if (checked.outOfPeriod) outOfPeriod.add(rec);
      if (others.length) distinguish.set(rec, others.map((c) => cellText(t.region.cell(r, c)).toLowerCase()).join('\u0000'));
    });
    reports.push({
      sheet, headerRow: t.headerRow + 1, firstRow: t.region.firstRow + 1, lastRow: Math.max(t.region.firstRow, t.region.lastRow) + 1,
      records: count, columns: t.mapping.columns,
    });
    // A shared mapping is confirmed once, where it is first shown.
    if (!doubted.has(t.signature)) {
      doubted.add(t.signature);
      for (const u of t.mapping.uncertain) {
        const field = collection.fields.find((f) => f.id === u.field);
        issues.push({
          sheet, column: u.column, field: u.field, severity: ISSUE_SEVERITY.uncertain_mapping, code: 'uncertain_mapping',
          message: issueMessage({ code: 'uncertain_mapping', params: { header: u.header, why: u.why } }, { value: u.header, fieldLabel: field?.label ?? u.field }),
          ...(u.header ? { value: u.header } : {}),
        });
      }
    }
  }
  // A sheet whose every event is also on the other sheets read ("All events" beside the month sheets) is read there, not twice.
  const included = new Set((options.include ?? []).map(fold));
  const at = new Map(reports.map((r, i) => [r, i]));
  for (const copy of copiedTables(reports, records, (r) => included.has(fold(r.sheet ?? ''))).sort((a, b) => at.get(a.table)! - at.get(b.table)!)) {
    const inCopy = (x: { sheet?: string | null; row?: number }) => x.sheet === copy.table.sheet && x.row !== undefined && x.row >= copy.table.firstRow && x.row <= copy.table.lastRow;
    reports.splice(reports.indexOf(copy.table), 1);
    for (let i = records.length - 1; i >= 0; i--) if (inCopy(records[i]!)) records.splice(i, 1);
    const heir = reports.find((r) => sameHeadings(r, copy.table));
    for (let i = issues.length - 1; i >= 0; i--) {
      const issue = issues[i]!;
      if (inCopy(issue)) issues.splice(i, 1);
      // What it said of its columns (a mapping to confirm) is said of the same columns where they are read.
      else if (issue.row === undefined && issue.sheet === copy.table.sheet && !reports.some((r) => r.sheet === copy.table.sheet)) {
        if (heir) issues[i] = { ...issue, sheet: heir.sheet };
        else issues.splice(i, 1);
      }
    }
    for (let i = fixes.length - 1; i >= 0; i--) if (inCopy(fixes[i]!)) fixes.splice(i, 1);
    skipped.push({ sheet: copy.table.sheet ?? '', reason: `its ${copy.table.records} events are all on ${copy.on.length === 1 ? 'the sheet' : 'the sheets'} ${copy.on.map((x) => `“${x}”`).join(', ')} too: read there, not twice` });
  }
  if (records.length === 0) issues.push(noEventsIssue(reports, skipped, csv));
  issues.push(...unmappedIssues(collection, reports, csv));
  const title = fieldIdOf(collection, 'title');
  const titleColumn = (rec: CheckRecord) => reports.find((r) => r.sheet === rec.sheet && rec.row >= r.firstRow && rec.row <= r.lastRow)?.columns.find((c) => c.field === title)?.column;
  issues.push(...findDuplicates(records, collection, titleColumn, distinguish));
  const order = new Map(tables.map((t, i) => [sheetName(t.sheet), i]));
  issues.sort((a, b) => byPosition(a, b, order));

  const first = reports[0]!;
  return {
    ...base, sheet: first.sheet, headerRow: first.headerRow, columns: first.columns, tables: reports, skipped, records, issues,
    summary: summarise(records, issues, collection, new Set([...outOfPeriod, ...notHeld])),
    ...(options.fixes ? { fixes } : {}),
  };
}

interface Context {
  date1904: boolean;
  collection: Collection;
  matcher: HeaderMatcher;
  legend: Legend;
  /** The partner's keys for coded values ("A = Touchpoint"): the values they explain fit their field. */
  valueKeys: ValueKeys;
  period: Period;
}

/** The tables of events to read, in workbook order, and every sheet not read with the reason. */
function findTables(workbook: Workbook, options: CheckOptions, ctx: Context): { tables: Table[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  const leaveOut = new Set((options.leaveOut ?? []).map(fold));
  let sheets = workbook.sheets;
  if (options.sheet) {
    const one = findSheetByName(workbook, options.sheet);
    sheets = one ? [one] : [];
  }
  const candidates: (TableCandidate & { table: Table })[] = [];
  const mappings = new Map<string, Mapping>();
  const found: { sheet: Sheet; index: number; headerRow: number; guess: HeaderGuess | null; chosenRow: number | undefined; stacked: boolean }[] = [];
  sheets.forEach((sheet, index) => {
    if (!options.sheet && leaveOut.has(fold(sheet.name))) {
      skipped.push({ sheet: sheet.name, reason: 'left out by you', byChoice: true });
      return;
    }
    const chosenRow = options.headerRows?.[sheet.name] ?? (options.sheet ? options.headerRow : undefined);
    const guess = chosenRow !== undefined ? null : detectHeaderRow(sheet, ctx.matcher, ctx.legend);
    const headerRow = chosenRow !== undefined ? chosenRow - 1 : guess?.row;
    if (headerRow === undefined || headerRow < 0) {
      skipped.push({ sheet: sheet.name, reason: reasonWithoutTable(sheet.name, sheetTexts(sheet)) });
      return;
    }
    // Tables stacked on the sheet, each under its own headings, are read each on its own rows; the person's header row is one table.
    const bands = guess ? stackedTables(sheet, guess, ctx.matcher, ctx.legend) : [];
    if (bands.length < 2) found.push({ sheet, index, headerRow, guess, chosenRow, stacked: false });
    else for (const b of bands) found.push({ sheet: b.sheet, index, headerRow: b.guess.row, guess: b.guess, chosenRow, stacked: true });
  });
  const frames = found.map((f) => frameOf(f.sheet, f.headerRow, options));
  for (const { sheet, index, headerRow, guess, chosenRow, stacked } of found) {
    const table = buildTable(sheet, headerRow, ctx, options, mappings, frames);
    candidates.push({
      table, index, name: sheet.name, hidden: sheet.hidden === true, headerScore: guess?.score ?? 10, dataRows: guess?.dataRows ?? table.region.lastRow - headerRow,
      columns: table.mapping.columns, signature: table.signature, chosen: chosenRow !== undefined || (options.sheet !== undefined && !stacked),
      ...(stacked ? { rows: [headerRow + 1, Math.max(headerRow, table.region.lastRow) + 1] as [number, number] } : {}),
    });
  }
  const include = new Set((options.include ?? []).map(fold));
  const decision = chooseTables(candidates, ctx.collection, include);
  skipped.push(...decision.skipped);
  const keep = new Set(decision.read);
  const tables = candidates.filter((c) => keep.has(c)).sort((a, b) => a.index - b.index || a.table.headerRow - b.table.headerRow).map((c) => c.table);
  // The person's header row without a sheet is the first table's (the one they were shown).
  const first = tables[0];
  if (first && options.headerRow !== undefined && !options.sheet && options.headerRows?.[first.sheet.name] === undefined && options.headerRow - 1 !== first.headerRow && options.headerRow >= 1) {
    tables[0] = buildTable(first.sheet, options.headerRow - 1, ctx, options, mappings);
  }
  // A table beside the events (a block of totals or a list to the right) is not read as events: say so.
  for (const t of tables) {
    if (t.aside.size === 0) continue;
    const cols = [...t.aside].sort((a, b) => a - b);
    const headings = cols.map((c) => t.headers.get(c)).filter((h): h is string => Boolean(h)).slice(0, 3).map((h) => `“${h.slice(0, 30)}”`);
    skipped.push({
      sheet: t.sheet.name,
      reason: `a table beside the events (columns ${columnLetter(cols[0]!)} to ${columnLetter(cols[cols.length - 1]!)}${headings.length ? `, ${headings.join(', ')}` : ''}): fewer rows than the events, not read as events`,
    });
  }
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  skipped.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
  return { tables, skipped };
}

/** The first texts of a sheet (enough to tell sentences from a table). */
function sheetTexts(sheet: Sheet, most = 200): string[] {
  const out: string[] = [];
  for (const row of sheet.rows) {
    for (const c of row ?? []) {
      if (!c || c.kind === 'empty') continue;
      const t = cellText(c).trim();
      if (t) out.push(t);
      if (out.length >= most) return out;
    }
  }
  return out;
}

function fold(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The person's mapping for one table: its own ("Programs!28", the sheet and
 * its header row, where a sheet holds several tables), else its sheet's.
 */
function ownMapping(options: CheckOptions, sheet: string, headerRow: number): Record<string, MappingChoice> | undefined {
  return options.mappings?.[`${sheet}!${headerRow + 1}`] ?? options.mappings?.[sheet];
}

/** A table's heading and rows, before its mapping. */
interface Frame {
  sheet: Sheet;
  headerRow: number;
  headers: Map<number, string>;
  aside: Set<number>;
  region: Region;
  signature: string;
  /** Tables with the same headings share one mapping (unless the person chose one for this sheet). */
  key: string;
}

function frameOf(sheet: Sheet, headerRow: number, options: CheckOptions): Frame {
  const headers = new Map<number, string>();
  headerRowCells(sheet, headerRow).forEach((cell, col) => {
    const t = cell ? cellText(cell) : '';
    if (t) headers.set(col, t);
  });
  const aside = asideColumns(sheet, headerRow, [...headers.keys()]);
  const region = tableRegion(sheet, headerRow, [...headers.keys()].filter((c) => !aside.has(c)));
  const signature = [...headers].map(([c, h]) => `${c}:${h.toLowerCase()}`).join('\u0001');
  const own = ownMapping(options, sheet.name, headerRow);
  return { sheet, headerRow, headers, aside, region, signature, key: `${signature}\u0002${own ? `${sheet.name}!${headerRow}` : ''}` };
}

/** Rows of all tables sharing a mapping that are read for its evidence: enough to judge, bounded in cost. */
const POOLED_ROWS = 5000;

/**
 * A table and its mapping. Tables with the same headings (one sheet per
 * month) share one mapping, decided on the values of all of them: a January
 * of two events says little about its columns, the year says more.
 */
function buildTable(sheet: Sheet, headerRow: number, ctx: Context, options: CheckOptions, cache: Map<string, Mapping>, siblings: readonly Frame[] = []): Table {
  const frame = siblings.find((f) => f.sheet === sheet && f.headerRow === headerRow) ?? frameOf(sheet, headerRow, options);
  const { headers, aside, region, signature, key } = frame;
  const overrides = ownMapping(options, sheet.name, headerRow) ?? options.mapping;
  let mapping = cache.get(key);
  if (!mapping) {
    const pool = [region, ...siblings.filter((f) => f.key === key && f.sheet !== sheet).map((f) => f.region)];
    const columnCells = (col: number): Cell[] => {
      const out: Cell[] = [];
      for (const g of pool) {
        for (let r = g.firstRow; r <= g.lastRow && out.length < POOLED_ROWS; r++) out.push(g.cell(r, col));
      }
      return out;
    };
    const hidden = new Set<number>();
    for (const w of sheet.widths ?? []) if (w.hidden) for (let c = w.from; c <= w.to && c <= w.from + 16384; c++) if (headers.has(c)) hidden.add(c);
    mapping = mapColumns({
      collection: ctx.collection, matcher: ctx.matcher, legend: ctx.legend, valueKeys: ctx.valueKeys, headers, columnCells, date1904: ctx.date1904, period: ctx.period, aside,
      ...(hidden.size ? { hidden } : {}),
      ...(overrides ? { overrides } : {}),
    });
    cache.set(key, mapping);
  }
  return { sheet, headerRow, headers, aside, region, signature, mapping };
}

/**
 * A required field whose column holds not one value of its kind (a column of
 * month names taken as the date) was a guess that failed: it is left unmapped,
 * so the report says once that the field has no column instead of flagging
 * every row. The person's own choice stays.
 */
function dropHopelessRequired(t: Table, collection: Collection, normalise: FieldNormaliser, options: CheckOptions): void {
  const chosen = ownMapping(options, t.sheet.name, t.headerRow) ?? options.mapping ?? {};
  t.mapping = {
    ...t.mapping,
    columns: t.mapping.columns.map((m) => {
      const field = m.field ? collection.fields.find((f) => f.id === m.field) : undefined;
      if (!field || field.requirement !== 'required' || field.kind === 'text' || m.combine || m.column in chosen || t.mapping.named.has(m.column)) return m;
      const col = columnIndex(m.column);
      let filled = 0;
      let good = 0;
      for (let r = t.region.firstRow; r <= t.region.lastRow && filled < 500; r++) {
        const res = normalise(field, t.region.cell(r, col));
        if (res.kind === 'empty') continue;
        filled++;
        // A real day written day first is a date of the column, asked about row by row.
        if (res.kind === 'ok' || (res.kind === 'invalid' && res.problem.reason === 'day_first')) good++;
      }
      if (filled < 5 || good > 0) return m;
      return { ...m, field: null, confidence: 0, reason: `Looked like ${field.label}, but none of its ${filled} values is one, so it is left out.` };
    }),
  };
  t.mapping.uncertain = t.mapping.uncertain.filter((u) => t.mapping.columns.some((c) => c.column === u.column && c.field === u.field));
}

function mappedFields(columns: ColumnMapping[], collection: Collection, period: Period): { field: FieldDef; col: number; spread?: Spread }[] {
  const out: { field: FieldDef; col: number; spread?: Spread }[] = [];
  for (const c of columns) {
    const field = c.field ? collection.fields.find((f) => f.id === c.field) : undefined;
    if (!field) continue;
    const col = columnIndex(c.column);
    if (!c.combine) {
      out.push({ field, col });
      continue;
    }
    const existing = out.find((f) => f.field.id === field.id && f.spread?.combine === c.combine);
    const headers = { [col]: c.header };
    const part = (c.option === 'month' || c.option === 'day' || c.option === 'year' ? c.option : 'day') as DatePart;
    if (existing?.spread?.combine === 'sum') existing.spread.cols.push(col);
    else if (existing?.spread?.combine === 'mark') existing.spread.marks.push({ col, option: c.option ?? '' });
    else if (existing?.spread?.combine === 'part') existing.spread.parts.push({ col, part });
    else if (c.combine === 'part') {
      // Without a year column, the year is the period's, when the period is one calendar year.
      const year = periodYear(period);
      out.push({ field, col, spread: { combine: 'part', parts: [{ col, part }], headers, ...(year !== undefined ? { year } : {}) } });
    } else out.push({ field, col, spread: c.combine === 'sum' ? { combine: 'sum', cols: [col], headers } : { combine: 'mark', marks: [{ col, option: c.option ?? '' }], headers } });
    if (existing?.spread) existing.spread.headers = { ...existing.spread.headers, [col]: c.header };
  }
  return out;
}

/**
 * One file-level error per required field no table maps; when some tables
 * map it and others do not, one per table that lacks it, naming its sheet.
 */
function unmappedIssues(collection: Collection, tables: TableReport[], csv: boolean): Issue[] {
  const out: Issue[] = [];
  for (const f of collection.fields) {
    if (f.requirement !== 'required') continue;
    const lacking = tables.filter((t) => !t.columns.some((c) => c.field === f.id));
    const make = (sheet?: string | null): Issue => ({
      ...(sheet !== undefined && !csv ? { sheet } : {}),
      field: f.id, severity: ISSUE_SEVERITY.unmapped_required_field, code: 'unmapped_required_field',
      message: issueMessage({ code: 'unmapped_required_field' }, { value: '', fieldLabel: f.label }) + (sheet ? ` (sheet ${sheet})` : ''),
    });
    if (tables.length === 0 || lacking.length === tables.length) out.push(make());
    else for (const t of lacking) out.push(make(t.sheet));
  }
  return out;
}

/**
 * Headings and no event under them (a blank template): one finding for the
 * file, not a storm of empty required cells.
 */
/**
 * Tables every event of which (all its values alike) stands in another table
 * read too: a sheet of all the events beside the month sheets it gathers, or
 * a copy of a sheet. The larger is the copy (the gathering one), the later
 * of two alike; one the person asked to have read is kept. A table of fewer
 * than three events, or with any event of its own, is no copy.
 */
function copiedTables(reports: TableReport[], records: CheckRecord[], chosen: (t: TableReport) => boolean): { table: TableReport; on: string[] }[] {
  if (reports.length < 2) return [];
  const key = (rec: CheckRecord) => JSON.stringify(Object.keys(rec.values).sort().map((k) => [k, rec.values[k]]));
  const keysOf = new Map<TableReport, string[]>();
  for (const t of reports) keysOf.set(t, records.filter((x) => x.sheet === t.sheet && x.row >= t.firstRow && x.row <= t.lastRow).map(key));
  const kept = [...reports];
  const out: { table: TableReport; on: string[] }[] = [];
  for (;;) {
    const where = new Map<string, Set<TableReport>>();
    for (const t of kept) for (const k of keysOf.get(t)!) (where.get(k) ?? where.set(k, new Set()).get(k)!).add(t);
    let pick: { table: TableReport; on: string[] } | undefined;
    for (const t of kept) {
      const keys = keysOf.get(t)!;
      if (keys.length < 3 || chosen(t)) continue;
      const others = new Set<TableReport>();
      let covered = true;
      for (const k of keys) {
        const elsewhere = [...where.get(k)!].filter((o) => o !== t);
        if (elsewhere.length === 0) {
          covered = false;
          break;
        }
        for (const o of elsewhere) others.add(o);
      }
      if (covered && (!pick || keys.length >= keysOf.get(pick.table)!.length)) pick = { table: t, on: [...new Set([...others].map((o) => o.sheet ?? ''))] };
    }
    if (!pick) return out;
    kept.splice(kept.indexOf(pick.table), 1);
    out.push(pick);
  }
}

/** A sheet's outline level of each row, 0 where it has none. */
function outlineLevels(sheet: Sheet): (row: number) => number {
  const levels = new Map(sheet.outline ?? []);
  return (row) => levels.get(row) ?? 0;
}

/** Two tables under the same headings. */
function sameHeadings(a: TableReport, b: TableReport): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c.header === b.columns[i]!.header && c.column === b.columns[i]!.column);
}

function noEventsIssue(tables: TableReport[], skipped: Skipped[], csv: boolean): Issue {
  const sheet = csv ? undefined : (tables[0]?.sheet ?? undefined);
  const examples = skipped.filter((s) => s.reason.startsWith(EXAMPLES_SKIPPED)).map((s) => `“${s.sheet}”`).join(', ');
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    field: null, severity: ISSUE_SEVERITY.no_events, code: 'no_events',
    message: issueMessage({ code: 'no_events', params: { ...(sheet ? { sheet } : {}), ...(examples ? { examples } : {}) } }, { value: '', fieldLabel: '' }),
  };
}

/** Unmapped columns that tell two sessions apart: a time, a branch, a room. Two rows differing there are not duplicates. */
function distinguishingColumns(t: Table, collection: Collection): number[] {
  const words = new Set(collection.vocabulary.distinguish.flatMap((w) => headerWords(w)));
  if (words.size === 0) return [];
  const out: number[] = [];
  for (const m of t.mapping.columns) {
    if (m.field) continue;
    const col = columnIndex(m.column);
    if (t.aside.has(col)) continue;
    if (headerWords(m.header).some((w) => words.has(w))) out.push(col);
  }
  return out;
}

function byPosition(a: Issue, b: Issue, order: Map<string | null, number>): number {
  const sa = a.row === undefined ? -1 : order.get(a.sheet ?? null) ?? 0;
  const sb = b.row === undefined ? -1 : order.get(b.sheet ?? null) ?? 0;
  if (sa !== sb) return sa - sb;
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  return columnIndex(a.column ?? '') - columnIndex(b.column ?? '');
}

/** The texts of a row of short headings (text only, none longer than 40 characters or with a figure), or null. */
function headingTexts(region: Region, row: number): string[] | null {
  const texts: string[] = [];
  for (const c of region.columns) {
    const cell = region.raw(row, c);
    if (cell.kind === 'empty') continue;
    if (cell.kind !== 'text') return null;
    const t = cellText(cell);
    if (t.length > 40 || /\d/.test(t)) return null;
    texts.push(t);
  }
  return texts;
}

/** A row of short headings: two or more texts, none with a figure in it. */
function headingRow(region: Region, row: number): boolean {
  return (headingTexts(region, row)?.length ?? 0) >= 2;
}

/** "a table below the events (rows 8 to 11, “Month”, “Total”): not read as events". */
function tableBelowReason(t: Table, row: number, last: number): string {
  const headings: string[] = [];
  for (const c of t.region.columns) {
    const text = cellText(t.region.raw(row, c));
    if (text && headings.length < 3) headings.push(`“${text.slice(0, 30)}”`);
  }
  return `a table below the events (rows ${row + 1} to ${last + 1}, ${headings.join(', ')}): other figures, not read as events`;
}

/** A row that names fields like a header ("Name | Role | Phone | Zip"): the start of another table below the events. */
function headerLike(region: Region, row: number, matcher: HeaderMatcher): boolean {
  const texts = headingTexts(region, row);
  if (!texts || texts.length < 3) return false;
  return texts.filter((t) => (matchHeader(t, matcher)[0]?.score ?? 0) >= 0.75).length >= 2;
}

/** The partner's own key for coded values ("0 = Touchpoint") comes before the usual reading of the code. */
function withValueKeys(normalise: FieldNormaliser, keys: ValueKeys): FieldNormaliser {
  if (keys.size === 0) return normalise;
  return (field, cell) => {
    const codes = keys.get(field.id);
    if (codes && cell.kind !== 'empty') {
      const id = codes.get(valueKeyOf(cellText(cell)));
      if (id !== undefined) return { kind: 'ok', value: field.kind === 'enum_list' ? [id] : id };
      // "P/C", "P, T": a list of the key's codes, for a field of several options.
      const ids = field.kind === 'enum_list' ? keyedList(codes, cellText(cell)) : undefined;
      if (ids) return { kind: 'ok', value: ids };
    }
    return normalise(field, cell);
  };
}
