import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel';
import { strToU8, zipSync } from 'fflate';
import { clipMerges, EMPTY_CELL, type Cell, type MergeArea, type Sheet, type Workbook } from '../../core/workbook';
import { isDateFormat } from '../../core/numberFormat';
import { asReadError, ReadError, readErrors } from '../errors';
import { capCellText, type Budget } from '../limits';
import type { ZipArchive } from '../zip';
import { checkBiffCells, scanOds, checkXlsbCells, checkZipEntries, isXlsbSheetPart } from './precount';

/**
 * The formats our own OOXML reader does not read (.xls BIFF2–8, .xlsb, .ods),
 * read with SheetJS (@e965/xlsx, the 0.20.3 line with its security fixes,
 * pinned) into the engine's Workbook. readWorkbook.ts requires this module
 * only when such a file comes (SheetJS builds its code-page tables at load);
 * its own imports are static.
 *
 * SheetJS parses a whole file at once and cannot be interrupted, so every
 * bound is applied before it runs: the cells the file's records would make
 * (precount.ts), every zip part through our own bounded unzipping, and the
 * time budget after each step. What SheetJS returns is then converted under
 * the same cell and time accounting as an .xlsx.
 */

// Old .xls files (BIFF5 and before) store text in the code page of the Windows that wrote them.
XLSX.set_cptable(cptable);

export type LegacyInput =
  | { format: 'xls'; bytes: Uint8Array }
  /** A bare BIFF2–4 worksheet file, without the OLE2 container. */
  | { format: 'biff'; bytes: Uint8Array }
  | { format: 'xlsb' | 'ods'; bytes: Uint8Array; zip: ZipArchive };

const PARSING: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  // Dates stay serial numbers in the workbook's own date system, as from an .xlsx; the format tells them apart.
  cellDates: false,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  // The engine checks the values; a formula's text is only an aside, and parsing BIFF formulas is where damaged files break.
  cellFormula: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  bookFiles: false,
  bookDeps: false,
  WTF: false,
};

export function readLegacy(input: LegacyInput, budget: Budget): Workbook {
  const { hiddenTables } = precheck(input, budget);
  budget.checkTime();
  let wb: XLSX.WorkBook;
  try {
    const bytes = input.format === 'ods' ? withOdsStyles(input.zip, input.bytes, budget) : input.bytes;
    wb = quietly(() => withinBudget(budget, () => XLSX.read(bytes, PARSING)));
  } catch (e) {
    throw refusalOf(e, input.format);
  }
  budget.checkTime();
  return toWorkbook(wb, input.format, budget, hiddenTables);
}

/** The bounds, before SheetJS sees the file; for an .ods, the hidden sheets found on the way. */
function precheck(input: LegacyInput, budget: Budget): { hiddenTables: ReadonlySet<string> } {
  const none = new Set<string>();
  switch (input.format) {
    case 'biff':
      checkBiffCells(input.bytes, budget, 'biff');
      return { hiddenTables: none };
    case 'xls':
      checkBiffCells(biffStream(input.bytes, budget), budget);
      return { hiddenTables: none };
    case 'xlsb':
      checkZipEntries(input.zip, budget, isXlsbSheetPart);
      checkXlsbCells(input.zip, budget);
      return { hiddenTables: none };
    case 'ods':
      checkZipEntries(input.zip, budget, (key) => key === 'content.xml');
      return scanOds(input.zip, budget);
  }
}

/**
 * Runs SheetJS with the console silenced: on a damaged file it writes its
 * own notes there ("Missing Info for XLS Record…"), which would land in the
 * command line's output and the server's log. The partner gets the
 * ReadError instead. The call is synchronous, so nothing else logs meanwhile.
 * It wraps withinBudget, not the other way round: a vm timeout ends the
 * JavaScript inside without running its finally blocks.
 */
function quietly<T>(fn: () => T): T {
  const { error, warn, log } = console;
  const silent = (): void => undefined;
  console.error = console.warn = console.log = silent;
  try {
    return fn();
  } finally {
    console.error = error;
    console.warn = warn;
    console.log = log;
  }
}

/** Node's vm module, by getBuiltinModule (Node 20.16 and later), so that no bundler sees an import of it; the browser has none. */
function nodeVm(): typeof import('node:vm') | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule('node:vm') as typeof import('node:vm')) : undefined;
}

