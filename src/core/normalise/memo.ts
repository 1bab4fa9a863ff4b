import type { FieldDef } from '../collection/types';
import type { RecordValue } from '../report';
import type { Cell } from '../workbook';
import { normaliseField, type NormaliseContext } from './index';
import type { Normalised } from './types';

/** Distinct values remembered per field; past this a field is normalised afresh each time. */
const LIMIT = 20_000;

export type FieldNormaliser = (field: FieldDef, cell: Cell) => Normalised<RecordValue>;

/**
 * normaliseField with a memory per field: a sheet repeats its levels,
 * audiences, types, zips and dates thousands of times, and each distinct
 * spelling is read once. Text fields are only trimmed and are not kept.
 */
export function memoNormaliser(ctx: NormaliseContext): FieldNormaliser {
  const memo = new Map<string, Map<string, Normalised<RecordValue>>>();
  return (field, cell) => {
    if (field.kind === 'text' || cell.kind === 'empty') return normaliseField(field, cell, ctx);
    let byValue = memo.get(field.id);
    if (!byValue) memo.set(field.id, (byValue = new Map()));
    const key = cell.kind + '\u0001' + String(cell.value);
    let r = byValue.get(key);
    if (r === undefined) {
      r = normaliseField(field, cell, ctx);
      if (byValue.size < LIMIT) byValue.set(key, r);
    }
    return r;
  };
}
