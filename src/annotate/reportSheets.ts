import type { Workbook as XlsxWorkbook, Worksheet } from 'exceljs';
import { optionsOfRole } from '../core/collection/roles';
import type { Collection, FieldRole } from '../core/collection/types';
import type { CheckReport, Counts } from '../core/report';
import { internalLink } from './internalLinks';
import { BOLD, ERROR_FILL, fitColumns, fitRowHeights, HEADER_FILL, LINK_FONT, printOnPageWidth, tableHeader, TITLE_FONT, WARNING_FILL } from './styles';

export function fieldLabel(collection: Collection, id: string | null): string {
  if (id === null) return '';
  return collection.fields.find((f) => f.id === id)?.label ?? id;
}

/** One line per issue, each with a link to its cell in the partner's sheet. */
export function addIssuesSheet(
  xlsx: XlsxWorkbook,
  name: string,
  report: CheckReport,
  collection: Collection,
  partnerSheet: string | ((sheet: string | null | undefined) => string),
): Worksheet {
  const ws = xlsx.addWorksheet(name);
  const sheetOf = typeof partnerSheet === 'string' ? () => partnerSheet : partnerSheet;
  // The Sheet column names the partner's sheet of each issue (as it is named in this workbook); empty for the whole workbook.
  tableHeader(ws, ['Sheet', 'Row', 'Cell', 'Field', 'Severity', 'Code', 'Message', 'Value', 'Link'], report.issues.length);
  const firstColumn = report.columns[0]?.column ?? 'A';
  report.issues.forEach((issue, i) => {
    const r = i + 2;
    const address = issue.row !== undefined ? `${issue.column ?? firstColumn}${issue.row}` : null;
    const row = ws.getRow(r);
    const sheet = issue.row !== undefined || issue.column !== undefined || issue.sheet ? sheetOf(issue.sheet) : '';
    row.getCell(1).value = sheet || null;
    row.getCell(2).value = issue.row ?? null;
    row.getCell(3).value = issue.row !== undefined && issue.column ? `${issue.column}${issue.row}` : null;
    row.getCell(4).value = fieldLabel(collection, issue.field);
    row.getCell(5).value = issue.severity;
    row.getCell(5).fill = issue.severity === 'error' ? ERROR_FILL : WARNING_FILL;
    row.getCell(6).value = issue.code;
    row.getCell(7).value = issue.message;
    // The partner's text, always as text.
    row.getCell(8).value = issue.value ?? null;
    if (address) {
      row.getCell(9).value = internalLink(sheetOf(issue.sheet), address, `Go to ${address}`);
      row.getCell(9).font = LINK_FONT;
    }
  });
  fitColumns(ws, 7, 40);
  // Messages are sentences: a readable width, wrapped, every cell of a row aligned at its top; so is a long value.
  ws.getColumn(7).width = 70;
  for (let c = 1; c <= 9; c++) {
    const wrap = c === 7 || c === 8;
    ws.getColumn(c).eachCell({ includeEmpty: false }, (cell, r) => {
      if (r > 1) cell.alignment = wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
    });
  }
  fitRowHeights(ws, 2);
  printOnPageWidth(ws);
  return ws;
}

function mappingKey(columns: CheckReport['columns']): string {
  return columns.map((c) => `${c.column}:${c.header}:${c.field ?? ''}:${c.combine ?? ''}:${c.option ?? ''}`).join('|');
}

