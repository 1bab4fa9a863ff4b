import type { CellValue } from 'exceljs';
import type { Cell } from '../core/workbook';

/** Days between Excel's 1900 and 1904 date systems. */
export const DATE1904_OFFSET = 1462;
/** The 1900-system serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * The moment a date cell's serial stands for, as a UTC Date (exceljs writes
 * Dates back as 1900-system serials the same way, so the serial round-trips).
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  const s1900 = date1904 ? serial + DATE1904_OFFSET : serial;
  return new Date(Math.round((s1900 - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** An ISO day (YYYY-MM-DD) as a UTC midnight Date, or null. */
export function isoDayToDate(day: unknown): Date | null {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A partner's number format, if it is safe to show the analysts: one
 * section of digits, separators and date or time parts, at most behind a
 * locale tag ([$-409]) or an elapsed-time bracket ([h]). Formats with
 * several sections (";;;" hides every value), literal text ("0" shows a
 * zero whatever the cell holds), conditions, colours, fills or escapes could
 * make a cell show something other than its value, so they are not copied.
 */
export function safeNumberFormat(format: string | undefined): string | undefined {
  if (!format || format === 'General' || format.length > 64) return undefined;
  const body = format.replace(/^\[\$-[0-9A-Fa-f]{1,8}\]/, '').replace(/\[(h+|m+|s+)\]/gi, '');
  return /^[0#?.,%E+\-/: dmyhsAPM]+$/i.test(body) && !/E[^+-]/i.test(body.replace(/[dmyhs]/gi, '')) ? format : undefined;
}

const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

/**
 * An engine cell as an exceljs value. Text is always written as text, so a
 * partner's "=1+1" or "=HYPERLINK(…)" never becomes a live formula; a
 * formula cell keeps its cached value only.
 */
export function toExcelValue(cell: Cell, date1904: boolean): { value: CellValue; numFmt?: string } {
  switch (cell.kind) {
    case 'empty':
      return { value: null };
    case 'text':
      return { value: String(cell.value ?? '') };
    case 'number':
      return typeof cell.value === 'number'
        ? { value: cell.value, numFmt: safeNumberFormat(cell.format) }
        : { value: String(cell.value) };
    case 'date':
      return typeof cell.value === 'number'
        ? { value: serialToDate(cell.value, date1904), numFmt: safeNumberFormat(cell.format) ?? 'yyyy-mm-dd' }
        : { value: String(cell.value) };
    case 'boolean':
      return { value: Boolean(cell.value) };
    case 'error': {
      const text = String(cell.value ?? '');
      return EXCEL_ERRORS.has(text) ? { value: { error: text } as CellValue } : { value: text };
    }
  }
}

/** A valid, unused worksheet name: Excel forbids : \ / ? * [ ] and more than 31 characters. */
export function safeSheetName(wanted: string, taken: Set<string>, fallback = 'Sheet'): string {
  let base = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  if (!base || base.toLowerCase() === 'history') base = fallback;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** A sheet name as it appears in a reference: 'My sheet'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
