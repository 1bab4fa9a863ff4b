/**
 * Just enough of the Compound File Binary format (OLE2) to list the stream
 * names: an encrypted .xlsx is a CFB holding "EncryptedPackage", a legacy
 * .xls one holding "Workbook" (or "Book" before Excel 97).
 */

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const MAX_REG_SECTOR = 0xfffffffa;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}

export interface CfbEntry {
  name: string;
  /** First sector of the stream (regular sectors when size >= 4096, else the mini stream). */
  start: number;
  size: number;
}

interface CfbDirectory {
  entries: CfbEntry[];
  sectorSize: number;
  sectorCount: number;
  /** The FAT: the sector after n in its chain. */
  next: (n: number) => number;
}

/** Stream and storage names in the directory, or null when the structure is broken. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  return cfbDirectory(b)?.entries.map((e) => e.name) ?? null;
}

function cfbDirectory(b: Uint8Array): CfbDirectory | null {
  if (b.length < 512) return null;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorCount = Math.floor((b.length - size) / size);
  const sectorAt = (n: number): number => (n + 1) * size;

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(b, 0x4c + i * 4);
    if (s <= MAX_REG_SECTOR && s < sectorCount) fatSectors.push(s);
  }
  let difat = u32(b, 0x44);
  for (let guard = 0; difat <= MAX_REG_SECTOR && difat < sectorCount && guard < sectorCount; guard++) {
    const base = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(b, base + i * 4);
      if (s <= MAX_REG_SECTOR && s < sectorCount) fatSectors.push(s);
    }
    difat = u32(b, base + size - 4);
  }
  const perSector = size / 4;
  const next = (n: number): number => {
    const fs = fatSectors[Math.floor(n / perSector)];
    return fs === undefined ? END_OF_CHAIN : u32(b, sectorAt(fs) + (n % perSector) * 4);
  };

  const entries: CfbEntry[] = [];
  let sector = u32(b, 0x30);
  const seen = new Set<number>();
  while (sector <= MAX_REG_SECTOR && sector < sectorCount && !seen.has(sector)) {
    seen.add(sector);
    const base = sectorAt(sector);
    for (let off = 0; off + 128 <= size; off += 128) {
      const e = base + off;
      const nameLen = u16(b, e + 0x40);
      const type = b[e + 0x42];
      if (type === 0 || nameLen < 2 || nameLen > 64) continue;
      let name = '';
      for (let i = 0; i < nameLen / 2 - 1; i++) name += String.fromCharCode(u16(b, e + i * 2));
      entries.push({ name, start: u32(b, e + 0x74), size: u32(b, e + 0x78) });
    }
    sector = next(sector);
  }
  return entries.length > 0 ? { entries, sectorSize: size, sectorCount, next } : null;
}

/** The first bytes of a stream: its first sector, or its first 64-byte mini sector for a small stream. */
function streamHead(b: Uint8Array, dir: CfbDirectory, entry: CfbEntry): Uint8Array {
  const size = dir.sectorSize;
  if (entry.size >= 4096) {
    if (entry.start >= dir.sectorCount) return new Uint8Array(0);
    const base = (entry.start + 1) * size;
    return b.subarray(base, Math.min(b.length, base + size));
  }
  // Small streams live in the mini stream, which is the root entry's chain of regular sectors.
  const root = dir.entries[0];
  if (!root) return new Uint8Array(0);
  const pos = entry.start * 64;
  let sector = root.start;
  for (let k = 0; k < Math.floor(pos / size) && sector < dir.sectorCount; k++) sector = dir.next(sector);
  if (sector >= dir.sectorCount) return new Uint8Array(0);
  const base = (sector + 1) * size + (pos % size);
  return b.subarray(base, Math.min(b.length, base + 64));
}

/** Whether a BIFF8 Workbook stream is encrypted: a FILEPASS record (0x002F) follows the BOF. */
function biffHasFilePass(b: Uint8Array, dir: CfbDirectory, entry: CfbEntry): boolean {
  const head = streamHead(b, dir, entry);
  let p = 0;
  for (let n = 0; n < 32 && p + 4 <= head.length; n++) {
    const type = u16(head, p);
    if (type === 0x002f) return true;
    // The sheet data starts with these; FILEPASS never comes after them.
    if (type === 0x0085 || type === 0x00e0) return false;
    p += 4 + u16(head, p + 2);
  }
  return false;
}

/** Whether the UTF-16LE text occurs in the bytes: the fallback when the directory cannot be walked. */
export function containsUtf16(b: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type CfbKind = 'encrypted' | 'xls' | 'xls-encrypted' | 'old-xls' | 'word' | 'powerpoint' | 'unknown';

export function classifyCfb(b: Uint8Array): CfbKind {
  const dir = cfbDirectory(b);
  const names = dir ? dir.entries.map((e) => e.name) : null;
  if (dir && names) {
    const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has('EncryptedPackage') || has('EncryptionInfo')) return 'encrypted';
    const workbook = dir.entries.find((e) => e.name.toLowerCase() === 'workbook');
    if (workbook) return biffHasFilePass(b, dir, workbook) ? 'xls-encrypted' : 'xls';
    if (has('Book')) return 'old-xls';
    if (has('WordDocument')) return 'word';
    if (has('PowerPoint Document')) return 'powerpoint';
  }
  if (containsUtf16(b, 'EncryptedPackage')) return 'encrypted';
  if (containsUtf16(b, 'Workbook')) return 'xls';
  return names ? 'unknown' : 'xls';
}
