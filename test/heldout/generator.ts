/**
 * The partner workbooks of the QA rounds, as regression tests: one data file per round
 * (rounds/roundN.json) holds every workbook cell by cell and the raw → expected tables its
 * truth is built from; this module writes them (.xlsx or .csv) and builds each truth in the
 * dev corpus's format (shared/corpus/README.md). The truth never comes from the engine.
 *
 *   npx tsx test/heldout/generator.ts [OUT_DIR] [ROUND...]     (default /tmp/qa/heldout, all rounds)
 *
 * writes every workbook and its .truth.json into OUT_DIR/roundN, for the corpus scorer.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { z } from 'zod';

export const ROUNDS_DIR = path.join(__dirname, 'rounds');

// ------------------------------------------------------------ the round file

const FIELDS = ['title', 'date', 'event_type', 'description', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ['title', 'date', 'audience', 'engagement', 'attendees'];

/** A cell as written: text, a number, a date (UTC; `fmt` defaults to m/d/yyyy, null leaves it unset), a number shown with a format, or a formula with its cached result. */
const Cell = z.union([
  z.string(), z.number(), z.null(),
  z.strictObject({ date: z.string(), fmt: z.string().nullable().optional() }),
  z.strictObject({ number: z.number(), fmt: z.string() }),
  z.strictObject({ formula: z.string(), result: z.union([z.number(), z.string()]) }),
]);
type Cell = z.infer<typeof Cell>;

/** What a cell should read as: a normalised value, a clear-cut error, an ambiguous cell (not scored), or nothing. `value` overrides the cell's text in the truth. */
const Expect = z.union([
  z.strictObject({ err: z.string(), value: z.string().optional() }),
  z.strictObject({ amb: z.string(), scope: z.enum(['cell', 'value']), value: z.string().optional() }),
  z.strictObject({ none: z.literal(true) }),
  z.union([z.string(), z.number(), z.array(z.string())]),
]);
type Expect = z.infer<typeof Expect>;

/** A cell of an event row that carries its own expectation instead of the round's tables. */
const Annotated = z.strictObject({ raw: Cell, expect: Expect });
const EventCell = z.union([Cell, Annotated]);
type EventCell = z.infer<typeof EventCell>;

const TruthError = z.strictObject({ column: z.string(), field: z.string(), code: z.string(), value: z.string() });
const TruthAmbiguous = z.strictObject({ column: z.string(), field: z.string(), value: z.string(), reason: z.string(), scope: z.enum(['cell', 'value']) });
/** A row of the events sheet: an event (its cells from column A), an event whose truth is written out, or a row that is no event, with its kind. */
const Row = z.union([
  z.array(EventCell),
  z.strictObject({ cells: z.array(Cell), record: z.record(z.string(), z.unknown()), errors: z.array(TruthError), ambiguous: z.array(TruthAmbiguous) }),
  z.strictObject({ kind: z.string(), cells: z.array(Cell).optional() }),
]);
type Row = z.infer<typeof Row>;

const Sheet = z.strictObject({
  name: z.string(),
  state: z.enum(['hidden', 'veryHidden']).optional(),
  /** Rows from row 1, cells from column A (on the events sheet, with kinds and expectations). */
  rows: z.array(Row),
  merges: z.array(z.string()).optional(),
  bold: z.array(z.number()).optional(),
  wrap: z.array(z.number()).optional(),
  /** Ranges shaded yellow with a thin bottom border ("formatted empty rows"). */
  shaded: z.array(z.string()).optional(),
  hiddenColumns: z.array(z.string()).optional(),
  columnWidth: z.number().optional(),
});
type Sheet = z.infer<typeof Sheet>;

const Csv = z.strictObject({
  encoding: z.enum(['utf8', 'latin1', 'cp1252', 'utf16le']),
  delimiter: z.string(),
  crlf: z.boolean().optional(),
  bom: z.boolean().optional(),
  /** A first line "sep=<delimiter>", as Excel on Windows writes; it is row 1 of `rows`. */
  sepHint: z.boolean().optional(),
  rows: z.array(Row),
});

const WorkbookSpec = z.strictObject({
  file: z.string(),
  about: z.string().optional(),
  features: z.array(z.string()),
  dateMode: z.string().optional(),
  date1904: z.boolean().optional(),
  /** The events sheet (absent for a CSV). */
  sheet: z.string().optional(),
  headerRow: z.number(),
  /** Column letter → the field it holds (null: a column that is no field). */
  columns: z.record(z.string(), z.enum(FIELDS).nullable()),
  /** Headings the truth names differently from the header cell (a heading on a group row). */
  headers: z.record(z.string(), z.string()).optional(),
  sheets: z.array(Sheet).optional(),
  csv: Csv.optional(),
});
export type WorkbookSpec = z.infer<typeof WorkbookSpec>;

