import { Workbook as XlsxWorkbook, type Worksheet } from 'exceljs';
import type { Analysis } from '../core/analysis';
import { HSH_2023 } from '../core/collection/hsh2023';
import { optionsOfRole } from '../core/collection/roles';
import type { Collection, FieldRole, Period } from '../core/collection/types';
import type { Counts, RecordValue } from '../core/report';
import { recordCell } from './cleanRecords';
import { BOLD, fitColumns, fitRowHeights, HEADING_FONT, HEADER_FILL, printOnPageWidth, tableHeader, TITLE_FONT } from './styles';

/** What the aggregate workbook shows; the server's aggregate data set has this shape. */
export interface AggregateInput {
  period: Period;
  generatedAt: string;
  partners: { orgId: string; name: string; submissionId: string; receivedAt: string; records: number; errors: number; warnings: number; byEngagement: Record<string, Counts> }[];
  totals: { partners: number; records: number; byEngagement: Record<string, Counts> };
  records: { partner: string; submissionId: string; sheet?: string | null; row: number; flagged: boolean; values: Record<string, unknown> }[];
  /** The analysis of the same records: with it, a Summary sheet of breakdowns, the tracker, the overlap and the gaps. */
  analysis?: Analysis;
}

/** The aggregate data set as .xlsx: the indicator, the partners' submissions, and every record with its partner's name. */
export async function buildAggregateWorkbook(data: AggregateInput, collection: Collection = HSH_2023): Promise<Uint8Array> {
  const xlsx = new XlsxWorkbook();
  const when = new Date(data.generatedAt);
  xlsx.creator = 'Hope Starts Here data share';
  xlsx.created = when;
  xlsx.modified = when;
  xlsx.title = `Aggregate data set ${data.period.start} to ${data.period.end}`;
  xlsx.category = 'Hope Starts Here Imperative #2 data share';
  xlsx.description = `Each signed partner's latest submission for ${data.period.start} to ${data.period.end}, generated ${data.generatedAt}.`;

  const levels = optionsOfRole(collection, 'level');
  const indicator = xlsx.addWorksheet('Indicator');
  indicator.getCell('A1').value = `The indicator, ${data.period.start} to ${data.period.end}`;
  indicator.getCell('A1').font = TITLE_FONT;
  indicator.getCell('A2').value = `${data.totals.partners} partners, ${data.totals.records} records`;
  const head = indicator.getRow(4);
  ['Partner', ...levels.flatMap((l) => [`${l.label}: events`, `${l.label}: attendees`])].forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).font = BOLD;
    head.getCell(i + 1).fill = HEADER_FILL;
    head.getCell(i + 1).alignment = { wrapText: true, vertical: 'bottom', horizontal: i === 0 ? 'left' : 'right' };
  });
  const put = (r: number, name: string, counts: Record<string, Counts>) => {
    const row = indicator.getRow(r);
    row.getCell(1).value = name;
    levels.forEach((l, i) => {
      row.getCell(2 + 2 * i).value = counts[l.id]?.events ?? 0;
      row.getCell(3 + 2 * i).value = counts[l.id]?.attendees ?? 0;
    });
  };
  data.partners.forEach((p, i) => put(5 + i, p.name, p.byEngagement));
  put(5 + data.partners.length, 'All partners', data.totals.byEngagement);
  indicator.getRow(5 + data.partners.length).font = BOLD;
  // The partners' names set the first column, not the title above the table; the numbers' headings wrap.
  fitColumns(indicator, 10, 40, 500, { fromRow: 5 });
  for (let c = 2; c <= 1 + 2 * levels.length; c++) indicator.getColumn(c).width = 14;
  fitRowHeights(indicator, 4, 4);
  printOnPageWidth(indicator);
  if (data.analysis) addSummary(xlsx, data.analysis, collection, new Date(data.generatedAt));

  const partners = xlsx.addWorksheet('Partners');
  tableHeader(partners, ['Partner', 'Submission', 'Received', 'Records', 'Errors', 'Warnings'], data.partners.length);
  data.partners.forEach((p, i) => {
    partners.getRow(i + 2).values = [p.name, p.submissionId, p.receivedAt, p.records, p.errors, p.warnings];
  });
  fitColumns(partners);
  printOnPageWidth(partners);

  const records = xlsx.addWorksheet('Records');
  const fields = collection.fields;
  tableHeader(records, ['Partner', ...fields.map((f) => f.label), 'Submission', 'Sheet', 'Row', 'Flagged'], data.records.length);
  data.records.forEach((rec, i) => {
    const row = records.getRow(i + 2);
    row.getCell(1).value = rec.partner;
    fields.forEach((f, j) => {
      const { value, numFmt } = recordCell(f, rec.values[f.id] as RecordValue | undefined);
      const cell = row.getCell(j + 2);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
    row.getCell(fields.length + 2).value = rec.submissionId;
    row.getCell(fields.length + 3).value = rec.sheet ?? '';
    row.getCell(fields.length + 4).value = rec.row;
    row.getCell(fields.length + 5).value = rec.flagged ? 'yes' : 'no';
  });
  fitColumns(records);

  const out: unknown = await xlsx.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

type Value = string | number | Date | null;

/**
 * A titled table at row r: bold shaded headings (wrapped, and over a column
 * of numbers at its right, beside them), then the rows; returns the row
 * after it and a blank line. Headings rows get their height once the
 * columns have their widths (fitRowHeights over the sheet).
 */
function table(ws: Worksheet, r: number, title: string, headings: string[], rows: Value[][]): number {
  ws.getCell(r, 1).value = title;
  ws.getCell(r, 1).font = HEADING_FONT;
  const head = ws.getRow(r + 1);
  headings.forEach((h, i) => {
    // A column of numbers, or of numbers not known yet (children under 5 without a population table).
    const numbers = rows.some((values) => typeof values[i] === 'number') || (rows.length > 0 && rows.every((values) => values[i] === null));
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: numbers ? 'right' : 'left' };
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(r + 2 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
      // A text longer than its column (a list of partners) wraps rather than being cut by the next cell; a row's cells align at its top.
      cell.alignment = typeof v === 'string' ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
    });
    if (values[0] === 'Total') row.font = BOLD;
  });
  return r + 3 + rows.length;
}

