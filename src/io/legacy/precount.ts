import { readErrors } from '../errors';
import type { Budget } from '../limits';
import { attrLocal, parseXmlEntry } from '../xml';
import type { ZipArchive } from '../zip';

/**
 * How many cells a legacy workbook would make, counted from its own records
 * before SheetJS (which builds every cell of a file in one go, with no limit
 * of its own) is given it. Each count is an upper bound of what the parse
 * materialises, so a file within it cannot make SheetJS allocate past the
 * read's cell limit: a repeat-count bomb in an .ods, or millions of records
 * in an .xls or .xlsb, are refused here, in a few milliseconds.
 */

/** Throws too_complex when `cells` is more than the budget's limit; the count is not kept (the conversion counts what it keeps). */
function within(budget: Budget, cells: number): void {
  if (cells > budget.limits.maxCells) throw readErrors.tooManyCells(budget.limits.maxCells);
}

const BIFF_MULRK = 0x00bd;

/**
 * A BIFF stream (the Workbook or Book stream of an .xls, or a bare BIFF2–4
 * file) is a run of records: type (2 bytes), length (2 bytes), data. Every
 * record counts as one cell, a MULRK as the numbers it holds (6 bytes each):
 * more than the cells, never fewer.
 *
 * The records must also tile the stream: a file cut off in the middle of a
 * record (a download that stopped) is refused as damaged here, because
 * SheetJS reads the missing bytes as a string length of `undefined` and then
 * loops for minutes, filling gigabytes, before it fails.
 */
export function checkBiffCells(stream: Uint8Array, budget: Budget, format: 'xls' | 'biff' = 'xls'): void {
  let cells = 0;
  let p = 0;
  while (p < stream.length) {
    if (p + 4 > stream.length) throw readErrors.legacyDamaged(format);
    budget.tick();
    const type = (stream[p] as number) | ((stream[p + 1] as number) << 8);
    const len = (stream[p + 2] as number) | ((stream[p + 3] as number) << 8);
    cells += type === BIFF_MULRK && len > 6 ? Math.floor((len - 6) / 6) : 1;
    p += 4 + len;
    if (p > stream.length) throw readErrors.legacyDamaged(format);
  }
  within(budget, cells);
}

/** XLSB cell records: BrtCellBlank (1) to BrtShortIsst (18); BrtRowHdr is 0. */
const XLSB_LAST_CELL_RECORD = 18;

/** The worksheet parts of an .xlsb: `xl/worksheets/sheet1.bin` and the like. */
const XLSB_SHEET_PART = /(^|\/)[^/]*sheets\/[^/]+\.bin$/;

/**
 * An .xlsb worksheet is a run of records, each a type and a size written as
 * 7-bit varints, then the data; the parts are streamed through the zip reader
 * (which bounds what they unpack to) and their cell records counted.
 */
export function checkXlsbCells(zip: ZipArchive, budget: Budget): void {
  let cells = 0;
  for (const entry of zip.entries) {
    if (!XLSB_SHEET_PART.test(entry.key)) continue;
    // Where the walk is in the current record: reading its type, its size, or skipping its data.
    let state: 'type' | 'size' | 'skip' = 'type';
    let type = 0;
    let typeBytes = 0;
    let size = 0;
    let sizeBytes = 0;
    let skip = 0;
    zip.stream(entry, budget, (chunk) => {
      let i = 0;
      while (i < chunk.length) {
        if (state === 'skip') {
          const n = Math.min(skip, chunk.length - i);
          skip -= n;
          i += n;
          if (skip === 0) state = 'type';
          continue;
        }
        const b = chunk[i++] as number;
        if (state === 'type') {
          type |= (b & 0x7f) << (7 * typeBytes++);
          if (b & 0x80 && typeBytes < 2) continue;
          state = 'size';
          size = 0;
          sizeBytes = 0;
        } else {
          size += (b & 0x7f) * 2 ** (7 * sizeBytes++);
          if (b & 0x80 && sizeBytes < 4) continue;
          if (type >= 1 && type <= XLSB_LAST_CELL_RECORD) {
            cells++;
            within(budget, cells);
          }
          type = 0;
          typeBytes = 0;
          skip = size;
          state = size > 0 ? 'skip' : 'type';
        }
      }
      budget.tick();
    });
  }
}