export const RoundSpec = z.strictObject({
  round: z.number(),
  about: z.string(),
  period: z.unknown(),
  /** Field → raw cell text → expectation, for the cells that do not read as themselves. */
  values: z.partialRecord(z.enum(FIELDS), z.record(z.string(), Expect)),
  workbooks: z.array(WorkbookSpec),
});
export type RoundSpec = z.infer<typeof RoundSpec>;

export function loadRounds(dir = ROUNDS_DIR): RoundSpec[] {
  return fs.readdirSync(dir).filter((f) => /^round\d+\.json$/.test(f))
    .map((f) => RoundSpec.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))))
    .sort((a, b) => a.round - b.round);
}

// ------------------------------------------------------------ cells

const colIndex = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const isAnnotated = (c: EventCell | undefined): c is z.infer<typeof Annotated> => typeof c === 'object' && c !== null && 'expect' in c;
const isEmpty = (c: Cell | undefined): boolean => c === undefined || c === null || c === '';

/** The cell's text as the truth quotes it (dates as ISO instants, formulas as their result). */
function text(c: Cell | undefined): string {
  if (c === undefined || c === null) return '';
  if (typeof c !== 'object') return String(c);
  if ('date' in c) return new Date(c.date).toISOString();
  if ('number' in c) return String(c.number);
  return String(c.result);
}

/** Expectation of a cell no table names: empty required cells are missing, dates read as their day, ZIP numbers as text, everything else as itself. */
function byDefault(field: Field, c: Cell | undefined): Expect {
  if (isEmpty(c)) return REQUIRED.includes(field) ? { err: 'missing_required' } : { none: true };
  if (typeof c === 'object' && c !== null) {
    if ('date' in c) return new Date(c.date).toISOString().slice(0, 10);
    if ('number' in c) return c.number;
    c = c.result;
  }
  return field === 'zip' ? String(c) : (c as string | number);
}

export function expectationOf(round: RoundSpec, field: Field, c: EventCell | undefined): Expect {
  if (isAnnotated(c)) return c.expect;
  const table = round.values[field];
  if (table && (typeof c === 'string' || typeof c === 'number') && Object.hasOwn(table, String(c))) return table[String(c)];
  return byDefault(field, c);
}

// ------------------------------------------------------------ truth

export interface Truth {
  file: string; sheet: string | null; headerRow: number; period: unknown; date1904: boolean; dateMode?: string; features: string[];
  columns: Record<string, string | null>; headers: Record<string, string>;
  records: Record<string, Record<string, unknown>>; errors: ({ row: number } & z.infer<typeof TruthError>)[];
  notRecords: number[]; notRecordKinds: Record<string, string>; ambiguous: ({ row: number } & z.infer<typeof TruthAmbiguous>)[];
}

function eventRows(wb: WorkbookSpec): Row[] {
  if (wb.csv) return wb.csv.rows;
  const sheet = wb.sheets?.find((s) => s.name === wb.sheet);
  if (!sheet) throw new Error(`${wb.file}: no sheet ${wb.sheet}`);
  return sheet.rows;
}
const cellsOf = (row: Row): EventCell[] => (Array.isArray(row) ? row : row.cells ?? []);
const rawOf = (c: EventCell | undefined): Cell => (isAnnotated(c) ? c.raw : c ?? null);

/** The workbook's truth, from its cells and the round's raw → expected tables. */
export function truthOf(round: RoundSpec, wb: WorkbookSpec): Truth {
  const rows = eventRows(wb);
  const headerCells = cellsOf(rows[wb.headerRow - 1]);
  const headers: Record<string, string> = {};
  for (const l of Object.keys(wb.columns)) headers[l] = wb.headers?.[l] ?? text(rawOf(headerCells[colIndex(l)]));
  const truth: Truth = {
    file: wb.file, sheet: wb.csv ? null : wb.sheet ?? null, headerRow: wb.headerRow, period: round.period, date1904: !!wb.date1904,
    ...(wb.dateMode ? { dateMode: wb.dateMode } : {}), features: wb.features, columns: wb.columns, headers,
    records: {}, errors: [], notRecords: [], notRecordKinds: {}, ambiguous: [],
  };
  rows.forEach((row, i) => {
    const r = i + 1;
    if (!Array.isArray(row) && 'kind' in row) { truth.notRecords.push(r); truth.notRecordKinds[r] = row.kind; return; }
    if (!Array.isArray(row)) {
      truth.records[r] = row.record;
      truth.errors.push(...row.errors.map((e) => ({ row: r, ...e })));
      truth.ambiguous.push(...row.ambiguous.map((a) => ({ row: r, ...a })));
      return;
    }
    const values: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(wb.columns)) {
      if (!field) continue;
      const c = row[colIndex(column)];
      const e = expectationOf(round, field, c);
      if (typeof e !== 'object' || Array.isArray(e)) values[field] = e;
      else if ('err' in e) truth.errors.push({ row: r, column, field, code: e.err, value: e.value ?? text(rawOf(c)) });
      else if ('amb' in e) truth.ambiguous.push({ row: r, column, field, value: e.value ?? text(rawOf(c)), reason: e.amb, scope: e.scope });
    }
    truth.records[r] = values;
  });
  return truth;
}

