import { periodYear } from '../collection/period';
import type { Collection, FieldDef, Period } from '../collection/types';
import { guardedNormalise as normaliseField } from '../normalise/memo';
import { ENGLISH } from '../language';
import { normaliseKey, normaliseSingularWords } from '../text';
import { cellText, type Cell } from '../workbook';
import { keyedList, valueKeyOf } from './valueKey';

/** What a column's values say about one field: a share of fitting values and the fact in words. */
export interface ValueEvidence {
  score: number;
  fact: string;
  /** How many values it rests on. */
  sample?: number;
  /** The values plainly are not this field, whatever the heading says ("the values are small whole numbers"). */
  veto?: string;
  /** For zip codes: the share inside the collection's area, which alone counts when no heading names the field. */
  inArea?: number;
  /** For counts: the numbers rise by one from row to row (101, 102, 103): record numbers, unless a heading names the field outright. */
  rising?: boolean;
  /** Every value is the same: weak evidence when the values alone speak. */
  constant?: boolean;
  /** For options: most of the values that fit are bare numbers ("1", "2"), which are also hours, counts or codes. */
  numeric?: boolean;
}

const SAMPLE = 300;
const BARE_NUMBER = /^\s*\d+(\.\d+)?\s*$/;
const STREET = /^\d+[a-z]?\s+\S/i;
const VIRTUAL = /\b(virtual|online|zoom|teams|facebook|phone|webinar|remote)\b/i;
/** "Woodward & Warren Ave", "Vernor Hwy at Junction St", "Bagley y Calle 24": two streets meeting. */
const CROSSING = /\s(?:&|@|\/|and|at|y)\s/i;

/** A place given as a crossing of two streets, one of them named with its kind of street. */
function isCrossing(text: string): boolean {
  if (text.length > 80) return false;
  const sides = text.split(CROSSING);
  if (sides.length !== 2 || sides.some((s) => !/[a-z]/i.test(s))) return false;
  return sides.some((side) => {
    const words = normaliseSingularWords(side);
    // "Warren Ave", or the kind first as Spanish puts it ("Calle 24").
    return words.length >= 2 && (ENGLISH.streetTypes.has(words[words.length - 1]!) || ENGLISH.streetTypes.has(words[0]!));
  });
}

/** A house number before a name (also after a site's name: "Osborn HS Rm 112, 11600 E Seven Mile"), a crossing of streets, or a place online. */
function looksLikeAddress(text: string): boolean {
  if (STREET.test(text) || VIRTUAL.test(text) || isCrossing(text)) return true;
  return text.length <= 120 && text.split(/[,;]\s*/).slice(1).some((part) => /^\d+[a-z]?\s+(?:[nsew]\.?\s+)?[a-z]{3,}/i.test(part));
}

/**
 * How well the values under a heading fit each field: dates in or near the
 * reporting period, zip codes, engagement levels, audiences, event types,
 * small whole numbers, addresses, place names, long descriptions.
 */
export function columnEvidence(cells: Cell[], collection: Collection, date1904: boolean, period: Period, valueKeys?: Map<string, Map<string, string>>): Map<string, ValueEvidence> {
  const sample = cells.filter((c) => c.kind !== 'empty' && cellText(c) !== '').slice(0, SAMPLE);
  const out = new Map<string, ValueEvidence>();
  if (sample.length === 0) return out;
  const n = sample.length;
  const ctx = { collection, date1904, valueKeys };
  const profile = profileOf(sample);
  // One value in every row (an organiser's name, "Family Programs") says little of what the column is, unless it is an option's own label ("Touchpoint").
  const first = cellText(sample[0]!);
  const constant = n >= 5 && sample.every((c) => cellText(c) === first) && !isOptionLabel(collection, first);
  for (const field of collection.fields) {
    const e = fieldEvidence(field, sample, n, ctx, period);
    const veto = vetoOf(field, sample, profile);
    if (veto) out.set(field.id, { score: 0, fact: veto, sample: n, veto });
    else if (e && e.score > 0) out.set(field.id, { ...e, sample: n, ...(constant ? { constant } : {}) });
  }
  return out;
}

function isOptionLabel(collection: Collection, text: string): boolean {
  const t = text.trim().toLowerCase();
  return Object.values(collection.enumerations).some((options) => options.some((o) => o.label.toLowerCase() === t));
}

