import type { FieldDef } from '../collection/types';
import type { FieldNormaliser } from '../normalise/memo';
import type { Region } from '../records/region';
import { invalid } from '../normalise/types';
import type { Cell } from '../workbook';

/** How many rows are looked at to find the numbers a level column uses. */
const LOOK = 5000;

/** A bare whole number: 3, "3", " 2 ". */
function bareNumber(cell: Cell): number | null {
  if (cell.kind === 'number' && typeof cell.value === 'number') return Number.isInteger(cell.value) ? cell.value : null;
  if (cell.kind === 'text' && typeof cell.value === 'string' && /^\s*\d{1,2}\s*$/.test(cell.value)) return Number(cell.value);
  return null;
}

/**
 * The numbers of a level column that is the partner's own numbered scale:
 * bare numbers that go beyond the collection's "1" and "2" (0 to 2, 1 to 3,
 * "tiers" 1 to 4). On such a scale a 1 is rarely level one (a tier 1 is
 * often the touchpoint), so reading it as level one would be a wrong
 * indicator without a word. Null where the numbers are only 1 and 2.
 */
export function ownScale(region: Region, col: number): number[] | null {
  const seen = new Set<number>();
  const end = Math.min(region.lastRow, region.firstRow + LOOK);
  for (let r = region.firstRow; r <= end; r++) {
    const n = bareNumber(region.cell(r, col));
    if (n !== null) seen.add(n);
  }
  const numbers = [...seen].sort((a, b) => a - b);
  return numbers.some((n) => n === 1 || n === 2) && numbers.some((n) => n !== 1 && n !== 2) ? numbers : null;
}

/**
 * On the partner's own numbered scale, a bare 1 or 2 is an invalid_engagement
 * (own_scale) that names the scale and asks for its key, instead of a silent
 * level one or two. A key in the workbook ("1 = Touchpoint") still wins: the
 * keyed reading comes before this one.
 */
export function withOwnScale(normalise: FieldNormaliser, level: FieldDef, scale: number[], keyed: (cell: Cell) => boolean): FieldNormaliser {
  return (field, cell) => {
    const r = normalise(field, cell);
    if (field.id !== level.id || r.kind !== 'ok' || bareNumber(cell) === null || keyed(cell)) return r;
    return invalid({ code: 'invalid_engagement', reason: 'own_scale', params: { scale: scale.join(', ') } });
  };
}
