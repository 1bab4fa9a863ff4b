import type { Collection, FieldDef, Period } from '../collection/types';
import { severityOf, type Problem } from '../issues';
import { issueMessage } from '../messages';
import { normaliseField } from '../normalise';
import type { Issue, RecordValue } from '../report';
import { cellText, columnLetter, type Cell } from '../workbook';

export interface RowContext {
  collection: Collection;
  period: Period;
  date1904: boolean;
  /** Mapped fields and their 0-based columns. */
  fields: { field: FieldDef; col: number }[];
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
export function validateRow(row: number, cellOf: (col: number) => Cell, ctx: RowContext): CheckedRow {
  const values: Record<string, RecordValue> = {};
  const issues: Issue[] = [];
  const fixes: Fix[] = [];
  let outOfPeriod = false;
  const excelRow = row + 1;
  let virtual = false;
  const streetField = ctx.fields.find((f) => f.field.id === 'street');
  if (streetField) virtual = VIRTUAL.test(cellText(cellOf(streetField.col)));

  for (const { field, col } of ctx.fields) {
    const cell = cellOf(col);
    const raw = cellText(cell);
    const column = columnLetter(col);
    const issue = (problem: Problem, normalised?: RecordValue): void => {
      const entry: Issue = {
        row: excelRow, column, field: field.id, severity: severityOf(problem.code), code: problem.code,
        message: issueMessage(problem, { value: raw, fieldLabel: field.label, period: ctx.period }),
      };
      if (raw) entry.value = raw;
      if (normalised !== undefined) entry.normalised = normalised;
      issues.push(entry);
    };
    const result = normaliseField(field, cell, { collection: ctx.collection, date1904: ctx.date1904 });
    if (result.kind === 'empty') {
      if (field.requirement === 'required') issue({ code: 'missing_required' });
      else if (field.requirement === 'recommended' && !(virtual && (field.id === 'city' || field.id === 'zip'))) issue({ code: 'missing_recommended' });
      continue;
    }
    if (result.kind === 'invalid') {
      issue(result.problem);
      continue;
    }
    values[field.id] = result.value;
    if (result.warning) issue(result.warning, result.value);
    if (field.kind === 'date' && typeof result.value === 'string') {
      if (result.value < ctx.period.start || result.value > ctx.period.end) {
        outOfPeriod = true;
        issue({ code: 'date_out_of_period', params: { date: raw || result.value, side: result.value < ctx.period.start ? 'before' : 'after' } });
      }
    }
    const shown = displayValue(field, result.value, ctx.collection);
    if (cell.kind === 'text' && shown !== raw && field.kind !== 'text') fixes.push({ row: excelRow, column, field: field.id, from: raw, to: shown });
  }
  return { values, issues, fixes, outOfPeriod };
}

/** How a clean value is written back into a cell: labels for enumerations, ISO dates, plain numbers. */
export function displayValue(field: FieldDef, value: RecordValue, collection: Collection): string | number {
  const options = field.enumeration ? collection.enumerations[field.enumeration] : undefined;
  const label = (id: string): string => options?.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'number') return value;
  return options ? label(value) : value;
}
