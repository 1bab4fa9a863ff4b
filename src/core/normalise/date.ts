import type { Cell } from '../workbook';
import { ENGLISH } from '../language';
import { TextCache } from './enum';
import { MAX_CHOICE_TEXT, replaceParentheses, tooLongText, trimChars } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

/** Days between the 1900 and the 1904 date systems' serial numbers for the same day. */
export const DAYS_1904_SHIFT = 1462;
const DAY_MS = 86_400_000;
/** 1899-12-30: serial 0 of the 1900 system, once Excel's fake 1900-02-29 is behind us. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last day Excel knows. */
const MAX_SERIAL = 2_958_465;
/** 1950-01-01 in the 1900 system. */
const SERIAL_1950 = 18_264;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** True when y-m-d is a real day of the Gregorian calendar. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

export function ymdToIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The ISO day of an Excel serial number (the fraction, a time of day, is
 * dropped). Null for serials below 1, for 60 (Excel's fake 1900-02-29) and
 * past 9999-12-31.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  let n = Math.floor(serial);
  if (n < 1) return null;
  if (date1904) n += DAYS_1904_SHIFT;
  else if (n === 60) return null;
  else if (n < 60) n += 1; // Excel counts a 1900-02-29 that never was
  if (n > MAX_SERIAL) return null;
  const dt = new Date(EPOCH_1900_MS + n * DAY_MS);
  return ymdToIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** The Excel serial number of an ISO day, or null when it is not a real day Excel can hold. */
export function isoToSerial(iso: string, date1904 = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidYmd(y, mo, d)) return null;
  let n = Math.round((Date.UTC(y, mo - 1, d) - EPOCH_1900_MS) / DAY_MS);
  if (n <= 60) n -= 1;
  if (date1904) n -= DAYS_1904_SHIFT;
  return n >= 1 && n <= MAX_SERIAL ? n : null;
}

/** Month names, English and Spanish (src/core/language/words.json). */
const MONTHS = ENGLISH.months;

/** Words that say "not a day": plans, seasons, repeats, blanks. */
const VAGUE = /^(?:tbd|tba|tbc|to be (?:determined|announced|confirmed)|n\/?a|na|none|unknown|\?+|-+|x|pending|ongoing|on going|weekly|monthly|daily|biweekly|bi-weekly|every \w+|various|varies|multiple(?: dates)?|several|see (?:notes?|below|above)|spring|summer|fall|autumn|winter|(?:early|mid|late) \w+|q[1-4]|quarter|year round|all year|throughout the year|same|same as above|ditto|")(?![a-z0-9])/;
const SEASON_WORD = /\b(?:spring|summer|fall|autumn|winter|q[1-4]|quarter|semester|week|weekly|monthly|ongoing)\b/;

const ISO_DATETIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[t ]\d{1,2}:\d{2}/;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}|e[sd]t|et))?/g;
const HOUR = /\b\d{1,2}\s*[ap]\.?\s?m\b\.?/g;
/** "3/4/2023 10-12", "Nov 16th 2023 from 6-8pm": a full date, then the hours. */
const TIME_RANGE_AFTER = /^(.*?(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}))\s+(?:from\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:-|\u2013|to)\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/;
const STRAY_MERIDIEM = /\b[ap]\.?m\b\.?/g;
const TIME_WORDS = /\b(?:noon|midnight|all day|morning|afternoon|evening|night)\b/g;
const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lun|mie|jue|vie|sab|dom)\b\.?/g;
const ORDINAL = /(\d)(?:st|nd|rd|th)\b/g;
const SMALL_WORDS = /\b(?:on|at|of|the|de|del|el|@)\b|@/g;
/** Punctuation trimmed from both ends (and "(" from the end), once white space is single spaces. */
const EDGE_PUNCT = ' ,.;:-/';
const EDGE_PUNCT_END = ' ,.;:-/(';
const SPACES = /\s+/g;

const NUMERIC_3 = /^(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})$/;
const NUMERIC_2 = /^(\d{1,2})\s*[/.-]\s*(\d{1,4})$/;
const SERIAL = /^\d+(?:\.\d+)?$/;
const COMPACT = /^(19|20)(\d{2})(\d{2})(\d{2})$/;
const RANGE_SPLIT = /\s*(?:\u2013|\u2014|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|&|\band\b|\s-\s|(?<=\d)-(?=\d{1,2}\/)|(?<=\/\d{1,4})-(?=\d))\s*/;
/** "04MAR2023": numbers and month names run together. */
const DIGIT_LETTER = /(\d)([a-z])/g;
const LETTER_DIGIT = /([a-z])(\d)/g;
const TOKEN_SPLIT = /[\s,./-]+/;
const ACCENTS = /[\u0300-\u036f]/g;

