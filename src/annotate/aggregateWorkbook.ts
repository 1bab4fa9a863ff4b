import { Workbook as XlsxWorkbook } from 'exceljs';
import { HSH_2023 } from '../core/collection/hsh2023';
import { optionsOfRole } from '../core/collection/roles';
import type { Collection, Period } from '../core/collection/types';
import type { Counts, RecordValue } from '../core/report';
import { recordCell } from './cleanRecords';
import { BOLD, fitColumns, HEADER_FILL, tableHeader } from './styles';

/** What the aggregate workbook shows; the server's aggregate data set has this shape. */
export interface AggregateInput {
  period: Period;
  generatedAt: string;
  partners: { orgId: string; name: string; submissionId: string; receivedAt: string; records: number; errors: number; warnings: number; byEngagement: Record<string, Counts> }[];
  totals: { partners: number; records: number; byEngagement: Record<string, Counts> };
  records: { partner: string; submissionId: string; sheet?: string | null; row: number; flagged: boolean; values: Record<string, unknown> }[];
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
  indicator.getCell('A1').font = { bold: true, size: 14 };
  indicator.getCell('A2').value = `${data.totals.partners} partners, ${data.totals.records} records`;
  const head = indicator.getRow(4);
  ['Partner', ...levels.flatMap((l) => [`${l.label}: events`, `${l.label}: attendees`])].forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).font = BOLD;
    head.getCell(i + 1).fill = HEADER_FILL;
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
  fitColumns(indicator, 10, 40);

  const partners = xlsx.addWorksheet('Partners');
  tableHeader(partners, ['Partner', 'Submission', 'Received', 'Records', 'Errors', 'Warnings'], data.partners.length);
  data.partners.forEach((p, i) => {
    partners.getRow(i + 2).values = [p.name, p.submissionId, p.receivedAt, p.records, p.errors, p.warnings];
  });
  fitColumns(partners);

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
