import { normaliseWords, singularise, stripAccents } from '../text';
import { ENGLISH_FILE } from './english';
import type { LanguageFile } from './file';

/**
 * How partners write words, as data (words.json): what the heading tokenizer
 * and the value normalisers need beyond text.ts's normalisation. Collections
 * say what a field or option is called; this says how any heading or value
 * is written ("Qty", "# of", "e-mail", "Lvl II", "Padres y niños").
 */

export type { LanguageFile } from './file';

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
  /** Marks of an event that did not take place, as normaliseWords joined by spaces ("cancelled", "did not happen"). */
  readonly notHeld: ReadonlySet<string>;
}

/** The language of a file already checked against its schema. */
export function languageOf(file: LanguageFile): Language {
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
    notHeld: new Set(file.notHeld.phrases.map((p) => normaliseWords(p).join(' '))),
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
export const ENGLISH: Language = languageOf(ENGLISH_FILE);
