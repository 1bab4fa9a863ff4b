import type { Cell } from '../workbook';
import { EMPTY, ok, type Normalised } from './types';

/**
 * A free-text field (title, description, street, city): trimmed and otherwise
 * kept as written, so what is submitted is what the partner typed. Numbers,
 * dates and booleans are kept as the text of their value; a formula's text
 * ("=A1") is never evaluated, its cached value is the cell's value.
 */
export function normaliseText(cell: Cell): Normalised<string> {
  const v = cell.value;
  if (cell.kind === 'empty' || v === null || v === undefined) return EMPTY;
  if (typeof v === 'number' && !Number.isFinite(v)) return EMPTY;
  const s = String(v).trim();
  return s === '' ? EMPTY : ok(s);
}
