import { EMPTY_CELL, cellText, type Cell, type Sheet } from '../workbook';

/**
 * The table under the header: the cells of the header's columns in every row
 * below it, with a value merged down over several rows given to each of
 * those rows (one date merged over two events belongs to both). Merges
 * across columns (a month banner) are not spread.
 */
export interface Region {
  sheet: Sheet;
  headerRow: number;
  /** 0-based columns of the table, ascending. */
  columns: number[];
  /** First and last 0-based row below the header that hold anything. */
  firstRow: number;
  lastRow: number;
  /** The cell as the table means it (merged values spread down). */
  cell(row: number, col: number): Cell;
  /** The cell as stored (a merged value only in its top cell). */
  raw(row: number, col: number): Cell;
}

export function tableRegion(sheet: Sheet, headerRow: number, columns: number[]): Region {
  const firstRow = headerRow + 1;
  let lastRow = headerRow;
  for (let r = sheet.rows.length - 1; r > headerRow; r--) {
    if ((sheet.rows[r] ?? []).some((c) => c && c.kind !== 'empty' && cellText(c) !== '')) {
      lastRow = r;
      break;
    }
  }
  const colSet = new Set(columns);
  const spread = new Map<number, Cell>();
  const width = 1 << 14;
  for (const m of sheet.merges) {
    if (m.bottom <= m.top || m.bottom <= headerRow || m.top > lastRow || !colSet.has(m.left)) continue;
    const source = sheet.rows[m.top]?.[m.left];
    if (!source || source.kind === 'empty') continue;
    const from = Math.max(m.top + 1, firstRow);
    const to = Math.min(m.bottom, lastRow);
    for (let r = from; r <= to; r++) spread.set(r * width + m.left, source);
  }
  const raw = (row: number, col: number): Cell => sheet.rows[row]?.[col] ?? EMPTY_CELL;
  const cell = spread.size === 0 ? raw : (row: number, col: number): Cell => spread.get(row * width + col) ?? raw(row, col);
  return { sheet, headerRow, columns, firstRow, lastRow, cell, raw };
}
