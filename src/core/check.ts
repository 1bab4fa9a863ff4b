import { HSH_2023 } from './collection/hsh2023';
import type { Collection, FieldDef, Period } from './collection/types';
import { headerRowCells } from './detect/headerCells';
import { detectHeaderRow, type HeaderGuess } from './detect/headerRow';
import { detectSheet, findSheetByName } from './detect/sheet';
import { ISSUE_SEVERITY } from './issues';
import { headerMatcher, matchHeader, type HeaderMatcher } from './mapping/headerMatch';
import { findLegend } from './mapping/legend';
import { mapColumns } from './mapping/mapColumns';
import { issueMessage } from './messages';
import { memoNormaliser, type FieldNormaliser } from './normalise/memo';
import { findValueKeys, valueKeyOf, type ValueKeys } from './mapping/valueKey';
import { classifyRows } from './records/classify';
import { tableRegion, type Region } from './records/region';
import { asideColumns } from './records/tables';
import type { CheckRecord, CheckReport, ColumnMapping, Issue } from './report';
import { summarise } from './summary';
import { findDuplicates } from './validate/duplicates';
import { validateRow, type Fix } from './validate/validateRow';
import { cellText, columnIndex, type Cell, type Sheet, type Workbook } from './workbook';

export const ENGINE_VERSION = '0.2.0';

/**
 * What the person chose for one column: a field id, null for "no field", or
 * one part of a field spread over several columns (adults + children to add
 * up; one mark column per audience, with the option it selects).
 */
export type MappingChoice = string | null | { field: string; combine?: 'sum' | 'mark'; option?: string };

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
  /** The same per sheet name; a sheet's own entry wins over `mapping`. */
  mappings?: Record<string, Record<string, MappingChoice>>;
  /** File name to echo in the report. */
  file?: string;
  /** List the fixable cells (what the add-in's "Fix N values" writes back). */
  fixes?: boolean;
}

/** The report plus what the add-in needs beyond the JSON contract. */
export type CheckResult = CheckReport & { fixes?: Fix[] };

/**
 * Checks a partner's workbook: finds the event sheet and its header row,
 * maps the columns to the agreed fields, normalises and validates every
 * event row, and sums up the indicator. Never throws on the workbook's
 * content: whatever is wrong with it is in the report.
 */
export function check(workbook: Workbook, options: CheckOptions = {}): CheckResult {
  const collection = options.collection ?? HSH_2023;
  const period = options.period ?? collection.period;
  const matcher = headerMatcher(collection);
  const legend = findLegend(workbook, matcher);

  let sheet: Sheet | undefined = options.sheet ? findSheetByName(workbook, options.sheet) : undefined;
  let header: HeaderGuess | null;
  if (sheet) header = detectHeaderRow(sheet, matcher, legend);
  else {
    const guess = detectSheet(workbook, matcher, legend);
    sheet = guess?.sheet;
    header = guess?.header ?? null;
  }
  const headerRow = options.headerRow !== undefined ? options.headerRow - 1 : header?.row;
  const base = {
    ...(options.file !== undefined ? { file: options.file } : {}),
    sheet: sheet && workbook.source !== 'csv' ? sheet.name : null,
    period,
    date1904: workbook.date1904,
    engine: { version: ENGINE_VERSION, collection: collection.id },
  };
  if (!sheet || headerRow === undefined || headerRow < 0) {
    const issues = unmappedIssues(collection, []);
    return { ...base, headerRow: null, columns: [], tables: [], skipped: [], records: [], issues, summary: summarise([], issues, collection, new Set()), ...(options.fixes ? { fixes: [] } : {}) };
  }

  const headers = new Map<number, string>();
  headerRowCells(sheet, headerRow).forEach((cell, col) => {
    const t = cell ? cellText(cell) : '';
    if (t) headers.set(col, t);
  });
  const aside = asideColumns(sheet, headerRow, [...headers.keys()]);
  const region = tableRegion(sheet, headerRow, [...headers.keys()].filter((c) => !aside.has(c)));
  const columnCells = (col: number): Cell[] => {
    const out: Cell[] = [];
    for (let r = region.firstRow; r <= region.lastRow; r++) out.push(region.cell(r, col));
    return out;
  };
  const columns = mapColumns({
    collection, matcher, legend, headers, columnCells, date1904: workbook.date1904, period,
    ...(options.mapping ? { overrides: Object.fromEntries(Object.entries(options.mapping).map(([k, v]) => [k, v !== null && typeof v === 'object' ? v.field : v])) } : {}),
    aside,
  });

  const fields = mappedFields(columns, collection);
  const issues: Issue[] = unmappedIssues(collection, columns);
  const colOf = (id: string): number | undefined => fields.find((f) => f.field.id === id)?.col;
  const fieldOf = (id: string): FieldDef | undefined => fields.find((f) => f.field.id === id)?.field;
  const normalise = withValueKeys(memoNormaliser({ collection, date1904: workbook.date1904 }), findValueKeys(workbook, collection));
  const reads = (id: string) => (row: number): boolean => {
    const col = colOf(id);
    const field = fieldOf(id);
    if (col === undefined || !field) return false;
    return normalise(field, region.cell(row, col)).kind === 'ok';
  };
  const kinds = classifyRows({
    region, titleCol: colOf('title'), dateCol: colOf('date'), engagementCol: colOf('engagement'),
    headerTexts: [...headers.values()].map((t) => t.toLowerCase()),
    isDate: reads('date'), isEngagement: reads('engagement'),
    isHeaderLike: (row) => headerLike(region, row, matcher),
  });

  const records: CheckRecord[] = [];
  const fixes: Fix[] = [];
  const outOfPeriod = new Set<number>();
  const streetCol = colOf('street');
  const ctx = { collection, period, fields, normalise, fixes: options.fixes === true, messages: new Map(), ...(streetCol !== undefined ? { streetCol } : {}) };
  kinds.forEach((kind, i) => {
    if (kind !== 'record') return;
    const r = region.firstRow + i;
    const checked = validateRow(r, region.cell, ctx);
    records.push({ row: r + 1, values: checked.values });
    issues.push(...checked.issues);
    for (const f of checked.fixes) fixes.push(f);
    if (checked.outOfPeriod) outOfPeriod.add(r + 1);
  });
  issues.push(...findDuplicates(records, columns.find((c) => c.field === 'title')?.column));
  issues.sort(byPosition);

  return { ...base, headerRow: headerRow + 1, columns, tables: [{ sheet: base.sheet, headerRow: headerRow + 1, firstRow: region.firstRow + 1, lastRow: region.lastRow + 1, records: records.length, columns }], skipped: [], records, issues, summary: summarise(records, issues, collection, outOfPeriod), ...(options.fixes ? { fixes } : {}) };
}

