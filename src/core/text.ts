import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * Small text helpers shared by the value normalisers and header matching.
 * All are pure, never throw and allocate little: they run on every cell.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const WHITESPACE_RUN = /\s+/g;
const APOSTROPHES = /['\u2018\u2019\u02BC`]/g;
const AMPERSAND = /&/g;
/** Anything that is not a letter or digit of any script. */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const HAS_NON_ASCII = /[\u0080-\uffff]/;

/** Trims surrounding whitespace, including no-break spaces, zero-width spaces and BOMs. */
export function trimText(s: string): string {
  return s.replace(INVISIBLE, '').trim();
}

/** Lower case, locale-independent. */
export function foldCase(s: string): string {
  return s.toLowerCase();
}

/** "Niños" → "Ninos", "ﬁ" → "fi", "１２" → "12": compatibility forms and accents removed. */
export function stripAccents(s: string): string {
  if (!HAS_NON_ASCII.test(s)) return s;
  return s.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ').trim();
}

/** Replaces punctuation and symbols by spaces; apostrophes vanish ("providers'" → "providers"). */
export function stripPunctuation(s: string): string {
  return s.replace(APOSTROPHES, '').replace(NON_WORD, ' ');
}

/**
 * The words of a text, compared loosely: lower case, no accents, "&" read as
 * "and", punctuation as spaces. "Parent/Family & Child" → ["parent", "family", "and", "child"].
 */
export function normaliseWords(s: string): string[] {
  const t = collapseSpaces(stripPunctuation(stripAccents(foldCase(s)).replace(AMPERSAND, ' and ')));
  return t === '' ? [] : t.split(' ');
}

const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['grandchildren', 'grandchild'],
  ['people', 'person'],
  ['men', 'man'],
  ['women', 'woman'],
  ['feet', 'foot'],
  ['staffs', 'staff'],
]);

/**
 * A rough English singular, enough to compare "families" with "family" and
 * "teachers" with "teacher". Short words and abbreviations stay as they are.
 */
export function singularise(word: string): string {
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular !== undefined) return irregular;
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (/\d/.test(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && n > 4) return word.slice(0, -3) + 'y';
  if (/(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** normaliseWords, each word singular. */
export function normaliseSingularWords(s: string): string[] {
  const ws = normaliseWords(s);
  for (let i = 0; i < ws.length; i++) ws[i] = singularise(ws[i]);
  return ws;
}

/** A comparison key: "Parents & Caregivers!" → "parent and caregiver". */
export function normaliseKey(s: string): string {
  return normaliseSingularWords(s).join(' ');
}

/**
 * Edit distance between a and b: Levenshtein (fastest-levenshtein), with a swap
 * of two neighbouring letters counted as one edit; giving up
 * early: max + 1 when the lengths alone differ by more than max, and never
 * more than max + 1.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two neighbouring letters swapped ("parnets") is one typing mistake, not the two Levenshtein counts.
  if (swapsNeighbours(a, b)) return Math.min(1, max + 1);
  return Math.min(levenshtein(a, b), max + 1);
}

/**
 * One typing mistake apart: a letter added, dropped or changed (Levenshtein
 * distance 1, fastest-levenshtein), or two neighbouring letters swapped
 * ("attendese"), which counts as one mistake too.
 */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return a === b;
  return levenshtein(a, b) <= 1 || swapsNeighbours(a, b);
}

/** b is a with two neighbouring letters swapped. */
function swapsNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * How many typing mistakes a word of this length may carry and still be
 * recognised: none below 5 letters, one up to 7, two from 8.
 */
export function typoAllowance(word: string): number {
  if (word.length < 5 || /\d/.test(word)) return 0;
  return word.length < 8 ? 1 : MAX_TYPOS;
}

/** The most typos typoAllowance allows any word. */
export const MAX_TYPOS = 2;
