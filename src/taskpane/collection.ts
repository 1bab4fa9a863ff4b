import { HSH_2023 } from '../core/collection/hsh2023';
import type { FieldDef } from '../core/collection/types';

/** The collection the taskpane checks against (the engine's default). */
export const COLLECTION = HSH_2023;

const byId = new Map<string, FieldDef>(COLLECTION.fields.map((f) => [f.id, f]));

export function fieldDef(id: string | null | undefined): FieldDef | undefined {
  return id ? byId.get(id) : undefined;
}

export function fieldLabel(id: string | null | undefined): string {
  if (!id) return 'No field';
  return byId.get(id)?.label ?? id;
}

/** The label of an enumeration value ("level_one" → "Engagement level one"), or the id itself. */
export function optionLabel(fieldId: string | null | undefined, value: string): string {
  const enumeration = fieldDef(fieldId)?.enumeration;
  const options = enumeration ? COLLECTION.enumerations[enumeration] : undefined;
  return options?.find((o) => o.id === value)?.label ?? value;
}
