import type { Fill, Font, Worksheet } from 'exceljs';

/** Excel's own "Bad" and "Neutral" cell-style colours: errors and warnings. */
export const ERROR_FILL_ARGB = 'FFFFC7CE';
export const WARNING_FILL_ARGB = 'FFFFEB9C';

export const ERROR_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL_ARGB } };
export const WARNING_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: WARNING_FILL_ARGB } };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/**
 * Fonts name the workbook's default (Calibri 11): a font with only `bold`
 * leaves the face to the program, and LibreOffice then shows a serif.
 */
const BODY: Partial<Font> = { name: 'Calibri', family: 2, size: 11 };
export const BOLD: Partial<Font> = { ...BODY, bold: true };
export const TITLE_FONT: Partial<Font> = { ...BODY, bold: true, size: 14 };
export const HEADING_FONT: Partial<Font> = { ...BODY, bold: true, size: 12 };
export const LINK_FONT: Partial<Font> = { ...BODY, color: { argb: 'FF0563C1' }, underline: true };
/** Points per line of 11-point text, Excel's default row height. */
const LINE_HEIGHT = 15;

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

/** Lines a text takes in a column `width` characters wide, wrapped at spaces (a width counts digits of Calibri 11; its letters and spaces average about 0.8 of one). */
export function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.2));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= perLine) line = need;
      else {
        count += line === 0 ? 0 : 1;
        // A word longer than a line breaks across lines.
        count += Math.max(0, Math.ceil(word.length / perLine) - 1);
        line = word.length % perLine || perLine;
      }
    }
    lines += count;
  }
  return lines;
}

/**
 * Row heights for the wrapped cells of rows `from` to `to`: programs grow a
 * row for wrapped text when they edit it, not always when they open the
 * file (LibreOffice draws the lines over the next rows), so the height is
 * written. A merged cell counts the width of every column it spans.
 */
export function fitRowHeights(ws: Worksheet, from = 1, to = ws.rowCount): void {
  // The merges' widths, read (from the sheet's model, which copies every row) only when a wrapped cell is merged.
  let merged: Map<string, number> | undefined;
  const spans = () => {
    if (merged) return merged;
    merged = new Map<string, number>();
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) continue;
      let width = 0;
      for (let c = ws.getColumn(m[1]!).number; c <= ws.getColumn(m[3]!).number; c++) width += ws.getColumn(c).width ?? 9;
      merged.set(`${m[1]}${m[2]}`, width);
    }
    return merged;
  };
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!cell.alignment?.wrapText || (cell.isMerged && cell.master !== cell)) return;
      const v = cell.value;
      // Text wraps; numbers and dates take one line.
      const text = typeof v === 'string' ? v : typeof v === 'object' && v !== null && !(v instanceof Date) && 'text' in v ? String(v.text) : '';
      const width = (cell.isMerged ? spans().get(cell.address) : undefined) ?? ws.getColumn(c).width ?? 9;
      // Larger and bold letters take more of the width.
      const size = cell.font?.size ?? 11;
      const bold = cell.font?.bold ? 1.1 : 1;
      lines = Math.max(lines, Math.ceil(linesIn(text, (width * 11) / size / bold) * (size / 11)));
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  }
}

/** Printed (and exported to PDF) landscape, as wide as one page and as long as it takes. */
export function printOnPageWidth(ws: Worksheet): void {
  ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
