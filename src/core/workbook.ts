/**
 * The workbook as the check engine sees it: the same shape whether it was read
 * by Office.js, from an .xlsx file or from a CSV. Indices are 0-based here;
 * reports convert them to Excel's row numbers and column letters.
 */

/** What a cell holds, as the spreadsheet typed it. */
export type CellKind = 'text' | 'number' | 'date' | 'boolean' | 'empty' | 'error';

export interface Cell {
  kind: CellKind;
  /**
   * text/error: the string; number: the number; boolean: the boolean; empty: null.
   * date: the Excel serial number *in the workbook's own date system* (1900 or
   * 1904), fraction = time of day. The engine applies the 1904 shift itself.
   */
  value: string | number | boolean | null;
  /** The cell's number format code, when known ("m/d/yyyy", "General", "0"). */
  format?: string;
  /** The formula text without "=", when the cell holds a formula (value is its cached result). */
  formula?: string;
}

/** A merged area, 0-based and inclusive. The value sits in the top-left cell. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c] is the cell at 0-based row r and column c; rows may be ragged or shorter than the sheet. */
  rows: Cell[][];
  merges: MergeArea[];
  /** Hidden or very hidden sheets are rarely the data sheet. */
  hidden?: boolean;
  /** The partner's column widths (Excel's character units), by spans of 0-based columns; columns not listed have the default. */
  widths?: ColumnWidth[];
  /** [0-based row, level 1 to 7] of the rows grouped under others (Excel's row groups, a Smartsheet or project plan's hierarchy); rows not listed are at level 0. */
  outline?: [number, number][];
}

export interface ColumnWidth {
  from: number;
  to: number;
  width: number;
  /** The partner hid these columns: rarely what they report. */
  hidden?: boolean;
}

export interface Workbook {
  sheets: Sheet[];
  /** True when the workbook uses the 1904 date system (old Mac Excel). */
  date1904: boolean;
  /** Where it came from: a CSV has one sheet and no sheet name in reports. */
  source?: 'xlsx' | 'csv' | 'office';
}

/** Excel's grid: rows 1 to 1,048,576, columns A to XFD. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * The merges of a sheet clipped to the cells it uses: a merge declared over
 * the whole sheet ("A1:XFD1048576") covers only the rows and columns that
 * hold something, and one wholly outside them is dropped. A merge is a
 * matter of display; what the partner wrote is all in the rows.
 */
export function clipMerges(merges: readonly MergeArea[], rows: readonly (readonly Cell[] | undefined)[]): MergeArea[] {
  if (merges.length === 0) return [];
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const cell = row[c];
      if (cell && cell.kind !== 'empty') {
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  const out: MergeArea[] = [];
  for (const m of merges) {
    if (m.top > lastRow || m.left > lastCol) continue;
    const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) };
    if (clipped.bottom > clipped.top || clipped.right > clipped.left) out.push(clipped);
  }
  return out;
}

export const EMPTY_CELL: Cell = Object.freeze({ kind: 'empty', value: null }) as Cell;

export function cellAt(sheet: Sheet, row: number, col: number): Cell {
  return sheet.rows[row]?.[col] ?? EMPTY_CELL;
}

/** Column letter for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index for a letter: "A" → 0, "AA" → 26. Returns -1 when it is not a column letter. */
export function columnIndex(letter: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letter)) return -1;
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The A1 address of a 0-based cell position: (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** The cell's content as display-ish text, trimmed; "" for empty. */
export function cellText(cell: Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v.trim();
  if (v === null || v === undefined) return '';
  return String(v);
}

/** A merged area from its A1 range ("B4:B5"); null when it is not one. */
export function parseRange(range: string): MergeArea | null {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(range);
  if (!m) return null;
  const left = columnIndex(m[1]!);
  const top = Number(m[2]) - 1;
  const right = m[3] ? columnIndex(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  if (top < 0 || bottom < top || right < left || left < 0) return null;
  return { top, left, bottom, right };
}
