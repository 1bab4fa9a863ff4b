import type { Cell, Sheet } from '../workbook';

/**
 * The cells of a row as a header: a heading merged down from the row above
 * (a two-row header whose single headings span both rows, under a group
 * heading such as "Location" over "Street", "City", "Zip") counts in this row.
 */
export function headerRowCells(sheet: Sheet, r: number): Cell[] {
  const row = sheet.rows[r] ?? [];
  let out: Cell[] | null = null;
  for (const m of sheet.merges) {
    if (m.top >= r || m.bottom < r || m.left !== m.right) continue;
    const c = m.left;
    const own = row[c];
    if (own && own.kind !== 'empty') continue;
    const source = sheet.rows[m.top]?.[c];
    if (!source || source.kind === 'empty') continue;
    out ??= row.slice();
    while (out.length <= c) out.push({ kind: 'empty', value: null });
    out[c] = source;
  }
  return out ?? row;
}
