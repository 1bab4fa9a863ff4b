import { isDateFormat } from '../core/numberFormat';
import type { CellChange, UndoRecord } from '../taskpane/host';
import { a1 } from '../core/workbook';
import { parseCell } from './addresses';
import { jsonBytes, OP_BYTES, packByCost, PayloadBudget, untracked } from './budget';
import { hostError, protectedSheetError, rolledBack } from './errors';
import { payloadSide } from './run';

/**
 * Writing normalised values back ("Fix N values") and undoing it. The cells
 * are grouped into runs of adjacent cells of one column, each run one range
 * read and written as a column of values; runs are packed into syncs by the
 * estimated bytes of the request and of the response, so 50,000 fixes stay
 * under Excel on the web's 5 MB limits in a few syncs. Events stay on so the
 * live re-check sees the fixed rows.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether Excel would turn this text into something else when it is written
 * to a cell that is not formatted as text: numbers ("02134" → 2134), dates,
 * booleans, percentages and formulas.
 */
export function excelWouldConvert(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?$/i.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  return false;
}

/** The value to write so the cell ends up holding exactly this constant. */
function constantFor(value: unknown, format: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (format === '@') return value;
  // A leading apostrophe keeps it text, as when typing it into the cell.
  return excelWouldConvert(value) ? `'${value}` : value;
}

/** Adjacent cells of one column, top to bottom: one range, one column of values. */
export interface Run<T> {
  col: number;
  top: number;
  items: T[];
}

export function runAddress(run: Run<unknown>): string {
  const top = a1(run.top, run.col);
  return run.items.length === 1 ? top : `${top}:${a1(run.top + run.items.length - 1, run.col)}`;
}

/**
 * Groups cells into column runs (a cell named twice: the last wins), each run
 * at most `maxCells` long. Addresses that are not single cells are refused.
 */
export function columnRuns<T extends { address: string }>(cells: T[], maxCells = Number.POSITIVE_INFINITY): Run<T>[] {
  const byCell = new Map<string, { row: number; col: number; item: T }>();
  for (const item of cells) {
    const at = parseCell(item.address);
    if (!at) throw hostError('InvalidArgument', `“${item.address}” is not one cell.`);
    byCell.set(`${at.col}:${at.row}`, { ...at, item });
  }
  const sorted = [...byCell.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run<T>[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === cell.col && last.top + last.items.length === cell.row && last.items.length < maxCells) last.items.push(cell.item);
    else runs.push({ col: cell.col, top: cell.row, items: [cell.item] });
  }
  return runs;
}

/** Splits runs so that none costs more than `limit` on its own. */
function splitRuns<T>(runs: Run<T>[], cost: (item: T) => number, overhead: number, limit: number): Run<T>[] {
  const out: Run<T>[] = [];
  for (const run of runs) {
    let piece: Run<T> = { col: run.col, top: run.top, items: [] };
    let used = overhead;
    run.items.forEach((item, i) => {
      const c = cost(item);
      if (piece.items.length > 0 && used + c > limit) {
        out.push(piece);
        piece = { col: run.col, top: run.top + i, items: [] };
        used = overhead;
      }
      piece.items.push(item);
      used += c;
    });
    out.push(piece);
  }
  return out;
}

/**
 * Syncs the runs in batches within the budget: `queue` queues one run's
 * operations and returns what takes its results after the sync. When Excel
 * refuses a batch as too large, the budget halves (and stays halved) and the
 * batch is queued again in smaller pieces.
 */
