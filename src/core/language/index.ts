import { z } from 'zod';
import { normaliseWords, singularise, stripAccents } from '../text';
import words from './words.json';

/**
 * How partners write words, as data (words.json): what the heading tokenizer
 * and the value normalisers need beyond text.ts's normalisation. Collections
 * say what a field or option is called; this says how any heading or value
 * is written ("Qty", "# of", "e-mail", "Lvl II", "Padres y niños").
 */

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
  })
  .strict();
export type LanguageFile = z.infer<typeof languageFileSchema>;

export interface Language {
  /** The comparable words of a heading, in their order. */
  headingWords(text: string): string[];
  /** A heading without its remarks of what the column leaves out: "Attended (do not count staff)" → "Attended". */
  withoutExclusions(text: string): string;
  readonly numbers: ReadonlyMap<string, number>;
  readonly months: ReadonlyMap<string, number>;
  /** Whole headings (as headingWords joined by spaces) that name a part of a date. */
  readonly dateParts: { month: ReadonlySet<string>; day: ReadonlySet<string>; year: ReadonlySet<string> };
  readonly andWords: ReadonlySet<string>;
  readonly withWords: ReadonlySet<string>;
  readonly levels: { introducers: ReadonlySet<string>; filler: ReadonlySet<string>; otherScales: ReadonlySet<string>; several: ReadonlySet<string> };
  readonly settings: { words: ReadonlySet<string>; links: ReadonlySet<string> };
  /** The kinds of street that end a street's name. */
  readonly streetTypes: ReadonlySet<string>;
}

/** Reads a language file; throws naming the file and the entry when it is wrong. */
export function loadLanguage(name: string, data: unknown): Language {
  const parsed = languageFileSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${name}: ${first.path.join('.') || '(file)'}: ${first.message}`);
  }
  const file = parsed.data;
  const { symbols, spellings, abbreviations, filler, fillerAlone, negations } = file.heading;
  const negation = negations.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
  // "(do not count staff)", "(excluding children)", and to the end after a comma or dash: "Attended - not staff".
  const exclusion = negation ? new RegExp(`\\(\\s*(?:${negation})\\b[^)]*\\)|(?:,|\\s[-–—])\\s*(?:${negation})\\b.*$`, 'giu') : null;
  const symbolPattern = new RegExp(`[${Object.keys(symbols).map((s) => s.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');
  const spellingList = Object.entries(spellings).map(([from, to]) => [spacedPattern(from), ` ${to} `] as const);
  const abbreviation = new Map(Object.entries(abbreviations));
  const fillerSet = new Set(filler);
  const aloneSet = new Set(fillerAlone);

  return {
    numbers: new Map(Object.entries(file.numbers)),
    months: new Map(Object.entries(file.months)),
    dateParts: { month: new Set(file.dateParts.month), day: new Set(file.dateParts.day), year: new Set(file.dateParts.year) },
    andWords: new Set(file.connectors.and),
    withWords: new Set(file.connectors.with),
    levels: {
      introducers: new Set(file.levels.introducers),
      filler: new Set(file.levels.filler),
      otherScales: new Set(file.levels.otherScales),
      several: new Set(file.levels.several),
    },
    settings: { words: new Set(file.settings.words), links: new Set(file.settings.links) },
    streetTypes: new Set(file.streets.types),
    withoutExclusions(text: string): string {
      return exclusion ? text.replace(exclusion, ' ').trim() : text;
    },
    headingWords(text: string): string[] {
      let t = stripAccents(text.toLowerCase()).replace(symbolPattern, (s) => ` ${symbols[s]} `);
      for (const [pattern, to] of spellingList) t = t.replace(pattern, to);
      const raw = normaliseWords(t);
      const out: string[] = [];
      for (const w of raw) {
        const one = singularise(w);
        for (const e of abbreviation.get(w) ?? abbreviation.get(one) ?? [one]) {
          if (fillerSet.has(e) && !(raw.length === 1 && aloneSet.has(e))) continue;
          out.push(e);
        }
      }
      return out;
    },
  };
}

/** "zip/postal" also as "zip / postal": punctuation inside a spelling may have spaces around it. */
function spacedPattern(spelling: string): RegExp {
  const parts = spelling.split(/([^\p{L}\p{N}]+)/u).map((p, i) => (i % 2 === 1 ? `\\s*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*` : p));
  return new RegExp(parts.join(''), 'gu');
}

/** English, with the Spanish of bilingual sheets. */
export const ENGLISH: Language = loadLanguage('src/core/language/words.json', words);
