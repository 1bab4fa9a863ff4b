import type { EnumOption } from '../collection/types';
import { ENGLISH } from '../language';
import { severityOf, type IssueCode } from '../issues';
import { normaliseSingularWords, editDistance, typoAllowance, trimText, MAX_TYPOS } from '../text';
import type { Cell } from '../workbook';
import { MAX_CHOICE_TEXT, tooLongText } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

/** What the matcher makes of one text. */
export type EnumLookup =
  | { kind: 'match'; id: string; fuzzy: boolean }
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'none' };

export interface EnumMatcher {
  readonly options: readonly EnumOption[];
  /** The labels of the options, "A, B or C", for messages. */
  readonly choices: string;
  match(text: string): EnumLookup;
  /** Match words already normalised by normaliseSingularWords. */
  matchWords(words: readonly string[]): EnumLookup;
}

interface Entry {
  words: string[];
  /** typoAllowance of each word. */
  allow: number[];
  id: string;
  /** Its place among all the names: matches are reported in this order. */
  order: number;
}


/** Marks a key claimed by two different options: it can never be a match. */
const CLASH = '\u0000clash';

function put(map: Map<string, string>, key: string, id: string): void {
  if (key === '') return;
  const had = map.get(key);
  if (had === undefined) map.set(key, id);
  else if (had !== id) map.set(key, CLASH);
}

const sortedKey = (ws: readonly string[]): string => [...ws].sort().join(' ');

const NONE: EnumLookup = { kind: 'none' };

/** The letters of the words, counted up to just past `max`. */
function letterCount(ws: readonly string[], max: number): number {
  let n = 0;
  for (let i = 0; i < ws.length && n <= max; i++) n += ws[i].length;
  return n;
}

/**
 * Words that join two words the way "and" does, in English and Spanish
 * ("Adult & child", "Parent + child", "Padres y niños", "Padres e hijos"),
 * and words that mean "with" ("Familias con niños"). Read only between two
 * words: a lone "Y" or "E" stays what it is.
 */
const AND_WORDS = ENGLISH.andWords;
const WITH_WORDS = ENGLISH.withWords;

/** The words with their connectors written one way: inner "y", "e", "plus" as "and", "con" as "with" (between words of two letters or more). */
function canonicalConnectors(ws: readonly string[]): string[] {
  const out = ws.slice();
  for (let i = 1; i < out.length - 1; i++) {
    // Letters spelled out ("D.O.Y.C.") are no sentence: their "y" is a letter.
    if (ws[i - 1].length < 2 || ws[i + 1].length < 2) continue;
    if (AND_WORDS.has(out[i])) out[i] = 'and';
    else if (WITH_WORDS.has(out[i])) out[i] = 'with';
  }
  return out;
}

/** The words without their inner "and": "adult and child interaction" → "adult child interaction". */
function withoutAnd(ws: readonly string[]): string[] | null {
  const out = ws.filter((w, i) => w !== 'and' || i === 0 || i === ws.length - 1);
  return out.length === ws.length || out.length === 0 ? null : out;
}

/** "licensed" is no typo of "unlicensed": a negating prefix says the opposite. */
const NEGATIONS = ['un', 'non', 'in', 'no'];
function negates(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (const n of NEGATIONS) {
    if (long.length === short.length + n.length && long.startsWith(n) && long.endsWith(short)) return true;
  }
  return false;
}

/** Pairs of words remembered per matcher by its typo comparison; past this it starts again. */
const TYPO_PAIRS = 50_000;

/** A short form must be at least this long, and at least half of the word it shortens. */
const MIN_PREFIX = 4;

