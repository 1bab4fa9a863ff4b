import { z } from 'zod';
import { enumOptionSchema, fieldSchema, isoDate, periodSchema } from './types';

/**
 * The data files of a collection. A collection is three JSON files, read
 * statically (no I/O) and checked here:
 *
 *   collection.json  what is collected: the period, the fields (id, label,
 *                    role, requirement, kind) and the enumerations' options
 *   headings.json    how partners head the columns: one entry per field
 *   values.json      how partners write the options: one entry per option,
 *                    and per enumeration the words that name no single option
 *
 * Every entry names the field or the option it is for. Words are compared
 * after the engine's own normalisation (case, accents, punctuation, spacing,
 * plurals), so an entry that differs from another only in those is
 * redundant (see redundant.ts).
 */

/** A word or phrase: not empty, no spaces around it. */
const word = z.string().regex(/^\S(?:.*\S)?$/s, 'a word or phrase, not empty and without spaces around it');
const words = z.array(word);

/** collection.json: the collection without its words. */
export const definitionFileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    period: periodSchema,
    /** The last day partners may send their events (YYYY-MM-DD); the server's DEADLINE overrides it. */
    deadline: isoDate.optional(),
    /** The cities of the service area and those around it, as partners write them. */
    places: words.default([]),
    fields: z.array(fieldSchema.pick({ id: true, label: true, definition: true, role: true, requirement: true, kind: true, enumeration: true }).strict()).min(1),
    enumerations: z.record(z.string(), z.array(enumOptionSchema.omit({ synonyms: true }).strict()).min(1)),
  })
  .strict();
export type DefinitionFile = z.infer<typeof definitionFileSchema>;

/** The headings of one field's columns. */
export const headingEntrySchema = z
  .object({
    /** The id of the field these headings name. */
    field: z.string().min(1),
    /** Why the entry is as it is, for the next editor. */
    note: z.string().optional(),
    /** Headings that name the field, besides its label. */
    aliases: words.default([]),
    /** Headings that may name the field but often mean something else ("Notes", "Name"): they count for less. */
    weak: words.default([]),
    /** Words that, in a heading, argue against the field ("birth" for a date). */
    exclude: words.default([]),
    /** For count fields: words naming one group of the people counted ("Adults", "Children"). */
    parts: words.default([]),
  })
  .strict();
export type HeadingEntry = z.infer<typeof headingEntrySchema>;

/** headings.json */
export const headingsFileSchema = z
  .object({
    fields: z.array(headingEntrySchema),
    /** Heading words of columns that map to no field but tell two sessions apart (a time, a branch, a room). */
    distinguish: words.default([]),
  })
  .strict();
export type HeadingsFile = z.infer<typeof headingsFileSchema>;

/**
 * Every "first joiner then" phrase: { first: ["parents"], joiners: ["and", ""], then: ["kids"] }
 * stands for "parents and kids" and "parents kids". A joiner may be empty.
 */
export const composeSchema = z
  .object({
    compose: z.object({ first: words.min(1), joiners: z.array(z.union([z.literal(''), word])).min(1), then: words.min(1) }).strict(),
  })
  .strict();
export type Compose = z.infer<typeof composeSchema>;

/** How partners write one option. */
export const optionEntrySchema = z
  .object({
    /** The key of the enumeration in collection.json. */
    enumeration: z.string().min(1),
    /** The id of the option these words name. */
    option: z.string().min(1),
    note: z.string().optional(),
    /** Other ways people write the option, besides its id and label; a compose entry stands for many. */
    synonyms: z.array(z.union([word, composeSchema], { error: 'a word or phrase without spaces around it, or a { "compose": … } entry' })).default([]),
    /** Words that, inside a longer text, point to the option ("story time" → literacy). */
    keywords: words.default([]),
  })
  .strict();
export type OptionEntry = z.infer<typeof optionEntrySchema>;

/** Words of one enumeration that name no single option ("Providers", "All"): the partner is asked to choose. */
export const unclearEntrySchema = z
  .object({
    enumeration: z.string().min(1),
    note: z.string().optional(),
    words,
  })
  .strict();
export type UnclearEntry = z.infer<typeof unclearEntrySchema>;

/** values.json */
export const valuesFileSchema = z
  .object({
    options: z.array(optionEntrySchema),
    unclear: z.array(unclearEntrySchema).default([]),
  })
  .strict();
export type ValuesFile = z.infer<typeof valuesFileSchema>;

/** The phrases a compose entry stands for, in order: each first word, with each then word, with each joiner. */
export function expandCompose({ compose }: Compose): string[] {
  const out: string[] = [];
  for (const a of compose.first) {
    for (const b of compose.then) {
      for (const j of compose.joiners) out.push(j === '' ? `${a} ${b}` : `${a} ${j} ${b}`);
    }
  }
  return out;
}