function fieldEvidence(field: FieldDef, sample: Cell[], n: number, ctx: { collection: Collection; date1904: boolean; valueKeys?: Map<string, Map<string, string>> }, period: Period): ValueEvidence | null {
  switch (field.kind) {
    case 'date': {
      const lo = yearOf(period.start) - 1;
      const hi = yearOf(period.end) + 1;
      let dates = 0;
      let near = 0;
      let inside = 0;
      for (const c of sample) {
        const r = normaliseField(field, c, ctx);
        // "Sun 1/15": a day without its year is read into a period of one year (validateRow), so it counts as near it.
        if (r.kind === 'invalid' && r.problem.reason === 'no_year' && periodYear(period) !== undefined) {
          dates++;
          near++;
          continue;
        }
        // "15/03/2023": a real day written day first is still a date; the check then asks for the agreed order.
        const iso = r.kind === 'ok' ? r.value : r.kind === 'invalid' && r.problem.reason === 'day_first' ? r.problem.params?.iso : undefined;
        if (typeof iso === 'string') {
          dates++;
          const y = yearOf(iso);
          if (y >= lo && y <= hi) near++;
          if (iso >= period.start && iso <= period.end) inside++;
        }
      }
      // Dates in the period count fully, dates a year off half, dates of other years a quarter: an entry-date
      // column loses to the event dates, and a log of another year still has its date column (and says so).
      const score = (inside + 0.5 * (near - inside) + 0.25 * (dates - near)) / n;
      const where = inside === dates ? ' in the reporting period' : near === dates ? ' near the reporting period' : inside > 0 ? '' : ' outside the reporting period';
      return { score, fact: `${dates} of ${n} values are dates${where}` };
    }
    case 'zip':
    case 'enum':
    case 'enum_list': {
      let fit = 0;
      let inArea = 0;
      const keys = ctx.valueKeys?.get(field.id);
      let keyed = 0;
      let bare = 0;
      for (const c of sample) {
        // A code the partner's own key explains ("A = Touchpoint") fits its field.
        if (keys && (keys.has(valueKeyOf(cellText(c))) || (field.kind === 'enum_list' && keyedList(keys, cellText(c))))) {
          fit++;
          inArea++;
          keyed++;
          continue;
        }
        const r = normaliseField(field, c, ctx);
        if (r.kind !== 'ok') continue;
        if (!r.warning) inArea++;
        if (!r.warning || field.kind === 'zip') {
          fit++;
          if (c.kind === 'number' || BARE_NUMBER.test(cellText(c))) bare++;
        }
      }
      // Zip codes outside the service area support a heading that says zip, but are no evidence on their own.
      if (field.kind === 'zip') return { score: fit / n, fact: `${fit} of ${n} values are zip codes${inArea < fit ? ` (${fit - inArea} outside the area)` : ''}`, inArea: inArea / n };
      return { score: fit / n, fact: `${fit} of ${n} values are ${field.label.toLowerCase()} values${keyed ? ` (${keyed} by the workbook's own key)` : ''}`, ...(bare > fit / 2 ? { numeric: true } : {}) };
    }
    case 'count': {
      let fit = 0;
      let zipLike = 0;
      let counting = 0;
      let previous: number | undefined;
      let first: number | undefined;
      for (const c of sample) {
        if (c.kind === 'date') continue;
        const r = normaliseField(field, c, ctx);
        if (r.kind === 'ok' && typeof r.value === 'number') {
          fit++;
          if (r.value >= 10000) zipLike++;
          first ??= r.value;
          if (previous !== undefined && r.value === previous + 1) counting++;
          previous = r.value;
        }
      }
      // 1, 2, 3, ... (or 101, 102, 103, ...) numbers the rows or the records; it is no head count.
      if (fit >= 4 && first !== undefined && first <= 1 && counting >= 0.8 * (fit - 1)) return { score: 0, fact: 'the values count the rows 1, 2, 3, ...' };
      if (fit >= 4 && first !== undefined && counting >= 0.8 * (fit - 1)) {
        return { score: fit / n, fact: `the values rise by one from row to row (${first}, ${first + 1}, ${first + 2}, ...), like record numbers`, rising: true };
      }
      const score = zipLike > fit / 2 ? 0 : fit / n;
      return { score, fact: `${fit} of ${n} values are whole numbers` };
    }
    case 'text':
      return textEvidence(field, sample, n, placesOf(ctx.collection));
  }
}

/** What text values say about a text field of each role; a text field without a role gets no evidence from its values. */
function textEvidence(field: FieldDef, sample: Cell[], n: number, places: ReadonlySet<string>): ValueEvidence | null {
  const texts = sample.filter((c) => c.kind === 'text').map(cellText).filter((t) => /[a-z]/i.test(t));
  if (texts.length < n * 0.8) return { score: 0, fact: 'values are not text' };
  const distinct = new Set(texts.map((t) => t.toLowerCase())).size;
  const avgLen = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  const streetLike = texts.filter(looksLikeAddress).length;
  const spaced = texts.filter((t) => t.includes(' ')).length;
  switch (field.role) {
    case 'street': {
      // A house number and a kind of street ("1766 Oakman Blvd") speak for the column on their own, like places the collection knows.
      const addressed = texts.filter((t) => STREET.test(t) && normaliseSingularWords(t).some((w) => ENGLISH.streetTypes.has(w))).length;
      const fact = `${streetLike} of ${n} values look like street addresses`;
      return addressed >= 0.6 * n ? { score: streetLike / n, fact, inArea: addressed / n } : { score: streetLike / n, fact };
    }
    case 'city': {
      const short = texts.filter((t) => t.length <= 30 && !/\d/.test(t)).length;
      const repeats = distinct <= Math.max(3, texts.length * 0.3);
      // Places the collection knows (its service area and around it) speak for the column on their own, like zip codes in the area.
      const known = places.size ? texts.filter((t) => isPlace(t, places)).length : 0;
      const score = repeats ? (short / n) * 0.8 : 0;
      if (known === 0) return { score, fact: `${distinct} different place names` };
      return { score: Math.max(score, known / n), fact: `${known} of ${n} values are places of the service area or around it`, inArea: known / n };
    }
    case 'description':
      return { score: avgLen >= 15 && spaced >= texts.length * 0.8 && streetLike < n * 0.3 ? 0.9 : 0, fact: `text of ${Math.round(avgLen)} characters on average` };
    case 'title':
      return { score: avgLen >= 4 && avgLen < 90 && streetLike < n * 0.3 && distinct >= texts.length * 0.2 ? 0.9 : 0, fact: `${distinct} different names` };
    default:
      return null;
  }
}

/**
 * Names, whether or not they repeat: text in nine cells of ten, of a name's
 * length, not addresses, at least three different ones ("Baby Lapsit
 * Storytime", "Toddler Storytime" week after week). Weaker than the title's
 * own evidence, which asks for names that mostly differ.
 */
export function readsAsNames(cells: Cell[]): boolean {
  const sample = cells.filter((c) => c.kind !== 'empty').slice(0, SAMPLE);
  const texts = sample.filter((c) => c.kind === 'text').map(cellText).filter((t) => /[a-z]/i.test(t));
  if (sample.length < 4 || texts.length < 0.9 * sample.length) return false;
  const avgLen = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  return avgLen >= 4 && avgLen < 90 && texts.filter(looksLikeAddress).length < 0.3 * texts.length && new Set(texts.map((t) => t.toLowerCase())).size >= 3;
}

/** The collection's places as comparison keys, once per collection. */
const placeKeys = new WeakMap<Collection, ReadonlySet<string>>();
function placesOf(collection: Collection): ReadonlySet<string> {
  let keys = placeKeys.get(collection);
  if (!keys) placeKeys.set(collection, (keys = new Set(collection.places.map(normaliseKey))));
  return keys;
}

/** "Detroit", "detroit", "Detroit, MI": a known place, alone or with a state's two letters after it. */
function isPlace(text: string, places: ReadonlySet<string>): boolean {
  const key = normaliseKey(text);
  if (places.has(key)) return true;
  const cut = key.lastIndexOf(' ');
  return cut > 0 && key.length - cut - 1 <= 2 && places.has(key.slice(0, cut));
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** What kind of values a column holds, each as a share of its non-empty cells. */
interface Profile {
  n: number;
  /** Numbers, or texts that are only a number. */
  numbers: number;
  /** Whole numbers from 0 to 999. */
  smallWhole: number;
  /** 4-digit whole numbers from 1900 to 2100 (years). */
  years: number;
  urls: number;
  months: number;
  /** Codes without spaces that mix letters and digits ("E09000001", "EVT-2291"). */
  codes: number;
  /** Date cells, or texts that start like a date. */
  dates: number;
  /** Share of distinct values among the numbers. */
  distinctNumbers: number;
  /** Yes/no answers: TRUE/FALSE cells, "Yes", "No", "True", "False". */
  yesNo: number;
  /** Numbers that rise by one from a row to the next: ids. */
  rising: number;
  /** Texts holding a digit. */
  withDigit: number;
  texts: number;
}

const NUMBER_TEXT = /^\s*[-+]?\d+(?:[.,]\d+)?\s*$/;
const URL = /^(https?:\/\/|www\.)\S+$/i;
const YES_NO = /^(yes|no|true|false)$/i;
const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;
const CODE = /^(?=\S*\d)(?=\S*[a-z])[a-z0-9][a-z0-9_./:-]{4,}$/i;
const DATE_TEXT = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/;

function profileOf(sample: Cell[]): Profile {
  const p: Profile = { n: sample.length, numbers: 0, smallWhole: 0, years: 0, urls: 0, months: 0, codes: 0, dates: 0, distinctNumbers: 0, rising: 0, withDigit: 0, texts: 0, yesNo: 0 };
  const seen = new Set<number>();
  let previous: number | undefined;
  for (const c of sample) {
    if (c.kind === 'date') {
      p.dates++;
      continue;
    }
    const t = cellText(c);
    const num = c.kind === 'number' ? (c.value as number) : NUMBER_TEXT.test(t) ? Number(t.replace(',', '.')) : NaN;
    if (!Number.isNaN(num)) {
      p.numbers++;
      seen.add(num);
      if (Number.isInteger(num) && num >= 0 && num < 1000) p.smallWhole++;
      if (Number.isInteger(num) && num >= 1900 && num <= 2100) p.years++;
      if (previous !== undefined && num === previous + 1) p.rising++;
      previous = num;
      continue;
    }
    previous = undefined;
    if (c.kind === 'boolean' || YES_NO.test(t)) p.yesNo++;
    if (c.kind !== 'text') continue;
    p.texts++;
    if (/\d/.test(t)) p.withDigit++;
    if (URL.test(t)) p.urls++;
    else if (MONTH.test(t)) p.months++;
    else if (DATE_TEXT.test(t)) p.dates++;
    else if (CODE.test(t)) p.codes++;
  }
  p.distinctNumbers = p.numbers ? seen.size / p.numbers : 0;
  return p;
}

/** Most of a column: more than this share of its values. */
const MOST = 0.6;

/**
 * Values that rule a field out whatever the heading says: counts, web
 * addresses, ids, month names or dates are no event's name or description;
 * numbers that are all different are record ids, not zip codes; a column of
 * bare numbers is no engagement level unless a heading or the partner's key
 * says so (handled by the caller); years are not head counts.
 */
function vetoOf(field: FieldDef, sample: Cell[], p: Profile): string | undefined {
  if (p.n < 3) return undefined;
  const most = (k: number) => k > MOST * p.n;
  switch (field.kind) {
    case 'text': {
      if (most(p.numbers)) return p.smallWhole > MOST * p.n ? 'the values are small whole numbers' : 'the values are numbers';
      if (most(p.urls)) return 'the values are web addresses';
      if (most(p.yesNo)) return 'the values are yes or no';
      if (most(p.months)) return 'the values are month names';
      if (most(p.dates)) return 'the values are dates';
      if (field.role !== 'street' && field.role !== 'city' && most(p.codes)) return 'the values are codes or ids';
      if (field.role === 'city' && most(p.withDigit)) return 'the values hold numbers, not place names';
      if (field.role === 'street' && p.texts >= 5) {
        const texts = sample.filter((c) => c.kind === 'text').map(cellText);
        // A house number before a name ("555 W Sixth St"), not a room number after one ("Meeting Room 102").
        const addressLike = texts.filter((t) => looksLikeAddress(t) || /\b\d+[a-z]?\s+[a-z]{2,}/i.test(t)).length;
        if (addressLike < 0.15 * texts.length) return 'none of the values looks like a street address (names of rooms or branches?)';
      }
      return undefined;
    }
    case 'zip':
      // A log of twenty events or more is not held in twenty different zip codes: such numbers are ids or amounts.
      if (p.numbers >= 20 && p.distinctNumbers > 0.9) return 'the values are nearly all different, like record numbers or amounts';
      return undefined;
    case 'count':
      if (p.numbers >= 3 && p.years > 0.9 * p.numbers) return 'the values are years';
      if (most(p.months) || most(p.dates)) return 'the values are dates or months';
      return undefined;
    default:
      return undefined;
  }
}
