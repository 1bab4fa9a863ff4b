import { ENGLISH } from '../language';

/**
 * Words of a column heading, made comparable: text.ts's words (lower case,
 * no accents or punctuation, plurals made singular), with the language's
 * symbols, abbreviations and filler words (src/core/language/english.json).
 * Word order is left to the caller (headings are compared as sets of words).
 */

/** The comparable words of a heading, in their original order (the language's tokenizer, src/core/language). */
export function headerWords(text: string): string[] {
  return ENGLISH.headingWords(ENGLISH.withoutExclusions(stripNumbering(text)));
}

/**
 * What the header matcher compares of a vocabulary word: its heading words as
 * a set ("Zip code", "Zipcode" and "ZIP" are all "zip"). Two entries of one
 * key are one entry to the engine. With `core`, parenthetical hints are
 * dropped first, as for aliases.
 */
export function headingKey(text: string, core = false): string {
  return [...new Set(headerWords(core ? headerCore(text) : text))].sort().join(' ');
}

/** A heading without its parenthetical hints and required-field markers: "Date (mm/dd/yyyy)*" → "Date". */
export function headerCore(text: string): string {
  return stripNumbering(text).replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/[*:]+/g, ' ').trim();
}

/** A question or item number before a heading: "1. Event name", "2) Date", "(3) Zip", "Q4. Level". */
export const HEADING_NUMBER = /^\s*(?:q(?:uestion)?\s*)?\(?\d{1,3}[.):]\)?\s+(?=\S)/i;

export function stripNumbering(text: string): string {
  return text.replace(HEADING_NUMBER, '');
}
