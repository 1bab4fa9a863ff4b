import Papa from 'papaparse';
import { EMPTY_CELL, type Cell, type Workbook } from '../core/workbook';
import { decodeText } from './decodeText';
import { ReadError, readErrors } from './errors';
import { capCellText, type Budget } from './limits';

/** Excel's last column, XFD: a CSV record with more fields (up to its last non-empty one) is refused. */
export const MAX_CSV_COLUMNS = 16_384;

/**
 * A CSV (or TSV) file as a one-sheet workbook. Every cell is text: the engine
 * parses numbers and dates itself. Row r is the r-th record, so a line break
 * inside quotes does not add a row. Cell text is cut at Excel's 32,767
 * characters (an unclosed quote otherwise makes the rest of the file one
 * cell), and a record of more than 16,384 columns is refused.
 */
export function readCsv(bytes: Uint8Array, fileName: string, budget: Budget): Workbook {
  let { text } = decodeText(bytes);
  refuseNonCsv(text);
  if (text.trim() === '') throw readErrors.emptyCsv();

  // One line-ending convention for the parser; a CR LF inside a quoted cell becomes a plain line break, as in Excel.
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');

  // Excel's "sep=;" first line names the delimiter and is not shown as a row.
  let delimiter: string | undefined;
  const sep = /^sep=([^\n])[ \t]*(\n|$)/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(text);

  const rows: Cell[][] = [];
  let lastNonEmpty = -1;
  let failure: ReadError | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step(result, parser) {
      try {
        budget.tick();
        const fields = result.data;
        let last = fields.length - 1;
        while (last >= 0 && fields[last] === '') last--;
        if (last >= MAX_CSV_COLUMNS) throw readErrors.tooManyColumns(last + 1, MAX_CSV_COLUMNS);
        const row: Cell[] = new Array<Cell>(last + 1);
        for (let c = 0; c <= last; c++) {
          const v = fields[c] as string;
          row[c] = v === '' ? EMPTY_CELL : { kind: 'text', value: capCellText(v) };
        }
        budget.addCells(last + 2);
        if (last >= 0) lastNonEmpty = rows.length;
        rows.push(row);
      } catch (e) {
        failure = e instanceof ReadError ? e : readErrors.unexpected();
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (lastNonEmpty < 0) throw readErrors.emptyCsv();
  rows.length = lastNonEmpty + 1;
  return { sheets: [{ name: sheetNameFor(fileName), rows, merges: [] }], date1904: false, source: 'csv' };
}

/** Excel names the sheet of an opened CSV after the file, without folder or extension, at most 31 characters. */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const name = (dot > 0 ? base.slice(0, dot) : base).replace(/[[\]:*?/\\]/g, '_').slice(0, 31).trim();
  return name || 'Sheet1';
}

/** Web pages, XML and binary files that reach the text path are refused with a reason rather than read as CSV. */
function refuseNonCsv(text: string): void {
  const head = text.slice(0, 4096);
  const start = head.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<')) {
    if (/urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application progid="excel\.sheet"/.test(head.toLowerCase())) throw readErrors.xml2003();
    if (/^<(!doctype html|html|table|head|body|meta|div|!--)/.test(start) || /<html[\s>]/.test(start)) throw readErrors.html();
    if (start.startsWith('<?xml')) throw readErrors.binary();
  }
  if (start.startsWith('{\\rtf')) throw readErrors.binary();
  // Control characters other than tab, line breaks and form feed mean binary data.
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    else if (c === 0xfffd) control++;
  }
  if (control > 8 && control > head.length * 0.02) throw readErrors.binary();
}

const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The delimiter that splits the first records most consistently: the share of
 * records with the most common field count (above one) wins, then the larger
 * count, then the order comma, semicolon, tab. Quotes are respected.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const truncated = sample.length < text.length;
  let best: string = ',';
  let bestShare = 0;
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const counts = fieldCounts(sample, d, 50, truncated);
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 1) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [n, f] of freq) {
      if (f > modeFreq || (f === modeFreq && n > mode)) {
        mode = n;
        modeFreq = f;
      }
    }
    if (mode === 0) continue;
    const share = modeFreq / counts.length;
    if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) <= 1e-9 && mode > bestCount)) {
      best = d;
      bestShare = share;
      bestCount = mode;
    }
  }
  return best;
}

/** Field counts of the first non-blank records for one delimiter, respecting quotes. Text must use "\n" line ends. */
function fieldCounts(text: string, delimiter: string, maxRecords: number, dropLast: boolean): number[] {
  const counts: number[] = [];
  const d = delimiter.charCodeAt(0);
  let fields = 1;
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  const n = text.length;
  for (let i = 0; i < n && counts.length < maxRecords; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === 34 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      blank = false;
    } else if (c === d) {
      fields++;
      fieldStart = true;
      blank = false;
    } else if (c === 10) {
      if (!blank) counts.push(fields);
      fields = 1;
      fieldStart = true;
      blank = true;
    } else {
      fieldStart = false;
      if (c !== 32) blank = false;
    }
  }
  if (!blank && !dropLast && counts.length < maxRecords) counts.push(fields);
  return counts;
}
