import type { Cell, Sheet, Workbook } from '../../src/core/workbook';

/** A sheet from a table of plain JS values: strings are text, numbers numbers, null empty, {date: serial} dates. */
export function sheetOf(name: string, rows: (string | number | boolean | null | { date: number } | undefined)[][], merges: Sheet['merges'] = []): Sheet {
  return {
    name,
    merges,
    rows: rows.map((row) => row.map(toCell)),
  };
}

export function toCell(v: string | number | boolean | null | { date: number } | undefined): Cell {
  if (v === null || v === undefined || v === '') return { kind: 'empty', value: null };
  if (typeof v === 'string') return { kind: 'text', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return { kind: 'date', value: v.date, format: 'm/d/yyyy' };
}

export function workbookOf(...sheets: Sheet[]): Workbook {
  return { sheets, date1904: false, source: 'xlsx' };
}
