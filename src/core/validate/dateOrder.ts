import type { FieldDef } from '../collection/types';
import type { FieldNormaliser } from '../normalise/memo';
import type { Region } from '../records/region';
import { invalid } from '../normalise/types';

/** "12/01/2023", "3.4.23": two numbers and a year; which number is the month is the question. */
const NUMERIC_DATE = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/;

/**
 * Whether a date column is written day first: some of its texts can only be
 * day/month/year (25/8/2023) and none can only be month/day/year (8/25/2023).
 * In such a column "12/01/2023" is most likely the 12th of January, not the
 * 1st of December, so reading it the US way would be a wrong date without a
 * word.
 */
export function writtenDayFirst(region: Region, col: number): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    const cell = region.cell(r, col);
    if (cell.kind !== 'text' || typeof cell.value !== 'string') continue;
    const m = NUMERIC_DATE.exec(cell.value);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst++;
    if (monthFirst > 0) return false;
  }
  return dayFirst > 0;
}

/**
 * In a column written day first, a date whose two numbers could each be the
 * month (12/01/2023, not 5/5/2023) is an invalid_date (order_unclear) that
 * names both readings, instead of a silent month/day/year reading.
 */
export function withDayFirstDoubt(normalise: FieldNormaliser, date: FieldDef): FieldNormaliser {
  return (field, cell) => {
    const r = normalise(field, cell);
    if (field.id !== date.id || r.kind !== 'ok' || cell.kind !== 'text' || typeof cell.value !== 'string') return r;
    const m = NUMERIC_DATE.exec(cell.value);
    if (!m) return r;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a === b || a < 1 || b < 1 || a > 12 || b > 12) return r;
    const y = m[4]!.length === 2 ? `20${m[4]}` : m[4]!;
    return invalid({ code: 'invalid_date', reason: 'order_unclear', params: { first: a, second: b, year: Number(y) } });
  };
}
