import { isDateFormat } from './numberFormat';
import { clipMerges, EMPTY_CELL, type Cell, type MergeArea, type Sheet } from './workbook';

/** Office.js's Range.valueTypes entries. */
export type OfficeValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' | 'Unknown' | 'Integer';

export interface ValuesSheetInput {
  name: string;
  /** The 2-D array Range.values returns (strings, numbers, booleans; "" for empty). */
  values: unknown[][];
  /** Range.numberFormat, same shape, when known. */
  numberFormats?: unknown[][];
  /** Range.valueTypes, same shape, when known. */
  valueTypes?: unknown[][];
  /** Range.formulas, same shape: strings starting with "=" are formulas. */
  formulas?: unknown[][];
  merges?: MergeArea[];
  /** 0-based position of values[0][0] in the sheet (a used range may start at B3). */
  origin?: { row: number; col: number };
  hidden?: boolean;
}

/**
 * Builds the engine's sheet from 2-D arrays as Office.js returns them (the
 * add-in) or as the add-in posts them to the server. Numbers shown with a
 * date format become date cells holding the serial number.
 */
export function sheetFromValues(input: ValuesSheetInput): Sheet {
  const { row: r0, col: c0 } = input.origin ?? { row: 0, col: 0 };
  const rows: Cell[][] = [];
  const values = Array.isArray(input.values) ? input.values : [];
  for (let r = 0; r < values.length; r++) {
    const src = Array.isArray(values[r]) ? values[r] : [];
    const row: Cell[] = new Array(c0 + src.length).fill(EMPTY_CELL);
    for (let c = 0; c < src.length; c++) {
      const format = stringAt(input.numberFormats, r, c);
      const type = stringAt(input.valueTypes, r, c);
      const formula = stringAt(input.formulas, r, c);
      const cell = toCell(src[c], format, type);
      row[c0 + c] = formula && formula.startsWith('=') && cell.kind !== 'empty' ? { ...cell, formula: formula.slice(1) } : cell;
    }
    rows[r0 + r] = row;
  }
  for (let r = 0; r < r0; r++) rows[r] = [];
  return { name: input.name, rows, merges: clipMerges(input.merges ?? [], rows), hidden: input.hidden };
}

function stringAt(grid: unknown[][] | undefined, r: number, c: number): string | undefined {
  const v = grid?.[r]?.[c];
  return typeof v === 'string' ? v : undefined;
}

function toCell(value: unknown, format: string | undefined, type: string | undefined): Cell {
  if (value === null || value === undefined || value === '') return EMPTY_CELL;
  if (type === 'Error') return { kind: 'error', value: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number' && Number.isFinite(value)) {
    const kind = isDateFormat(format) ? 'date' : 'number';
    return format ? { kind, value, format } : { kind, value };
  }
  if (typeof value === 'string') {
    if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(value) && type !== 'String') {
      return { kind: 'error', value };
    }
    return format ? { kind: 'text', value, format } : { kind: 'text', value };
  }
  return { kind: 'text', value: String(value) };
}