type Token = { month: number } | { num: number; digits: number };

const invalidDate = (reason: string, params?: Record<string, string | number>): Normalised<never> =>
  invalid(params ? { code: 'invalid_date', reason, params } : { code: 'invalid_date', reason });

function year2(y: number, digits: number): number | null {
  if (digits === 2) return 2000 + y;
  if (digits === 4) return y;
  return null;
}

/** A day from month, day and year as written; checks it exists. */
function fromMdy(m: number, d: number, y: number | null): Normalised<string> {
  if (y === null || y < 1900 || y > 2099) return invalidDate('impossible');
  if (!isValidYmd(y, m, d)) return invalidDate('impossible');
  return ok(ymdToIso(y, m, d));
}

function fromNumericMdy(a: number, b: number, y: number | null): Normalised<string> {
  // Slashes are month/day/year; a first number above 12 is someone writing day first.
  if (a > 12 && a <= 31 && b >= 1 && b <= 12 && y !== null && isValidYmd(y, b, a)) {
    return invalidDate('day_first', { suggestion: `${b}/${a}/${y}`, iso: ymdToIso(y, b, a) });
  }
  return fromMdy(a, b, y);
}

function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  for (const t of s.replace(DIGIT_LETTER, '$1 $2').replace(LETTER_DIGIT, '$1 $2').split(TOKEN_SPLIT)) {
    if (t === '') continue;
    if (/^\d+$/.test(t)) out.push({ num: Number(t), digits: t.length });
    else {
      const m = MONTHS.get(t) ?? MONTHS.get(t.replace(/\.$/, ''));
      if (m === undefined) return null;
      out.push({ month: m });
    }
  }
  return out;
}

const DAY_RANGE = /\d\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\bthru\b|&|\band\b)\s*\d/;

function fromTokens(tokens: Token[], s: string): Normalised<string> | null {
  const shape = tokens.map((t) => ('month' in t ? 'M' : t.digits === 4 ? 'Y' : 'n')).join('');
  const num = (i: number) => (tokens[i] as { num: number }).num;
  const mon = (i: number) => (tokens[i] as { month: number }).month;
  const yr = (i: number) => year2(num(i), (tokens[i] as { digits: number }).digits);
  switch (shape) {
    case 'Mnn':
      if (DAY_RANGE.test(s) || (tokens[2] as { digits: number }).digits !== 2) return invalidDate('range');
      return fromMdy(mon(0), num(1), yr(2));
    case 'MnY': return fromMdy(mon(0), num(1), yr(2));
    case 'nMY': case 'nMn': return fromMdy(mon(1), num(0), yr(2));
    case 'YMn': return fromMdy(mon(1), num(2), yr(0));
    case 'Mn': return invalidDate('no_year', { month: mon(0), day: num(1) });
    case 'nM': return invalidDate('no_year', { month: mon(1), day: num(0) });
    case 'M': case 'MY': case 'YM': return invalidDate('no_day');
    case 'MnnY': case 'Mnnn': case 'MnMnY': case 'MnMn': case 'nnMY': case 'nMnMY': return invalidDate('range');
    default: return null;
  }
}

