import type { FieldDef } from '../collection/types';
import type { RecordValue } from '../report';
import type { Cell } from '../workbook';
import { normaliseField, type NormaliseContext } from './index';
import { invalid, type Normalised } from './types';
import type { IssueCode } from '../issues';

/** No date, zip, count, level, audience or type is this long: such a cell is refused without being parsed. */
const MAX_VALUE_TEXT = 300;
const TOO_LONG: Record<string, IssueCode> = {
  date: 'invalid_date', zip: 'invalid_zip', count: 'invalid_attendees', enum_list: 'invalid_audience', enum: 'invalid_engagement',
};

/** normaliseField, but a long text in a field that holds short values is invalid at once (hostile files hold megabytes). */
export function guardedNormalise(field: FieldDef, cell: Cell, ctx: NormaliseContext): Normalised<RecordValue> {
  if (field.kind !== 'text' && typeof cell.value === 'string' && cell.value.length > MAX_VALUE_TEXT) {
    const code = field.id === 'event_type' ? undefined : TOO_LONG[field.kind];
    if (code) return invalid({ code, reason: 'too_long' });
    return { kind: 'ok', value: cell.value.trim().slice(0, MAX_VALUE_TEXT), warning: { code: 'unknown_event_type', reason: 'too_long' } };
  }
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
    if (typeof cell.value === 'string' && cell.value.length > MAX_VALUE_TEXT) return guardedNormalise(field, cell, ctx);
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