function mappedFields(columns: ColumnMapping[], collection: Collection): { field: FieldDef; col: number }[] {
  const out: { field: FieldDef; col: number }[] = [];
  for (const c of columns) {
    const field = c.field ? collection.fields.find((f) => f.id === c.field) : undefined;
    if (field) out.push({ field, col: columnIndex(c.column) });
  }
  return out;
}

function unmappedIssues(collection: Collection, columns: ColumnMapping[]): Issue[] {
  const mapped = new Set(columns.map((c) => c.field));
  return collection.fields
    .filter((f) => f.requirement === 'required' && !mapped.has(f.id))
    .map((f) => ({
      field: f.id, severity: ISSUE_SEVERITY.unmapped_required_field, code: 'unmapped_required_field' as const,
      message: issueMessage({ code: 'unmapped_required_field' }, { value: '', fieldLabel: f.label }),
    }));
}

function byPosition(a: Issue, b: Issue): number {
  const ra = a.row ?? 0;
  const rb = b.row ?? 0;
  if (ra !== rb) return ra - rb;
  return columnIndex(a.column ?? '') - columnIndex(b.column ?? '');
}

/** A row that names fields like a header ("Name | Role | Phone | Zip"): the start of another table below the events. */
function headerLike(region: Region, row: number, matcher: HeaderMatcher): boolean {
  let texts = 0;
  let named = 0;
  for (const c of region.columns) {
    const cell = region.raw(row, c);
    if (cell.kind === 'empty') continue;
    if (cell.kind !== 'text') return false;
    const t = cellText(cell);
    if (t.length > 40 || /\d/.test(t)) return false;
    texts++;
    const best = matchHeader(t, matcher)[0];
    if (best && best.score >= 0.75) named++;
  }
  return texts >= 3 && named >= 2;
}

/** The partner's own key for coded values ("0 = Touchpoint") comes before the usual reading of the code. */
function withValueKeys(normalise: FieldNormaliser, keys: ValueKeys): FieldNormaliser {
  if (keys.size === 0) return normalise;
  return (field, cell) => {
    const codes = keys.get(field.id);
    if (codes && cell.kind !== 'empty') {
      const id = codes.get(valueKeyOf(cellText(cell)));
      if (id !== undefined) return { kind: 'ok', value: field.kind === 'enum_list' ? [id] : id };
    }
    return normalise(field, cell);
  };
}