const UNKNOWN = 'Not given or not readable';

/** An ISO time as a Date Excel shows as one (UTC), or the text as it is. */
function when(iso: string | null): Date | string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d;
}

/** The analysts' Summary: how records are counted, the breakdowns, who has submitted, overlap and gaps. */
function addSummary(xlsx: XlsxWorkbook, a: Analysis, collection: Collection, today: Date): void {
  const ws = xlsx.addWorksheet('Summary');
  const label = (role: FieldRole) => {
    const m = new Map(optionsOfRole(collection, role).map((o) => [o.id, o.label]));
    return (id: string) => m.get(id) ?? (id === 'unknown' ? UNKNOWN : id);
  };
  const levels = optionsOfRole(collection, 'level');
  const levelOf = label('level');
  const audienceOf = label('audience');
  ws.getCell('A1').value = `Summary, ${a.period.start} to ${a.period.end}`;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A2').value = a.counting;
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells('A2:F2');
  ws.getCell('A3').value = `Not counted: ${a.notCounted.outOfPeriod} records dated outside the period, ${a.notCounted.noEngagement} without an engagement level, ${a.notCounted.notHeld} marked by the partner as not held.`;
  let r = 5;
  const total = (xs: { events: number; attendees: number }[]) => xs.reduce((t, x) => [t[0]! + x.events, t[1]! + x.attendees], [0, 0]);
  const counts = (entries: [string, { events: number; attendees: number }][], name: (id: string) => string) => entries.map(([k, c]) => [name(k), c.events, c.attendees]);
  const ind = Object.entries(a.indicator);
  r = table(ws, r, 'The indicator', ['Engagement level', 'Events', 'Attendees'], [...counts(ind, levelOf), ['Total', ...total(ind.map(([, c]) => c))]]);
  r = table(ws, r, 'By month', ['Month', 'Events', 'Attendees', ...levels.map((l) => `${l.label}: events`)], a.byMonth.map((m) => [m.month === 'unknown' ? UNKNOWN : m.month, m.events, m.attendees, ...levels.map((l) => m.byEngagement[l.id]?.events ?? 0)]));
  r = table(ws, r, 'By target audience (an event for several audiences counts under each)', ['Audience', 'Events', 'Attendees'], counts(Object.entries(a.byAudience), audienceOf));
  const types = Object.entries(a.byEventType);
  r = table(ws, r, 'By type of event', ['Type', 'Events', 'Attendees'], [...counts(types, label('event_type')), ['Total', ...total(types.map(([, c]) => c))]]);
  const days = Math.ceil((Date.parse(`${a.deadline}T23:59:59Z`) - today.getTime()) / 86_400_000);
  r = table(
    ws,
    r,
    `Who has submitted (deadline ${a.deadline}, ${days >= 0 ? `${days} days left` : `${-days} days ago`})`,
    ['Partner', 'Submitted', 'Received (UTC)', 'Records', 'Errors', 'Warnings'],
    a.partners.map((p) => [p.name, p.submitted ? 'yes' : 'no', when(p.submittedAt), p.records, p.errors, p.warnings]),
  );
  r = table(ws, r, 'Overlap: zip, month and audience served by two or more partners', ['Zip', 'Month', 'Audience', 'Partners', 'Events'], a.overlap.map((o) => [o.zip, o.month, audienceOf(o.audience), o.partners.join(', '), o.events]));
  r = table(ws, r, 'Cells shared by each pair of partners', ['Partner', ...a.overlapMatrix.partners], a.overlapMatrix.partners.map((p, i) => [p, ...(a.overlapMatrix.shared[i] ?? [])]));
  table(
    ws,
    r,
    'Gaps: the service area from least to most served',
    ['Zip', 'Partly in', 'Events', 'Attendees', 'Partners', 'Children under 5', 'Attendees per 1,000 children'],
    a.gaps.map((g) => [g.zip, g.partly, g.events, g.attendees, g.partners, g.childrenUnder5, g.perThousandChildren]),
  );
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 16;
  ws.getColumn(4).width = 30;
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  fitRowHeights(ws);
  printOnPageWidth(ws);
}
