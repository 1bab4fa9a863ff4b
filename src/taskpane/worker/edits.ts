import { EMPTY_CELL, type Cell, type Sheet } from '../../core/workbook';

/**
 * Cells written into a sheet (the browser mode's Fix, Tidy, Undo and typed
 * edits), in the order written, as parallel arrays of plain values. The page
 * writes them into its copy and the check worker into its own, so a sheet
 * of 50,000 rows is not copied to the worker again for one column changed;
 * arrays of numbers and strings copy far faster than an object per cell.
 */
export interface Edits {
  /** 0-based. */
  rows: number[];
  cols: number[];
  kinds: Cell['kind'][];
  values: Cell['value'][];
  /** null: the cell has none. */
  formats: (string | null)[];
  formulas: (string | null)[];
}

export function emptyEdits(): Edits {
  return { rows: [], cols: [], kinds: [], values: [], formats: [], formulas: [] };
}

export function pushEdit(edits: Edits, row: number, col: number, cell: Cell): void {
  edits.rows.push(row);
  edits.cols.push(col);
  edits.kinds.push(cell.kind);
  edits.values.push(cell.value);
  edits.formats.push(cell.format ?? null);
  edits.formulas.push(cell.formula ?? null);
}

function editCell(edits: Edits, i: number): Cell {
  const kind = edits.kinds[i]!;
  const format = edits.formats[i];
  const formula = edits.formulas[i];
  if (kind === 'empty' && format === null && formula === null) return EMPTY_CELL;
  return { kind, value: edits.values[i] ?? null, ...(format !== null && format !== undefined ? { format } : {}), ...(formula !== null && formula !== undefined ? { formula } : {}) };
}

/**
 * Writes into a sheet's rows, copying each row it changes once (the sheet
 * given is left as it was): `rows` is the copy of `sheet.rows` to write into,
 * `copied` the rows already copied. Returns the cell that was there.
 */
export function writeCell(rows: Cell[][], copied: Set<number>, row: number, col: number, cell: Cell): Cell {
  let cells = rows[row];
  if (!copied.has(row)) {
    cells = (cells ?? []).slice();
    rows[row] = cells;
    copied.add(row);
  }
  const target = cells!;
  const old = target[col] ?? EMPTY_CELL;
  for (let c = target.length; c < col; c++) target[c] = EMPTY_CELL;
  target[col] = cell;
  return old;
}

/** The sheet with the edits written, as the page wrote them into its copy. */
export function applyEdits(sheet: Sheet, edits: Edits): Sheet {
  const rows = sheet.rows.slice();
  const copied = new Set<number>();
  for (let i = 0; i < edits.rows.length; i++) writeCell(rows, copied, edits.rows[i]!, edits.cols[i]!, editCell(edits, i));
  return { ...sheet, rows };
}
