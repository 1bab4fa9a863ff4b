import { buildAnnotatedWorkbook } from '../annotate';
import { buildAggregateWorkbook } from '../annotate/aggregateWorkbook';
import { buildTemplate } from '../annotate/template';
import { analyse, type Analysis } from '../core/analysis';
import { check } from '../core/check';
import { DETROIT_ZIPS } from '../core/collection/detroitZips';
import { checkReportSchema, type CheckReport } from '../core/report';
import { columnIndex, columnLetter, type Sheet, type Workbook } from '../core/workbook';
import { readWorkbookBytes } from '../io/readWorkbook';
import { buildAggregate } from './aggregate';
import { refusalOf, throwIfRefused, type AggregateJob, type AnalysisJob, type AnnotateJob, type CheckJob, type CheckResult, type Engine, type Refusal, type TemplateJob } from './engine';
import { ApiError } from './errors';
import { workbookFromStoredValues } from './intake';
import { PopulationRepository } from './repositories/population';
import { prepareReport, SubmissionRepository } from './repositories/submissions';
import { openStore, type Store } from './store/connect';

/**
 * The jobs themselves: plain functions of plain data, so they run the same in
 * a worker thread (worker.ts) and in-process (inProcessEngine). A refused
 * input comes back as a Refusal (errors do not cross threads with their codes).
 */

async function workbookOf(job: { source: CheckJob['source']; bytes: Uint8Array; fileName: string; readLimits: CheckJob['readLimits'] }): Promise<Workbook> {
  return job.source === 'office' ? workbookFromStoredValues(job.bytes) : readWorkbookBytes(job.bytes, job.fileName, job.readLimits);
}

async function refusing<T>(fn: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await fn();
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

const SLICE = 10_000;

/**
 * Validates a report against the contract without holding a second copy of
 * it (zod returns a copy): the head once, the records and issues a slice at
 * a time. A 600,000-row report would otherwise need twice its memory.
 */
export function validReport(report: CheckReport): CheckReport {
  const { records, issues, ...head } = report;
  checkReportSchema.parse({ ...head, records: [], issues: [] });
  for (let i = 0; i < records.length; i += SLICE) checkReportSchema.shape.records.parse(records.slice(i, i + SLICE));
  for (let i = 0; i < issues.length; i += SLICE) checkReportSchema.shape.issues.parse(issues.slice(i, i + SLICE));
  return report;
}

/** Reads and checks a submission; the report is validated against the contract and prepared for the store. */
export function checkJob(job: CheckJob): Promise<CheckResult | Refusal> {
  return refusing(async () => {
    const workbook = await workbookOf(job);
    const sheetName = job.options.sheet;
    if (sheetName && !workbook.sheets.some((s) => s.name === sheetName || s.name.toLowerCase() === sheetName.toLowerCase())) {
      const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
      throw new ApiError(422, 'sheet_not_found', `The workbook has no sheet named "${sheetName}"; its sheets are ${names}.`);
    }
    mappedColumnsExist(workbook, job.options);
    const result = check(workbook, { ...job.options, file: job.fileName, period: job.period, collection: job.collection });
    return { source: workbook.source === 'csv' ? 'csv' : job.source, report: prepareReport(validReport(result)) };
  });
}

/** The last column (0-based) holding a value on a sheet; -1 when it has none. */
function lastColumn(sheet: Sheet): number {
  let last = -1;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) {
      const cell = row[c];
      if (cell && cell.kind !== 'empty') {
        last = c;
        break;
      }
    }
  }
  return last;
}

/**
 * A confirmed mapping may only name columns the sheet has: a column past the
 * last one with a value is a mistake (a mapping made for another file), and
 * the partner is told so rather than the column silently mapping nothing.
 */
