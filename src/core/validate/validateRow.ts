import { splitAddress } from './address';
import { fieldWithRole } from '../collection/roles';
import { periodYear } from '../collection/period';
import type { Collection, EnumOption, FieldDef, Period } from '../collection/types';
import { severityOf, type Problem } from '../issues';
import { issueMessage } from '../messages';
import type { FieldNormaliser } from '../normalise/memo';
import { isValidYmd } from '../normalise/date';
import type { Normalised } from '../normalise/types';
import type { Issue, RecordValue } from '../report';
import { cellText, columnLetter, type Cell } from '../workbook';
import { spreadValue, type Spread } from './combine';

export interface RowContext {
  collection: Collection;
  period: Period;
  /** Mapped fields and their 0-based columns (the first part's, for a field spread over several). */
  fields: { field: FieldDef; col: number; spread?: Spread }[];
  normalise: FieldNormaliser;
  /** Whether to list the fixable cells (the add-in's "Fix N values"); the CLI and server do not need them. */
  fixes: boolean;
  /** Messages already worded in this check, by problem and cell text: repeated values are worded once. */
  messages: Map<Problem | string, Map<string, string>>;
  /** Column of the street field, whose "Virtual"/"Zoom" excuses a missing city and zip. */
  streetCol?: number;
}

export interface CheckedRow {
  values: Record<string, RecordValue>;
  issues: Issue[];
  /** Cells whose clean value differs from what is written: what "Fix N values" writes back. */
  fixes: Fix[];
  outOfPeriod: boolean;
}

/** A value the add-in can write back into the partner's cell. */
export interface Fix {
  row: number;
  column: string;
  field: string;
  from: string;
  to: string | number;
}

const VIRTUAL = /\b(virtual|online|zoom|teams|facebook|instagram|youtube|webinar|remote|phone|telephone|by mail|mailed|mailing)\b/i;

/** Normalises and checks one event row: its clean values, its issues and the fixable cells. */
export function validateRow(row: number, cellOf: (row: number, col: number) => Cell, ctx: RowContext): CheckedRow {
  const values: Record<string, RecordValue> = {};
  const issues: Issue[] = [];
  const fixes: Fix[] = [];
  let outOfPeriod = false;
  const excelRow = row + 1;
  const street = ctx.streetCol !== undefined ? cellText(cellOf(row, ctx.streetCol)) : '';
  const virtual = street.length > 0 && street.length <= 200 && VIRTUAL.test(street);

  for (const entry of ctx.fields) {
    const { field } = entry;
    const cell = entry.spread ? undefined : cellOf(row, entry.col);
    const spread = entry.spread ? spreadValue(field, entry.spread, row, cellOf, ctx.normalise) : undefined;
    const read = spread ? spread.result : ctx.normalise(field, cell!);
    const col = spread ? spread.col : entry.col;
    if (read.kind === 'empty') {
      // A field over several columns says which columns are all empty.
      const why = spread?.empty;
      if (field.requirement === 'required') issues.push(makeIssue({ ...why, code: 'missing_required' }, true, excelRow, col, field, '', ctx));
      else if (field.requirement === 'recommended' && !(virtual && (field.role === 'city' || field.role === 'zip'))) {
        issues.push(makeIssue({ ...why, code: 'missing_recommended' }, true, excelRow, col, field, '', ctx));
      }
      continue;
    }
    const raw = spread ? spread.raw : cellText(cell!);
    const result = withPeriodYear(read, field, ctx.period, raw);
    if (result.kind === 'invalid') {
      issues.push(makeIssue(result.problem, false, excelRow, col, field, raw, ctx));
      continue;
    }
    const value = result.value;
    values[field.id] = value;
    if (result.warning) issues.push(makeIssue(result.warning, false, excelRow, col, field, raw, ctx, value));
    if (field.kind === 'date' && typeof value === 'string' && (value < ctx.period.start || value > ctx.period.end)) {
      outOfPeriod = true;
      const side = value < ctx.period.start ? 'before' : 'after';
      issues.push(makeIssue({ code: 'date_out_of_period', params: { date: raw || value, iso: value, side } }, true, excelRow, col, field, raw, ctx));
    }
    // No fix for a cell read only in part: writing back what was read would drop the words that were not.
    if (ctx.fixes && cell && cell.kind === 'text' && field.kind !== 'text' && result.warning?.code !== 'unknown_audience') {
      const shown = displayValue(field, value, ctx.collection);
      if (shown !== raw) fixes.push({ row: excelRow, column: columnLetter(col), field: field.id, from: raw, to: shown });
    }
  }
  splitWholeAddress(values, ctx);
  return { values, issues, fixes, outOfPeriod };
}

