import type { EnumOption } from '../collection/types';
import { normaliseSingularWords } from '../text';
import type { Cell } from '../workbook';
import { cellChoiceText, enumMatcher, textCacheFor, type EnumMatcher } from './enum';
import { MAX_CHOICE_TEXT, splitAtNote, tooLongText } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

interface KeywordIndex {
  /** Keyword phrases as singular word lists, with the option they point to, by their first word. */
  byFirstWord: Map<string, { words: string[]; id: string }[]>;
}

/** "Other - health fair", "Literacy: book giveaway", "Literacy (book giveaway)": a type, then a note. */
const NOTE = { spacedDash: true, colon: true, colonNeedsSpace: true, openBracket: true } as const;
const NO_KEYWORDS: Readonly<Record<string, string[]>> = {};
const indexes = new WeakMap<object, KeywordIndex>();

function keywordIndex(keywords: Readonly<Record<string, string[]>>): KeywordIndex {
  let ix = indexes.get(keywords);
  if (!ix) {
    ix = { byFirstWord: new Map() };
    for (const [id, list] of Object.entries(keywords)) {
      for (const k of list) {
        const words = normaliseSingularWords(k);
        if (words.length === 0) continue;
        let same = ix.byFirstWord.get(words[0]);
        if (!same) ix.byFirstWord.set(words[0], (same = []));
        same.push({ words, id });
      }
    }
    indexes.set(keywords, ix);
  }
  return ix;
}

/** The options whose keyword phrases occur in the words: one look-up per word. */
function keywordIds(ws: readonly string[], ix: KeywordIndex): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const phrases = ix.byFirstWord.get(ws[i]);
    if (!phrases) continue;
    next: for (const p of phrases) {
      if (ids.has(p.id) || i + p.words.length > ws.length) continue;
      for (let j = 1; j < p.words.length; j++) if (ws[i + j] !== p.words[j]) continue next;
      ids.add(p.id);
    }
  }
  return ids;
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
  // Far longer than any type: kept as written (types are kept), not read.
  if (text.length > MAX_CHOICE_TEXT) return ok(text, tooLongText('unknown_event_type', text.length, MAX_CHOICE_TEXT, { choices: m.choices }));
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
  const noted = splitAtNote(text, NOTE);
  if (noted) {
    const head = m.matchWords(normaliseSingularWords(noted[0]));
    if (head.kind === 'match' && !head.fuzzy) return ok(head.id);
  }
  if (found.kind !== 'ambiguous') {
    const ids = keywordIds(ws, keywordIndex(keywords));
    if (ids.size === 1) {
      const id = [...ids][0];
      if (options.some((o) => o.id === id)) return ok(id);
    }
  }
  return ok(text, { code: 'unknown_event_type', reason: found.kind === 'ambiguous' ? 'ambiguous' : 'unknown', params: { choices: m.choices } });
}