/** Which of the partner's columns became which agreed field, and the agreed fields no column gave; then each table mapped otherwise. */
export function addMappingSheet(xlsx: XlsxWorkbook, name: string, report: CheckReport, collection: Collection): Worksheet {
  const ws = xlsx.addWorksheet(name);
  tableHeader(ws, ['Column', 'Header', 'Field', 'Field id', 'Confidence', 'Reason'], report.columns.length);
  report.columns.forEach((c, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = c.column;
    row.getCell(2).value = c.header;
    row.getCell(3).value = c.field === null ? '(not used)' : fieldLabel(collection, c.field);
    row.getCell(4).value = c.field;
    row.getCell(5).value = c.confidence;
    row.getCell(5).numFmt = '0%';
    row.getCell(6).value = c.reason;
  });
  const mapped = new Set(report.columns.map((c) => c.field).filter((f): f is string => f !== null));
  const missing = collection.fields.filter((f) => !mapped.has(f.id));
  if (missing.length > 0) {
    let r = report.columns.length + 3;
    const head = ws.getRow(r++);
    head.getCell(1).value = 'Agreed fields without a column';
    head.getCell(1).font = BOLD;
    for (const f of missing) {
      const row = ws.getRow(r++);
      row.getCell(3).value = f.label;
      row.getCell(4).value = f.id;
      row.getCell(6).value = f.requirement === 'required' ? 'required: every record misses it' : f.requirement;
    }
  }
  // Tables of other headings (a sheet per program, a block stacked under the first): each its own mapping, under its sheet and row.
  const shown = new Set([mappingKey(report.columns)]);
  let r = ws.rowCount + 2;
  for (const t of report.tables) {
    const key = mappingKey(t.columns);
    if (shown.has(key)) continue;
    shown.add(key);
    const head = ws.getRow(r++);
    head.getCell(1).value = `${t.sheet ? `Sheet “${t.sheet}”, h` : 'H'}eadings in row ${t.headerRow}`;
    head.getCell(1).font = BOLD;
    for (const c of t.columns) {
      const row = ws.getRow(r++);
      row.getCell(1).value = c.column;
      row.getCell(2).value = c.header;
      row.getCell(3).value = c.field === null ? '(not used)' : `${fieldLabel(collection, c.field)}${c.combine === 'sum' ? ' (added up)' : c.combine === 'mark' ? ' (marked)' : ''}`;
      row.getCell(4).value = c.field;
      row.getCell(5).value = c.confidence;
      row.getCell(5).numFmt = '0%';
      row.getCell(6).value = c.reason ?? '';
    }
    r++;
  }
  fitColumns(ws, 6, 80);
  printOnPageWidth(ws);
  return ws;
}

export interface SummaryMeta {
  partner?: string;
  submissionId?: string;
  submittedAt?: string;
  submittedBy?: string;
  fileName?: string;
}

function countsTable(
  ws: Worksheet,
  startRow: number,
  title: string,
  counts: Record<string, Counts>,
  labels: Map<string, string>,
  order: string[],
  withTotal = true,
): number {
  let r = startRow;
  const head = ws.getRow(r++);
  [title, 'Events', 'Attendees'].forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).font = BOLD;
    head.getCell(i + 1).fill = HEADER_FILL;
    // Over the numbers, at their side.
    if (i > 0) head.getCell(i + 1).alignment = { horizontal: 'right' };
  });
  const keys = [...order, ...Object.keys(counts).filter((k) => !order.includes(k)).sort()];
  let events = 0;
  let attendees = 0;
  for (const key of keys) {
    const c = counts[key] ?? { events: 0, attendees: 0 };
    const row = ws.getRow(r++);
    row.getCell(1).value = labels.get(key) ?? key;
    row.getCell(2).value = c.events;
    row.getCell(3).value = c.attendees;
    events += c.events;
    attendees += c.attendees;
  }
  if (withTotal) {
    const total = ws.getRow(r++);
    total.getCell(1).value = 'Total';
    total.getCell(2).value = events;
    total.getCell(3).value = attendees;
    total.font = BOLD;
  }
  return r + 1;
}

