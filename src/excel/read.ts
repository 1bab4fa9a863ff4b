import { sheetFromValues } from '../core/fromValues';
import type { MergeArea, Sheet, Workbook } from '../core/workbook';
import { parseAreaList } from './addresses';
import { jsonBytes, PayloadBudget, untracked } from './budget';
import { isCellEditModeError, payloadSide } from './run';

/**
 * Reading the workbook into the engine's shape. Excel on the web caps a
 * request's response at about 5 MB, so big sheets are read in blocks of rows,
 * several blocks per sync while their estimated bytes fit the response budget
 * (and a cell cap). Nothing tells a cell's size before it is read: the first
 * sync reads a small sample, and every sync after is sized by the bytes per
 * cell measured so far (the largest seen, with a margin), so three columns of
 * 500-character texts are read in blocks a twentieth the size of short event
 * data. If Excel still refuses the response (also when it says
 * GeneralException, as Excel on the web has for oversized payloads), the
 * budget halves for the session and the sync is read again in smaller blocks.
 */

/** Cells (× values, formats, types, formulas) per sync at most, whatever their size. */
export const DEFAULT_CELL_BUDGET = 20000;

/** Cells in the first sync, before any has been measured: 2 MB even at 1,000 bytes a cell. */
const SAMPLE_CELLS = 2000;

/** Bytes per cell assumed before the sample (short event data is about 40 for the four arrays). */
const FIRST_CELL_BYTES = 60;

/** Margin over the largest bytes per cell measured. */
const CELL_BYTES_MARGIN = 1.25;

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
  /** The session's payload budget (halved, for the session, after a refusal). */
  budget?: PayloadBudget;
  /** ExcelApi 1.9: Range.getSpecialCellsOrNullObject, to load formulas only where there are any. */
  formulaCells?: boolean;
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
  // Where the formulas are: Range.formulas repeats every constant, doubling a plain sheet's response.
  const formulaAreas = options.formulaCells
    ? sheets.map((ws) => untracked(untracked(ws.getUsedRangeOrNullObject(true)).getSpecialCellsOrNullObject('Formulas')).load('address,areaCount'))
    : null;
  await context.sync();
  // Per sheet: the formula areas, or null when unknown (no ExcelApi 1.9, or Excel cut the address at 8,192 characters).
  const formulaRects = sheets.map((_, i) => {
    const areas = formulaAreas?.[i];
    if (!areas) return null;
    if (areas.isNullObject) return [];
    const rects = parseAreaList(areas.address);
    return rects.length < areas.areaCount ? null : rects;
  });

  const layouts: SheetLayout[] = sheets.map((ws, i) => {
    const range = used[i]!;
    return range.isNullObject
      ? { name: ws.name, id: ws.id, top: 0, left: 0, rowCount: 0, columnCount: 0 }
      : { name: ws.name, id: ws.id, top: range.rowIndex, left: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  });

  const mergesMissing: string[] = [];
  const merges = options.merges ? await readMerges(context, sheets, layouts, mergesMissing) : layouts.map(() => []);

  // Blocks of whole rows, packed into syncs by estimated bytes; the estimate learns from each sync.
  const payload = options.budget ?? new PayloadBudget();
  const read: { block: Block; data: BlockData }[] = [];
  // The session's earlier reads of this workbook know better than a guess.
  let cellBytes = Math.max(FIRST_CELL_BYTES, payload.cellBytes);
  let cellCap = Math.min(budget, SAMPLE_CELLS);
  let cursor = { sheet: 0, offset: 0 };
  const skipEmpty = (): void => {
    while (cursor.sheet < layouts.length && (cursor.offset >= layouts[cursor.sheet]!.rowCount || layouts[cursor.sheet]!.columnCount === 0)) cursor = { sheet: cursor.sheet + 1, offset: 0 };
  };
  skipEmpty();
  while (cursor.sheet < layouts.length) {
    const start = cursor;
    const batch: Block[] = [];
    let bytes = 0;
    let cells = 0;
    while (cursor.sheet < layouts.length) {
      const layout = layouts[cursor.sheet]!;
      const cols = layout.columnCount;
      const fit = Math.min(Math.floor((payload.response - bytes) / (cols * cellBytes)), Math.floor((cellCap - cells) / cols));
      const rows = Math.min(layout.rowCount - cursor.offset, batch.length === 0 ? Math.max(1, fit) : fit);
      if (rows < 1) break;
      batch.push({ sheet: cursor.sheet, offset: cursor.offset, rows });
      bytes += rows * cols * cellBytes;
      cells += rows * cols;
      cursor = { sheet: cursor.sheet, offset: cursor.offset + rows };
      skipEmpty();
    }
    const withFormulas = batch.map((block) => {
      const rects = formulaRects[block.sheet];
      const top = layouts[block.sheet]!.top + block.offset;
      return rects === null || rects.some((r) => r.top <= top + block.rows - 1 && r.bottom >= top);
    });
    const ranges = batch.map((block, i) => {
      const layout = layouts[block.sheet]!;
      const range = untracked(sheets[block.sheet]!.getRangeByIndexes(layout.top + block.offset, layout.left, block.rows, layout.columnCount));
      range.load(withFormulas[i] ? 'values,numberFormat,valueTypes,formulas' : 'values,numberFormat,valueTypes');
      return range;
    });
    try {
      await context.sync();
    } catch (error) {
      const side = payloadSide(error);
      const single = batch.length === 1 && batch[0]!.rows === 1;
      if (!side || single) throw error;
      // Too large after all: the budget halves for the session (at least to half of what was
      // refused), the estimate doubles, and the same rows are read again.
      const shrunk = side === 'either' ? 'response' : side;
      while (payload.shrink(shrunk) && payload[shrunk] > bytes / 2);
      cellBytes *= 2;
      payload.cellBytes = Math.max(payload.cellBytes, cellBytes);
      cellCap = Math.max(1, Math.floor(cells / 2));
      cursor = start;
      continue;
    }
    batch.forEach((block, i) => {
      const range = ranges[i]!;
      const data = { values: range.values, numberFormat: range.numberFormat, valueTypes: range.valueTypes, formulas: withFormulas[i] ? range.formulas : Array.from({ length: block.rows }, (): unknown[] => []) };
      read.push({ block, data });
      const measured = (jsonBytes(data.values) + jsonBytes(data.numberFormat) + jsonBytes(data.valueTypes) + jsonBytes(data.formulas)) / (block.rows * layouts[block.sheet]!.columnCount);
      cellBytes = Math.max(cellBytes, measured * CELL_BYTES_MARGIN);
    });
    cellCap = budget;
    payload.cellBytes = Math.max(payload.cellBytes, cellBytes);
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

function toMergeAreas(address: string): MergeArea[] {
  return parseAreaList(address).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}
