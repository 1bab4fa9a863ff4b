import type { Collection, EnumOption, FieldDef, FieldRole } from './types';

const NO_OPTIONS: readonly EnumOption[] = [];
const byRole = new WeakMap<Collection, Map<FieldRole, FieldDef>>();

/** The collection's field with this role (its event title, its date, its level...), if it has one. */
export function fieldWithRole(collection: Collection, role: FieldRole): FieldDef | undefined {
  let m = byRole.get(collection);
  if (!m) {
    m = new Map();
    for (const f of collection.fields) if (f.role !== undefined && !m.has(f.role)) m.set(f.role, f);
    byRole.set(collection, m);
  }
  return m.get(role);
}

/** The id of the field with this role: the key of its value in a record. */
export function fieldIdOf(collection: Collection, role: FieldRole): string | undefined {
  return fieldWithRole(collection, role)?.id;
}

/** The options of a field's enumeration; none for a field without one. */
export function optionsOf(field: FieldDef | undefined, collection: Collection): readonly EnumOption[] {
  return (field?.enumeration !== undefined ? collection.enumerations[field.enumeration] : undefined) ?? NO_OPTIONS;
}

/** The options of the field with this role (the levels, the audiences, the event types). */
export function optionsOfRole(collection: Collection, role: FieldRole): readonly EnumOption[] {
  return optionsOf(fieldWithRole(collection, role), collection);
}
