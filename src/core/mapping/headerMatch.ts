import type { Collection, FieldDef } from '../collection/types';
import { oneTypoApart } from '../text';
import { headerCore, headerWords } from './headerWords';

/** How well a heading names a field: 1 = one of its names exactly, 0 = nothing in common. */
export interface HeaderMatch {
  field: string;
  score: number;
  /** The alias (or label) that matched best. */
  alias: string;
}

interface AliasWords {
  alias: string;
  words: string[];
  /** The words as indices into the matcher's vocabulary. */
  ids: number[];
  /** 1 for a field's own names, less for names that often mean something else. */
  weight: number;
}

interface FieldWords {
  field: FieldDef;
  aliases: AliasWords[];
  exclude: Set<string>;
}

export interface HeaderMatcher {
  collection: Collection;
  fields: FieldWords[];
  /** Every word of every alias, once. */
  vocabulary: string[];
  /** The headings matched so far, and what they matched: a sheet repeats its texts, and a heading is matched several times. */
  cache: Map<string, readonly HeaderMatch[]>;
}

const matchers = new WeakMap<Collection, HeaderMatcher>();
const WEAK = 0.75;
/** Headings remembered per matcher; past this the memory starts again (a sheet of unique long texts must not grow it without end). */
const CACHE_LIMIT = 4096;

export function headerMatcher(collection: Collection): HeaderMatcher {
  let m = matchers.get(collection);
  if (!m) {
    const vocabulary: string[] = [];
    const index = new Map<string, number>();
    const idOf = (w: string): number => {
      let i = index.get(w);
      if (i === undefined) {
        i = vocabulary.push(w) - 1;
        index.set(w, i);
      }
      return i;
    };
    m = {
      collection,
      fields: collection.fields.map((field) => ({
        field,
        aliases: [
          ...[field.label, ...field.aliases].map((alias) => ({ alias, weight: 1 })),
          ...field.weakAliases.map((alias) => ({ alias, weight: WEAK })),
        ]
          .map(({ alias, weight }) => {
            const words = unique(headerWords(headerCore(alias)));
            return { alias, weight, words, ids: words.map(idOf) };
          })
          .filter((a) => a.words.length > 0),
        exclude: new Set(field.excludeWords.flatMap((w) => headerWords(w))),
      })),
      vocabulary,
      cache: new Map(),
    };
    matchers.set(collection, m);
  }
  return m;
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}

/** Two words are the same word, allowing one typo in longer words and truncation ("particip."). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.min(a.length, b.length) >= 0.6 * Math.max(a.length, b.length)) return true;
  if (doubledLetter(a, b) || doubledLetter(b, a)) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  return oneTypoApart(a, b);
}

/** "citty" is "city" typed with a letter twice. */
function doubledLetter(long: string, short: string): boolean {
  if (long.length !== short.length + 1 || short.length < 4) return false;
  for (let i = 1; i < long.length; i++) {
    if (long[i] === long[i - 1] && long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}

/**
 * A heading's words against the matcher's vocabulary: `same[h * V + v]` is
 * 1 when heading word h and vocabulary word v are the same word (sameWord
 * is symmetric), and `inHeading[v]` when v is one of the heading's words.
 * Each pair of words is compared once, not once per alias that has it.
 */
interface HeadingWords {
  words: string[];
  same: Uint8Array;
  inHeading: Uint8Array;
}

function headingWordsOf(words: string[], vocabulary: string[]): HeadingWords {
  const V = vocabulary.length;
  const same = new Uint8Array(words.length * V);
  const inHeading = new Uint8Array(V);
  for (let h = 0; h < words.length; h++) {
    const w = words[h]!;
    for (let v = 0; v < V; v++) {
      if (sameWord(w, vocabulary[v]!)) {
        same[h * V + v] = 1;
        inHeading[v] = 1;
      }
    }
  }
  return { words, same, inHeading };
}

/** Heading word h is the same as one of the alias's words. */
function inAlias(heading: HeadingWords, h: number, alias: AliasWords): boolean {
  const row = h * heading.inHeading.length;
  for (const v of alias.ids) if (heading.same[row + v] === 1) return true;
  return false;
}

/** Score of one heading's words against one alias's words. */
function wordsScore(heading: HeadingWords, alias: AliasWords): number {
  const header = heading.words;
  let shared = 0;
  for (const v of alias.ids) if (heading.inHeading[v] === 1) shared++;
  if (shared === 0) return 0;
  let extra = 0;
  for (let h = 0; h < header.length; h++) if (!inAlias(heading, h, alias)) extra++;
  const words = alias.words;
  if (shared === words.length) {
    if (extra === 0) return header.every((w) => words.includes(w)) && words.every((w) => header.includes(w)) ? 1 : 0.95;
    // shared > 0, so the heading has words.
    const coversHead = inAlias(heading, header.length - 1, alias);
    return 0.55 + 0.3 * (shared / (shared + extra)) + (coversHead ? 0.1 : 0);
  }
  // Some but not all of the alias's words.
  return 0.45 * (shared / (words.length + extra));
}

/** The best score of a heading for every field of the collection (fields that share no word are left out), best first; the same array for the same text. */
export function matchHeader(text: string, matcher: HeaderMatcher): readonly HeaderMatch[] {
  const known = matcher.cache.get(text);
  if (known) return known;
  const out = Object.freeze(scoreFields(text, matcher));
  if (matcher.cache.size >= CACHE_LIMIT) matcher.cache.clear();
  matcher.cache.set(text, out);
  return out;
}

function scoreFields(text: string, matcher: HeaderMatcher): HeaderMatch[] {
  const fullWords = unique(headerWords(text));
  const full = headingWordsOf(fullWords, matcher.vocabulary);
  const coreWords = unique(headerWords(headerCore(text)));
  const core = sameList(coreWords, fullWords) ? full : headingWordsOf(coreWords, matcher.vocabulary);
  const out: HeaderMatch[] = [];
  for (const f of matcher.fields) {
    let best = 0;
    let bestAlias = '';
    for (const a of f.aliases) {
      const s = a.weight * Math.max(wordsScore(core, a), wordsScore(full, a) * 0.95);
      if (s > best) {
        best = s;
        bestAlias = a.alias;
      }
    }
    if (best <= 0) continue;
    if (fullWords.some((w) => f.exclude.has(w)) && best < 1) best *= 0.25;
    out.push({ field: f.field.id, score: best, alias: bestAlias });
  }
  return out.sort((a, b) => b.score - a.score);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
