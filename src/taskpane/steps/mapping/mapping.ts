import type { CheckReport } from '../../../core/report';
import type { FieldDef } from '../../../core/collection/types';
import type { SavedMapping } from '../../host';
import type { Mapping } from '../../flow';

/** The engine's suggestions, overridden by what the person confirmed earlier for the same sheet and header row. */
export function initialMapping(report: CheckReport, saved: SavedMapping | null): Mapping {
  const mapping: Mapping = {};
  for (const c of report.columns) {
    mapping[c.column] = saved && c.column in saved.columns ? (saved.columns[c.column] ?? null) : c.field;
  }
  return mapping;
}

/** Required fields that no column maps to. */
export function unmappedRequired(mapping: Mapping, fields: FieldDef[]): FieldDef[] {
  const mapped = new Set(Object.values(mapping).filter((f): f is string => !!f));
  return fields.filter((f) => f.requirement === 'required' && !mapped.has(f.id));
}

/** Fields that more than one column maps to, with those columns. */
export function duplicateFields(mapping: Mapping): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) continue;
    columns.set(field, [...(columns.get(field) ?? []), column]);
  }
  return new Map([...columns].filter(([, cols]) => cols.length > 1));
}
