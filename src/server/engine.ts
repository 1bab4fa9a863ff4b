import type { Analysis, AnalysisPartner } from '../core/analysis';
import type { CheckOptions } from '../core/check';
import type { Collection, Period } from '../core/collection/types';
import type { Workbook } from '../core/workbook';
import type { ReadLimits } from '../io/limits';
import type { AnnotateMeta } from '../annotate';
import { ApiError } from './errors';
import type { PreparedReport, SubmissionMeta, SubmissionSource } from './repositories/submissions';

/**
 * The work the server hands off: reading and checking a submission, building
 * its annotated workbook, building the aggregate workbook. The server uses a
 * pool of worker threads (pool.ts), each job with a deadline and a memory
 * limit; tests may supply another engine (jobs.ts runs the same jobs in-process).
 */
export interface Engine {
  /** Reads and checks; a file the reader or checker refuses is an ApiError (413, 415, 422). */
  check(job: CheckJob): Promise<CheckResult>;
  annotate(job: AnnotateJob): Promise<Uint8Array>;
  aggregateWorkbook(job: AggregateJob): Promise<Uint8Array>;
  /** The analysts' breakdowns, overlap and gaps over exactly the given submissions. */
  analysis(job: AnalysisJob): Promise<Analysis>;
  /** The events template partners may start from (GET /template.xlsx). */
  template(job: TemplateJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface CheckJob {
  source: SubmissionSource;
  /** The uploaded file, or (source office) the JSON the add-in posted. */
  bytes: Uint8Array;
  fileName: string;
  options: Pick<CheckOptions, 'sheet' | 'headerRow' | 'mapping' | 'leaveOut' | 'include' | 'headerRows' | 'mappings'>;
  period: Period;
  collection: Collection;
  readLimits: Partial<ReadLimits>;
}

export interface CheckResult {
  /** csv when the file turned out to be one, whatever its name said. */
  source: SubmissionSource;
  report: PreparedReport;
}

export interface AnnotateJob {
  source: SubmissionSource;
  bytes: Uint8Array;
  fileName: string;
  reportJson: string;
  collection: Collection;
  readLimits: Partial<ReadLimits>;
  meta: AnnotateMeta;
}

export interface AggregateJob {
  /** The store to read the records from (the worker opens its own connection). */
  storeUrl: string;
  period: Period;
  collection: Collection;
  /** Exactly the submissions the aggregate is made of (the cache's version). */
  latest: SubmissionMeta[];
  /** With them, the workbook gains a Summary sheet: the analysis's breakdowns, the tracker and the overlap. */
  tracker?: { partners: AnalysisPartner[]; deadline: string };
}

export interface AnalysisJob extends AggregateJob {
  deadline: string;
  /** Every signed partner, with its latest submission when it has one (the tracker). */
  partners: AnalysisPartner[];
}

export interface TemplateJob {
  collection: Collection;
  /** The submission deadline its instructions name, YYYY-MM-DD. */
  deadline: string;
}

export type JobName = 'check' | 'annotate' | 'aggregate' | 'analysis' | 'template';

/** What a job answers when the input is refused (not a fault): the status, code and one-line reason. */
export interface Refusal {
  refused: { status: number; code: string; message: string };
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'refused' in value;

export function throwIfRefused<T>(value: T | Refusal): T {
  if (isRefusal(value)) throw new ApiError(value.refused.status, value.refused.code, value.refused.message);
  return value;
}

/** A job ended by the pool: past its deadline, or over its memory limit. */
export class JobLimitError extends Error {
  constructor(
    readonly job: JobName,
    readonly limit: 'time' | 'memory',
    /** Seconds or megabytes. */
    readonly amount: number,
  ) {
    super(`${job} job stopped: over its ${limit} limit (${amount} ${limit === 'time' ? 's' : 'MB'})`);
    this.name = 'JobLimitError';
  }
}

const SPLIT = 'Split it into smaller files, or remove what is not event data, and send it again.';

/** The answer to a partner whose file hit a limit: 422 check_timeout or 413 too_complex. */
export function limitRefusal(e: JobLimitError, what: 'check' | 'annotated' | 'aggregate'): { status: number; code: string; message: string } {
  if (what === 'check') {
    return e.limit === 'time'
      ? { status: 422, code: 'check_timeout', message: `Checking this file took longer than ${e.amount} s, so the server stopped. ${SPLIT}` }
      : { status: 413, code: 'too_complex', message: `This file needs more memory to check than the server allows for one file (${e.amount} MB). ${SPLIT}` };
  }
  const over = e.limit === 'time' ? `more than ${e.amount} s` : `more than ${e.amount} MB`;
  if (what === 'annotated') {
    return { status: 422, code: 'too_complex', message: `The annotated workbook of this submission is too large to build (it needed ${over}). Its check report is still there.` };
  }
  return { status: 413, code: 'too_complex', message: `The aggregate workbook is too large to build in one file (it needed ${over}): page through GET /api/v1/aggregate instead.` };
}

/** The reader's failure codes and the HTTP status each answers with. */
const READ_STATUS: Record<string, { status: number; code: string }> = {
  unsupported_format: { status: 415, code: 'unsupported_format' },
  too_large: { status: 413, code: 'too_large' },
  too_complex: { status: 413, code: 'too_complex' },
  encrypted: { status: 422, code: 'encrypted' },
  corrupt: { status: 422, code: 'corrupt' },
  empty: { status: 422, code: 'empty' },
};

/** A ReadError from src/io (matched by shape, so a second copy of the module still counts). */
function readErrorOf(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof Error) || error.name !== 'ReadError') return null;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? { code, message: error.message } : null;
}

/** A refusal for a reader's or the API's own error; null for anything else (a fault). */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof ApiError) return { refused: { status: error.statusCode, code: error.code, message: error.message } };
  const re = readErrorOf(error);
  if (!re) return null;
  const m = READ_STATUS[re.code] ?? { status: 422, code: re.code || 'unreadable' };
  return { refused: { status: m.status, code: m.code, message: re.message } };
}

/** Reads a workbook from bytes (in whatever thread runs it). */
export interface Reader {
  read(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<Workbook>;
}

/** Reads an uploaded file; a file the reader refuses becomes a 413, 415 or 422 with the reader's one-line reason. */
export async function readUpload(reader: Reader, bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<Workbook> {
  try {
    return await reader.read(bytes, fileName, limits);
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    throw new ApiError(refusal.refused.status, refusal.refused.code, refusal.refused.message);
  }
}