// ------------------------------------------------------------ writers

function excelValue(c: Cell): ExcelJS.CellValue {
  if (c === null || typeof c !== 'object') return c;
  if ('date' in c) return new Date(c.date);
  if ('number' in c) return c.number;
  return { formula: c.formula, result: c.result } as ExcelJS.CellFormulaValue;
}
const numFmtOf = (c: Cell): string | undefined =>
  typeof c === 'object' && c !== null && 'fmt' in c ? c.fmt ?? undefined : typeof c === 'object' && c !== null && 'date' in c ? 'm/d/yyyy' : undefined;

function addSheet(wb: ExcelJS.Workbook, s: Sheet): void {
  const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
  s.rows.forEach((row, i) => cellsOf(row).forEach((ec, j) => {
    const c = rawOf(ec);
    if (c === null) return;
    const cell = ws.getCell(i + 1, j + 1);
    cell.value = excelValue(c);
    const fmt = numFmtOf(c);
    if (fmt) cell.numFmt = fmt;
  }));
  for (const range of s.shaded ?? []) {
    const [a, b] = range.split(':').map((ref) => ws.getCell(ref));
    for (let r = Number(a.row); r <= Number(b.row); r++) for (let c = Number(a.col); c <= Number(b.col); c++) {
      const cell = ws.getCell(r, c);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }; cell.border = { bottom: { style: 'thin' } };
    }
  }
  s.merges?.forEach((m) => ws.mergeCells(m));
  s.bold?.forEach((r) => { ws.getRow(r).font = { bold: true }; });
  s.wrap?.forEach((r) => { ws.getRow(r).alignment = { wrapText: true }; });
  s.hiddenColumns?.forEach((c) => { ws.getColumn(c).hidden = true; });
  if (s.columnWidth) ws.columns.forEach((c) => { c.width = s.columnWidth; });
}

function csvBytes(csv: z.infer<typeof Csv>): Buffer {
  const q = (c: Cell): string => {
    const s = text(c);
    return s.includes(csv.delimiter) || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = csv.rows.map((r) => cellsOf(r).map(rawOf));
  const width = Math.max(...rows.map((r) => r.length));
  const lines = rows.map((r) => Array.from({ length: width }, (_, i) => q(r[i] ?? null)).join(csv.delimiter));
  if (csv.sepHint) lines[0] = `sep=${csv.delimiter}`;
  const eol = csv.crlf ? '\r\n' : '\n';
  const body = (csv.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
  return csv.encoding === 'cp1252' ? iconv.encode(body, 'win1252') : Buffer.from(body, csv.encoding);
}

/** The workbook's bytes as a partner would send them. */
export async function workbookBytes(wb: WorkbookSpec): Promise<Buffer> {
  if (wb.csv) return csvBytes(wb.csv);
  const book = new ExcelJS.Workbook();
  if (wb.date1904) book.properties.date1904 = true;
  wb.sheets?.forEach((s) => addSheet(book, s));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes every workbook of a round and its truth file into `dir`. */
export async function writeRound(round: RoundSpec, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const wb of round.workbooks) {
    fs.writeFileSync(path.join(dir, wb.file), await workbookBytes(wb));
    fs.writeFileSync(path.join(dir, wb.file.replace(/\.(xlsx|csv)$/, '.truth.json')), JSON.stringify(truthOf(round, wb), null, 1));
  }
}

if (require.main === module) {
  const [out = '/tmp/qa/heldout', ...only] = process.argv.slice(2);
  void (async () => {
    for (const round of loadRounds()) {
      if (only.length && !only.includes(String(round.round))) continue;
      await writeRound(round, path.join(path.resolve(out), `round${round.round}`));
      process.stderr.write(`round ${round.round}: wrote ${round.workbooks.length} workbooks\n`);
    }
  })();
}
