import type { FieldDef } from '../collection/types';
import type { Problem } from '../issues';
import { columnLetter } from '../workbook';
import type { FieldNormaliser } from '../normalise/memo';
import { EMPTY, invalid, ok, type Normalised } from '../normalise/types';
import type { RecordValue } from '../report';
import { ENGLISH } from '../language';
import { cellText, type Cell } from '../workbook';

/** Column E (“Providers”), for messages. */
function named(spread: Spread, col: number): string {
  const h = spread.headers?.[col];
  return h ? `${columnLetter(col)} “${h}”` : columnLetter(col);
}

/** A field spread over several columns: counts to add up, or one tick column per option. */
export type Spread =
  | { combine: 'sum'; cols: number[]; headers?: Record<number, string> }
  | { combine: 'part'; parts: { col: number; part: DatePart }[]; year?: number; headers?: Record<number, string> }
  | { combine: 'mark'; marks: { col: number; option: string }[]; headers?: Record<number, string> };

export type DatePart = 'month' | 'day' | 'year';

/** What a cell says as one part of a date: a month 1–12 (from its name too), a day 1–31, a year. */
export function datePartOf(cell: Cell, part: DatePart): number | undefined {
  const t = cellText(cell).trim().toLowerCase().replace(/\.$/, '');
  if (!t) return undefined;
  if (part === 'month' && ENGLISH.months.has(t)) return ENGLISH.months.get(t);
  const m = /^(\d{1,4})(st|nd|rd|th)?$/.exec(t);
  if (!m) return undefined;
  const v = Number(m[1]);
  if (part === 'month') return v >= 1 && v <= 12 ? v : undefined;
  if (part === 'day') return v >= 1 && v <= 31 ? v : undefined;
  return v >= 1990 && v <= 2100 ? v : undefined;
}

/** The value of a spread field and the column an issue about it belongs to. */
export interface SpreadValue {
  result: Normalised<RecordValue>;
  /** The column the issue points at, and the text it quotes. */
  col: number;
  raw: string;
  /** Why an empty value is empty, when the field is spread: which columns hold nothing. */
  empty?: Problem;
}

const MARK_ON = /^(x|✓|✔|☑|☒|yes|y|true|1|si|sí|oui)$/i;

/** Whether a cell ticks its column's option: x, ✓, yes, TRUE, 1 (not empty, no, FALSE or 0). */
export function isMarked(cell: Cell): boolean {
  if (cell.kind === 'boolean') return cell.value === true;
  if (cell.kind === 'number') return cell.value === 1;
  return cell.kind === 'text' && MARK_ON.test(cellText(cell));
}

/**
 * Reads a spread field on one row. Sums: every part is read as a count; an
 * empty part adds nothing, an invalid one is that part's issue; all empty is
 * an empty field. Marks: the ticked options; for a one-value field exactly one
 * tick (none is empty, several is invalid).
 */
