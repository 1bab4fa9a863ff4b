import { Workbook as XlsxWorkbook } from 'exceljs';
import { HSH_2023 } from '../core/collection/hsh2023';
import type { Collection } from '../core/collection/types';
import type { CheckReport } from '../core/report';
import type { Workbook } from '../core/workbook';
import { safeSheetName } from './excelValues';
import { addCleanRecordsSheet, addListsSheet, listRanges } from './cleanRecords';
import { writeInternalLinks } from './internalLinks';
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
  /** Told as each sheet is laid out and before the file is packed: `done` of `of` steps, and what comes next. */
  onProgress?: (done: number, of: number, next: string) => void;
}

export const ANNOTATED_SHEETS = { clean: 'Clean records', issues: 'Issues', mapping: 'Mapping', summary: 'Summary', lists: 'Lists' } as const;

/** Builds the annotated workbook as an exceljs Workbook (for callers that add to it). */
export function annotatedWorkbook(input: AnnotateInput): XlsxWorkbook {
  const { workbook, report } = input;
  const meta = input.meta ?? {};
  const collection = input.collection ?? HSH_2023;
  // Every sheet read, in workbook order; a report that names none (a CSV) stands on the first.
  const named = new Set(report.tables.map((t) => t.sheet).filter((s): s is string => s !== null));
  if (report.sheet !== null) named.add(report.sheet);
  const read = workbook.sheets.filter((s) => named.has(s.name));
  const sources = read.length ? read : workbook.sheets.slice(0, 1);

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
  const names = new Map<string, string>();
  for (const source of sources) {
    const name = safeSheetName(source.name, taken, 'Submitted');
    taken.add(name.toLowerCase());
    names.set(source.name, name);
  }
  if (sources.length === 0) names.set('', safeSheetName(report.sheet ?? 'Submitted', taken, 'Submitted'));
  const first = [...names.values()][0]!;
  // An issue or record without a sheet (a CSV, a one-table engine) stands on the first sheet read.
  const nameOf = (sheet: string | null | undefined): string => (sheet ? names.get(sheet) : undefined) ?? first;
  // Steps: each partner sheet, our five sheets, and packing the file (buildAnnotatedWorkbook's).
  const steps = Math.max(1, sources.length) + 6;
  let done = 0;
  const step = (next: string) => input.onProgress?.(++done, steps, next);
  input.onProgress?.(0, steps, sources[0] ? `your sheet “${sources[0].name}”` : 'your sheet');
  if (sources.length === 0) addPartnerSheet(xlsx, first, undefined, report, workbook.date1904);
  sources.forEach((source, i) => {
    addPartnerSheet(xlsx, nameOf(source.name), source, sheetReport(report, source.name, source === sources[0]), workbook.date1904);
    const after = sources[i + 1];
    if (after) step(`your sheet “${after.name}”`);
  });
  step(ANNOTATED_SHEETS.clean);
  const lists = listRanges(ANNOTATED_SHEETS.lists, collection);
  addCleanRecordsSheet(xlsx, ANNOTATED_SHEETS.clean, report, collection, nameOf, lists);
  step(ANNOTATED_SHEETS.issues);
  addIssuesSheet(xlsx, ANNOTATED_SHEETS.issues, report, collection, nameOf);
  step(ANNOTATED_SHEETS.mapping);
  addMappingSheet(xlsx, ANNOTATED_SHEETS.mapping, report, collection);
  step(ANNOTATED_SHEETS.summary);
  addSummarySheet(xlsx, ANNOTATED_SHEETS.summary, report, collection, meta);
  step(ANNOTATED_SHEETS.lists);
  addListsSheet(xlsx, ANNOTATED_SHEETS.lists, collection);
  step('packing the file');
  // Open on the partner's sheet.
  xlsx.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return xlsx;
}

/** The report as one sheet sees it: its own table's header row and columns, its own issues (the first sheet also those naming none). */
function sheetReport(report: CheckReport, sheet: string, first: boolean): CheckReport {
  const table = report.tables.find((t) => t.sheet === sheet);
  const issues = report.issues.filter((i) => (i.sheet === undefined || i.sheet === null ? first : i.sheet === sheet));
  if (!table) return { ...report, issues };
  return { ...report, sheet: table.sheet, headerRow: table.headerRow, columns: table.columns, issues };
}

/** The annotated workbook as .xlsx bytes. */
export async function buildAnnotatedWorkbook(input: AnnotateInput): Promise<Uint8Array> {
  // Stored, not deflated: writeInternalLinks packs it once more anyway.
  const out: unknown = await annotatedWorkbook(input).xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  // "Go to" links as the format's in-workbook links, which exceljs cannot write.
  return writeInternalLinks(out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer));
}
