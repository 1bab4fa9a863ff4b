import { z } from 'zod';

/** The schema of a language file (words.json): see index.ts for what each part is for. */

const word = z.string().regex(/^[^\sA-Z](?:.*\S)?$/s, 'a lower-case word, without spaces around it');
const wordList = z.array(word);

export const languageFileSchema = z
  .object({
    note: z.string().optional(),
    heading: z
      .object({
        /** Symbols read as words: "#" is "number". */
        symbols: z.record(z.string().length(1), word),
        /** Words that open a remark of what a column leaves out: "(do not count staff)", "excluding children". */
        negations: z.array(z.string().min(1)).default([]),
        /** Spellings that punctuation would split, read as one word: "e-mail" is "email". */
        spellings: z.record(word, word),
        /** A word and the words it abbreviates: "qty" is "number". */
        abbreviations: z.record(word, z.array(word).min(1)),
        /** Words that carry no meaning in a heading. */
        filler: wordList,
        /** Filler words kept when they are the whole heading ("Code"). */
        fillerAlone: wordList,
      })
      .strict(),
    /** Number words and ordinals: "two", "iii", "2nd", "segundo". */
    numbers: z.record(word, z.number().int().nonnegative()),
    /** Month names and their abbreviations, 1 to 12. */
    months: z.record(word, z.number().int().min(1).max(12)),
    /** Headings of a date kept in several columns: "Month", "Day", "Year". */
    dateParts: z.object({ note: z.string().optional(), month: wordList, day: wordList, year: wordList }).strict().default({ month: [], day: [], year: [] }),
    /** Words that join two words the way "and" does, and words that mean "with". */
    connectors: z.object({ and: wordList.min(1), with: wordList.min(1) }).strict(),
    levels: z
      .object({
        note: z.string().optional(),
        /** Words that introduce a level number ("Lvl 2", "Tier 1"). */
        introducers: wordList,
        /** Words around a level that say nothing about which level. */
        filler: wordList,
        /** Scales people use instead of numbered levels ("High", "Basic"). */
        otherScales: wordList,
        /** Words that name several levels at once ("Both", "All levels"). */
        several: wordList,
      })
      .strict(),
    settings: z
      .object({
        note: z.string().optional(),
        /** Words that qualify a role by where it is practised ("child care center"). */
        words: wordList,
        /** Words that put the setting behind the role ("of", "de"). */
        links: wordList,
      })
      .strict(),
    /** The kinds of street ("avenue", "blvd") that end a street's name. */
    streets: z.object({ note: z.string().optional(), types: wordList }).strict().default({ types: [] }),
    /** Marks of an event that did not take place ("Cancelled", "Postponed"), as normalised words. */
    notHeld: z.object({ note: z.string().optional(), phrases: wordList }).strict().default({ phrases: [] }),
  })
  .strict();
export type LanguageFile = z.infer<typeof languageFileSchema>;

/** A language file checked against its schema; throws naming the file and the entry when it is wrong. */
export function parseLanguageFile(name: string, data: unknown): LanguageFile {
  const parsed = languageFileSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${name}: ${first.path.join('.') || '(file)'}: ${first.message}`);
  }
  return parsed.data;
}