/** "A, B, C or D" */
export function listChoices(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function buildMatcher(options: readonly EnumOption[]): EnumMatcher {
  const exact = new Map<string, string>();
  const compact = new Map<string, string>();
  const sorted = new Map<string, string>();
  /** Keys without the inner "and" of a text: consulted only when the text itself matched nothing. */
  const andless = new Map<string, string>();
  const andlessSorted = new Map<string, string>();
  /**
   * The names of the options, each once, by their number of words and then
   * the length of their first word: what a typo is compared with. A text's
   * first word is its name's, or a typo of it (at most MAX_TYPOS letters
   * longer or shorter), so only names whose first word is that long need
   * comparing.
   */
  const entriesByShape = new Map<number, Map<number, Entry[]>>();
  let entries = 0;
  const seen = new Set<string>();
  /** Every word of the vocabulary: a word that is one of them is not a typo of another. */
  const known = new Set<string>();
  /** Every prefix (MIN_PREFIX letters or more) of a vocabulary word, with the one option whose words it begins. */
  const prefixOwner = new Map<string, string>();
  /** Prefixes, at least half as long, of one-word names ("touch" of "touchpoint"), with their option. */
  const shortForm = new Map<string, string>();
  /** Every name has at most this many words, or at most this many letters: longer texts match none. */
  let maxWords = 0;
  let maxLetters = 0;
  for (const o of options) {
    for (const text of [o.id.replace(/_/g, ' '), o.label, ...o.synonyms]) {
      const ws = canonicalConnectors(normaliseSingularWords(text));
      if (ws.length === 0) continue;
      maxWords = Math.max(maxWords, ws.length);
      maxLetters = Math.max(maxLetters, ws.join('').length);
      put(exact, ws.join(' '), o.id);
      put(compact, ws.join(''), o.id);
      put(sorted, sortedKey(ws), o.id);
      const bare = withoutAnd(ws);
      if (bare !== null) {
        put(andless, bare.join(' '), o.id);
        put(andlessSorted, sortedKey(bare), o.id);
      }
      const entryKey = `${o.id}\u0000${ws.join(' ')}`;
      if (!seen.has(entryKey)) {
        seen.add(entryKey);
        let byFirst = entriesByShape.get(ws.length);
        if (!byFirst) entriesByShape.set(ws.length, (byFirst = new Map()));
        let list = byFirst.get(ws[0].length);
        if (!list) byFirst.set(ws[0].length, (list = []));
        list.push({ words: ws, allow: ws.map(typoAllowance), id: o.id, order: entries++ });
      }
      for (const w of ws) {
        known.add(w);
        for (let n = MIN_PREFIX; n <= w.length; n++) put(prefixOwner, w.slice(0, n), o.id);
      }
      if (ws.length === 1 && !/\d/.test(ws[0])) {
        const w = ws[0];
        for (let n = Math.max(MIN_PREFIX, Math.ceil(w.length / 2)); n < w.length; n++) put(shortForm, w.slice(0, n), o.id);
      }
    }
  }

  /**
   * A short form of one option's name: "Touch" for "Touchpoint". The word
   * begins a one-word name of the option, is at least half of it, and begins
   * no word of any other option ("Level", "Care" stay unread). Never a word
   * that is itself a whole name: those matched already.
   */
  const shortened = (ws: readonly string[]): EnumLookup | null => {
    if (ws.length !== 1 || ws[0].length < MIN_PREFIX) return null;
    const id = shortForm.get(ws[0]);
    if (id === undefined || id === CLASH || prefixOwner.get(ws[0]) !== id) return null;
    return { kind: 'match', id, fuzzy: true };
  };

  const found = (id: string | undefined): EnumLookup | null => {
    if (id === undefined) return null;
    return id === CLASH ? { kind: 'ambiguous', ids: [] } : { kind: 'match', id, fuzzy: false };
  };

  /**
   * The typos between a word of a text and a word of a name, or -1 when it
   * is no typo of it (more than `allowed`, or a negation): remembered per
   * pair, since a sheet's texts share their words ("Woodward" in every
   * address) and each text is compared with many names.
   */
  const typoMemo = new Map<string, Map<string, number>>();
  let typoPairs = 0;
  const typos = (a: string, b: string, allowed: number): number => {
    let byB = typoMemo.get(a);
    const memo = byB?.get(b);
    if (memo !== undefined) return memo;
    const d = negates(a, b) ? -1 : editDistance(a, b, allowed);
    const r = d > allowed ? -1 : d;
    if (typoPairs >= TYPO_PAIRS) {
      typoMemo.clear();
      typoPairs = 0;
      byB = undefined;
    }
    if (!byB) typoMemo.set(a, (byB = new Map()));
    byB.set(b, r);
    typoPairs++;
    return r;
  };

  const fuzzy = (ws: readonly string[]): EnumLookup => {
    if (ws.every((w) => known.has(w))) return { kind: 'none' };
    const byFirst = entriesByShape.get(ws.length);
    if (!byFirst) return { kind: 'none' };
    // What depends on the text's words alone, once per word, not once per name compared.
    const isKnown = ws.map((w) => known.has(w));
    const allowA = ws.map(typoAllowance);
    const matched: Entry[] = [];
    const first = ws[0].length;
    for (let n = Math.max(1, first - MAX_TYPOS); n <= first + MAX_TYPOS; n++) {
      for (const e of byFirst.get(n) ?? []) {
        let edits = 0;
        let okWords = true;
        for (let i = 0; i < ws.length && okWords; i++) {
          const a = ws[i];
          const b = e.words[i];
          if (a === b) continue;
          // Every test below rules the name out; the cheap ones first (the lengths alone bound the distance).
          const allowed = Math.min(allowA[i], e.allow[i]);
          if (isKnown[i] || allowed === 0 || Math.abs(a.length - b.length) > allowed) { okWords = false; break; }
          const d = typos(a, b, allowed);
          if (d < 0) okWords = false;
          else edits += d;
        }
        if (okWords && edits <= 2) matched.push(e);
      }
    }
    const ids = new Set(matched.sort((x, y) => x.order - y.order).map((e) => e.id));
    if (ids.size === 1) return { kind: 'match', id: [...ids][0], fuzzy: true };
    if (ids.size > 1) return { kind: 'ambiguous', ids: [...ids] };
    return { kind: 'none' };
  };

  const matchWords = (words: readonly string[]): EnumLookup => {
    if (words.length === 0) return { kind: 'none' };
    const ws = canonicalConnectors(words);
    const bare = ws.length > 2 ? withoutAnd(ws) : null;
    // More words and more letters than any name: only the text without its inner "and"s may still be one.
    // (Nothing else is joined, sorted or compared: a long text costs one pass.)
    if (ws.length > maxWords && letterCount(ws, maxLetters) > maxLetters) {
      return (bare !== null && bare.length <= maxWords ? found(andless.get(bare.join(' ')) ?? exact.get(bare.join(' '))) : null) ?? NONE;
    }
    return (
      found(exact.get(ws.join(' '))) ??
      found(compact.get(ws.join(''))) ??
      found(sorted.get(sortedKey(ws))) ??
      // "Adult & child interaction": "and" joining the words of one name.
      // Only in the written order: "Caregiver & families" is two audiences, not "family caregivers".
      (bare !== null ? found(andless.get(bare.join(' ')) ?? exact.get(bare.join(' '))) : null) ??
      shortened(ws) ??
      fuzzy(ws)
    );
  };

  return {
    options,
    choices: listChoices(options.map((o) => o.label)),
    matchWords,
    match: (text: string) => matchWords(normaliseSingularWords(text)),
  };
}

const matchers = new WeakMap<readonly EnumOption[], EnumMatcher>();

/** The matcher for an option list, built once per list (keyed by array identity). */
export function enumMatcher(options: readonly EnumOption[]): EnumMatcher {
  let m = matchers.get(options);
  if (!m) {
    m = buildMatcher(options);
    matchers.set(options, m);
  }
  return m;
}

/** A cell's content as text for enumeration matching; null for cells that cannot hold a choice. */
export function cellChoiceText(cell: Cell): string | null {
  switch (cell.kind) {
    case 'text':
    case 'error':
      return typeof cell.value === 'string' ? trimText(cell.value) : null;
    case 'number':
      return typeof cell.value === 'number' && Number.isFinite(cell.value) ? String(cell.value) : null;
    case 'boolean':
      return cell.value === true ? 'TRUE' : cell.value === false ? 'FALSE' : null;
    default:
      return null;
  }
}

/**
 * One value of an enumeration: exact id, label or synonym after normalising
 * case, punctuation, spacing and plurals, then word order, then small typos
 * in long words. Never guesses between two options.
 *
 * `unknownCode` says what an unmatched value is: a warning code (the default,
 * unknown_event_type) keeps the trimmed text with that warning; an error code
 * makes it invalid.
 */
export function normaliseEnum(
  cell: Cell,
  options: readonly EnumOption[],
  unknownCode: IssueCode = 'unknown_event_type',
): Normalised<string> {
  if (cell.kind === 'empty') return EMPTY;
  const text = cellChoiceText(cell);
  if (text === '') return EMPTY;
  const m = enumMatcher(options);
  if (text !== null && text.length > MAX_CHOICE_TEXT) {
    // Far longer than any option: not read. A kept text (a warning code) is kept whole.
    const problem = tooLongText(unknownCode, text.length, MAX_CHOICE_TEXT, { choices: m.choices });
    return severityOf(unknownCode) === 'warning' && cell.kind !== 'error' ? ok(text, problem) : invalid(problem);
  }
  const found = text === null ? NONE : m.match(text);
  if (found.kind === 'match') return ok(found.id);
  const reason = found.kind === 'ambiguous' ? 'ambiguous' : cell.kind === 'error' ? 'error_cell' : 'unknown';
  if (severityOf(unknownCode) === 'warning' && text !== null && cell.kind !== 'error') {
    return ok(text, { code: unknownCode, reason, params: { choices: m.choices } });
  }
  return invalid({ code: unknownCode, reason, params: { choices: m.choices } });
}

/**
 * A small cache of results by text, for normalisers whose result depends only
 * on the text: partner columns repeat the same few spellings thousands of
 * times. Bounded: it starts afresh past `limit` entries.
 */
export class TextCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly limit = 4096) {}

  get(text: string, compute: () => T): T {
    let v = this.map.get(text);
    if (v === undefined) {
      v = compute();
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(text, v);
    }
    return v;
  }
}

const caches = new WeakMap<object, TextCache<unknown>>();

/** The TextCache belonging to `owner` (an option list, a vocabulary), created on first use. */
export function textCacheFor<T>(owner: object): TextCache<T> {
  let c = caches.get(owner);
  if (!c) {
    c = new TextCache<unknown>();
    caches.set(owner, c);
  }
  return c as TextCache<T>;
}
