/**
 * Words of a column heading, made comparable: lower case, no accents or
 * punctuation, "#" read as "number", common abbreviations spelled out,
 * plurals made singular, filler words dropped. Word order is left to the
 * caller (headings are compared as sets of words).
 */

const ABBREVIATIONS: Record<string, string[]> = {
  eng: ['engagement'], engage: ['engagement'], engmt: ['engagement'], lvl: ['level'], lev: ['level'],
  no: ['number'], num: ['number'], nbr: ['number'], qty: ['number'], cnt: ['count'], tot: ['total'],
  addr: ['address'], add: ['address'], desc: ['description'], descr: ['description'],
  dt: ['date'], cat: ['category'], org: ['organization'], organisation: ['organization'],
  zipcode: ['zip'], zipcodes: ['zip'], postcode: ['zip'], postal: ['zip'], zip5: ['zip'],
  attendance: ['attendee'], attendence: ['attendee'], attendace: ['attendee'], attendees: ['attendee'], attended: ['attend'], ppl: ['people'], participant: ['participant'],
  hh: ['household'], yr: ['year'], mo: ['month'], evt: ['event'], pgm: ['program'], prog: ['program'],
  programme: ['program'], cty: ['city'], twn: ['town'], info: ['information'], loc: ['location'], aud: ['audience'], tgt: ['target'],
  doyc: ['day', 'young', 'child'],
};

const FILLER = new Set(['of', 'the', 'a', 'an', 'for', 'in', 'at', 'to', 'on', 'by', 'is', 'was', 'and', 'or', 'please', 'enter', 'code']);

/** Keeps "code" only where it is the whole heading's meaning ("Zip code" → zip). */
const KEEP_ALONE = new Set(['code']);

export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('es') && /(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The comparable words of a heading, in their original order. */
export function headerWords(text: string): string[] {
  const cleaned = stripAccents(stripNumbering(text).toLowerCase())
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/e-mail/g, 'email')
    .replace(/opt-in/g, 'optin')
    .replace(/zip\s*\/\s*postal/g, 'zip')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!cleaned) return [];
  const out: string[] = [];
  const raw = cleaned.split(' ');
  for (const w of raw) {
    const word = singular(w);
    const expanded = ABBREVIATIONS[w] ?? ABBREVIATIONS[word] ?? [word];
    for (const e of expanded) {
      if (FILLER.has(e) && !(raw.length === 1 && KEEP_ALONE.has(e))) continue;
      out.push(e);
    }
  }
  return out;
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
