import type { Period } from '../../core/collection/types';

/** Every month of the period, "2023-01" to "2023-12", so a month without events shows as zero rather than vanish. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.start.slice(0, 7).split('-').map(Number) as [number, number];
  const end = period.end.slice(0, 7);
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
