import { Inflate } from 'fflate';
import { ReadError, readErrors } from './errors';
import type { Budget } from './limits';

/**
 * A zip archive read from its central directory, whose entries are unpacked
 * on demand and streamed in chunks, counting every unpacked byte against the
 * budget. The sizes the archive declares are never trusted: only what
 * actually comes out of the inflater counts.
 */

export interface ZipEntry {
  /** The name as stored. */
  name: string;
  /** The part path: "/" separators, no leading "/", case kept. */
  path: string;
  /** The name as looked up: "/" separators, no leading "/", lower case. */
  key: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** More entries than any real workbook has (a 1,000-sheet workbook holds ~2,000): the directory itself would be the attack. */
export const MAX_ZIP_ENTRIES = 100_000;

/** Compressed bytes handed to the inflater at a time: bounds what one push can unpack (~1000:1 at most). */
const PUSH_BYTES = 16 * 1024;

export function zipPath(name: string): string {
  let p = name.replace(/\\/g, '/');
  while (p.startsWith('/')) p = p.slice(1);
  return p;
}

export function zipKey(name: string): string {
  return zipPath(name).toLowerCase();
}

export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly bytes: Uint8Array;
  private readonly byKey = new Map<string, ZipEntry>();

  constructor(bytes: Uint8Array, entries: ZipEntry[]) {
    this.bytes = bytes;
    this.entries = entries;
    // Duplicate names: the first one in the directory wins.
    for (const e of entries) if (!this.byKey.has(e.key)) this.byKey.set(e.key, e);
  }

  /** Finds an entry by path, ignoring case, separators and a leading "/". */
  find(path: string): ZipEntry | undefined {
    return this.byKey.get(zipKey(path));
  }

  /**
   * Streams the unpacked bytes of an entry to `onChunk`. Throws ReadError
   * too_large when the entry unpacks to more than its ratio allows or the
   * budget runs out, corrupt when the data cannot be unpacked.
   */
  stream(entry: ZipEntry, budget: Budget, onChunk: (chunk: Uint8Array) => void): void {
    const data = this.dataOf(entry);
    const limits = budget.limits;
    const cap = Math.max(limits.ratioGraceBytes, limits.maxEntryRatio * data.length);
    let out = 0;
    // Compressed bytes handed to the inflater so far: the ratio is checked as the entry unpacks, so a bomb
    // fails after its first few megabytes, not after unpacking its whole allowance.
    let consumed = data.length;
    const take = (chunk: Uint8Array): void => {
      if (chunk.length === 0) return;
      out += chunk.length;
      if (out > cap || out > Math.max(limits.ratioGraceBytes, limits.maxEntryRatio * consumed)) throw readErrors.zipBomb(entry.name);
      budget.addUnzipped(chunk.length);
      budget.checkTime();
      onChunk(chunk);
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += 1 << 20) take(data.subarray(i, Math.min(data.length, i + (1 << 20))));
      return;
    }
    if (entry.method !== 8) throw readErrors.zipMethod();
    try {
      const inflater = new Inflate((chunk) => take(chunk));
      if (data.length === 0) {
        inflater.push(new Uint8Array(0), true);
        return;
      }
      for (let i = 0; i < data.length; i += PUSH_BYTES) {
        const end = Math.min(data.length, i + PUSH_BYTES);
        consumed = end;
        inflater.push(data.subarray(i, end), end === data.length);
      }
    } catch (e) {
      if (e instanceof ReadError) throw e;
      throw readErrors.damaged(`${entry.name} cannot be unpacked`);
    }
  }

  /** The whole unpacked entry; for the small parts (relationships, workbook, content types). */
  read(entry: ZipEntry, budget: Budget): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    this.stream(entry, budget, (c) => {
      chunks.push(c);
      size += c.length;
    });
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return all;
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localOffset;
    if (at < 0 || at + 30 > b.length || u32(b, at) !== SIG_LOCAL) throw readErrors.damaged(`the zip entry ${entry.name} is missing`);
    if (entry.flags & 1) throw readErrors.encrypted();
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    if (start > b.length) throw readErrors.damaged(`the zip entry ${entry.name} is cut off`);
    // A lying directory cannot make us read past the end of the file.
    return b.subarray(start, Math.min(b.length, start + entry.compressedSize));
  }
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Reads the central directory. Throws ReadError corrupt when there is none. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw readErrors.damaged('the zip archive is incomplete');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === SIG_EOCD64_LOCATOR) {
      const rec = u64(bytes, loc + 8);
      if (rec + 56 <= bytes.length && u32(bytes, rec) === SIG_EOCD64) {
        count = u64(bytes, rec + 32);
        cdSize = u64(bytes, rec + 40);
        cdOffset = u64(bytes, rec + 48);
      }
    }
  }
  // Data prepended to the archive shifts every offset by the same amount.
  const shift = u32(bytes, cdOffset) === SIG_CENTRAL ? 0 : Math.max(0, eocd - cdSize - cdOffset);
  let p = cdOffset + shift;
  const entries: ZipEntry[] = [];
  // Each directory record takes at least 46 bytes: a count larger than that is a lie.
  const maxCount = Math.min(count, Math.floor((bytes.length - p) / 46));
  if (maxCount > MAX_ZIP_ENTRIES) throw readErrors.tooManyParts(MAX_ZIP_ENTRIES);
  for (let i = 0; i < maxCount; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) break;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    const uncompressed = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen));
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field: the 64-bit values appear in this order, only for the fields set to 0xFFFFFFFF.
      let x = p + 46 + nameLen;
      const xEnd = Math.min(bytes.length, x + extraLen);
      while (x + 4 <= xEnd) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (uncompressed === 0xffffffff) f += 8;
          if (compressedSize === 0xffffffff && f + 8 <= xEnd) {
            compressedSize = u64(bytes, f);
            f += 8;
          }
          if (localOffset === 0xffffffff && f + 8 <= xEnd) localOffset = u64(bytes, f);
          break;
        }
        x += 4 + len;
      }
    }
    if (!name.endsWith('/')) {
      entries.push({ name, path: zipPath(name), key: zipKey(name), method, flags, compressedSize, localOffset: localOffset + shift });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return new ZipArchive(bytes, entries);
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06 && u32(b, i) === SIG_EOCD) {
      const cdSize = u32(b, i + 12);
      const cdOffset = u32(b, i + 16);
      // A signature inside the archive comment does not point back at a directory.
      if (cdOffset === 0xffffffff || cdOffset + cdSize <= i) return i;
    }
  }
  return -1;
}
