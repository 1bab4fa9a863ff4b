import { CFB_SIGNATURE } from './cfb';

/** The container a file's first bytes show, whatever its name says. */
export type Sniffed = 'zip' | 'cfb' | 'biff' | 'pdf' | 'image' | 'archive' | 'text';

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

export function sniffBytes(b: Uint8Array): Sniffed {
  // PK 03 04: a local file header; PK 05 06: an empty archive; PK 07 08: a spanned one.
  if (b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6) || (b[2] === 7 && b[3] === 8))) return 'zip';
  if (startsWith(b, CFB_SIGNATURE)) return 'cfb';
  // A bare BIFF2–BIFF8 stream starts with a BOF record: 09 00|02|04|08, then a short length.
  if (b.length >= 8 && b[0] === 0x09 && (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0x04 || b[1] === 0x08) && b[3] === 0 && (b[2] as number) >= 4 && (b[2] as number) <= 20) return 'biff';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (startsWith(b, [0x1f, 0x8b]) || startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])) return 'archive';
  return 'text';
}
