import { Workbook as XlsxWorkbook } from 'exceljs';
import { HSH_2023 } from '../core/collection/hsh2023';
import type { Collection } from '../core/collection/types';
import type { CheckReport } from '../core/report';
import type { Workbook } from '../core/workbook';
import { safeSheetName } from './excelValues';
import { addCleanRecordsSheet, addListsSheet, listRanges } from './cleanRecords';
import { addPartnerSheet } from './partnerSheet';
import { addIssuesSheet, addMappingSheet, addSummarySheet, type SummaryMeta } from './reportSheets';

/**
 * The annotated workbook analysts open. Browser-safe (no Node APIs): the
 * server sends it, and the taskpane's browser mode builds the same file.
 */

export interface AnnotateMeta extends SummaryMeta {
  /** Who made the file, for the document properties. */
  generator?: string;
}

export interface AnnotateInput {
  /** The workbook as the engine read it (the partner's cells). */
  workbook: Workbook;
  report: CheckReport;
  meta?: AnnotateMeta;
  /** The collection the report was checked against; default the 2023 collection. */
  collection?: Collection;
}

export const ANNOTATED_SHEETS = { clean: 'Clean records', issues: 'Issues', mapping: 'Mapping', summary: 'Summary', lists: 'Lists' } as const;

/** Builds the annotated workbook as an exceljs Workbook (for callers that add to it). */
export function annotatedWorkbook(input: AnnotateInput): XlsxWorkbook {
  const { workbook, report } = input;
  const meta = input.meta ?? {};
  const collection = input.collection ?? HSH_2023;
  const source = report.sheet === null ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === report.sheet) ?? workbook.sheets[0];

  const xlsx = new XlsxWorkbook();
  const when = meta.submittedAt ? new Date(meta.submittedAt) : new Date();
  xlsx.creator = meta.generator ?? 'Hope Starts Here data share';
  xlsx.lastModifiedBy = xlsx.creator;
  xlsx.created = when;
  xlsx.modified = when;
  xlsx.title = `Checked submission${meta.submissionId ? ` ${meta.submissionId}` : ''}${meta.partner ? ` from ${meta.partner}` : ''}`;
  xlsx.subject = meta.partner ?? '';
  xlsx.company = meta.partner ?? '';
  xlsx.category = 'Hope Starts Here Imperative #2 data share';
  xlsx.keywords = [
    meta.submissionId ? `submission:${meta.submissionId}` : null,
    `engine:${report.engine.version}`,
    `collection:${report.engine.collection}`,
  ].filter(Boolean).join(' ');
  xlsx.description = [
    `Partner: ${meta.partner ?? '(not given)'}`,
    `Submission: ${meta.submissionId ?? '(not submitted)'}`,
    `Received: ${meta.submittedAt ?? '(not submitted)'}`,
    `Engine version: ${report.engine.version}`,
    `Collection: ${report.engine.collection}`,
  ].join('\n');

  // Our sheets' names are fixed; the partner's sheet keeps its own name unless it collides.
  const taken = new Set<string>(Object.values(ANNOTATED_SHEETS).map((n) => n.toLowerCase()));
  const partnerName = safeSheetName(source?.name ?? report.sheet ?? 'Submitted', taken, 'Submitted');
  addPartnerSheet(xlsx, partnerName, source, report, workbook.date1904);
  const lists = listRanges(ANNOTATED_SHEETS.lists, collection);
  addCleanRecordsSheet(xlsx, ANNOTATED_SHEETS.clean, report, collection, partnerName, lists);
  addIssuesSheet(xlsx, ANNOTATED_SHEETS.issues, report, collection, partnerName);
  addMappingSheet(xlsx, ANNOTATED_SHEETS.mapping, report, collection);
  addSummarySheet(xlsx, ANNOTATED_SHEETS.summary, report, collection, meta);
  addListsSheet(xlsx, ANNOTATED_SHEETS.lists, collection);
  // Open on the partner's sheet.
  xlsx.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return xlsx;
}

/** The annotated workbook as .xlsx bytes. */
export async function buildAnnotatedWorkbook(input: AnnotateInput): Promise<Uint8Array> {
  const out: unknown = await annotatedWorkbook(input).xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
