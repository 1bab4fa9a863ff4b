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
  // A heading left blank under a group row ("Audience" above an empty cell) takes the group's words.
  const above = r > 0 ? sheet.rows[r - 1] ?? [] : [];
  let texts = 0;
  for (const cell of out ?? row) if (cell && cell.kind === 'text') texts++;
  if (texts >= 3) {
    for (let c = 0; c < above.length; c++) {
      const own = (out ?? row)[c];
      const up = above[c];
      if ((own && own.kind !== 'empty') || !up || up.kind !== 'text') continue;
      if (!hasDataBelow(sheet, r, c)) continue;
      out ??= row.slice();
      while (out.length <= c) out.push({ kind: 'empty', value: null });
      out[c] = up;
    }
  }
  return out ?? row;
}

function hasDataBelow(sheet: Sheet, r: number, c: number): boolean {
  for (let i = r + 1; i < Math.min(sheet.rows.length, r + 6); i++) {
    const cell = sheet.rows[i]?.[c];
    if (cell && cell.kind !== 'empty') return true;
  }
  return false;
}
