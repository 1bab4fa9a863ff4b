import { cellText, type Sheet } from '../workbook';

/** How many rows under the header are looked at to tell tables apart. */
const LOOK = 200;

/**
 * Columns of the header row that belong to a smaller table beside the events
 * ("Planned for 2024" to the right, past an empty column): groups of
 * headings separated by a column empty from the header down, of which all
 * but the groups holding the most rows are set aside.
 */
export function asideColumns(sheet: Sheet, headerRow: number, cols: number[]): Set<number> {
  const sorted = [...cols].sort((a, b) => a - b);
  const groups: number[][] = [];
  let current: number[] = [];
  for (const c of sorted) {
    const prev = current[current.length - 1];
    if (prev !== undefined && c > prev + 1 && gapIsEmpty(sheet, headerRow, prev + 1, c - 1)) {
      groups.push(current);
      current = [];
    }
    current.push(c);
  }
  if (current.length) groups.push(current);
  const aside = new Set<number>();
  if (groups.length < 2) return aside;
  const rows = groups.map((g) => rowsWithData(sheet, headerRow, g));
  const most = Math.max(...rows);
  groups.forEach((g, i) => {
    if (rows[i]! < most * 0.5) for (const c of g) aside.add(c);
  });
  return aside;
}

function gapIsEmpty(sheet: Sheet, headerRow: number, from: number, to: number): boolean {
  const end = Math.min(sheet.rows.length, headerRow + 1 + LOOK);
  for (let r = headerRow; r < end; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = from; c <= to; c++) if (row[c] && cellText(row[c]!) !== '') return false;
  }
  return true;
}

function rowsWithData(sheet: Sheet, headerRow: number, group: number[]): number {
  let n = 0;
  const end = Math.min(sheet.rows.length, headerRow + 1 + LOOK);
  for (let r = headerRow + 1; r < end; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let filled = 0;
    for (const c of group) if (row[c] && cellText(row[c]!) !== '') filled++;
    if (filled >= Math.min(2, group.length)) n++;
  }
  return n;
}
