import { ENGLISH } from '../language';
import { normaliseWords } from '../text';
import { cellText, type Cell } from '../workbook';
import type { Region } from './region';
import { sumsItsColumn } from './rollup';

/** What a row under the header is. Only `record` rows are events. */
export type RowKind = 'record' | 'blank' | 'section' | 'totals' | 'notes' | 'repeated_header' | 'subheader' | 'title' | 'other_table' | 'continuation' | 'example' | 'not_held';

/** Words a month, quarter or season banner is made of ("— January 2023 —", "Quarter 1 (Jan–Mar)", "Q3 & Q4", "FY23 Spring"). */
const PERIOD_WORD = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|q[1-4]|quarters?|qtr|[1-4](st|nd|rd|th)?|winter|spring|summer|fall|autumn|fy\d{0,4}|week|month|\d{4}|'?\d{2}|and|to|through|thru|of|events?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|trimestre)$/i;
const TOTALS = /^\s*(grand\s+|sub-?)?totals?\b|^\s*sum\b|^\s*(year|ytd|annual)\s+totals?\b/i;
const NOTES = /^\s*(\*+|notes?\b|nb\b|prepared\s+by|submitted\s+by|completed\s+by|compiled\s+by|source\b|comments?\s*:|key\s*:|legend\s*:|updated\b|last\s+updated|contact\b|questions?\b|please\b|thank|signature|reviewed\s+by|approved\s+by|data\s+as\s+of|as\s+of\b|end\s+of\b|page\s+\d)/i;

export interface ClassifyContext {
  region: Region;
  /** Columns of the title, date and engagement fields, when mapped. */
  titleCol?: number;
  dateCol?: number;
  engagementCol?: number;
  headerTexts: string[];
  /** Whether a cell's value reads as a date / an engagement level (from the normalisers). */
  isDate(row: number): boolean;
  isEngagement(row: number): boolean;
  /** Whether a row names fields like a header of its own (another table starts there). */
  isHeaderLike?(row: number): boolean;
  /** Whether a row is only short headings (text, no figures): the first row of another table, when a blank row parts it from the events. */
  isHeadingRow?(row: number): boolean;
  /** Columns of fields other than the title: a mark of not held there ("Postponed" for the date) is that field's error to fix. */
  fieldCols?: ReadonlySet<number>;
}

/**
 * Sorts the rows under the header into events and the rest: blank and
 * empty formatted rows, month or quarter banners, totals, notes below the
 * table, and the header repeated for printing.
 */
export function classifyRows(ctx: ClassifyContext): RowKind[] {
  const { region } = ctx;
  const kinds: RowKind[] = [];
  const filled: number[] = [];
  let lastDense = region.headerRow;
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    let n = 0;
    for (const c of region.columns) if (hasContent(region.raw(r, c))) n++;
    filled.push(n);
    if (n >= 2) lastDense = r;
  }
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    kinds.push(kindOf(ctx, r, filled[r - region.firstRow]!, r > lastDense));
  }
  // A header of another kind below the events ("Staff: Name | Role | Phone") ends the table: nothing after it is an event.
  if (ctx.isHeaderLike) {
    let seenRecord = false;
    for (let i = 0; i < kinds.length; i++) {
      const r = region.firstRow + i;
      // An event row has a date or a level; only a row with neither is looked at as a header.
      if (kinds[i] === 'record' && seenRecord && filled[i]! >= 3 && !ctx.isDate(r) && !ctx.isEngagement(r) && ctx.isHeaderLike(r)) {
        for (let j = i; j < kinds.length; j++) if (kinds[j] !== 'blank') kinds[j] = 'other_table';
        break;
      }
      if (kinds[i] === 'record') seenRecord = true;
    }
  }
  // A block of its own below the events, under headings, with no date in it where the events all have one
  // ("Month | Total" after a blank row): another table, never events, whatever its rows look like.
  if (ctx.isHeadingRow && ctx.dateCol !== undefined) markTableBelow(ctx, kinds, filled);
  // Under a totals row, a label and a figure without a date or level ("Events count | 35", "Average | 26") are more of the totals.
  for (let i = 1; i < kinds.length; i++) {
    if (kinds[i] !== 'record' || filled[i]! > 2) continue;
    let j = i - 1;
    while (j >= 0 && kinds[j] === 'blank') j--;
    if (j < 0 || kinds[j] !== 'totals') continue;
    const r = region.firstRow + i;
    if (!ctx.isDate(r) && !ctx.isEngagement(r)) kinds[i] = 'totals';
  }
  // Text alone in a column that is not the title, date or level, right under an event: the event's text wrapped onto
  // the next line (a list pasted from a document), not an event of its own.
  const own = new Set([ctx.titleCol, ctx.dateCol, ctx.engagementCol].filter((c): c is number => c !== undefined));
  if (own.size > 0) {
    for (let i = 1; i < kinds.length; i++) {
      if (kinds[i] !== 'record' || filled[i] !== 1 || (kinds[i - 1] !== 'record' && kinds[i - 1] !== 'continuation')) continue;
      const r = region.firstRow + i;
      const col = region.columns.find((c) => hasContent(region.raw(r, c)));
      if (col !== undefined && !own.has(col) && region.raw(r, col).kind === 'text' && !isPeriodBanner(cellText(region.raw(r, col)))) kinds[i] = 'continuation';
    }
  }
  // A line of text alone just above a repeated header or another table is a title ("Report (continued)", "Staff").
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'record' || filled[i] !== 1) continue;
    let j = i + 1;
    while (j < kinds.length && kinds[j] === 'blank') j++;
    if (kinds[j] === 'repeated_header' || kinds[j] === 'other_table') kinds[i] = 'title';
  }
  // A row right under the header that repeats one label across the columns ("Response", "Response", ...) is a sub-heading;
  // so is a template's row of hints ("Enter the name of the event | MM/DD/YYYY | Choose from list").
  const first = kinds.findIndex((k) => k !== 'blank');
  if (first >= 0 && kinds[first] === 'record' && (isSubheader(ctx, region.firstRow + first, filled[first]!) || isHintRow(ctx, region.firstRow + first))) kinds[first] = 'subheader';
  // A template's example left in ("EXAMPLE: Story Time at Main Library", "e.g. Parent Cafe") shows how, and is no event.
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === 'record' && isExample(ctx, region.firstRow + i)) kinds[i] = 'example';
  // An event marked as not held ("Cancelled", "Postponed", "Story time (cancelled)") is no event: the check says so on its row.
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === 'record' && notHeldMark(region, region.firstRow + i, ctx.titleCol, ctx.fieldCols) !== undefined) kinds[i] = 'not_held';
  return kinds;
}

