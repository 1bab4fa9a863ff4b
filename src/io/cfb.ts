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

/** Stream and storage names in the directory, or null when the structure is broken. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
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

  const names: string[] = [];
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
      names.push(name);
    }
    sector = next(sector);
  }
  return names.length > 0 ? names : null;
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

export type CfbKind = 'encrypted' | 'xls' | 'old-xls' | 'word' | 'powerpoint' | 'unknown';

export function classifyCfb(b: Uint8Array): CfbKind {
  const names = cfbEntryNames(b);
  if (names) {
    const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has('EncryptedPackage') || has('EncryptionInfo')) return 'encrypted';
    if (has('Workbook')) return 'xls';
    if (has('Book')) return 'old-xls';
    if (has('WordDocument')) return 'word';
    if (has('PowerPoint Document')) return 'powerpoint';
  }
  if (containsUtf16(b, 'EncryptedPackage')) return 'encrypted';
  if (containsUtf16(b, 'Workbook')) return 'xls';
  return names ? 'unknown' : 'xls';
}
