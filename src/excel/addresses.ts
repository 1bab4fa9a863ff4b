import { a1, columnIndex } from '../core/workbook';

/**
 * A1 addresses for the Office.js adapter: parsing what Excel returns, merging
 * flagged cells into rectangles, and cutting address lists into strings that
 * Excel accepts. Pure: no Office.js here, so it is tested directly.
 */

/** A rectangle of cells, 0-based and inclusive (the same shape as the engine's MergeArea). */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel refuses address strings of 8,192 characters or more (getRanges, RangeAreas). */
export const EXCEL_ADDRESS_LIMIT = 8192;
/** What we allow ourselves: a margin under Excel's limit. */
export const MAX_ADDRESS_CHARS = 8000;

/** Excel's last row (1,048,576) and column (XFD), 0-based. */
export const LAST_ROW = 1048575;
export const LAST_COL = 16383;

/** Drops a sheet prefix ("Sheet1!", "'My sheet'!") and the $ signs. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
}

/** "C7" → { row: 6, col: 2 }; null when it is not a single-cell address. */
export function parseCell(address: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(stripSheet(address));
  if (!m) return null;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (col < 0 || col > LAST_COL || row < 0 || row > LAST_ROW) return null;
  return { row, col };
}

/**
 * "B2:D9", "B2", whole rows "3:5" and whole columns "A:C" (with or without a
 * sheet prefix) → a rectangle; null when it cannot be read.
 */
export function parseRange(address: string): Rect | null {
  const bare = stripSheet(address);
  const [from, to = from] = bare.split(':');
  if (from === undefined) return null;
  const cellA = parseCell(from);
  const cellB = parseCell(to);
  if (cellA && cellB) {
    return {
      top: Math.min(cellA.row, cellB.row),
      left: Math.min(cellA.col, cellB.col),
      bottom: Math.max(cellA.row, cellB.row),
      right: Math.max(cellA.col, cellB.col),
    };
  }
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const a = Number(from) - 1;
    const b = Number(to) - 1;
    if (a < 0 || b < 0) return null;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: LAST_COL };
  }
  const colA = columnIndex(from);
  const colB = columnIndex(to);
  if (colA >= 0 && colB >= 0) return { top: 0, left: Math.min(colA, colB), bottom: LAST_ROW, right: Math.max(colA, colB) };
  return null;
}

/**
 * Splits a list of areas as RangeAreas.address returns it
 * ("Sheet1!A1:B2,Sheet1!D4" or "'A, b'!A1:B2, 'A, b'!C3") and parses each.
 */
export function parseAreaList(list: string): Rect[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const rects: Rect[] = [];
  for (const part of parts) {
    if (!part.trim()) continue;
    const rect = parseRange(part);
    if (rect) rects.push(rect);
  }
  return rects;
}

/** { top: 1, left: 2, bottom: 1, right: 2 } → "C2"; a larger rectangle → "C2:D9". */
export function rectAddress(rect: Rect): string {
  const tl = a1(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? tl : `${tl}:${a1(rect.bottom, rect.right)}`;
}

export function rectCells(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

/** Every single-cell address of a rectangle, row by row. */
export function cellsOf(rect: Rect): string[] {
  const out: string[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) out.push(a1(r, c));
  return out;
}

/**
 * Merges cells into few rectangles: runs of adjacent columns within a row,
 * then runs of identical column spans on consecutive rows. A flagged column of
 * 10,000 rows becomes one address ("C2:C10001") instead of 10,000.
 */
export function cellsToRects(cells: Iterable<{ row: number; col: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = []));
    cols.push(col);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const done: Rect[] = [];
  // Open rectangles keyed by their column span; extended while the next row has the same span.
  let open = new Map<string, Rect>();
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    let start = 0;
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1]! + 1) continue;
      const left = cols[start]!;
      const right = cols[i - 1]!;
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else {
        next.set(key, { top: row, left, bottom: row, right });
      }
      start = i;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Joins addresses with commas into as few strings as possible, each at most
 * `max` characters long (Excel rejects 8,192 and over).
 */
export function chunkAddresses(addresses: string[], max = MAX_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (address.length > max) throw new Error(`address longer than ${max} characters: ${address.slice(0, 40)}…`);
    if (!current) current = address;
    else if (current.length + 1 + address.length <= max) current += `,${address}`;
    else {
      chunks.push(current);
      current = address;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The cells of a comma-separated list of addresses (as stored in our settings). */
export function expandAreaList(list: string): string[] {
  return parseAreaList(list).flatMap(cellsOf);
}

/** A compact comma-separated list of rectangles covering exactly these cells. */
export function compactAreaList(addresses: Iterable<string>): string {
  const cells: { row: number; col: number }[] = [];
  for (const address of addresses) {
    const cell = parseCell(address);
    if (cell) cells.push(cell);
  }
  return cellsToRects(cells).map(rectAddress).join(',');
}
