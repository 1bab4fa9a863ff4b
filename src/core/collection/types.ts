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

export const enumOptionSchema = z.object({
  /** The id carried in JSON, e.g. "level_one". */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** What people see, e.g. "Engagement level one". */
  label: z.string(),
  definition: z.string().optional(),
  /** Other ways people write it, compared after normalising case, punctuation and spacing. */
  synonyms: z.array(z.string()),
});
export type EnumOption = z.infer<typeof enumOptionSchema>;

export const fieldSchema = z.object({
  /** The id carried in JSON, e.g. "event_type". */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** The agreed label, e.g. "Type of Event". */
  label: z.string(),
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

export const collectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  period: periodSchema,
  fields: z.array(fieldSchema).min(1),
  enumerations: z.record(z.string(), z.array(enumOptionSchema)),
  vocabulary: vocabularySchema.default({ unclear: {}, keywords: {}, distinguish: [] }),
});
export type Collection = z.infer<typeof collectionSchema>;
export type CollectionInput = z.input<typeof collectionSchema>;