function markTableBelow(ctx: ClassifyContext, kinds: RowKind[], filled: number[]): void {
  const start = ctx.region.firstRow;
  let records = 0;
  let dated = 0;
  for (let i = 1; i < kinds.length; i++) {
    if (kinds[i - 1] === 'record') {
      records++;
      if (ctx.isDate(start + i - 1)) dated++;
    }
    if (kinds[i - 1] !== 'blank' || (kinds[i] !== 'record' && kinds[i] !== 'totals') || filled[i]! < 2) continue;
    // The events above have their dates: a block without any is not more of them.
    if (records < 3 || dated < 0.8 * records || !ctx.isHeadingRow!(start + i)) continue;
    let j = i + 1;
    let rows = 0;
    let anyDate = false;
    for (; j < kinds.length; j++) {
      if (kinds[j] === 'blank') continue;
      if (ctx.isDate(start + j)) anyDate = true;
      rows++;
    }
    if (rows === 0 || anyDate) continue;
    for (let k = i; k < kinds.length; k++) if (kinds[k] !== 'blank') kinds[k] = 'other_table';
    return;
  }
}

function kindOf(ctx: ClassifyContext, r: number, filled: number, afterTable: boolean): RowKind {
  const { region } = ctx;
  if (filled === 0) {
    // A row whose only content is a value merged down from above is a blank row, not an event.
    return 'blank';
  }
  const texts: string[] = [];
  for (const c of region.columns) {
    const t = cellText(region.raw(r, c));
    if (t) texts.push(t);
  }
  const first = texts[0] ?? '';
  const hasDate = ctx.isDate(r);
  const hasLevel = ctx.isEngagement(r);
  if (!hasLevel && !(hasDate && filled > 3) && (texts.some(isTotalsLabel) || endsAsTotal(first))) return 'totals';
  // The partner's own sum of the rows above or below ("=SUM(E2:E9)"), whatever its label: a site's or a month's subtotal.
  if (region.columns.some((c) => sumsItsColumn(region.raw(r, c), r, c))) return 'totals';
  if (filled <= 2 && (NOTES.test(first) || texts.some(isLabel)) && !hasLevel) return 'notes';
  if (filled === 1) {
    if (isPeriodBanner(first)) return 'section';
    // One text merged across most of the table ("PARKMAN BRANCH - 1766 Oakman Blvd"): a banner over the rows below, not an event.
    if (bannerMerge(region, r)) return 'section';
    if (afterTable) return 'notes';
  }
  // A day of a calendar with nothing on it: its date, and at most its weekday or "Closed".
  if (hasDate && !hasLevel && filled <= 2 && texts.every((t, i) => i === texts.length - 1 || isDateText(t)) && (filled === 1 || EMPTY_DAY.test(texts[texts.length - 1]!))) return 'blank';
  if (afterTable && filled <= 2 && !hasDate && !hasLevel) return 'notes';
  if (ctx.headerTexts.length > 2) {
    let same = 0;
    for (const t of texts) if (headerLengths(ctx).has(t.length) && ctx.headerTexts.includes(t.toLowerCase())) same++;
    if (same >= Math.max(2, ctx.headerTexts.length / 2)) return 'repeated_header';
  }
  return 'record';
}

