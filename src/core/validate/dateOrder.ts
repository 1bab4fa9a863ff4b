import type { FieldDef } from '../collection/types';
import type { FieldNormaliser } from '../normalise/memo';
import type { Region } from '../records/region';
import { invalid } from '../normalise/types';
import { isValidYmd, ymdToIso } from '../normalise/date';
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

/** "15.12.2022", "08.05.23": a date written with dots, as most of the world writes day.month.year. */
const DOTTED_DATE = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\s*$/;

/**
 * Whether a date column is written day.month.year with dots: two dotted
 * dates or more can only be read day first (15.12.2022) and none only month
 * first (12.15.2022). The dots and the column together settle the order.
 */
export function writtenDottedDayFirst(region: Region, col: number): boolean {
  let dayFirst = 0;
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    const cell = region.cell(r, col);
    const m = cell.kind === 'text' && typeof cell.value === 'string' ? DOTTED_DATE.exec(cell.value) : null;
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > 12) return false;
    if (a > 12) dayFirst++;
  }
  return dayFirst >= 2;
}

/** In a column written day.month.year with dots, every dotted date is read day first: 08.05.2023 is the 8th of May. */
export function withDottedDayFirst(normalise: FieldNormaliser, date: FieldDef): FieldNormaliser {
  return (field, cell) => {
    const m = field.id === date.id && cell.kind === 'text' && typeof cell.value === 'string' ? DOTTED_DATE.exec(cell.value) : null;
    if (!m) return normalise(field, cell);
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (!isValidYmd(y, mo, d)) return invalid({ code: 'invalid_date', reason: 'impossible' });
    return { kind: 'ok', value: ymdToIso(y, mo, d) };
  };
}
