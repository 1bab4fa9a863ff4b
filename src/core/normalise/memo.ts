import type { FieldDef } from '../collection/types';
import type { RecordValue } from '../report';
import type { Cell } from '../workbook';
import { normaliseField, type NormaliseContext } from './index';
import type { Normalised } from './types';

/** Texts longer than this are not remembered: no field but free text holds them, and each is refused in one pass. */
const MAX_VALUE_TEXT = 300;

/**
 * normaliseField. Kept for callers that once needed a guard in front of it:
 * every normaliser now refuses a text far longer than its values without
 * parsing it (too_long_text), in time linear in the text.
 */
export function guardedNormalise(field: FieldDef, cell: Cell, ctx: NormaliseContext): Normalised<RecordValue> {
  return normaliseField(field, cell, ctx);
}

/** Distinct values remembered per field; past this a field is normalised afresh each time. */
const LIMIT = 20_000;

export type FieldNormaliser = (field: FieldDef, cell: Cell) => Normalised<RecordValue>;

/**
 * normaliseField with a memory per field: a sheet repeats its levels,
 * audiences, types, zips and dates thousands of times, and each distinct
 * spelling is read once. Text fields are only trimmed and are not kept.
 */
export function memoNormaliser(ctx: NormaliseContext): FieldNormaliser {
  // Per field and per cell kind: the value itself is the key, no string is built.
  const memo = new Map<FieldDef, Map<string, Map<unknown, Normalised<RecordValue>>>>();
  return function normaliseCell(field, cell) {
    if (field.kind === 'text' || cell.kind === 'empty') return normaliseField(field, cell, ctx);
    if (typeof cell.value === 'string' && cell.value.length > MAX_VALUE_TEXT) return normaliseField(field, cell, ctx);
    let byKind = memo.get(field);
    if (!byKind) memo.set(field, (byKind = new Map()));
    let byValue = byKind.get(cell.kind);
    if (!byValue) byKind.set(cell.kind, (byValue = new Map()));
    let r = byValue.get(cell.value);
    if (r === undefined) {
      r = normaliseField(field, cell, ctx);
      if (byValue.size < LIMIT) byValue.set(cell.value, r);
    }
    return r;
  };
}