/**
 * Runs a SheetJS call under what is left of the time budget, interrupting it
 * when that runs out. SheetJS has loops that a damaged .xls sends round for
 * minutes (an array formula record too short for its own length field); the
 * checks before it find the damage they know of, this bounds the rest. In
 * Node, a vm timeout terminates the running JavaScript, whatever realm its
 * functions come from; in the browser, where the read runs in a worker of
 * its own, the call runs plainly and the deadline is checked after it.
 */
function withinBudget<T>(budget: Budget, fn: () => T): T {
  const vm = nodeVm();
  const left = budget.remainingMillis();
  if (left <= 0) budget.checkTime();
  if (!vm) return fn();
  try {
    return vm.runInContext('run()', vm.createContext({ run: fn }), { timeout: Math.max(1, Math.ceil(left)) }) as T;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw readErrors.tooSlow(Math.round(budget.limits.maxMillis / 1000));
    throw e;
  }
}

/** An empty styles part, for an .ods written without one. */
const EMPTY_ODS_STYLES = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>';

/**
 * SheetJS stops at an .ods without styles.xml, which the format allows (the
 * styles can sit in content.xml): such an archive is repacked with an empty one.
 */
function withOdsStyles(zip: ZipArchive, bytes: Uint8Array, budget: Budget): Uint8Array {
  if (zip.find('styles.xml')) return bytes;
  const files: Record<string, Uint8Array> = { 'styles.xml': strToU8(EMPTY_ODS_STYLES) };
  for (const entry of zip.entries) files[entry.path] ??= zip.read(entry, budget);
  return zipSync(files, { level: 0 });
}

/** The Workbook (BIFF8) or Book (BIFF5) stream of an .xls, by SheetJS's own reader of the container. */
function biffStream(bytes: Uint8Array, budget: Budget): Uint8Array {
  let content: unknown;
  let size: unknown;
  try {
    const container: unknown = quietly(() => withinBudget(budget, () => XLSX.CFB.read(bytes, { type: 'array' })));
    const entry = (XLSX.CFB.find(container, 'Workbook') ?? XLSX.CFB.find(container, 'Book')) as { content?: unknown; size?: unknown } | null;
    content = entry?.content;
    size = entry?.size;
  } catch (e) {
    throw refusalOf(e, 'xls');
  }
  const stream = content instanceof Uint8Array ? content : Array.isArray(content) ? Uint8Array.from(content as number[]) : undefined;
  // A stream shorter than the container says is a file cut off (see checkBiffCells).
  if (!stream || (typeof size === 'number' && stream.length < size)) throw readErrors.legacyDamaged('xls');
  return stream;
}

/** A library failure as a ReadError: password-protection as such, anything else as damage. The library's words never reach a partner. */
function refusalOf(e: unknown, format: LegacyInput['format']): ReadError {
  if (e instanceof ReadError) return e;
  // Out of memory inside the parse is a size, as anywhere else (the cause, as below, is the library's).
  if (e instanceof RangeError && /allocation|array length|string length|memory/i.test(e.message)) {
    const tooLarge = asReadError(e);
    (tooLarge as { cause?: unknown }).cause = new LibraryError(e.message);
    return tooLarge;
  }
  const message = e instanceof Error ? e.message : String(e);
  const refusal = /password|encrypt/i.test(message) ? (format === 'ods' ? readErrors.encryptedOds() : readErrors.encryptedXls()) : readErrors.legacyDamaged(format);
  // The cause is kept for logs, as a plain Error: a TypeError thrown inside SheetJS is its way of failing on damage, not a fault of ours.
  (refusal as { cause?: unknown }).cause = new LibraryError(message);
  return refusal;
}

/** An error SheetJS raised, kept as the cause of the ReadError it became. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
}

/** Excel's error values by their BIFF codes, as SheetJS gives them. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** Sheet types that hold no cell grid. */
const NOT_WORKSHEETS = new Set(['chart', 'macro', 'dialog']);