async function inBatches<T>(
  context: Excel.RequestContext,
  runs: Run<T>[],
  bytes: { request(item: T): number; response(item: T): number; ops: number },
  budget: PayloadBudget,
  queue: (run: Run<T>) => () => void,
  onFailure?: (error: unknown, done: Run<T>[], failed: Run<T>[]) => Promise<void>,
  first?: () => void,
): Promise<void> {
  // Each item's share of a sync: the larger of its shares of the two budgets (1 is a full sync).
  const share = (item: T): number => Math.max(bytes.request(item) / budget.request, bytes.response(item) / budget.response);
  // Each run costs its operations (getRange, load or writes) in the request, and its wrapper in the response.
  const overhead = (): number => (bytes.ops * OP_BYTES) / budget.request + 64 / budget.response;
  const size = (run: Run<T>): number => overhead() + run.items.reduce((n, item) => n + share(item), 0);
  let pending = splitRuns(runs, share, overhead(), 1);
  const done: Run<T>[] = [];
  while (pending.length > 0) {
    const [batch = [], ...rest] = packByCost(pending, size, 1);
    // The caller's own loads go with the first sync, again with each retry until one succeeds:
    // a refused sync answers none of them.
    if (done.length === 0) first?.();
    const settle = batch.map(queue);
    try {
      await context.sync();
    } catch (error) {
      const side = payloadSide(error);
      const shrunk = side === 'either' ? budget.shrink('request') && budget.shrink('response') : side !== null && budget.shrink(side);
      if (shrunk && (batch.length > 1 || batch.some((run) => run.items.length > 1))) {
        pending = [...splitRuns(batch, share, overhead(), 1), ...rest.flat()];
        continue;
      }
      await onFailure?.(error, done, batch);
      throw error;
    }
    for (const s of settle) s();
    done.push(...batch);
    pending = rest.flat();
  }
}

/** Estimated bytes of a cell's values, number format and formula in a read's response. */
function readCost(value: unknown): number {
  return 3 * (jsonBytes(value) + 8) + 24;
}

export async function writeValuesIn(context: Excel.RequestContext, sheetName: string, changes: CellChange[], budget = new PayloadBudget(), sheetId?: string): Promise<UndoRecord> {
  const ids = sheetId ? { sheetId } : {};
  if (changes.length === 0) return { sheet: sheetName, ...ids, previous: [] };
  const sheet = context.workbook.worksheets.getItem(sheetId ?? sheetName);
  const runs = columnRuns(changes);
  const protection = sheet.protection;

  // 1. What is there now: for the undo, and to keep the partner's own date formats.
  const before = new Map<CellChange, { value: unknown; formula: unknown; format: unknown }>();
  await inBatches(
    context,
    runs,
    { request: () => 0, response: (change) => readCost(change.value), ops: 2 },
    budget,
    (run) => {
      const range = untracked(sheet.getRange(runAddress(run)));
      range.load('values,formulas,numberFormat');
      return () =>
        run.items.forEach((change, i) => {
          before.set(change, { value: range.values[i]?.[0], formula: range.formulas[i]?.[0], format: range.numberFormat[i]?.[0] });
        });
    },
    undefined,
    () => protection.load('protected'),
  );

  // A cell that holds a formula keeps it: its result (a date as text from =TEXT(…), say) is the
  // formula's to change, and writing the fixed value would put a constant in its place.
  const isFormula = (change: CellChange): boolean => {
    const formula = before.get(change)?.formula;
    return typeof formula === 'string' && formula.startsWith('=');
  };
  const writable = changes.filter((change) => !isFormula(change));
  const writeRuns = writable.length === changes.length ? runs : columnRuns(writable);
  const previous: UndoRecord['previous'] = writable.map((change) => {
    const was = before.get(change);
    const cell: UndoRecord['previous'][number] = { address: change.address, value: was?.value };
    if (typeof was?.format === 'string') cell.format = was.format;
    if (typeof was?.formula === 'string' && was.formula.startsWith('=')) cell.formula = was.formula;
    return cell;
  });
  // Read in the same sync as the first values: a protected sheet would refuse the writes halfway.
  if (protection.protected) throw protectedSheetError(sheetName, 'fix');
  const formatOf = new Map(writable.map((change, i) => [change, previous[i]!.format]));

  // 2. Write: a column of values per run, and of number formats when one of them must change.
  const planned = (change: CellChange): { value: unknown; format: string | undefined } => {
    const value = change.value;
    const format = formatOf.get(change);
    // A real date, in whichever date system the workbook uses: Excel reads the ISO text itself.
    // The partner's own date format stays; a cell without one shows the ISO date.
    if (typeof value === 'string' && ISO_DATE.test(value)) return { value, format: isDateFormat(format) ? format : 'yyyy-mm-dd' };
    // Text that Excel would turn into a number (a ZIP code with its leading zero): keep it text.
    if (typeof value === 'string' && excelWouldConvert(value)) return { value, format: '@' };
    return { value, format };
  };
  let rolled = false;
  const fixedOf = new Map<CellChange, unknown>();
  await inBatches(
    context,
    writeRuns,
    { request: (change) => 2 * (jsonBytes(change.value) + 12), response: (change) => jsonBytes(change.value) + 12, ops: 4 },
    budget,
    (run) => {
      const range = untracked(sheet.getRange(runAddress(run)));
      const cells = run.items.map(planned);
      if (cells.some((c, i) => c.format !== formatOf.get(run.items[i]!))) range.numberFormat = cells.map((c) => [c.format ?? 'General']);
      range.values = cells.map((c) => [c.value]) as unknown as string[][];
      // Loaded after the write in the same sync: what the cells hold as Excel took the values.
      // Undo puts back only cells that still hold it.
      range.load('values');
      return () => run.items.forEach((change, i) => fixedOf.set(change, range.values[i]?.[0]));
    },
    async (_error, done, failed) => {
      // Not a transaction: put back what this Fix already changed, so no half-fixed sheet is left.
      const touched = new Set([...done, ...failed].flatMap((run) => run.items.map((c) => c.address.toUpperCase())));
      const back = previous.filter((p) => touched.has(p.address.toUpperCase()));
      try {
        await undoIn(context, { sheet: sheetName, ...ids, previous: back }, budget);
        rolled = true;
      } catch {
        // Excel refuses this sheet altogether: the first error is the one to report.
      }
    },
  ).catch((error: unknown) => {
    throw rolled ? rolledBack(error, 'fix') : error;
  });
  writable.forEach((change, i) => {
    if (fixedOf.has(change)) previous[i]!.fixed = fixedOf.get(change);
  });
  const formulas = changes.length - writable.length;
  return { sheet: sheetName, ...ids, previous, ...(formulas ? { formulas } : {}) };
}