/**
 * An .ods names repeats instead of writing cells out: one <table:table-cell>
 * with number-columns-repeated="16384" inside a row with
 * number-rows-repeated="1048576" is seventeen billion cells to SheetJS when
 * it holds a value. content.xml is streamed here and every cell that holds
 * something counts as its rows × columns repeats. The same pass finds the
 * hidden sheets (a table whose style says display="false"), which SheetJS
 * does not read.
 */
export function scanOds(zip: ZipArchive, budget: Budget): { hiddenTables: Set<string> } {
  const content = zip.find('content.xml');
  if (!content) throw readErrors.legacyDamaged('ods');
  const limit = budget.limits.maxCells;
  let cells = 0;
  let rowRepeat = 1;
  /** Inside a table cell: its repeats, and whether it holds something (a value type or any child element). */
  let cellDepth = 0;
  let cellRepeat = 1;
  let cellHolds = false;
  let tableStyle: string | undefined;
  const hiddenStyles = new Set<string>();
  const tableStyles: [name: string, style: string][] = [];
  parseXmlEntry(zip, content, budget, {
    open(name, attrs) {
      if (cellDepth > 0) {
        cellDepth++;
        cellHolds = true;
        return;
      }
      switch (name) {
        case 'table-row':
          rowRepeat = repeat(attrLocal(attrs, 'number-rows-repeated'));
          return;
        case 'table-cell':
        case 'covered-table-cell':
          cellDepth = 1;
          cellRepeat = repeat(attrLocal(attrs, 'number-columns-repeated'));
          cellHolds = attrLocal(attrs, 'value-type') !== undefined || attrLocal(attrs, 'string-value') !== undefined;
          return;
        case 'style':
          tableStyle = attrLocal(attrs, 'family') === 'table' ? attrLocal(attrs, 'name') : undefined;
          return;
        case 'table-properties':
          if (tableStyle !== undefined && attrLocal(attrs, 'display') === 'false') hiddenStyles.add(tableStyle);
          return;
        case 'table': {
          const tableName = attrLocal(attrs, 'name');
          const style = attrLocal(attrs, 'style-name');
          if (tableName !== undefined && style !== undefined) tableStyles.push([tableName, style]);
          return;
        }
        default:
          return;
      }
    },
    close(name) {
      if (name === 'style') tableStyle = undefined;
      if (cellDepth === 0) return;
      if (--cellDepth > 0) return;
      if (cellHolds) {
        // Compared before multiplying: the product of two hostile repeats can pass 2^53.
        if (rowRepeat > limit || cellRepeat > limit) throw readErrors.tooManyCells(limit);
        cells += rowRepeat * cellRepeat;
        if (cells > limit) throw readErrors.tooManyCells(limit);
      }
    },
    text(text) {
      if (cellDepth > 0 && text.trim() !== '') cellHolds = true;
    },
  });
  return { hiddenTables: new Set(tableStyles.filter(([, style]) => hiddenStyles.has(style)).map(([name]) => name)) };
}

function repeat(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = parseInt(value, 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
}

/**
 * Streams every entry of the archive through the zip reader and throws away
 * what comes out. SheetJS unpacks every entry itself, at once and without a
 * ratio check, so a zip bomb in any part is refused here first.
 */
export function checkZipEntries(zip: ZipArchive, budget: Budget, alreadyRead: (key: string) => boolean = () => false): void {
  for (const entry of zip.entries) if (!alreadyRead(entry.key)) zip.stream(entry, budget, () => undefined);
}

/** Whether an entry is one that checkXlsbCells streams. */
export const isXlsbSheetPart = (key: string): boolean => XLSB_SHEET_PART.test(key);
