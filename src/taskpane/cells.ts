import { cellAt, cellText, columnIndex, type Cell, type Sheet } from '../core/workbook';

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 system is 1899-12-31, with the 1900 leap-year bug: serials from 61 on count one day too many. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial as YYYY-MM-DD (time of day dropped), or null when out of range. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const day = Math.floor(serial);
  const ms = date1904 ? EPOCH_1904 + day * MS_PER_DAY : EPOCH_1900 + (day < 61 ? day + 1 : day) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A cell as the person would recognise it: dates as YYYY-MM-DD, everything else as text. */
export function displayCell(cell: Cell, date1904: boolean): string {
  if (cell.kind === 'date' && typeof cell.value === 'number') return serialToIso(cell.value, date1904) ?? String(cell.value);
  return cellText(cell);
}

/** Up to `count` distinct non-empty values of a column below the header row, for recognising the column. */
export function sampleValues(sheet: Sheet, headerRow: number, column: string, date1904: boolean, count = 3): string[] {
  const col = columnIndex(column);
  if (col < 0) return [];
  const seen = new Set<string>();
  const last = Math.min(sheet.rows.length, headerRow + 200);
  for (let r = headerRow; r < last && seen.size < count; r++) {
    const text = displayCell(cellAt(sheet, r, col), date1904);
    if (text) seen.add(text.length > 40 ? `${text.slice(0, 39)}…` : text);
  }
  return [...seen];
}

/** The non-empty headings of a row (1-based), in column order. */
export function rowHeadings(sheet: Sheet, row: number, limit = 12): string[] {
  const cells = sheet.rows[row - 1] ?? [];
  const out: string[] = [];
  for (const cell of cells) {
    const text = cellText(cell ?? { kind: 'empty', value: null });
    if (text) out.push(text);
    if (out.length >= limit) break;
  }
  return out;
}

/** YYYY-MM-DD as an Excel date serial in the given date system, or null when it is not such a date. */
export function isoToSerial(iso: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return null;
  if (date1904) return Math.round((ms - EPOCH_1904) / MS_PER_DAY);
  const days = Math.round((ms - EPOCH_1900) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

/** Splits an A1 address into 0-based row and column; null when it is not one. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]) - 1;
  return col < 0 || row < 0 ? null : { row, col };
}
