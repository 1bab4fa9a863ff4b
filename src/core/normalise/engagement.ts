import type { EnumOption } from '../collection/types';
import { ENGLISH } from '../language';
import { normaliseSingularWords } from '../text';
import type { Cell } from '../workbook';
import { cellChoiceText, enumMatcher, textCacheFor, type EnumMatcher } from './enum';
import { bracketed, MAX_CHOICE_TEXT, splitAtNote, tooLongText } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

export { normaliseEnum } from './enum';

/** Level words, number words and other scales, from the language's data (src/core/language/words.json). */
const LEVEL_WORDS = ENGLISH.levels.introducers;
const FILLER = ENGLISH.levels.filler;
const NUMBER_WORDS = ENGLISH.numbers;
const NOT_LEVELS = ENGLISH.levels.otherScales;
const SEVERAL_WORDS = ENGLISH.levels.several;
/** "Touchpoint - flyer", "Level 2: led the meeting": a level, then a note. */
const NOTE = { spacedDash: true, colon: true, colonNeedsSpace: true } as const;
const BRACKETS = [['(', ')'], ['[', ']']] as const;
/** A level with what the activity was after it is read from at most this many words in front. */
const MAX_HEAD_WORDS = 12;
const PREFIXED_NUMBER = /^(l|lvl|lv|lev|level|el|tier|t)(\d+)$/;
/** Between two levels. Pieces are trimmed after the split: white space around a separator is not part of it (no backtracking). */
const PART_SEPARATORS = /[/,;&+|():[\]\u2013\u2014]|-(?!point)|\band\b|\bor\b|\bto\b|\bthrough\b|\bthru\b|\by\b|\bo\b/i;

/** The level number a word list names ("lvl 2" → 2, "level iii" → 3), or null. */
function levelNumber(ws: readonly string[], bare: boolean): number | null {
  const rest = ws.filter((w) => !FILLER.has(w));
  if (rest.length === 1) {
    const m = PREFIXED_NUMBER.exec(rest[0]);
    if (m) return Number(m[2]);
    if (bare && /^\d+$/.test(rest[0])) return Number(rest[0]);
    if (bare && rest[0] !== 'i' && rest[0] !== 'v') return NUMBER_WORDS.get(rest[0]) ?? null;
    return null;
  }
  if (rest.length === 2 && LEVEL_WORDS.has(rest[0])) {
    if (/^\d+$/.test(rest[1])) return Number(rest[1]);
    const n = NUMBER_WORDS.get(rest[1]);
    if (n !== undefined) return n;
  }
  if (rest.length === 2 && LEVEL_WORDS.has(rest[1])) return NUMBER_WORDS.get(rest[0]) ?? null;
  return null;
}

/** One reading of a piece of text: an option id, a level number outside the four, or nothing. */
function readOne(m: EnumMatcher, ws: readonly string[], bare: boolean): { id: string } | { level: number } | null {
  const found = m.matchWords(ws);
  if (found.kind === 'match') return { id: found.id };
  const n = levelNumber(ws, bare);
  if (n === null) return null;
  // The option the collection numbers so: "Level 2" is the option whose level is 2.
  const id = m.options.find((o) => o.level === n)?.id;
  return id !== undefined ? { id } : { level: n };
}

/**
 * The engagement level of an event: one of the collection's options
 * (touchpoint, level one, level two, Day of the Young Child), read from the
 * many ways partners write them ("L1", "Lvl 2", "Level I", "Tier 1", "TP",
 * "DOYC", a bare 1 or 2). "Level 3", "High" and two levels in one cell
 * ("L1/L2", "Level 1-2", "Both") are invalid_engagement.
 */
export function normaliseEngagement(cell: Cell, options: readonly EnumOption[]): Normalised<string> {
  if (cell.kind === 'empty') return EMPTY;
  const text = cellChoiceText(cell);
  if (text === '') return EMPTY;
  const m = enumMatcher(options);
  const params = { choices: m.choices };
  if (text === null || cell.kind === 'error' || cell.kind === 'boolean') {
    return invalid({ code: 'invalid_engagement', reason: 'not_a_level', params });
  }
  if (text.length > MAX_CHOICE_TEXT) return invalid(tooLongText('invalid_engagement', text.length, MAX_CHOICE_TEXT, params));
  return textCacheFor<Normalised<string>>(m).get(text, () => readEngagement(m, text));
}

