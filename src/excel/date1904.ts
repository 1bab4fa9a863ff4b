import type { Period } from '../core/collection/types';
import type { Workbook } from '../core/workbook';

/**
 * The 1904 date system has no Office.js property. Three ways to tell: Excel's
 * own calculation of a date (file1904.ts), the workbook file itself
 * (xl/workbook.xml, <workbookPr date1904="1"/>) and, failing both, the dates:
 * a 1904 workbook read as 1900 lands every date exactly 1,462 days (four
 * years and a day) early.
 */

export const DATE1904_OFFSET_DAYS = 1462;

/**
 * Reads the date system from the text of xl/workbook.xml. An absent attribute
 * means the 1900 system.
 */
export function date1904FromWorkbookXml(xml: string): boolean {
  const pr = /<(?:[\w-]+:)?workbookPr\b[^>]*>/.exec(xml);
  if (!pr) return false;
  const attr = /\bdate1904\s*=\s*["']([^"']*)["']/.exec(pr[0]);
  return attr !== null && (attr[1] === '1' || attr[1]!.toLowerCase() === 'true');
}

/** Excel serial (1900 system) of an ISO date: 2023-01-01 → 44927. */
export function isoToSerial1900(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86400000);
}

export interface Date1904Evidence {
  /** Date cells inside the period read as 1900 dates. */
  in1900: number;
  /** Date cells inside the period only once shifted by 1,462 days. */
  in1904: number;
  /** Of those, how many sit in a column whose text dates name a year of the period. */
  in1904Corroborated: number;
}

/** Counts the date cells that fit the period under each system. */
export function date1904Evidence(workbook: Workbook, period: Period): Date1904Evidence {
  const start = isoToSerial1900(period.start);
  const end = isoToSerial1900(period.end);
  const years = new Set<string>();
  for (let y = Number(period.start.slice(0, 4)); y <= Number(period.end.slice(0, 4)); y++) years.add(String(y));
  const evidence: Date1904Evidence = { in1900: 0, in1904: 0, in1904Corroborated: 0 };
  for (const sheet of workbook.sheets) {
    const shifted = new Map<number, number>();
    const textInPeriod = new Set<number>();
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        if (cell.kind === 'date' && typeof cell.value === 'number') {
          const day = Math.floor(cell.value);
          if (day >= start && day <= end) evidence.in1900++;
          else if (day + DATE1904_OFFSET_DAYS >= start && day + DATE1904_OFFSET_DAYS <= end) {
            evidence.in1904++;
            shifted.set(c, (shifted.get(c) ?? 0) + 1);
          }
        } else if (cell.kind === 'text' && typeof cell.value === 'string') {
          const m = /\b(1[89]\d\d|20\d\d)\b/.exec(cell.value);
          if (m && years.has(m[1]!) && looksLikeDate(cell.value)) textInPeriod.add(c);
        }
      }
    }
    for (const [col, n] of shifted) if (textInPeriod.has(col)) evidence.in1904Corroborated += n;
  }
  return evidence;
}

/**
 * true: the dates say 1904 (they land in the period only when shifted, and
 * text dates in the same column name the period's year); false: they say
 * 1900, or nothing depends on it; 'unknown': the partner should confirm.
 */
export function guessDate1904(workbook: Workbook, period: Period): boolean | 'unknown' {
  const { in1900, in1904, in1904Corroborated } = date1904Evidence(workbook, period);
  if (in1904 === 0) return false;
  if (in1900 === 0 && in1904Corroborated > 0) return true;
  // A few stray early dates among many good ones are data errors, not a date system.
  if (in1904 * 20 <= in1900) return false;
  return 'unknown';
}

function looksLikeDate(text: string): boolean {
  return /\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}/.test(text) || /[A-Za-z]{3,}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}/.test(text) || /\d{1,2}\s+[A-Za-z]{3,}\.?\s+\d{4}/.test(text);
}