function parseText(raw: string, date1904: boolean): Normalised<string> {
  // One space for every run of white space first: the patterns below then never retry a long run.
  let s = raw.replace(SPACES, ' ').trim();
  if (s === '') return EMPTY;
  if (s.length > MAX_CHOICE_TEXT) return invalid(tooLongText('invalid_date', s.length, MAX_CHOICE_TEXT));
  s = s.toLowerCase().normalize('NFD').replace(ACCENTS, '');
  const iso = ISO_DATETIME.exec(s);
  if (iso) s = `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (VAGUE.test(s) && !/\d{1,2}[/-]\d{1,2}/.test(s)) return invalidDate('vague');

  const timed = TIME_RANGE_AFTER.exec(s);
  if (timed) s = timed[1];
  s = replaceParentheses(s).replace(TIME, ' ').replace(HOUR, ' ').replace(STRAY_MERIDIEM, ' ').replace(TIME_WORDS, ' ').replace(WEEKDAY, ' ')
    .replace(ORDINAL, '$1').replace(SMALL_WORDS, ' ').replace(SPACES, ' ');
  s = trimChars(s, EDGE_PUNCT, EDGE_PUNCT_END);
  if (s === '') return invalidDate('not_a_date');

  if (SERIAL.test(s)) {
    const c = COMPACT.exec(s);
    if (c) return fromMdy(Number(c[3]), Number(c[4]), Number(c[1] + c[2]));
    return fromNumber(Number(s), date1904);
  }

  const n3 = NUMERIC_3.exec(s);
  if (n3) {
    const a = n3[1];
    if (a.length === 4) {
      if (n3[4].length > 2) return invalidDate('impossible');
      return fromMdy(Number(n3[3]), Number(n3[4]), Number(a));
    }
    if (a.length > 2) return invalidDate('impossible');
    return fromNumericMdy(Number(a), Number(n3[3]), year2(Number(n3[4]), n3[4].length));
  }
  const n2 = NUMERIC_2.exec(s);
  if (n2) return n2[2].length === 4 ? invalidDate('no_day') : invalidDate('no_year', { month: Number(n2[1]), day: Number(n2[2]) });

  const tokens = tokenize(s);
  if (tokens) {
    const r = fromTokens(tokens, s);
    if (r) return r;
  }
  const parts = s.split(RANGE_SPLIT);
  if (parts.length === 2 && /\d/.test(parts[0]) && /\d/.test(parts[1])) return invalidDate('range');
  if (SEASON_WORD.test(s)) return invalidDate('vague');
  return invalidDate('not_a_date');
}

/** Sheets repeat the same date texts; the result depends only on the text and the date system. */
const CACHE_1900 = new TextCache<Normalised<string>>();
const CACHE_1904 = new TextCache<Normalised<string>>();

function fromNumber(v: number, date1904: boolean): Normalised<string> {
  if (!Number.isFinite(v)) return invalidDate('not_a_date');
  // A year alone ("2023") is not serial 2023, which would be 1905.
  if (Number.isInteger(v) && v >= 1990 && v <= 2100) return invalidDate('no_day');
  const c = Number.isInteger(v) ? COMPACT.exec(String(v)) : null;
  if (c) return fromMdy(Number(c[3]), Number(c[4]), Number(c[1] + c[2]));
  // A typed number that would be a day before 1950 ("3", "12.5") is not meant as a date.
  if (v >= 1 && v < (date1904 ? SERIAL_1950 - DAYS_1904_SHIFT : SERIAL_1950)) return invalidDate('not_a_date');
  const iso = serialToIso(v, date1904);
  return iso === null ? invalidDate('not_a_date') : ok(iso);
}

/**
 * The day of an event as ISO YYYY-MM-DD, from a date cell, an Excel serial
 * typed as a number or text, or text in the usual US forms ("3/4/23",
 * "March 4th, 2023", "Sat 3/4/2023 10:00 AM", "4-Mar-23"). Slashes and dashes
 * between numbers are month/day/year; two-digit years are 20xx. Whether the
 * day is in the reporting period is for the caller to check.
 *
 * Reasons of invalid_date: impossible (2/30/2023), day_first (25/8/2023,
 * params.suggestion = "8/25/2023"), no_year ("3/4", params.month and .day), no_day ("March 2023"),
 * range ("March 4-5"), vague ("TBD", "Spring"), not_a_date, error_cell; and, from the
 * column (validate/dateOrder.ts), order_unclear (12/01/2023 where the column is written day first).
 */
export function normaliseDate(cell: Cell, opts: { date1904: boolean }): Normalised<string> {
  const v = cell.value;
  switch (cell.kind) {
    case 'empty':
      return EMPTY;
    case 'date': {
      if (typeof v !== 'number') return typeof v === 'string' ? parseText(v, opts.date1904) : invalidDate('not_a_date');
      if (v >= 0 && v < 1) return invalidDate('time_only');
      const iso = serialToIso(v, opts.date1904);
      return iso === null ? invalidDate('not_a_date') : ok(iso);
    }
    case 'number':
      return typeof v === 'number' ? fromNumber(v, opts.date1904) : invalidDate('not_a_date');
    case 'text':
      if (typeof v !== 'string') return invalidDate('not_a_date');
      // A long text is refused at once; it is not worth a place in the cache.
      if (v.length > MAX_CHOICE_TEXT) return parseText(v, opts.date1904);
      return (opts.date1904 ? CACHE_1904 : CACHE_1900).get(v, () => parseText(v, opts.date1904));
    case 'error':
      return invalidDate('error_cell');
    default:
      return invalidDate('not_a_date');
  }
}
