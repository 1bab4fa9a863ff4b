import type { Fill, Font, Worksheet } from 'exceljs';

/** Excel's own "Bad" and "Neutral" cell-style colours: errors and warnings. */
export const ERROR_FILL_ARGB = 'FFFFC7CE';
export const WARNING_FILL_ARGB = 'FFFFEB9C';

export const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL_ARGB } };
export const WARNING_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: WARNING_FILL_ARGB } };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const BOLD: Partial<Font> = { bold: true };
export const LINK_FONT: Partial<Font> = { color: { argb: 'FF0563C1' }, underline: true };

/** Bold, shaded header row 1, frozen, with a filter over the table. */
export function tableHeader(ws: Worksheet, headers: string[], rows: number): void {
  const row = ws.getRow(1);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: headers.length } };
}

/** Column widths from the longest text in each column (first rows only, from `fromRow`, skipping the cells `skip` names), within bounds. */
export function fitColumns(ws: Worksheet, min = 8, max = 60, sampleRows = 500, options: { fromRow?: number; skip?: (row: number, col: number) => boolean } = {}): void {
  const widths: number[] = [];
  const first = options.fromRow ?? 1;
  const last = Math.min(ws.rowCount, first + sampleRows - 1);
  for (let r = first; r <= last; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (options.skip?.(r, c)) return;
      const v = cell.value;
      const text = v instanceof Date ? '2023-12-31' : typeof v === 'object' && v !== null && 'text' in v ? String(v.text) : typeof v === 'object' && v !== null && 'result' in v ? String(v.result) : String(v ?? '');
      const longest = Math.max(...text.split('\n').map((l) => l.length));
      widths[c] = Math.max(widths[c] ?? 0, longest);
    });
  }
  widths.forEach((w, c) => {
    if (w !== undefined) ws.getColumn(c).width = Math.max(min, Math.min(max, w + 2));
  });
}