function mappedColumnsExist(workbook: Workbook, options: CheckJob['options']): void {
  const find = (name: string) => workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const refuse = (letter: string, sheet: Sheet | undefined, last: number) => {
    const where = sheet ? `the sheet "${sheet.name}"` : 'any sheet';
    const has = last < 0 ? 'it has no values' : `its last column is ${columnLetter(last)}`;
    throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter} is not in ${where}: ${has}. Check that the mapping is for this file.`);
  };
  const check = (mapping: Record<string, unknown> | undefined, sheets: Sheet[]) => {
    if (!mapping) return;
    const widest = sheets.reduce<{ sheet: Sheet | undefined; last: number }>((w, s) => {
      const last = lastColumn(s);
      return last > w.last ? { sheet: s, last } : w;
    }, { sheet: sheets.length === 1 ? sheets[0] : undefined, last: -1 });
    for (const letter of Object.keys(mapping)) if (columnIndex(letter) > widest.last) refuse(letter, widest.sheet, widest.last);
  };
  const chosen = options.sheet ? find(options.sheet) : undefined;
  check(options.mapping, chosen ? [chosen] : workbook.sheets);
  for (const [name, mapping] of Object.entries(options.mappings ?? {})) {
    // A key is a sheet, or one table of a sheet holding several ("Programs!7").
    const sheet = find(name) ?? (/^(.+)!\d+$/.test(name) ? find(name.replace(/!\d+$/, '')) : undefined);
    // A mapping for a sheet the workbook does not have is harmless (the sheet names of an older file).
    if (sheet) check(mapping, [sheet]);
  }
}

/** Builds a submission's annotated workbook from its original and its stored report. */
export function annotateJob(job: AnnotateJob): Promise<Uint8Array | Refusal> {
  return refusing(async () => {
    const workbook = await workbookOf(job);
    return buildAnnotatedWorkbook({ workbook, report: JSON.parse(job.reportJson) as CheckReport, collection: job.collection, meta: job.meta });
  });
}

const stores = new Map<string, Store>();

function storeFor(url: string): Store {
  let store = stores.get(url);
  if (!store) {
    store = openStore(url);
    stores.set(url, store);
  }
  return store;
}

/** Builds the aggregate workbook of exactly the given submissions, reading their records from the store. */
export async function aggregateJob(job: AggregateJob): Promise<Uint8Array> {
  const repo = new SubmissionRepository(storeFor(job.storeUrl).db);
  const data = await buildAggregate(repo, job.collection, job.period, job.latest);
  const analysis = job.tracker
    ? analyse({ period: job.period, deadline: job.tracker.deadline, collection: job.collection, partners: job.tracker.partners, records: data.records, serviceArea: DETROIT_ZIPS, population: await populationOf(storeFor(job.storeUrl)) })
    : undefined;
  return buildAggregateWorkbook({ ...data, analysis }, job.collection);
}

async function populationOf(store: Store): Promise<Map<string, number> | undefined> {
  const rows = await new PopulationRepository(store.db).all();
  return rows.length ? new Map(rows.map((r) => [r.zip, r.childrenUnder5])) : undefined;
}

/** The analysis of exactly the given submissions, reading their records and the population table from the store. */
export async function analysisJob(job: AnalysisJob): Promise<Analysis> {
  const store = storeFor(job.storeUrl);
  const repo = new SubmissionRepository(store.db);
  const records = await repo.recordsOf(job.latest.map((s) => ({ id: s.id, orgId: s.orgId, orgName: s.orgName })));
  const population = await populationOf(store);
  return analyse({
    period: job.period,
    deadline: job.deadline,
    collection: job.collection,
    partners: job.partners,
    records,
    serviceArea: DETROIT_ZIPS,
    population,
  });
}

/** The events template of the collection, with the server's deadline. */
export async function templateJob(job: TemplateJob): Promise<Uint8Array> {
  return buildTemplate({ collection: job.collection, deadline: job.deadline });
}

/** Closes the connections the aggregate jobs opened. */
export async function closeJobStores(): Promise<void> {
  const open = [...stores.values()];
  stores.clear();
  await Promise.all(open.map((s) => s.close()));
}

/**
 * The same jobs on the calling thread, without deadlines or memory limits:
 * for tests and tools, never for a server facing partners.
 */
export const inProcessEngine: Engine = {
  check: async (job) => throwIfRefused(await checkJob(job)),
  annotate: async (job) => throwIfRefused(await annotateJob(job)),
  aggregateWorkbook: (job) => aggregateJob(job),
  analysis: (job) => analysisJob(job),
  template: (job) => templateJob(job),
  close: () => closeJobStores(),
};