/** The indicator and the counts by audience, type and month, under the submission's particulars. */
export function addSummarySheet(xlsx: XlsxWorkbook, name: string, report: CheckReport, collection: Collection, meta: SummaryMeta): Worksheet {
  const ws = xlsx.addWorksheet(name);
  const facts: [string, string | number | null][] = [
    ['Partner', meta.partner ?? null],
    ['Submission', meta.submissionId ?? null],
    ['Received', meta.submittedAt ?? null],
    ['Submitted by', meta.submittedBy ?? null],
    ['File', meta.fileName ?? report.file ?? null],
    ['Sheet', report.sheet],
    ['Header row', report.headerRow],
    ['Reporting period', `${report.period.start} to ${report.period.end}`],
    ['Records', report.summary.records],
    ['Errors', report.summary.errors],
    ['Warnings', report.summary.warnings],
    ['Engine version', report.engine.version],
    ['Collection', report.engine.collection],
  ];
  ws.getCell('A1').value = 'Submission check';
  ws.getCell('A1').font = TITLE_FONT;
  facts.forEach(([k, v], i) => {
    ws.getCell(i + 2, 1).value = k;
    ws.getCell(i + 2, 1).font = BOLD;
    ws.getCell(i + 2, 2).value = v;
  });
  const labelsOf = (role: FieldRole) => new Map([...optionsOfRole(collection, role).map((o) => [o.id, o.label] as const), ['unknown', 'Not given or not readable'] as const]);
  const orderOf = (role: FieldRole) => optionsOfRole(collection, role).map((o) => o.id);
  let r = facts.length + 3;
  const note = ws.getCell(r++, 1);
  note.value =
    'Counted as the indicator counts: a record with an engagement level, not dated outside the period and not marked by the partner as not held ("Cancelled"); a record with errors in its other fields still counts (its attendees when they are a number). Every table below adds up to the indicator, except audiences: an event for several audiences counts under each.';
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(r - 1, 1, r - 1, 3);
  const noteRow = r - 1;
  r++;
  r = countsTable(ws, r, 'The indicator: engagement level', report.summary.byEngagement, labelsOf('level'), orderOf('level'));
  // One event may target several audiences: a total here would count it more than once.
  r = countsTable(ws, r, 'Target audience', report.summary.byAudience, labelsOf('audience'), orderOf('audience'), false);
  r = countsTable(ws, r, 'Type of event', report.summary.byEventType, labelsOf('event_type'), orderOf('event_type'));
  r = countsTable(ws, r, 'Month', report.summary.byMonth, new Map([['unknown', 'Not given or not readable']]), Object.keys(report.summary.byMonth).sort());
  // Where the events were read from, and every sheet not read with its reason (a copy of others, instructions, a legend).
  const wrapped: number[] = [];
  if (report.tables.length > 1 || report.skipped.length > 0) {
    const head = ws.getRow(r);
    ['Sheet', 'Events', 'Read or not, and why'].forEach((h, i) => {
      head.getCell(i + 1).value = h;
      head.getCell(i + 1).font = BOLD;
      head.getCell(i + 1).fill = HEADER_FILL;
      head.getCell(i + 1).alignment = i === 1 ? { horizontal: 'right' } : i === 2 ? { indent: 1 } : {};
    });
    ws.mergeCells(r, 3, r, 8);
    r++;
    for (const t of report.tables) {
      const row = ws.getRow(r++);
      row.getCell(1).value = t.sheet ?? report.file ?? '';
      row.getCell(2).value = t.records;
      row.getCell(3).value = `Read: headings in row ${t.headerRow}, rows ${t.firstRow} to ${t.lastRow}`;
      row.getCell(3).alignment = { indent: 1 };
      ws.mergeCells(r - 1, 3, r - 1, 8);
    }
    for (const k of report.skipped) {
      const row = ws.getRow(r);
      row.getCell(1).value = k.sheet;
      row.getCell(3).value = `Not read: ${k.reason}`;
      row.getCell(1).alignment = { vertical: 'top' };
      row.getCell(3).alignment = { wrapText: true, vertical: 'top', indent: 1 };
      ws.mergeCells(r, 3, r, 8);
      wrapped.push(r++);
    }
  }
  // A table: the label, then the two numbers close beside it; the particulars' values run on to the right.
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 12;
  for (let i = 0; i < facts.length; i++) ws.getCell(i + 2, 2).alignment = { horizontal: 'left' };
  fitRowHeights(ws, noteRow, noteRow);
  for (const w of wrapped) fitRowHeights(ws, w, w);
  printOnPageWidth(ws);
  return ws;
}

