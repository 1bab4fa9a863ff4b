import type { FieldDef } from '../collection/types';
import type { FieldNormaliser } from '../normalise/memo';
import type { Region } from '../records/region';
import { invalid } from '../normalise/types';
import type { Cell } from '../workbook';

/** "12/01/2023", "3.4.23": two numbers and a year; which number is the month is the question. */
const NUMERIC_DATE = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/;

/** The two leading numbers and the year of a numeric date text, or null. */
function numbersOf(cell: Cell): { a: number; b: number; year: string } | null {
  if (cell.kind !== 'text' || typeof cell.value !== 'string') return null;
  const m = NUMERIC_DATE.exec(cell.value);
  return m ? { a: Number(m[1]), b: Number(m[3]), year: m[4]! } : null;
}

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
    const n = numbersOf(region.cell(r, col));
    if (!n) continue;
    const { a, b } = n;
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
    const n = field.id === date.id && r.kind === 'ok' ? numbersOf(cell) : null;
    if (!n) return r;
    const { a, b } = n;
    if (a === b || a < 1 || b < 1 || a > 12 || b > 12) return r;
    const y = n.year.length === 2 ? `20${n.year}` : n.year;
    return invalid({ code: 'invalid_date', reason: 'order_unclear', params: { first: a, second: b, year: Number(y) } });
  };
}
