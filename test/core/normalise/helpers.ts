import type { Cell } from '../../../src/core/workbook';
import type { Normalised } from '../../../src/core/normalise/types';

/** A text cell, or a number cell for numbers. */
export function cell(v: string | number | boolean | null): Cell {
  if (v === null) return { kind: 'empty', value: null };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return { kind: 'text', value: v };
}

/** A compact view of a result for tables: the value, or "!code/reason", plus "?code" for a warning. */
export function brief<T>(r: Normalised<T>): unknown {
  if (r.kind === 'empty') return 'EMPTY';
  if (r.kind === 'invalid') return `!${r.problem.code}/${r.problem.reason ?? ''}`;
  return r.warning ? { value: r.value, warning: `${r.warning.code}/${r.warning.reason ?? ''}` } : r.value;
}
