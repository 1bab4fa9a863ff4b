import { normaliseSingularWords, trimText } from '../text';
import type { Cell } from '../workbook';
import { isSpace, MAX_CHOICE_TEXT, tooLongText } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

/** Words around a number that make it an estimate: "~25", "about 40", "25+", "30 (est)". */
const APPROX_BEFORE = /^(?:~|\+(?=\s*\d)|\u2248|\+\/-|\u00b1|>=|<=|>|<|(?:about|abt|approximately|approximate|approx|appx|aprox|around|roughly|estimated|estimate|est|nearly|almost|close to|over|more than|at least|at most|under|less than|fewer than|up to|ca|circa|maybe|probably)(?![a-z])\.?)\s*/i;
const APPROX_AFTER = /\s*(?:\+|plus|or so|or more|ish|-ish|est\.?|estimated|approx\.?|approximately|\((?:est\.?|estimated|estimate|approx\.?|approximately|about)\)|\?)$/i;
/** Words after a number that only name what was counted. */
const UNIT_AFTER = /\s*(?:people|persons?|ppl|attendees?|participants?|individuals?|guests?|total|in total|attended|present|served|registered\s+and\s+attended)$/i;
/** Other nouns after a number ("25 families", "20 kids"): a count, but of what? */
const NOUN_AFTER = /\s+(?:[a-z]+)(?:\s+[a-z]+)?$/i;
/** "Total: 25", "Attendance - 25". */
const LABEL_BEFORE = /^(?:total|attendance|attended|count|head ?count|participants|attendees|people)\s*[:=-]?\s*(?=\d)/i;
/** "25 (10 adults, 15 children)": a total, then its parts. */
const BREAKDOWN = /^(\d[\d,]*)\s*(?:total)?\s*\((.*)\)$/i;
const TRAILING_PUNCT = /(?<=\d)[.,;:]+$/;
const ENCLOSED = /^\((.*)\)$/;
/** "1 200": thousands separated by a space. */
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+$/;
const INTEGER = /^\d{1,3}(?:,\d{3})+$|^\d+$/;
const DECIMAL = /^\d+(?:,\d{3})*\.\d+$/;
const NEGATIVE = /^[-\u2212]\s*\d/;
const RANGE = /^(\d[\d,]*)\s*(?:-|\u2013|\u2014|to|or)\s*(\d[\d,]*)$|^between\s+(\d[\d,]*)\s+and\s+(\d[\d,]*)$/i;
const DIGITS = /\d+/g;
const DIGITS_ANY = /\d/;

const WORD_NUMBERS: ReadonlyMap<string, number> = new Map(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}));

/** "twenty five", "one hundred twenty", "a dozen" → the number; null when it is not a written number. */
export function parseWrittenNumber(text: string): number | null {
  const ws = text.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w !== '' && w !== 'and');
  if (ws.length === 0) return null;
  if (ws.length <= 2 && ws[ws.length - 1] === 'dozen') {
    const k = ws.length === 1 || ws[0] === 'a' ? 1 : WORD_NUMBERS.get(ws[0]);
    return k === undefined ? null : k * 12;
  }
  let total = 0;
  let cur = 0;
  let any = false;
  for (const w of ws) {
    if (w === 'hundred') { cur = (cur || 1) * 100; any = true; continue; }
    if (w === 'thousand') { total += (cur || 1) * 1000; cur = 0; any = true; continue; }
    const n = WORD_NUMBERS.get(w);
    if (n === undefined) return null;
    cur += n;
    any = true;
  }
  return any ? total + cur : null;
}

const toInt = (s: string): number => Number(s.replace(/,/g, ''));

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isDash = (c: string | undefined): boolean => c === '-' || c === '\u2013' || c === '\u2014';

/**
 * The text without a trailing note that holds no number, "12 (virtual)",
 * "0 - cancelled": a bracket closing the text, or " - " and words. What
 * `/\s*(?:\((?![^)]*\d)[^)]*\)|\s[-–—]\s+(?!.*\d).*)$/` removes, in one pass
 * (that regex rescans the rest from every "(" and every " - ").
 */
