import type { MappingChoice } from '../../../core/check';
import type { ColumnMapping, Issue, TableReport } from '../../../core/report';
import type { FieldDef } from '../../../core/collection/types';
import type { SavedMapping } from '../../host';
import type { Mapping, Mappings, Report } from '../../flow';
import { COLLECTION, fieldLabel, optionLabel } from '../../collection';

/** Tables with the same headings: one mapping serves them all. */
export interface TableGroup {
  /** The tables' sheets, in workbook order. */
  sheets: string[];
  tables: TableReport[];
  /** The first table's columns (the engine's suggestions). */
  columns: ColumnMapping[];
}

/** The tables grouped by their headings (column letters and heading texts), the first table's group first. */
export function tableGroups(report: Pick<Report, 'tables' | 'columns' | 'sheet' | 'headerRow'>): TableGroup[] {
  const tables: TableReport[] = report.tables.length
    ? report.tables
    : report.headerRow !== null
      ? [{ sheet: report.sheet, headerRow: report.headerRow, firstRow: report.headerRow + 1, lastRow: report.headerRow, records: 0, columns: report.columns }]
      : [];
  const groups = new Map<string, TableGroup>();
  for (const t of tables) {
    const key = t.columns.map((c) => `${c.column}=${c.header.trim().toLowerCase()}`).join('|');
    const group = groups.get(key);
    const sheet = t.sheet ?? '';
    if (group) {
      group.tables.push(t);
      if (!group.sheets.includes(sheet)) group.sheets.push(sheet);
    } else groups.set(key, { sheets: [sheet], tables: [t], columns: t.columns });
  }
  return [...groups.values()];
}

/** The engine's suggestion for a column as a choice: a field, none, or one part of a field. */
export function suggested(c: ColumnMapping): MappingChoice {
  if (!c.field) return null;
  if (c.combine) return { field: c.field, combine: c.combine, ...(c.option !== undefined ? { option: c.option } : {}) };
  return c.field;
}

/** The engine's suggestions, overridden by what the person confirmed earlier for the group's first sheet and header row. */
export function initialMapping(group: TableGroup, saved: SavedMapping[]): Mapping {
  const first = group.tables[0];
  const own = saved.find((s) => s.sheet === (first?.sheet ?? '') && s.headerRow === first?.headerRow) ?? (group.sheets.length === 1 && saved.length === 1 && !first?.sheet ? saved[0] : undefined);
  const mapping: Mapping = {};
  for (const c of group.columns) mapping[c.column] = own && c.column in own.columns ? (own.columns[c.column] ?? null) : suggested(c);
  return mapping;
}

/**
 * The groups' mappings as the engine's options: the first group's for
 * `mapping`, the others' per sheet, or per table ("Sheet!ROW") on a sheet
 * holding tables of several groups (blocks stacked under other headings).
 */
export function toMappings(groups: TableGroup[], mappings: Mapping[]): Mappings {
  const out: Mappings = { mapping: mappings[0] ?? {}, mappings: {} };
  const groupsOf = new Map<string, number>();
  for (const g of groups) for (const sheet of g.sheets) groupsOf.set(sheet, (groupsOf.get(sheet) ?? 0) + 1);
  groups.forEach((g, i) => {
    if (i === 0) return;
    for (const t of g.tables) {
      const sheet = t.sheet ?? '';
      out.mappings[(groupsOf.get(sheet) ?? 0) > 1 ? `${sheet}!${t.headerRow}` : sheet] = mappings[i] ?? {};
    }
  });
  return out;
}

/** Columns of the group that the engine mapped on weak or conflicting evidence (`uncertain_mapping`), with its words. */
export function uncertainColumns(issues: Issue[], group: TableGroup): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    if (i.code !== 'uncertain_mapping' || !i.column) continue;
    if (i.sheet !== undefined && i.sheet !== null && !group.sheets.includes(i.sheet)) continue;
    if (!out.has(i.column)) out.set(i.column, i.message);
  }
  return out;
}

export function choiceField(choice: MappingChoice | undefined): string | null {
  if (choice === undefined || choice === null) return null;
  return typeof choice === 'string' ? choice : choice.field;
}

/** A choice as one dropdown value: "attendees", "attendees+sum", "audience+mark+teachers"; "" for no field. */
export function encodeChoice(choice: MappingChoice | undefined): string {
  if (choice === undefined || choice === null) return '';
  if (typeof choice === 'string') return choice;
  return [choice.field, choice.combine ?? '', choice.option ?? ''].filter((p, i) => i === 0 || p).join('+');
}

export function decodeChoice(value: string): MappingChoice {
  if (!value) return null;
  const [field, combine, option] = value.split('+');
  if (combine !== 'sum' && combine !== 'mark' && combine !== 'part') return field!;
  return { field: field!, combine, ...(option ? { option } : {}) };
}

/** "Number of attendees (added up)", "Target Audience: Teachers (marked)", "Title/Event", "No field". */
export function choiceLabel(choice: MappingChoice | undefined): string {
  if (choice === undefined || choice === null || typeof choice === 'string') return fieldLabel(choice ?? null);
  if (choice.combine === 'sum') return `${fieldLabel(choice.field)} (added up)`;
  if (choice.combine === 'mark') return `${fieldLabel(choice.field)}: ${choice.option ? optionLabel(choice.field, choice.option) : 'an option'} (marked)`;
  if (choice.combine === 'part') return `${fieldLabel(choice.field)}: the ${choice.option ?? 'day'}`;
  return fieldLabel(choice.field);
}

/** What a column may be: every field, and the parts of a field spread over several columns. */
export function choiceOptions(): { value: string; text: string; required: boolean }[] {
  const out: { value: string; text: string; required: boolean }[] = [];
  for (const f of COLLECTION.fields) out.push({ value: f.id, text: f.label, required: f.requirement === 'required' });
  for (const f of COLLECTION.fields) {
    if (f.kind === 'count') out.push({ value: `${f.id}+sum`, text: choiceLabel({ field: f.id, combine: 'sum' }), required: false });
    if (f.kind === 'date') for (const part of ['month', 'day', 'year']) out.push({ value: `${f.id}+part+${part}`, text: choiceLabel({ field: f.id, combine: 'part', option: part }), required: false });
    const options = (f.kind === 'enum' || f.kind === 'enum_list') && f.enumeration ? COLLECTION.enumerations[f.enumeration] : undefined;
    for (const o of options ?? []) out.push({ value: `${f.id}+mark+${o.id}`, text: choiceLabel({ field: f.id, combine: 'mark', option: o.id }), required: false });
  }
  return out;
}

/** Required fields that no column maps to, whole or in parts. */
export function unmappedRequired(mapping: Mapping, fields: FieldDef[]): FieldDef[] {
  const mapped = new Set(Object.values(mapping).map(choiceField).filter((f): f is string => !!f));
  return fields.filter((f) => f.requirement === 'required' && !mapped.has(f.id));
}

/**
 * Fields that more than one column is wholly, with those columns. Parts may
 * share a field (adults + children); the same mark twice may not.
 */
export function duplicateFields(mapping: Mapping): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const [column, choice] of Object.entries(mapping)) {
    if (choice === null || choice === undefined) continue;
    const key = typeof choice === 'string' ? choice : choice.combine === 'mark' ? encodeChoice(choice) : null;
    if (!key) continue;
    columns.set(key, [...(columns.get(key) ?? []), column]);
  }
  return new Map([...columns].filter(([, cols]) => cols.length > 1));
}
