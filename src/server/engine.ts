import { check, type CheckOptions } from '../core/check';
import type { CheckReport } from '../core/report';
import type { Workbook } from '../core/workbook';
import type { ReadLimits } from '../io/limits';
import { readWorkbookBytes } from '../io/readWorkbook';
import { ApiError } from './errors';

/** The check engine as the server uses it; tests and a future worker pool can supply another. */
export interface Engine {
  read(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<Workbook>;
  check(workbook: Workbook, options: CheckOptions): CheckReport;
}

export const defaultEngine: Engine = {
  read: (bytes, fileName, limits) => readWorkbookBytes(bytes, fileName, limits),
  check,
};

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

/** Reads an uploaded file; a file the reader refuses becomes a 413, 415 or 422 with the reader's one-line reason. */
export async function readUpload(engine: Engine, bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<Workbook> {
  try {
    return await engine.read(bytes, fileName, limits);
  } catch (error) {
    const re = readErrorOf(error);
    if (!re) throw error;
    const m = READ_STATUS[re.code] ?? { status: 422, code: re.code || 'unreadable' };
    throw new ApiError(m.status, m.code, re.message);
  }
}
