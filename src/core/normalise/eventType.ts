import type { EnumOption } from '../collection/types';
import { normaliseSingularWords } from '../text';
import type { Cell } from '../workbook';
import { cellChoiceText, enumMatcher, textCacheFor, type EnumMatcher } from './enum';
import { EMPTY, invalid, ok, type Normalised } from './types';

interface KeywordIndex {
  /** Keyword phrases as singular word lists, with the option they point to. */
  phrases: { words: string[]; id: string }[];
}

const NOTE = /^(.+?)(?:\s+[-\u2013\u2014]\s+|\s*:\s+|\s*\()(.+)$/;
const NO_KEYWORDS: Readonly<Record<string, string[]>> = {};
const indexes = new WeakMap<object, KeywordIndex>();

function keywordIndex(keywords: Readonly<Record<string, string[]>>): KeywordIndex {
  let ix = indexes.get(keywords);
  if (!ix) {
    ix = { phrases: [] };
    for (const [id, list] of Object.entries(keywords)) {
      for (const k of list) {
        const words = normaliseSingularWords(k);
        if (words.length > 0) ix.phrases.push({ words, id });
      }
    }
    indexes.set(keywords, ix);
  }
  return ix;
}

function containsPhrase(ws: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= ws.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (ws[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The type of an event. A known type ("Story time", "PD", "Parent-child
 * interaction", "Shared services") becomes its id; a longer text that names
 * exactly one type through a keyword ("Family literacy night") too. Anything
 * else is kept as written, trimmed, with the warning unknown_event_type:
 * the spec keeps unknown types rather than rejecting them.
 */
export function normaliseEventType(
  cell: Cell,
  options: readonly EnumOption[],
  keywords: Readonly<Record<string, string[]>> = NO_KEYWORDS,
): Normalised<string> {
  if (cell.kind === 'empty') return EMPTY;
  const text = cellChoiceText(cell);
  if (text === '') return EMPTY;
  const m = enumMatcher(options);
  if (text === null) {
    return invalid({ code: 'unknown_event_type', reason: 'not_text', params: { choices: m.choices } });
  }
  return textCacheFor<Normalised<string>>(cacheOwner(m, keywords)).get(text, () => readEventType(m, options, keywords, text));
}

const owners = new WeakMap<EnumMatcher, WeakMap<object, object>>();

/** One cache per (option list, keyword list) pair. */
function cacheOwner(m: EnumMatcher, keywords: object): object {
  let byKeywords = owners.get(m);
  if (!byKeywords) {
    byKeywords = new WeakMap();
    owners.set(m, byKeywords);
  }
  let owner = byKeywords.get(keywords);
  if (!owner) {
    owner = {};
    byKeywords.set(keywords, owner);
  }
  return owner;
}

function readEventType(
  m: EnumMatcher,
  options: readonly EnumOption[],
  keywords: Readonly<Record<string, string[]>>,
  text: string,
): Normalised<string> {
  const ws = normaliseSingularWords(text);
  const found = m.matchWords(ws);
  if (found.kind === 'match') return ok(found.id);
  // A type, then a note: "Other - health fair", "Literacy: book giveaway".
  const noted = NOTE.exec(text);
  if (noted) {
    const head = m.matchWords(normaliseSingularWords(noted[1]));
    if (head.kind === 'match' && !head.fuzzy) return ok(head.id);
  }
  if (found.kind !== 'ambiguous') {
    const ids = new Set<string>();
    for (const p of keywordIndex(keywords).phrases) if (containsPhrase(ws, p.words)) ids.add(p.id);
    if (ids.size === 1) {
      const id = [...ids][0];
      if (options.some((o) => o.id === id)) return ok(id);
    }
  }
  return ok(text, { code: 'unknown_event_type', reason: found.kind === 'ambiguous' ? 'ambiguous' : 'unknown', params: { choices: m.choices } });
}
