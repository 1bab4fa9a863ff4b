import { sheetFromValues } from '../core/fromValues';
import type { MergeArea, Sheet, Workbook } from '../core/workbook';
import { parseAreaList } from './addresses';
import { untracked } from './budget';
import { isCellEditModeError, isPayloadTooLarge } from './run';

/**
 * Reading the workbook into the engine's shape. Excel on the web caps a
 * request's response at about 5 MB, so big sheets are read in blocks of rows,
 * several blocks per sync while they fit a cell budget; if Excel still says
 * the response is too large, the blocks of that sync are halved and re-read.
 */

/** Cells (× values, formats, types, formulas) per sync: ~2 MB of typical event data. */
export const DEFAULT_CELL_BUDGET = 20000;

/** Where each sheet's used range sits, kept for later actions (onEdit, row issues). */
export interface SheetLayout {
  name: string;
  /** The worksheet's id: it stays when the partner renames the sheet. */
  id: string;
  /** 0-based first row and column of the used range. */
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadOptions {
  cellBudget?: number;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  merges?: boolean;
}

interface Block {
  sheet: number;
  /** 0-based row offset within the used range. */
  offset: number;
  rows: number;
}

interface BlockData {
  values: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
  formulas: unknown[][];
}

export interface ReadResult {
  workbook: Workbook;
  layouts: SheetLayout[];
  /** Sheets read without (some of) their merged cells: Excel would not list them (over 512 areas per block). */
  mergesMissing: string[];
}

export async function readWorkbookIn(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadResult> {
  const budget = Math.max(1, options.cellBudget ?? DEFAULT_CELL_BUDGET);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility');
  await context.sync();

  const sheets = worksheets.items;
  const used = sheets.map((ws) => {
    const range = untracked(ws.getUsedRangeOrNullObject(true));
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();

  const layouts: SheetLayout[] = sheets.map((ws, i) => {
    const range = used[i]!;
    return range.isNullObject
      ? { name: ws.name, id: ws.id, top: 0, left: 0, rowCount: 0, columnCount: 0 }
      : { name: ws.name, id: ws.id, top: range.rowIndex, left: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  });

  // Blocks of whole rows, each within the budget, packed into syncs.
  const blocks: Block[] = [];
  layouts.forEach((layout, sheet) => {
    if (layout.rowCount === 0 || layout.columnCount === 0) return;
    const rowsPerBlock = Math.max(1, Math.floor(budget / layout.columnCount));
    for (let offset = 0; offset < layout.rowCount; offset += rowsPerBlock) {
      blocks.push({ sheet, offset, rows: Math.min(rowsPerBlock, layout.rowCount - offset) });
    }
  });

  const mergesMissing: string[] = [];
  const merges = options.merges ? await readMerges(context, sheets, layouts, mergesMissing) : layouts.map(() => []);

  const read: { block: Block; data: BlockData }[] = [];
  const queue = packBlocks(blocks, layouts, budget);
  while (queue.length > 0) {
    const batch = queue.shift()!;
    const ranges = batch.map((block) => {
      const layout = layouts[block.sheet]!;
      const range = untracked(sheets[block.sheet]!.getRangeByIndexes(layout.top + block.offset, layout.left, block.rows, layout.columnCount));
      range.load('values,numberFormat,valueTypes,formulas');
      return range;
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || batch.every((b) => b.rows === 1) && batch.length === 1) throw error;
      // Too large for one response: read each block again in halves, one per sync.
      queue.unshift(...batch.flatMap(halve).map((b) => [b]));
      continue;
    }
    batch.forEach((block, i) => {
      const range = ranges[i]!;
      read.push({ block, data: { values: range.values, numberFormat: range.numberFormat, valueTypes: range.valueTypes, formulas: range.formulas } });
    });
  }

  const out: Sheet[] = layouts.map((layout, i) => {
    const own = read.filter((r) => r.block.sheet === i).sort((a, b) => a.block.offset - b.block.offset);
    const grid: BlockData = { values: [], numberFormat: [], valueTypes: [], formulas: [] };
    for (const { data: d } of own) {
      grid.values.push(...d.values);
      grid.numberFormat.push(...d.numberFormat);
      grid.valueTypes.push(...d.valueTypes);
      grid.formulas.push(...d.formulas);
    }
    return sheetFromValues({
      name: layout.name,
      values: grid.values,
      numberFormats: grid.numberFormat,
      valueTypes: grid.valueTypes,
      formulas: grid.formulas,
      merges: merges[i]!,
      origin: { row: layout.top, col: layout.left },
      hidden: sheets[i]!.visibility !== 'Visible',
    });
  });
  return { workbook: { sheets: out, date1904: false, source: 'office' }, layouts, mergesMissing };
}

/** Splits in halves of a sheet's rows we try before reading it without merges: 2, 4 … 1,024 blocks. */
const MERGE_SPLIT_LEVELS = 10;

/**
 * Merged areas first, in a sync of their own: the address lists are small.
 * getMergedAreasOrNullObject fails on a range with more than 512 merged
 * areas; then that sheet is asked again in 2, 4, 8… row blocks, one sync per
 * try, and when even small blocks fail it is read without merges (named in
 * `missing`) rather than not at all. A merge across two blocks is reported by
 * neither (Excel lists the areas inside the range).
 */
async function readMerges(context: Excel.RequestContext, sheets: Excel.Worksheet[], layouts: SheetLayout[], missing: string[]): Promise<MergeArea[][]> {
  const ask = (i: number, parts: number): Excel.RangeAreas[] => {
    const layout = layouts[i]!;
    const rows = Math.ceil(layout.rowCount / parts);
    const out: Excel.RangeAreas[] = [];
    for (let offset = 0; offset < layout.rowCount; offset += rows) {
      const areas = untracked(untracked(sheets[i]!.getRangeByIndexes(layout.top + offset, layout.left, Math.min(rows, layout.rowCount - offset), layout.columnCount)).getMergedAreasOrNullObject());
      out.push(areas.load('address,areaCount'));
    }
    return out;
  };
  // Excel cuts the address it returns at 8,192 characters: fewer areas than areaCount is a refusal too.
  const collect = (list: Excel.RangeAreas[]): MergeArea[] =>
    list.flatMap((areas) => {
      if (areas.isNullObject) return [];
      const found = toMergeAreas(areas.address);
      if (found.length < areas.areaCount) throw new Error('merged areas cut short');
      return found;
    });
  const wanted = layouts.map((layout, i) => i).filter((i) => layouts[i]!.rowCount > 0);
  const out: MergeArea[][] = layouts.map(() => []);
  if (wanted.length === 0) return out;
  const first = wanted.map((i) => ask(i, 1));
  try {
    await context.sync();
    const all = wanted.map((i, k) => collect(first[k]!));
    wanted.forEach((i, k) => (out[i] = all[k]!));
    return out;
  } catch (error) {
    if (isCellEditModeError(error)) throw error;
  }
  // One sheet (or more) has too many: each on its own, in smaller and smaller blocks. A sheet
  // read alone was the one refused: its whole range is not asked again.
  for (const i of wanted) {
    const layout = layouts[i]!;
    let done = false;
    for (let level = wanted.length === 1 ? 1 : 0; level <= MERGE_SPLIT_LEVELS && !done; level++) {
      const parts = Math.min(2 ** level, layout.rowCount);
      const list = ask(i, parts);
      try {
        await context.sync();
        // A merge across two blocks may be listed by both: once is enough.
        out[i] = [...new Map(collect(list).map((m) => [`${m.top}:${m.left}:${m.bottom}:${m.right}`, m])).values()];
        done = true;
      } catch (error) {
        if (isCellEditModeError(error)) throw error;
        if (parts === layout.rowCount) break;
      }
    }
    if (!done) missing.push(layout.name);
  }
  return out;
}

function packBlocks(blocks: Block[], layouts: SheetLayout[], budget: number): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const block of blocks) {
    const n = block.rows * layouts[block.sheet]!.columnCount;
    if (current.length > 0 && cells + n > budget) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(block);
    cells += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A block split in two halves of rows (a one-row block stays as it is). */
function halve(block: Block): Block[] {
  if (block.rows <= 1) return [block];
  const a = Math.ceil(block.rows / 2);
  return [
    { sheet: block.sheet, offset: block.offset, rows: a },
    { sheet: block.sheet, offset: block.offset + a, rows: block.rows - a },
  ];
}

function toMergeAreas(address: string): MergeArea[] {
  return parseAreaList(address).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}