/**
 * A whole address in the street column of a table with no city or zip
 * column ("8300 Van Dyke Ave, Detroit, MI 48213"): the street keeps the part
 * before the city, and the city and zip the table lacks are read from its end.
 */
function splitWholeAddress(values: Record<string, RecordValue>, ctx: RowContext): void {
  const street = fieldWithRole(ctx.collection, 'street');
  const city = fieldWithRole(ctx.collection, 'city');
  const zip = fieldWithRole(ctx.collection, 'zip');
  if (!street || !city || !zip) return;
  const text = values[street.id];
  const mapped = (f: FieldDef) => ctx.fields.some((e) => e.field.id === f.id);
  if (typeof text !== 'string' || (mapped(city) && mapped(zip))) return;
  const parts = splitAddress(text, ctx.collection.places);
  if (!parts) return;
  let used = false;
  if (parts.city && !mapped(city)) {
    const r = ctx.normalise(city, { kind: 'text', value: parts.city });
    if (r.kind === 'ok' && !r.warning) {
      values[city.id] = r.value;
      used = true;
    }
  }
  if (parts.zip && !mapped(zip)) {
    const r = ctx.normalise(zip, { kind: 'text', value: parts.zip });
    if (r.kind === 'ok') {
      values[zip.id] = r.value;
      used = true;
    }
  }
  // The street loses its end only where that end went to a field; a city beside a mapped city column stays in it.
  if (used && parts.street && (!parts.city || !mapped(city)) && (!parts.zip || !mapped(zip))) values[street.id] = parts.street;
}

/** A value read from a cell that is not empty. */
type Read = Exclude<Normalised<RecordValue>, { kind: 'empty' }>;

/**
 * "Sun 1/15", "3/6": a day without a year, in a reporting period of one calendar year, is taken to be in that
 * year, with the warning date_without_year saying so (and the fix writing the year). An impossible day stays invalid.
 */
function withPeriodYear(result: Read, field: FieldDef, period: Period, raw: string): Read {
  if (result.kind !== 'invalid' || field.kind !== 'date' || result.problem.reason !== 'no_year') return result;
  const month = result.problem.params?.month;
  const day = result.problem.params?.day;
  const year = periodYear(period);
  if (typeof month !== 'number' || typeof day !== 'number' || year === undefined) return result;
  if (!isValidYmd(year, month, day)) return { kind: 'invalid', problem: { code: 'invalid_date', reason: 'impossible' } };
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { kind: 'ok', value: iso, warning: { code: 'date_without_year', params: { date: raw, iso } } };
}

function makeIssue(problem: Problem, local: boolean, row: number, col: number, field: FieldDef, raw: string, ctx: RowContext, normalised?: RecordValue): Issue {
  // Problems from the normalisers are shared by all cells of the same text; those made here are keyed by field and code.
  const key: Problem | string = local ? `${field.id}\u0000${problem.code}\u0000${problem.reason ?? ''}\u0000${problem.params ? JSON.stringify(problem.params) : ''}` : problem;
  let byText = ctx.messages.get(key);
  if (!byText) ctx.messages.set(key, (byText = new Map()));
  let message = byText.get(raw);
  if (message === undefined) {
    message = issueMessage(problem, { value: raw, fieldLabel: field.label, period: ctx.period });
    byText.set(raw, message);
  }
  const issue: Issue = {
    row, column: columnLetter(col), field: field.id, severity: severityOf(problem.code), code: problem.code, message,
  };
  if (raw) issue.value = raw;
  if (normalised !== undefined) issue.normalised = normalised;
  return issue;
}

/** How a clean value is written back into a cell: labels for enumerations, ISO dates, plain numbers. */
export function displayValue(field: FieldDef, value: RecordValue, collection: Collection): string | number {
  const options = field.enumeration ? collection.enumerations[field.enumeration] : undefined;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((id) => labelOf(options, id)).join(', ');
  return options ? labelOf(options, value) : value;
}

function labelOf(options: EnumOption[] | undefined, id: string): string {
  return options?.find((o) => o.id === id)?.label ?? id;
}