/** What a calendar writes beside the date of a day without an event: its weekday, or that it was closed. */
const EMPTY_DAY = /^\s*((mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?|wednesday|saturday|lunes|martes|miercoles|miércoles|jueves|viernes|sabado|sábado|domingo|closed|holiday|no (events?|programs?|sessions?|class(es)?|meetings?|groups?))\b[^,;]{0,30}$/i;

function isDateText(text: string): boolean {
  return /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(text) || /^\d{5}(\.\d+)?$/.test(text.trim()) || !Number.isNaN(Date.parse(text));
}

/** A row that is only a period label: every word is a month, quarter, season, year or connector. */
export function isPeriodBanner(text: string): boolean {
  if (text.length > 40) return false;
  const words = text.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.some((w) => !/^(and|to|through|thru|of|events?)$/.test(w)) && words.every((w) => PERIOD_WORD.test(w));
}

/** "Date submitted:", "Prepared by:" — a short label that announces a value, as in a form below a table. */
function isLabel(text: string): boolean {
  return text.length <= 30 && /:\s*$/.test(text);
}

/** Words after a mark of not held that say why ("Canceled - low sign-ups", "Cancelled due to snow"). */
const WHY = /^\s*(?:[-–—:;,(/]|due\b|because\b|for\b|by\b|per\b|weather\b|$)/i;
const BRACKETED_END = /[([]\s*([^()[\]]{3,30})\s*[)\]]\s*$/;
const OPENING = /^\s*\W*\s*([a-z][a-z' ]{1,25}?)\s*(?:[-–—:!]|$)/i;

/**
 * The column of the cell that marks the row's event as not held: a cell of a
 * column that is no field's (a status or notes column) that is only such a
 * mark or opens with one and then says why ("Cancelled", "Canceled - low
 * sign-ups"), or the event's name opening with one ("CANCELLED: Story
 * time") or ending with one in brackets ("Story time (postponed)"). In
 * another field's column ("Postponed" for the date, "Cancelled" for the
 * count) the mark is that field's error, for the partner to fix.
 */
export function notHeldMark(region: Region, r: number, titleCol: number | undefined, fieldCols?: ReadonlySet<number>): number | undefined {
  const marks = ENGLISH.notHeld;
  if (marks.size === 0) return undefined;
  const isMark = (text: string) => marks.has(normaliseWords(text).join(' '));
  const first = firstWordsOf(marks);
  for (const c of region.columns) {
    if (c !== titleCol && fieldCols?.has(c)) continue;
    const cell = region.raw(r, c);
    if (cell.kind !== 'text') continue;
    const t = cellText(cell);
    if (t.length > 60) continue;
    if (c === titleCol) {
      const b = BRACKETED_END.exec(t);
      if (b && isMark(b[1]!)) return c;
    }
    // Most cells open with no mark's first word: they are not read further (this runs on every cell).
    const opening = FIRST_WORD.exec(t);
    if (!opening || !first.has(foldWord(opening[1]!))) continue;
    const words = normaliseWords(t);
    // The mark, then at most why: the longest opening run of words that is a mark.
    for (let k = Math.min(4, words.length); k >= 1; k--) {
      if (!marks.has(words.slice(0, k).join(' '))) continue;
      const rest = t.slice(markEnd(t, k));
      if (c === titleCol ? OPENING.test(t) && isMark(OPENING.exec(t)![1]!) : WHY.test(rest) || rest.trim() === '') return c;
    }
  }
  return undefined;
}

const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}']+)/u;
const firstWordSets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function firstWordsOf(marks: ReadonlySet<string>): ReadonlySet<string> {
  let set = firstWordSets.get(marks);
  if (!set) firstWordSets.set(marks, (set = new Set([...marks].map((m) => m.split(' ')[0]!))));
  return set;
}

/** A word as normaliseWords writes it (plain lower-case letters need nothing more). */
function foldWord(word: string): string {
  const w = word.toLowerCase();
  return /^[a-z0-9]+$/.test(w) ? w : (normaliseWords(w)[0] ?? '');
}

/** Where the first `k` words of `text` end. */
function markEnd(text: string, k: number): number {
  const re = /[\p{L}\p{N}']+/gu;
  let end = 0;
  for (let i = 0; i < k; i++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}

/** What a template writes as an example or a hint: "Example:", "e.g.", "Sample -", "(example)". */
const EXAMPLE = /^\s*(?:[([]\s*(?:examples?|samples?|ejemplo)\s*[)\]]|(?:examples?|samples?|ejemplo)\s*[:\-–—]|(?:e\.\s?g\.?|eg:|ex[.:]|p\.\s?ej\.?)(?=\s|$))/i;

/** A row whose event name (or, without one, its first text) opens as an example. */
function isExample(ctx: ClassifyContext, r: number): boolean {
  const { region } = ctx;
  const col = ctx.titleCol ?? region.columns.find((c) => region.raw(r, c).kind === 'text');
  if (col === undefined) return false;
  const cell = region.raw(r, col);
  return cell.kind === 'text' && EXAMPLE.test(cellText(cell));
}

/** A hint of what to type, as a template gives it under each heading. */
const HINT = /^\s*[([]?\s*(enter|type|choose|select|pick|write|insert|describe|provide|list|add|fill|use|optional|required|e\.\s?g\.?|example|mm\s*\/\s*dd|dd\s*\/\s*mm|yyyy|m\/d\/y|number|numeric|whole number|text|free text|date|drop-?down|from (the )?(list|menu)|y\/n|yes\s*\/\s*no)\b/i;

/** A row of hints: every cell text, most of them hints, and no event's date or level in it. */
function isHintRow(ctx: ClassifyContext, r: number): boolean {
  if (ctx.isDate(r) || ctx.isEngagement(r)) return false;
  let texts = 0;
  let hints = 0;
  for (const c of ctx.region.columns) {
    const cell = ctx.region.raw(r, c);
    if (cell.kind === 'empty') continue;
    if (cell.kind !== 'text') return false;
    texts++;
    if (HINT.test(cellText(cell))) hints++;
  }
  return texts >= 2 && hints * 3 >= texts * 2;
}

function isSubheader(ctx: ClassifyContext, r: number, filled: number): boolean {
  if (filled < 3 || ctx.isDate(r) || ctx.isEngagement(r)) return false;
  const texts = new Set<string>();
  for (const c of ctx.region.columns) {
    const cell = ctx.region.raw(r, c);
    if (cell.kind === 'empty') continue;
    if (cell.kind !== 'text') return false;
    texts.add(cellText(cell).toLowerCase());
  }
  return texts.size <= 2 && texts.size * 2 < filled;
}

const bannerRows = new WeakMap<Region, Set<number>>();

/** How many of the ascending columns are at most `col`. */
function firstAbove(columns: readonly number[], col: number): number {
  let lo = 0;
  let hi = columns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (columns[mid]! <= col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A row whose one value is merged across three columns of the table or more (rows found once per table). */
function bannerMerge(region: Region, r: number): boolean {
  let rows = bannerRows.get(region);
  if (!rows) {
    rows = new Set();
    for (const m of region.sheet.merges) {
      if (m.bottom - m.top > 1 || m.bottom < region.firstRow || m.top > region.lastRow) continue;
      if (firstAbove(region.columns, m.right) - firstAbove(region.columns, m.left - 1) >= 3) for (let row = m.top; row <= m.bottom; row++) rows.add(row);
    }
    bannerRows.set(region, rows);
  }
  return rows.has(r);
}

function hasContent(cell: Cell): boolean {
  const v = cell.value;
  if (typeof v === 'string') return v.length > 0 && (v.charCodeAt(0) > 32 || v.trim() !== '');
  return v !== null && v !== undefined;
}

/** A short label that ends with the word: "January subtotal", "Q1 total", "Totals:". */
const TOTALS_AT_END = /(^|[\s(])(grand\s+|sub-?)?totals?\s*:?\)?\s*$/i;

function isTotalsLabel(t: string): boolean {
  return t.length <= 40 && TOTALS.test(t);
}

/** The row's label names what it totals first ("January subtotal", "Q1 total"); a count ("14 total") is no label. */
function endsAsTotal(t: string): boolean {
  return t.length <= 40 && TOTALS_AT_END.test(t) && t.trim().split(/\s+/).length <= 4 && !/^\s*\d{1,3}\b/.test(t);
}

/** Lengths of the headings, so that only a text of a heading's length is compared with them. */
const lengthSets = new WeakMap<string[], Set<number>>();
function headerLengths(ctx: ClassifyContext): Set<number> {
  let set = lengthSets.get(ctx.headerTexts);
  if (!set) lengthSets.set(ctx.headerTexts, (set = new Set(ctx.headerTexts.map((t) => t.length))));
  return set;
}
