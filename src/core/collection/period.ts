import type { Period } from './types';

/** The period's year when the period lies within one calendar year (a day written without its year is in it), else undefined. */
export function periodYear(period: Period): number | undefined {
  const year = period.start.slice(0, 4);
  return year === period.end.slice(0, 4) ? Number(year) : undefined;
}
