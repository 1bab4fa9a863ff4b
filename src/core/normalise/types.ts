import type { Problem } from '../issues';

/**
 * What a normaliser makes of one cell: nothing there, a clean value (perhaps
 * with a warning, e.g. "~25" → 25 with approximate_attendees), or a value it
 * cannot accept. Normalisers never throw.
 */
export type Normalised<T> =
  | { kind: 'empty' }
  | { kind: 'ok'; value: T; warning?: Problem }
  | { kind: 'invalid'; problem: Problem };

export const EMPTY: Normalised<never> = { kind: 'empty' };

export function ok<T>(value: T, warning?: Problem): Normalised<T> {
  return warning ? { kind: 'ok', value, warning } : { kind: 'ok', value };
}

export function invalid(problem: Problem): Normalised<never> {
  return { kind: 'invalid', problem };
}
