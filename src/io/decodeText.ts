/**
 * Bytes of a text file to a string: a BOM decides (UTF-8, UTF-16, UTF-32),
 * otherwise the pattern of NUL bytes reveals BOM-less UTF-16/32, otherwise
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel writes
 * on Windows, and a superset of Latin-1 for printable text). NUL bytes are dropped.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding = detectEncoding(bytes);
  let text = '';
  if (encoding === null) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      encoding = 'windows-1252';
    }
  }
  switch (encoding) {
    case 'utf-32le':
    case 'utf-32be':
      text = decodeUtf32(bytes, encoding === 'utf-32le');
      break;
    case 'utf-8':
      if (text === '') text = new TextDecoder('utf-8').decode(bytes);
      break;
    case 'utf-16le':
    case 'utf-16be':
      text = new TextDecoder(encoding).decode(bytes);
      break;
    default:
      text = fixC1(new TextDecoder('windows-1252').decode(bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\0') >= 0) text = text.replace(/\0/g, '');
  return { text, encoding };
}

/** Windows-1252 characters for bytes 0x80–0x9F (undefined ones stay as they are). */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Some runtimes (Node 20) decode "windows-1252" as ISO-8859-1, leaving C1 controls where the smart quotes and € were. */
function fixC1(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

/** The encoding a BOM or the NUL pattern shows; null: UTF-8 if valid, else Windows-1252. */
function detectEncoding(b: Uint8Array): DecodedText['encoding'] | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return encodingFromNuls(b);
}

/** ASCII text in UTF-16/32 has NULs in fixed byte positions; plain text with a stray NUL does not. */
function encodingFromNuls(b: Uint8Array): DecodedText['encoding'] | null {
  const n = Math.min(b.length, 4096) & ~3;
  if (n < 4) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) (zeros[i & 3] as number)++;
  const quarter = n / 4;
  const high = (k: number) => (zeros[k] as number) > quarter * 0.7;
  const low = (k: number) => (zeros[k] as number) < quarter * 0.1;
  if (low(0) && high(1) && high(2) && high(3)) return 'utf-32le';
  if (high(0) && high(1) && high(2) && low(3)) return 'utf-32be';
  if (low(0) && high(1) && low(2) && high(3)) return 'utf-16le';
  if (high(0) && low(1) && high(2) && low(3)) return 'utf-16be';
  return null;
}

function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const cp = littleEndian
      ? ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0
      : (((b[i] as number) << 24) | ((b[i + 1] as number) << 16) | ((b[i + 2] as number) << 8) | (b[i + 3] as number)) >>> 0;
    chunk.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}