function toWorkbook(wb: XLSX.WorkBook, format: LegacyInput['format'], budget: Budget, hiddenTables: ReadonlySet<string>): Workbook {
  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames : [];
  // Excel, LibreOffice and every other writer keep at least one sheet: none is a workbook part SheetJS could not make sense of.
  if (names.length === 0) throw readErrors.legacyDamaged(format);
  if (names.length > budget.limits.maxSheets) throw readErrors.tooManySheets(budget.limits.maxSheets);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const props = wb.Workbook?.Sheets ?? [];
  const used = new Set<string>();
  const sheets: Sheet[] = [];
  names.forEach((rawName, i) => {
    const ws = wb.Sheets[rawName] as (XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][]; '!type'?: string }) | undefined;
    if (!ws || NOT_WORKSHEETS.has(ws['!type'] ?? '')) return;
    budget.checkTime();
    const rows = toRows(ws['!data'] ?? [], budget);
    const sheet: Sheet = { name: sheetName(rawName, i, used), rows, merges: clipMerges(toMerges(ws['!merges']), rows) };
    const hidden = props[i]?.Hidden;
    if (hidden === 1 || hidden === 2 || hiddenTables.has(rawName)) sheet.hidden = true;
    sheets.push(sheet);
  });
  return { sheets, date1904, source: 'xlsx' };
}

/**
 * SheetJS's dense rows into ours. What they cost (a slot per column up to
 * each row's last cell, one per row) is counted before any row is built.
 */
function toRows(data: readonly (readonly (XLSX.CellObject | undefined)[] | undefined)[], budget: Budget): Cell[][] {
  let slots = data.length;
  for (const row of data) if (row) slots += row.length;
  budget.addCells(slots);
  const rows: Cell[][] = new Array<Cell[]>(data.length);
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: Cell[] = [];
    if (source) {
      let last = -1;
      for (let c = 0; c < source.length; c++) {
        budget.tick();
        const cell = source[c];
        const converted = cell ? toCell(cell) : EMPTY_CELL;
        row.push(converted);
        if (converted !== EMPTY_CELL) last = c;
      }
      row.length = last + 1;
    }
    rows[r] = row;
  }
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as Cell[]).length === 0) end--;
  rows.length = end;
  return rows;
}

function toCell(cell: XLSX.CellObject): Cell {
  const format = typeof cell.z === 'string' ? cell.z : undefined;
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      if (typeof v !== 'number' || !Number.isFinite(v)) return EMPTY_CELL;
      return withFormat({ kind: isDateFormat(format) ? 'date' : 'number', value: v }, format);
    case 's': {
      const text = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
      return text === '' ? EMPTY_CELL : withFormat({ kind: 'text', value: capCellText(text) }, format);
    }
    case 'b':
      return withFormat({ kind: 'boolean', value: v === true }, format);
    case 'e':
      return { kind: 'error', value: typeof v === 'number' ? (ERRORS[v] ?? '#N/A') : String(cell.w ?? '#N/A') };
    case 'd': {
      // Only with cellDates, which is off; kept for safety.
      const ms = v instanceof Date ? v.getTime() : NaN;
      return Number.isFinite(ms) ? withFormat({ kind: 'date', value: (ms - Date.UTC(1899, 11, 30)) / 86_400_000 }, format ?? 'm/d/yyyy') : EMPTY_CELL;
    }
    default:
      return EMPTY_CELL;
  }
}

function withFormat(cell: Cell, format: string | undefined): Cell {
  if (format !== undefined) cell.format = format;
  return cell;
}

function toMerges(merges: XLSX.Range[] | undefined): MergeArea[] {
  if (!Array.isArray(merges)) return [];
  const out: MergeArea[] = [];
  for (const m of merges) {
    const top = m?.s?.r;
    const left = m?.s?.c;
    const bottom = m?.e?.r;
    const right = m?.e?.c;
    if (![top, left, bottom, right].every((n) => Number.isInteger(n) && (n as number) >= 0)) continue;
    out.push({ top: Math.min(top!, bottom!), left: Math.min(left!, right!), bottom: Math.max(top!, bottom!), right: Math.max(left!, right!) });
  }
  return out;
}

/** Characters Excel does not allow in a sheet name, and control characters (a name read from the wrong bytes). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const BAD_NAME = /[[\]:*?/\\\u0000-\u001f\u007f-\u009f\ufffd]/;

/**
 * The sheet's name when Excel could have written it; otherwise "Sheet N" (a
 * damaged .xlsb can give SheetJS a name read from the wrong bytes). Names
 * stay unique, as Excel keeps them.
 */
function sheetName(raw: unknown, index: number, used: Set<string>): string {
  let name = typeof raw === 'string' && raw.trim() !== '' && raw.length <= 31 && !BAD_NAME.test(raw) ? raw : `Sheet${index + 1}`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `Sheet${index + 1} (${n})`;
  used.add(name.toLowerCase());
  return name;
}
