import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Workbook } from '../core/workbook';
import { ReadError, readErrors } from './errors';
import { resolveLimits, type ReadLimits } from './limits';
import { readWorkbookBytes } from './readWorkbook';

/**
 * Node only: reads a workbook file from disk. The size is checked before
 * reading, so that a file above the limit is refused without being loaded.
 * The reads are synchronous (node:fs, not node:fs/promises, whose loading
 * alone is a noticeable part of the command line's start): the file is read
 * whole before anything is done with it anyway.
 */
export async function readWorkbookFile(path: string, limits?: Partial<ReadLimits>): Promise<Workbook> {
  const resolved = resolveLimits(limits);
  let bytes: Uint8Array;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new ReadError('unsupported_format', 'This is a folder, not a file; choose the workbook file itself.');
    if (info.size === 0) throw readErrors.emptyFile();
    if (info.size > resolved.maxFileBytes) throw readErrors.fileTooLarge(info.size, resolved.maxFileBytes);
    bytes = readAtMost(path, resolved.maxFileBytes);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new ReadError('unsupported_format', `The file ${basename(path)} was not found; check the name and try again.`, { cause: e });
    throw new ReadError('corrupt', `The file ${basename(path)} could not be opened; check that it is not open elsewhere and try again.`, { cause: e });
  }
  return readWorkbookBytes(bytes, basename(path), resolved);
}

/** Reads the file but never more than `max` + 1 bytes, even if it grew after stat. */
function readAtMost(path: string, max: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    const want = Math.min(info.size, max + 1);
    const buf = new Uint8Array(want);
    let got = 0;
    while (got < want) {
      const bytesRead = readSync(fd, buf, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got > max) throw readErrors.fileTooLarge(got, max);
    return got === want ? buf : buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