export function spreadValue(field: FieldDef, spread: Spread, row: number, cellOf: (row: number, col: number) => Cell, normalise: FieldNormaliser): SpreadValue {
  if (spread.combine === 'sum') {
    let total = 0;
    let any = false;
    let warning: SpreadValue | undefined;
    for (const col of spread.cols) {
      const cell = cellOf(row, col);
      const r = normalise(field, cell);
      if (r.kind === 'empty') continue;
      if (r.kind === 'invalid') return { result: r, col, raw: cellText(cell) };
      if (typeof r.value !== 'number') continue;
      any = true;
      total += r.value;
      if (r.warning && !warning) warning = { result: r, col, raw: cellText(cell) };
    }
    const first = spread.cols[0] ?? 0;
    if (!any) return { result: EMPTY, col: first, raw: '', empty: { code: 'missing_required', reason: 'no_part', params: { columns: spread.cols.map((c) => named(spread, c)).join(', ') } } };
    const result = warning && warning.result.kind === 'ok' && warning.result.warning
      ? ok<RecordValue>(total, { ...warning.result.warning, params: { ...warning.result.warning.params, number: total } })
      : ok<RecordValue>(total);
    return { result, col: warning?.col ?? first, raw: warning?.raw ?? String(total) };
  }
  if (spread.combine === 'part') return datePartsValue(field, spread, row, cellOf, normalise);
  const all = spread.marks.filter((m) => isMarked(cellOf(row, m.col)));
  // A column whose option the person has not chosen yet (its heading named none): its tick is not counted, and said so.
  const unclear = all.filter((m) => !m.option);
  const ticked = all.filter((m) => m.option);
  const first = ticked[0] ?? spread.marks[0];
  const col = first?.col ?? 0;
  if (ticked.length === 0) {
    const u = unclear[0];
    if (u) {
      // The same problem its heading has when read as a value ("Providers" names no single audience).
      const header = spread.headers?.[u.col] ?? '';
      const own = normalise(field, { kind: 'text', value: header });
      const code = own.kind === 'invalid' ? own.problem.code : 'invalid_audience';
      return { result: invalid({ code, reason: 'unclear_mark', params: { column: named(spread, u.col), part: header } }), col: u.col, raw: cellText(cellOf(row, u.col)) };
    }
    return { result: EMPTY, col, raw: '', empty: { code: 'missing_required', reason: 'no_mark', params: { columns: spread.marks.map((m) => named(spread, m.col)).join(', ') } } };
  }
  const options = [...new Set(ticked.map((m) => m.option))];
  if (field.kind === 'enum_list') {
    const result = unclear.length > 0 && field.role === 'audience'
      ? ok<RecordValue>(options, { code: 'unknown_audience', reason: 'unclear_mark', params: { column: named(spread, unclear[0]!.col), unknown: spread.headers?.[unclear[0]!.col] ?? '' } })
      : ok<RecordValue>(options);
    return { result, col: unclear[0]?.col ?? col, raw: cellText(cellOf(row, unclear[0]?.col ?? col)) };
  }
  if (options.length > 1) {
    return { result: invalid({ code: 'invalid_engagement', reason: 'several' }), col, raw: `${options.length} columns ticked` };
  }
  return { result: ok<RecordValue>(options[0]!), col, raw: cellText(cellOf(row, col)) };
}

/**
 * A date from its parts: the month and day columns, and the year column or the
 * period's year. It is read as the text "month/day/year" would be, so that an
 * impossible day ("April 31") gets the same message as in one date cell.
 */
function datePartsValue(field: FieldDef, spread: Extract<Spread, { combine: 'part' }>, row: number, cellOf: (row: number, col: number) => Cell, normalise: FieldNormaliser): SpreadValue {
  const cell = (p: DatePart) => {
    const at = spread.parts.find((x) => x.part === p);
    return at ? { col: at.col, cell: cellOf(row, at.col) } : undefined;
  };
  const month = cell('month');
  const day = cell('day');
  const year = cell('year');
  const first = month?.col ?? spread.parts[0]?.col ?? 0;
  const shown = [month, day, year].filter((x) => x && x.cell.kind !== 'empty').map((x) => cellText(x!.cell).trim()).join(' ');
  if (!shown) return { result: EMPTY, col: first, raw: '', empty: { code: 'missing_required', reason: 'no_part', params: { columns: spread.parts.map((p) => named(spread, p.col)).join(', ') } } };
  const m = month ? datePartOf(month.cell, 'month') : undefined;
  const d = day ? datePartOf(day.cell, 'day') : undefined;
  const y = year && year.cell.kind !== 'empty' ? datePartOf(year.cell, 'year') : spread.year;
  if (m === undefined || d === undefined || y === undefined) {
    const bad = m === undefined ? month : d === undefined ? day : year;
    return { result: invalid({ code: 'invalid_date', reason: 'parts', params: { columns: spread.parts.map((p) => named(spread, p.col)).join(', ') } }), col: bad?.col ?? first, raw: shown };
  }
  const result = normalise(field, { kind: 'text', value: `${m}/${d}/${y}` });
  return { result, col: day!.col, raw: shown };
}
