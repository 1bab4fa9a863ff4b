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
}

const matchers = new WeakMap<Collection, HeaderMatcher>();
const WEAK = 0.75;

export function headerMatcher(collection: Collection): HeaderMatcher {
  let m = matchers.get(collection);
  if (!m) {
    m = {
      collection,
      fields: collection.fields.map((field) => ({
        field,
        aliases: [
          ...[field.label, ...field.aliases].map((alias) => ({ alias, weight: 1 })),
          ...field.weakAliases.map((alias) => ({ alias, weight: WEAK })),
        ]
          .map(({ alias, weight }) => ({ alias, weight, words: unique(headerWords(headerCore(alias))) }))
          .filter((a) => a.words.length > 0),
        exclude: new Set(field.excludeWords.flatMap((w) => headerWords(w))),
      })),
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

function contains(words: string[], w: string): boolean {
  for (const x of words) if (sameWord(x, w)) return true;
  return false;
}

/** Score of one heading's words against one alias's words. */
function wordsScore(header: string[], alias: string[]): number {
  let shared = 0;
  for (const w of alias) if (contains(header, w)) shared++;
  if (shared === 0) return 0;
  const extra = header.filter((w) => !contains(alias, w)).length;
  if (shared === alias.length) {
    if (extra === 0) return header.every((w) => alias.includes(w)) && alias.every((w) => header.includes(w)) ? 1 : 0.95;
    const last = header[header.length - 1] ?? '';
    const coversHead = contains(alias, last);
    return 0.55 + 0.3 * (shared / (shared + extra)) + (coversHead ? 0.1 : 0);
  }
  // Some but not all of the alias's words.
  return 0.45 * (shared / (alias.length + extra));
}

/** The best score of a heading for every field of the collection (fields that share no word are left out). */
export function matchHeader(text: string, matcher: HeaderMatcher): HeaderMatch[] {
  const full = unique(headerWords(text));
  const core = unique(headerWords(headerCore(text)));
  const out: HeaderMatch[] = [];
  for (const f of matcher.fields) {
    let best = 0;
    let bestAlias = '';
    for (const a of f.aliases) {
      const s = a.weight * Math.max(wordsScore(core, a.words), wordsScore(full, a.words) * 0.95);
      if (s > best) {
        best = s;
        bestAlias = a.alias;
      }
    }
    if (best <= 0) continue;
    if (full.some((w) => f.exclude.has(w)) && best < 1) best *= 0.25;
    out.push({ field: f.field.id, score: best, alias: bestAlias });
  }
  return out.sort((a, b) => b.score - a.score);
}
