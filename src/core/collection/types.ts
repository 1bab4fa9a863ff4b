import { z } from 'zod';

/**
 * A data collection: which fields partners send, how people tend to label
 * them, the values of each enumeration and the reporting period. Next year's
 * collection is a new definition of this shape, not new code.
 */

/** ISO date, YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const periodSchema = z.object({
  /** First day of the reporting period, inclusive. */
  start: isoDate,
  /** Last day of the reporting period, inclusive. */
  end: isoDate,
});
export type Period = z.infer<typeof periodSchema>;

/** How a field's values are read and checked. */
export const fieldKindSchema = z.enum(['text', 'date', 'enum', 'enum_list', 'zip', 'count']);
export type FieldKind = z.infer<typeof fieldKindSchema>;

/** required: missing is an error; recommended: missing is a warning; optional: never flagged. */
export const requirementSchema = z.enum(['required', 'recommended', 'optional']);
export type Requirement = z.infer<typeof requirementSchema>;

/**
 * What the engine knows a field as, whatever the collection calls it: the
 * event's title, its date, its type, its address parts, its audience, its
 * indicator level and its head count. The engine asks for roles, never for a
 * collection's field ids, so next year's collection is a new definition, not
 * new code. A field without a role is read and checked by its kind alone.
 */
export const fieldRoleSchema = z.enum(['title', 'date', 'event_type', 'description', 'street', 'city', 'zip', 'audience', 'level', 'headcount']);
export type FieldRole = z.infer<typeof fieldRoleSchema>;

/** The kinds a field of each role may have. */
export const ROLE_KINDS: Readonly<Record<FieldRole, readonly FieldKind[]>> = {
  title: ['text'],
  date: ['date'],
  event_type: ['enum'],
  description: ['text'],
  street: ['text'],
  city: ['text'],
  zip: ['zip'],
  audience: ['enum_list'],
  level: ['enum'],
  headcount: ['count'],
};

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an id of lower-case letters, digits and _');

export const enumOptionSchema = z.object({
  /** The id carried in JSON, e.g. "level_one". */
  id: idSchema,
  /** What people see, e.g. "Engagement level one". */
  label: z.string(),
  definition: z.string().optional(),
  /** For the options of the level field: the number people write for it ("Level 1", "L1", "Tier 1"). */
  level: z.number().int().nonnegative().optional(),
  /** The option the summary counts a kept unknown value under (event types: "Other"). */
  catchAll: z.boolean().optional(),
  /** Other ways people write it, compared after normalising case, punctuation and spacing. */
  synonyms: z.array(z.string()),
});
export type EnumOption = z.infer<typeof enumOptionSchema>;

export const fieldSchema = z.object({
  /** The id carried in JSON, e.g. "event_type". */
  id: idSchema,
  /** The agreed label, e.g. "Type of Event". */
  label: z.string(),
  /** What partners put in the field, in the words of the agreement (shown on the partners' site and in the template). */
  definition: z.string().optional(),
  /** What the engine knows the field as; at most one field of a collection has each role. */
  role: fieldRoleSchema.optional(),
  requirement: requirementSchema,
  kind: fieldKindSchema,
  /** For enum and enum_list fields: the key of `enumerations`. */
  enumeration: z.string().optional(),
  /** Column headings partners use for this field, besides the label. */
  aliases: z.array(z.string()),
  /** Headings that may mean this field but often mean something else ("Notes", "Name"): they count for less. */
  weakAliases: z.array(z.string()).default([]),
  /** Words that, in a heading, argue *against* this field ("opt-in", "birth" for date). */
  excludeWords: z.array(z.string()).default([]),
  /**
   * For count fields: heading words naming one group of the people counted ("Adults", "Children"):
   * two or more such columns add up to the field, unless a total column is there.
   */
  parts: z.array(z.string()).default([]),
});
export type FieldDef = z.infer<typeof fieldSchema>;

export const vocabularySchema = z.object({
  /** Per enumeration: words that name no single option ("Providers", "All"); the partner is asked to choose. */
  unclear: z.record(z.string(), z.array(z.string())).default({}),
  /** Per enumeration: option id → words that, inside a longer text, point to that option ("story time" → literacy). */
  keywords: z.record(z.string(), z.record(z.string(), z.array(z.string()))).default({}),
  /** Heading words of columns that tell two sessions apart (a time, a branch, a room): rows differing there are not duplicates. */
  distinguish: z.array(z.string()).default([]),
});

export const collectionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    period: periodSchema,
    /** The last day partners may send their events, YYYY-MM-DD (the server's DEADLINE overrides it). */
    deadline: isoDate.optional(),
    /** The places of the service area and around it, as partners write a city: a column of them is the city, whatever its heading. */
    places: z.array(z.string().min(1)).default([]),
    fields: z.array(fieldSchema).min(1),
    enumerations: z.record(z.string(), z.array(enumOptionSchema)),
    vocabulary: vocabularySchema.default({ unclear: {}, keywords: {}, distinguish: [] }),
  })
  .superRefine((c, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const ids = new Set<string>();
    const roles = new Map<string, string>();
    c.fields.forEach((f, i) => {
      if (ids.has(f.id)) problem(['fields', i, 'id'], `two fields have the id "${f.id}"`);
      ids.add(f.id);
      const enumerated = f.kind === 'enum' || f.kind === 'enum_list';
      if (enumerated && (f.enumeration === undefined || !(f.enumeration in c.enumerations))) {
        problem(['fields', i, 'enumeration'], `field "${f.id}" needs one of the enumerations (${Object.keys(c.enumerations).join(', ')})`);
      }
      if (!enumerated && f.enumeration !== undefined) problem(['fields', i, 'enumeration'], `field "${f.id}" of kind ${f.kind} has no enumeration`);
      if (f.role === undefined) return;
      const other = roles.get(f.role);
      if (other !== undefined) problem(['fields', i, 'role'], `fields "${other}" and "${f.id}" both have the role ${f.role}`);
      roles.set(f.role, f.id);
      if (!ROLE_KINDS[f.role].includes(f.kind)) problem(['fields', i, 'kind'], `field "${f.id}" has the role ${f.role}, which needs the kind ${ROLE_KINDS[f.role].join(' or ')}, not ${f.kind}`);
    });
    for (const [name, options] of Object.entries(c.enumerations)) {
      const seen = new Set<string>();
      options.forEach((o, i) => {
        if (seen.has(o.id)) problem(['enumerations', name, i, 'id'], `two options of ${name} have the id "${o.id}"`);
        seen.add(o.id);
      });
      if (options.filter((o) => o.catchAll).length > 1) problem(['enumerations', name], `more than one option of ${name} is the catch-all`);
    }
  });
export type Collection = z.infer<typeof collectionSchema>;
export type CollectionInput = z.input<typeof collectionSchema>;