export function withoutTrailingNote(s: string): string {
  let lastDigit = -1;
  for (let i = s.length - 1; i >= 0; i--) if (isDigit(s[i])) { lastDigit = i; break; }
  let at = -1;
  if (s.endsWith(')')) {
    const close = s.length - 1;
    const open = s.indexOf('(', Math.max(s.lastIndexOf(')', close - 1), lastDigit) + 1);
    if (open >= 0 && open < close) at = open;
  }
  for (let i = lastDigit + 1; i + 2 < s.length && (at < 0 || i < at); i++) {
    if (isSpace(s[i]) && isDash(s[i + 1]) && isSpace(s[i + 2])) { at = i; break; }
  }
  if (at < 0) return s;
  while (at > 0 && isSpace(s[at - 1])) at--;
  return s.slice(0, at);
}

function fromNumber(v: number): Normalised<number> {
  if (!Number.isFinite(v)) return invalid({ code: 'invalid_attendees', reason: 'not_a_number' });
  if (v < 0) return invalid({ code: 'invalid_attendees', reason: 'negative' });
  if (!Number.isInteger(v)) return invalid({ code: 'invalid_attendees', reason: 'fraction' });
  if (!Number.isSafeInteger(v)) return invalid({ code: 'invalid_attendees', reason: 'not_a_number' });
  return ok(v);
}

/** A bare count as text ("25", "1,200", "12.0"), or null when the text is not one. */
function bareCount(s: string): Normalised<number> | null {
  if (INTEGER.test(s)) return fromNumber(toInt(s));
  if (DECIMAL.test(s)) return fromNumber(toInt(s));
  return null;
}

/**
 * "10 adults + 8 kids": the groups added up. A group the field does not count
 * ("12 + 3 staff", "20 parents + 2 volunteers") is left out, with the warning
 * that says so, unless it is all there is.
 */
function plusSum(s: string, notCounted: ReadonlySet<string>): Normalised<number> {
  let total = 0;
  let counted = 0;
  const left: string[] = [];
  for (const part of s.split('+')) {
    const n = Number((part.match(DIGITS) ?? ['0'])[0]);
    total += n;
    if (notCounted.size > 0 && normaliseSingularWords(part.replace(DIGITS, ' ')).some((w) => notCounted.has(w))) left.push(part.trim());
    else counted += n;
  }
  if (left.length === 0 || counted === 0) return fromNumber(total);
  const r = fromNumber(counted);
  return r.kind === 'ok' ? ok(r.value, { code: 'approximate_attendees', reason: 'left_out', params: { number: r.value, left: left.join(', ') } }) : r;
}

/** Whole numbers joined by "+", each with at most two words naming its group. */
const PLUS_SUM = /^\d{1,6}(\s+[a-z][a-z'-]*){0,2}(\s*\+\s*\d{1,6}(\s+[a-z][a-z'-]*){0,2}){1,5}$/i;