/** The values of these runs' cells, read in batches within the response budget. */
async function readValues<T>(context: Excel.RequestContext, sheet: Excel.Worksheet, runs: Run<T>[], cost: (item: T) => number, budget: PayloadBudget, take: (item: T, value: unknown) => void, first?: () => void): Promise<void> {
  await inBatches(
    context,
    runs,
    { request: () => 0, response: cost, ops: 2 },
    budget,
    (run) => {
      const range = untracked(sheet.getRange(runAddress(run))).load('values');
      return () => run.items.forEach((item, i) => take(item, range.values[i]?.[0]));
    },
    undefined,
    first,
  );
}

/**
 * Puts back the values (or formulas) and number formats that were there
 * before, in the cells that still hold what the Fix wrote: a cell the partner
 * typed into since, or that a sort or an inserted row brought another value
 * to, is left as it is. Returns how many cells were left so.
 */
export async function undoIn(context: Excel.RequestContext, record: UndoRecord, budget = new PayloadBudget()): Promise<number> {
  if (record.previous.length === 0) return 0;
  const sheet = context.workbook.worksheets.getItem(record.sheetId ?? record.sheet);
  const protection = sheet.protection;
  type Cell = UndoRecord['previous'][number];
  let cells: Cell[] = record.previous;
  const checked = record.previous.filter((cell) => cell.fixed !== undefined);
  if (checked.length > 0) {
    const now = new Map<Cell, unknown>();
    await readValues(context, sheet, columnRuns(checked), (cell) => jsonBytes(cell.fixed) + 12, budget, (cell, value) => now.set(cell, value), () => protection.load('protected'));
    cells = record.previous.filter((cell) => cell.fixed === undefined || now.get(cell) === cell.fixed);
  } else {
    protection.load('protected');
    await context.sync();
  }
  if (protection.protected) throw protectedSheetError(record.sheet, 'undo');
  const left = record.previous.length - cells.length;
  if (cells.length === 0) return left;
  const written = (cell: Cell): unknown => {
    if (cell.formula !== undefined) return cell.formula;
    const value = cell.value === null || cell.value === undefined ? '' : cell.value;
    return constantFor(value, cell.format);
  };
  await inBatches(
    context,
    columnRuns(cells),
    { request: (cell) => jsonBytes(written(cell)) + jsonBytes(cell.format ?? '') + 24, response: () => 0, ops: 3 },
    budget,
    (run) => {
      const range = untracked(sheet.getRange(runAddress(run)));
      // Formats first: a text format decides how the value below is taken.
      if (run.items.every((cell) => cell.format !== undefined)) range.numberFormat = run.items.map((cell) => [cell.format!]);
      range.formulas = run.items.map((cell) => [written(cell)]) as unknown as string[][];
      return () => {};
    },
  );
  return left;
}

export async function goToIn(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}
