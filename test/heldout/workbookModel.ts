/**
 * The file model and writer shared by the QA generators (test/heldout3, test/heldout4): a spec of
 * columns and rows becomes an .xlsx or .csv partner workbook plus its truth file, in the format of
 * ../shared/corpus/dev. The generators pass their own seeded pick(), so output stays reproducible.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export type Field = 'title' | 'date' | 'event_type' | 'description' | 'street' | 'city' | 'zip' | 'audience' | 'engagement' | 'attendees';
export interface Formula { formula: string; result: number | string }
export type Raw = string | number | Date | Formula | null;
export type Exp = { v: unknown } | { err: string } | { amb: string; scope: 'cell' | 'value' } | { none: true };
export interface Cell { raw: Raw; exp: Exp; fmt?: string }
export interface Col { h: string | null; f: Field | null; gen?: (i: number) => Raw; box?: string }
export type Cells = Partial<Record<Field, Cell>>;
export type RowSpec = { kind: 'data'; cells: Cells } | { kind: string; raw: Record<number, Raw> };
export const REQ: Field[] = ['title', 'date', 'audience', 'engagement', 'attendees'];
export const empty = (field: Field): Cell => ({ raw: null, exp: REQ.includes(field) ? { err: 'missing_required' } : { none: true } });

export interface Sheet { name: string; state?: 'hidden' | 'veryHidden'; rows: Raw[][] }
export interface FileSpec {
  file: string; sheet: string; features: string[]; before?: Sheet[]; after?: Sheet[]; startCol: number;
  pre?: { kind: string; raw: Record<number, Raw> }[]; cols: Col[]; headerRow: number; rows: RowSpec[]; merges?: string[];
  csv?: { encoding: 'utf16le' | 'utf8'; delim: string; crlf?: boolean; bom?: boolean };
  textCols?: number[]; // relative col indexes with numFmt '@'
  headersOverride?: Record<string, string>; // truth header text for columns whose heading is on a group row
}

const L = (n: number) => { let s = ''; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };
const isFormula = (v: Raw): v is Formula => typeof v === 'object' && v !== null && !(v instanceof Date);
const rawText = (v: Raw): string => v instanceof Date ? v.toISOString() : isFormula(v) ? String(v.result) : String(v ?? '');

/** Writes one workbook (.xlsx or .csv) and its truth file, in the dev corpus's truth format. */
export async function writeWorkbook(spec: FileSpec, out: string, pick: <T>(a: readonly T[]) => T): Promise<void> {
  const truth: Record<string, unknown> = { file: spec.file, sheet: spec.csv ? null : spec.sheet, headerRow: spec.headerRow, period: '2023-01-01..2023-12-31', date1904: false, features: spec.features };
  const columns: Record<string, string | null> = {}, headers: Record<string, string> = {};
  spec.cols.forEach((c, i) => { const col = L(spec.startCol + i); const h = spec.headersOverride?.[col] ?? c.h; if (h) { columns[col] = c.box ? 'audience' : c.f; headers[col] = h; } });
  truth.columns = columns; truth.headers = headers;
  const grid: Raw[][] = []; const fmts: (string | undefined)[][] = [];
  const notRecords: number[] = [], kinds: Record<string, string> = {};
  const records: Record<string, Record<string, unknown>> = {}; const errors: unknown[] = []; const ambiguous: unknown[] = [];
  let r = 1;
  const put = (row: number, rel: number, v: Raw, fmt?: string) => { const g = (grid[row - 1] ??= []); if (v === '' || v === null || v === undefined) return; g[spec.startCol - 1 + rel] = v; if (fmt) (fmts[row - 1] ??= [])[spec.startCol - 1 + rel] = fmt; };
  for (const p of spec.pre ?? []) { for (const [k, v] of Object.entries(p.raw)) put(r, Number(k), v); (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = p.kind; r++; }
  if (r !== spec.headerRow) throw new Error(`${spec.file}: header row ${r} != ${spec.headerRow}`);
  spec.cols.forEach((c, i) => put(r, i, c.h)); notRecords.push(r); kinds[r] = 'header'; r++;
  let di = 0;
  for (const row of spec.rows) {
    if (row.kind !== 'data') {
      const nrw = row as { kind: string; raw: Record<number, Raw> };
      for (const [k, v] of Object.entries(nrw.raw)) put(r, Number(k), v);
      (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = nrw.kind; r++; continue;
    }
    const d = row as { kind: 'data'; cells: Cells };
    const vals: Record<string, unknown> = {};
    let boxes: string[] | null = null; let firstBox = '';
    spec.cols.forEach((c, i) => {
      const col = L(spec.startCol + i);
      if (c.box) {
        boxes ??= []; firstBox ||= col;
        const a = d.cells.audience; const ids = a && 'v' in a.exp ? (a.exp.v as string[]) : [];
        if (ids.includes(c.box)) { put(r, i, pick(['x', 'X', 'x', 'yes', '✓'])); boxes.push(c.box); }
        return;
      }
      if (!c.f) { put(r, i, c.gen ? c.gen(di) : null); return; }
      const cell = d.cells[c.f] ?? empty(c.f);
      put(r, i, cell.raw, cell.fmt);
      const e = cell.exp;
      if ('v' in e) vals[c.f] = e.v;
      else if ('err' in e) errors.push({ row: r, column: col, field: c.f, code: e.err, value: rawText(cell.raw) });
      else if ('amb' in e) ambiguous.push({ row: r, column: col, field: c.f, value: rawText(cell.raw), reason: e.amb, scope: e.scope });
    });
    if (boxes) { const b = boxes as string[]; if (b.length) vals.audience = b; else errors.push({ row: r, column: firstBox, field: 'audience', code: 'missing_required', value: '' }); }
    records[r] = vals; r++; di++;
  }
  Object.assign(truth, { records, errors, notRecords, notRecordKinds: kinds, ambiguous });
  const base = path.join(out, spec.file);
  if (spec.csv) {
    const q = (v: Raw) => {
      if (v === null || v === undefined) return '';
      const s = v instanceof Date ? `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}` : isFormula(v) ? String(v.result) : String(v);
      return /[",\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const rowsAll = Array.from(grid, (g) => g ?? []);
    const width = Math.max(...rowsAll.map((g) => g.length));
    const lines = rowsAll.map((g) => Array.from({ length: width }, (_, i) => q(g?.[i] ?? null)).join(spec.csv!.delim));
    let text = lines.join(spec.csv.crlf ? '\r\n' : '\n') + (spec.csv.crlf ? '\r\n' : '\n');
    if (spec.csv.bom) text = '\uFEFF' + text;
    fs.writeFileSync(base, Buffer.from(text, spec.csv.encoding === 'utf16le' ? 'utf16le' : 'utf8'));
  } else {
    const wb = new ExcelJS.Workbook();
    const addSheet = (s: Sheet) => { const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' }); s.rows.forEach((row, i) => row.forEach((v, j) => { if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v; })); };
    spec.before?.forEach(addSheet);
    const ws = wb.addWorksheet(spec.sheet);
    spec.textCols?.forEach((c) => { ws.getColumn(spec.startCol + c).numFmt = '@'; });
    grid.forEach((row, i) => row?.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, j + 1); cell.value = v;
      const f = fmts[i]?.[j]; if (f) cell.numFmt = f; else if (v instanceof Date) cell.numFmt = 'm/d/yyyy';
      if (spec.textCols?.includes(j - (spec.startCol - 1))) cell.numFmt = '@';
    }));
    spec.merges?.forEach((m) => ws.mergeCells(m));
    ws.getRow(spec.headerRow).font = { bold: true };
    spec.after?.forEach(addSheet);
    await wb.xlsx.writeFile(base);
  }
  fs.writeFileSync(base.replace(/\.(xlsx|csv)$/, '.truth.json'), JSON.stringify(truth, null, 1));
}