function readEngagement(m: EnumMatcher, text: string): Normalised<string> {
  const params = { choices: m.choices };
  const ws = normaliseSingularWords(text);
  if (ws.length === 0) return invalid({ code: 'invalid_engagement', reason: 'not_a_level', params });

  const one = readOne(m, ws, true);
  if (one !== null) {
    if ('id' in one) return ok(one.id);
    return invalid({ code: 'invalid_engagement', reason: 'not_a_level', params: { ...params, level: one.level } });
  }

  const joined = ws.join(' ');
  if (SEVERAL_WORDS.has(joined)) return invalid({ code: 'invalid_engagement', reason: 'several', params });

  // Two levels in one cell: "L1/L2", "Level 1-2", "Touchpoint and level 1".
  const parts = text.split(PART_SEPARATORS).filter((p) => p.trim() !== '');
  if (parts.length >= 2) {
    const ids = new Set<string>();
    let prefix: string | null = null;
    let allRead = true;
    for (const p of parts) {
      let pw = normaliseSingularWords(p);
      if (prefix !== null && pw.length === 1 && (/^\d+$/.test(pw[0]) || NUMBER_WORDS.has(pw[0]))) pw = [prefix, pw[0]];
      const r = readOne(m, pw, true);
      if (r === null) { allRead = false; break; }
      ids.add('id' in r ? r.id : `level ${r.level}`);
      const lw = pw.find((w) => LEVEL_WORDS.has(w) || PREFIXED_NUMBER.test(w));
      if (lw !== undefined) prefix = LEVEL_WORDS.has(lw) ? lw : 'level';
    }
    if (allRead && ids.size >= 2) return invalid({ code: 'invalid_engagement', reason: 'several', params });
    // The same level said twice: "Touchpoint (TP)", "L1 - Level one".
    const only = [...ids][0];
    if (allRead && ids.size === 1) {
      if (!only.startsWith('level ')) return ok(only);
      return invalid({ code: 'invalid_engagement', reason: 'not_a_level', params: { ...params, level: Number(only.slice(6)) } });
    }
  }

  // A level, then a note: "Touchpoint - flyer", "Level 2: led the meeting".
  const noted = splitAtNote(text, NOTE);
  if (noted) {
    const r = readOne(m, normaliseSingularWords(noted[0]), true);
    const rest = noted[1].split(PART_SEPARATORS).map((p) => readOne(m, normaliseSingularWords(p), false));
    if (r !== null && 'id' in r && rest.every((x) => x === null)) return ok(r.id);
  }

  // A note in brackets: "Level 1 (2 hours or less)".
  const { without: unbracketed, parts: inBrackets } = bracketed(text, BRACKETS);
  if (unbracketed !== text) {
    const r = readOne(m, normaliseSingularWords(unbracketed), true);
    if (r !== null && 'id' in r) return ok(r.id);
  }

  // A kind of activity with the level's own definition beside it: "Workshop (under 2 hrs)", "Info table / flyer".
  // Exactly one reading among the parts, none of them another level, is that level.
  for (const pieces of [parts, inBrackets.length ? [unbracketed, ...inBrackets] : []]) {
    if (pieces.length < 2) continue;
    const readings = pieces.map((p) => readOne(m, normaliseSingularWords(p), false));
    const ids = new Set(readings.filter((r): r is { id: string } => r !== null && 'id' in r).map((r) => r.id));
    if (ids.size === 1 && readings.every((r) => r === null || 'id' in r)) return ok([...ids][0]!);
  }

  // A level, then what the activity was: "2+ hour workshop", "Level 1 workshop".
  for (let k = Math.min(ws.length - 1, MAX_HEAD_WORDS); k >= 1; k--) {
    const head = readOne(m, ws.slice(0, k), false);
    if (head !== null && 'id' in head && readOne(m, ws.slice(k), false) === null) return ok(head.id);
  }

  if (NOT_LEVELS.has(joined)) return invalid({ code: 'invalid_engagement', reason: 'not_a_level', params });
  return invalid({ code: 'invalid_engagement', reason: 'unknown', params });
}