function fromText(raw: string, notCounted: ReadonlySet<string>): Normalised<number> {
  let s = trimText(raw).replace(/\s+/g, ' ').replace(TRAILING_PUNCT, '');
  const inner = ENCLOSED.exec(s);
  if (inner) s = inner[1].trim();
  if (SPACE_GROUPED.test(s)) s = s.replace(/ /g, '');
  if (s === '') return EMPTY;
  if (s.length > MAX_CHOICE_TEXT) return invalid(tooLongText('invalid_attendees', s.length, MAX_CHOICE_TEXT));
  const bare = bareCount(s);
  if (bare) return bare;
  if (NEGATIVE.test(s)) return invalid({ code: 'invalid_attendees', reason: 'negative' });
  if (RANGE.test(s)) return invalid({ code: 'invalid_attendees', reason: 'range' });
  // "10 adults + 8 kids", "17 + 13": groups added up by the partner's own plus sign; "+ 3 staff" are no attendees.
  if (PLUS_SUM.test(s)) return plusSum(s, notCounted);
  const parts = BREAKDOWN.exec(s);
  if (parts && INTEGER.test(parts[1]) && DIGITS_ANY.test(parts[2])) {
    const total = toInt(parts[1]);
    const sum = (parts[2].match(DIGITS) ?? []).reduce((a, d) => a + Number(d), 0);
    if (sum === total) return fromNumber(total);
  }

  // Strip estimate words, then unit words; what is left must be one number.
  let core = s;
  let approx = false;
  for (let i = 0; i < 3; i++) {
    const before = core;
    core = core.replace(APPROX_BEFORE, () => { approx = true; return ''; })
      .replace(APPROX_AFTER, () => { approx = true; return ''; })
      .replace(UNIT_AFTER, '')
      .replace(LABEL_BEFORE, '')
      .trim();
    core = withoutTrailingNote(core).trim();
    if (core === before) break;
  }
  const warning = approx ? { code: 'approximate_attendees' as const, reason: 'approximate' } : undefined;
  let n = bareCount(core);
  if (!n && core !== '' && !/\d/.test(core)) {
    const w = parseWrittenNumber(core);
    if (w !== null) n = ok(w);
  }
  if (n) {
    if (n.kind !== 'ok') return n;
    return warning ? ok(n.value, { ...warning, params: { number: n.value } }) : ok(n.value);
  }
  if (RANGE.test(core)) return invalid({ code: 'invalid_attendees', reason: 'range' });
  const numbers = s.match(DIGITS) ?? [];
  if (numbers.length >= 2) return invalid({ code: 'invalid_attendees', reason: 'several' });
  // "25 families", "20 kids": a count, but maybe not of people.
  const noun = NOUN_AFTER.exec(core);
  if (noun && noun.index > 0) {
    const m = bareCount(core.slice(0, noun.index).trim());
    if (m && m.kind === 'ok') {
      return ok(m.value, { code: 'approximate_attendees', reason: 'unit', params: { number: m.value, unit: noun[0].trim() } });
    }
    if (m) return m;
  }
  return invalid({ code: 'invalid_attendees', reason: 'not_a_number' });
}

/**
 * The number of attendees: a whole number >= 0. Numbers with estimate words
 * ("~25", "about 40", "25+", "30 (est)") are that number with the warning
 * approximate_attendees. Words ("lots"), negatives, fractions, ranges
 * ("20-25") and several counts ("15 adults, 20 kids") are invalid_attendees;
 * counts joined by a plus sign ("10 adults + 8 kids") are added up.
 */
/** Arabic-Indic and Eastern Arabic-Indic digits ("٢٥", "۲۵") as the digits 0 to 9. */
function westernDigits(text: string): string {
  return /[\u0660-\u0669\u06f0-\u06f9]/.test(text) ? text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf)) : text;
}

const NOT_COUNTED = new Set<string>();
const notCountedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** `notCounted`: words of people the count leaves out ("staff", "volunteer"), as the field's exclusions name them. */
export function normaliseAttendees(cell: Cell, notCounted?: readonly string[]): Normalised<number> {
  let words = NOT_COUNTED as ReadonlySet<string>;
  if (notCounted && notCounted.length > 0) {
    words = notCountedSets.get(notCounted) ?? new Set(notCounted.flatMap((w) => normaliseSingularWords(w)));
    notCountedSets.set(notCounted, words);
  }
  const v = cell.value;
  switch (cell.kind) {
    case 'empty':
      return EMPTY;
    case 'number':
      return typeof v === 'number' ? fromNumber(v) : invalid({ code: 'invalid_attendees', reason: 'not_a_number' });
    case 'text':
      return typeof v === 'string' ? fromText(westernDigits(v), words) : invalid({ code: 'invalid_attendees', reason: 'not_a_number' });
    case 'date':
      // A count Excel turned into a date ("3-5" became March 5): the typed text is gone.
      return invalid({ code: 'invalid_attendees', reason: 'date' });
    default:
      return invalid({ code: 'invalid_attendees', reason: 'not_a_number' });
  }
}
