import { untracked } from './budget';
import { cellsOf, cellsToRects, chunkAddresses, parseCell, rectAddress, rectCells, type Rect } from './addresses';

/**
 * A cell's own fill, as Range.getCellProperties reports it (ExcelApi 1.9).
 * `pattern: 'None'` is no fill at all: restoring it clears the fill rather
 * than painting the cell white.
 */
export interface Fill {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export const NO_FILL: Fill = Object.freeze({ pattern: 'None' });

export function isNoFill(fill: Fill): boolean {
  return fill.pattern === 'None' || fill.pattern === undefined && (fill.color === undefined || fill.color.toUpperCase() === '#FFFFFF');
}

/** A stable key, to group cells with the same fill into one write. */
export function fillKey(fill: Fill): string {
  if (isNoFill(fill)) return 'none';
  return JSON.stringify([fill.color?.toUpperCase() ?? null, fill.pattern ?? null, fill.patternColor?.toUpperCase() ?? null, fill.tintAndShade ?? null, fill.patternTintAndShade ?? null]);
}

/** Whether the cell still shows the colour we painted (a solid fill of exactly that colour). */
export function isPaintedWith(fill: Fill | undefined, color: string): boolean {
  if (!fill || isNoFill(fill)) return false;
  return fill.color?.toUpperCase() === color.toUpperCase() && (fill.pattern === undefined || fill.pattern === 'Solid') && !fill.tintAndShade;
}

/**
 * How we reach many cells in one go: RangeAreas when the host has them
 * (ExcelApi 1.9), else one Range per rectangle. Either way the operations are
 * only queued; the caller syncs once. Fills are only read and written back
 * where an earlier version of the add-in painted them (highlight.ts).
 */
export interface AreaAccess {
  rangeAreas: boolean;
  cellProperties: boolean;
}

/** Rows of unflagged cells we accept to read between flagged ones, to send one read instead of many. */
const READ_GAP_ROWS = 2;

/**
 * Rectangles to read that cover these cells: same-column-span rectangles a
 * few rows apart are read as one (every other row of a column is one read, not
 * thousands). The extra cells are read and ignored.
 */
export function readRects(rects: Rect[], gap = READ_GAP_ROWS): Rect[] {
  const sorted = [...rects].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: Rect[] = [];
  for (const rect of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === rect.left && last.right === rect.right && rect.top - last.bottom - 1 <= gap) last.bottom = Math.max(last.bottom, rect.bottom);
    else out.push({ ...rect });
  }
  return out;
}

/** Queues loads of the fills of these cells; call `result()` after the sync. */
export function queueFillReads(sheet: Excel.Worksheet, cells: Iterable<string>, access: AreaAccess): { result(): Map<string, Fill>; cells: number } {
  const wanted = new Set([...cells].map((c) => c.toUpperCase()));
  const rects = cellsToRects([...wanted].map(parseCell).filter((c): c is { row: number; col: number } => c !== null));
  if (access.cellProperties) {
    const reads = readRects(rects).map((rect) => ({
      rect,
      props: untracked(sheet.getRange(rectAddress(rect))).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } }),
    }));
    return {
      cells: reads.reduce((n, r) => n + rectCells(r.rect), 0),
      result() {
        const out = new Map<string, Fill>();
        for (const { rect, props } of reads) {
          const addresses = cellsOf(rect);
          const width = rect.right - rect.left + 1;
          addresses.forEach((address, i) => {
            if (!wanted.has(address)) return;
            const fill = props.value[Math.floor(i / width)]?.[i % width]?.format?.fill;
            out.set(address, fill ? cleanFill(fill) : { ...NO_FILL });
          });
        }
        return out;
      },
    };
  }
  // Before ExcelApi 1.9: one cell at a time (a multi-cell range reports no colour when they differ).
  const reads = rects.flatMap(cellsOf).map((address) => {
    const fill = untracked(sheet.getRange(address)).format.fill;
    fill.load('color');
    return { address, fill };
  });
  return {
    cells: reads.length,
    result() {
      return new Map(reads.map(({ address, fill }) => [address, fill.color ? { color: fill.color } : { ...NO_FILL }]));
    },
  };
}

/** Queues the fill of these cells: grouped into rectangles, then into address strings under Excel's limit. */
export function queueFill(sheet: Excel.Worksheet, cells: Iterable<string>, fill: Fill, access: AreaAccess): void {
  const rects = cellsToRects([...cells].map(parseCell).filter((c): c is { row: number; col: number } => c !== null));
  for (const target of targets(sheet, rects, access)) applyFill(target.format.fill, fill, access);
}

function targets(sheet: Excel.Worksheet, rects: Rect[], access: AreaAccess): (Excel.Range | Excel.RangeAreas)[] {
  const addresses = rects.map(rectAddress);
  if (access.rangeAreas) return chunkAddresses(addresses).map((chunk) => untracked(sheet.getRanges(chunk)));
  return addresses.map((address) => untracked(sheet.getRange(address)));
}

function applyFill(target: Excel.RangeFill, fill: Fill, access: AreaAccess): void {
  if (isNoFill(fill)) {
    target.clear();
    return;
  }
  if (fill.color !== undefined) target.color = fill.color;
  // Pattern and tint exist from ExcelApi 1.9, as does getCellProperties that read them.
  if (!access.cellProperties) return;
  const pattern = fill.pattern ?? 'Solid';
  target.pattern = pattern as Excel.FillPattern;
  target.tintAndShade = fill.tintAndShade ?? 0;
  if (pattern !== 'Solid') {
    if (fill.patternColor !== undefined) target.patternColor = fill.patternColor;
    target.patternTintAndShade = fill.patternTintAndShade ?? 0;
  }
}

function cleanFill(fill: Excel.CellPropertiesFill): Fill {
  const out: Fill = {};
  if (fill.color !== undefined && fill.color !== null) out.color = fill.color;
  if (fill.pattern !== undefined && fill.pattern !== null) out.pattern = fill.pattern;
  if (fill.patternColor !== undefined && fill.patternColor !== null) out.patternColor = fill.patternColor;
  if (typeof fill.tintAndShade === 'number') out.tintAndShade = fill.tintAndShade;
  if (typeof fill.patternTintAndShade === 'number') out.patternTintAndShade = fill.patternTintAndShade;
  return out;
}
