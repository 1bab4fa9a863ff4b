import type { Workbook as XlsxWorkbook, Worksheet } from 'exceljs';
import type { CheckReport, Issue } from '../core/report';
import { columnIndex, type Sheet } from '../core/workbook';
import { toExcelValue } from './excelValues';
import { BOLD, ERROR_FILL, fitColumns, WARNING_FILL } from './styles';

/** Issues keyed by the A1 address of the cell they are shown on. */
export function issuesByCell(report: CheckReport): Map<string, Issue[]> {
  const firstColumn = report.columns[0]?.column ?? 'A';
  const byCell = new Map<string, Issue[]>();
  for (const issue of report.issues) {
    if (issue.row === undefined) continue;
    // An issue about a whole row (a duplicate, say) is shown on the row's first column.
    const address = `${issue.column ?? firstColumn}${issue.row}`;
    const list = byCell.get(address);
    if (list) list.push(issue);
    else byCell.set(address, [issue]);
  }
  return byCell;
}

function noteText(issues: Issue[]): string {
  return issues.map((i) => `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message} [${i.code}]`).join('\n');
}

/**
 * The partner's own column widths where the file has them; elsewhere widths
 * fitted to the header row and the rows below it, not to a title merged
 * across the top (which would make every column as wide as the title).
 */
function fitPartnerColumns(ws: Worksheet, sheet: Sheet | undefined, headerRow: number | null): void {
  const own = new Map<number, number>();
  for (const span of sheet?.widths ?? []) {
    const last = Math.min(span.to, span.from + 500);
    for (let c = span.from; c <= last; c++) own.set(c + 1, span.width);
  }
  const merged = new Set<string>();
  for (const m of sheet?.merges ?? []) if (m.right > m.left && (m.bottom - m.top + 1) * (m.right - m.left + 1) <= 10_000) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) merged.add(`${r + 1}:${c + 1}`);
  }
  fitColumns(ws, 8, 60, 500, { fromRow: headerRow ?? 1, skip: (row, col) => own.has(col) || merged.has(`${row}:${col}`) });
  for (const [col, width] of own) ws.getColumn(col).width = width;
}

/**
 * The partner's sheet, cell for cell at the same addresses, with flagged
 * cells filled (errors and warnings in two colours) and a note listing all
 * of the cell's issues.
 */
export function addPartnerSheet(xlsx: XlsxWorkbook, name: string, sheet: Sheet | undefined, report: CheckReport, date1904: boolean): Worksheet {
  const ws = xlsx.addWorksheet(name);
  if (sheet) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.kind === 'empty') continue;
        const { value, numFmt } = toExcelValue(cell, date1904);
        const target = ws.getCell(r + 1, c + 1);
        target.value = value;
        if (numFmt) target.numFmt = numFmt;
      }
    }
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      } catch {
        // Overlapping merges in a damaged file: the values are all there, only the merge is lost.
      }
    }
  }
  if (report.headerRow) {
    // Every table's headings on this sheet (blocks stacked under other headings too).
    const rows = new Set([report.headerRow, ...report.tables.filter((t) => t.sheet === report.sheet).map((t) => t.headerRow)]);
    for (const r of rows) {
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
        cell.font = BOLD;
      });
    }
    if (report.headerRow <= 15) {
      ws.views = [{ state: 'frozen', xSplit: 0, ySplit: report.headerRow, topLeftCell: `A${report.headerRow + 1}`, activeCell: `A${report.headerRow + 1}` }];
    }
  }
  fitPartnerColumns(ws, sheet, report.headerRow);
  for (const [address, issues] of issuesByCell(report)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m || columnIndex(m[1]!) < 0) continue;
    const cell = ws.getCell(address);
    cell.fill = issues.some((i) => i.severity === 'error') ? ERROR_FILL : WARNING_FILL;
    cell.note = noteText(issues);
  }
  return ws;
}
