import { EMPTY_CELL, type Cell, type MergeArea, type Sheet, type Workbook } from '../core/workbook';
import { ReadError, readErrors } from './errors';
import { capCellText, type Budget } from './limits';
import { attrLocal, parseXmlEntry, type XmlSink } from './xml';
import type { ZipArchive } from './zip';

/** Excel's columns: a table wider than that (only a hostile file has one) is cut there. */
const MAX_COLUMNS = 16_384;

/**
 * The tables of a Word document (.docx) as a workbook: each <w:tbl> of the
 * main document part is a sheet ("Table 1", "Table 2"…), each <w:tr> a row,
 * each <w:tc> a cell holding its text (paragraphs on lines of their own).
 * Small organisations keep their lists there. Every cell is text, as in a
 * CSV: the engine parses dates and numbers itself. A cell spanning columns
 * (gridSpan) or rows (vMerge) becomes a merged area; a table nested in a
 * cell is a sheet of its own.
 */
export function readDocx(zip: ZipArchive, documentPath: string, budget: Budget): Workbook {
  const entry = zip.find(documentPath);
  if (!entry) throw readErrors.wordDamaged();
  const reader = new DocxTables(budget);
  try {
    parseXmlEntry(zip, entry, budget, reader);
  } catch (e) {
    // Limits stay what they are; damage is told in Word's terms, not Excel's.
    if (!(e instanceof ReadError) || e.code !== 'corrupt') throw e;
    const damaged = readErrors.wordDamaged();
    (damaged as { cause?: unknown }).cause = e;
    throw damaged;
  }
  if (reader.tables.length === 0) throw readErrors.wordNoTable();
  const sheets: Sheet[] = reader.tables.map((t, i) => ({
    name: `Table ${i + 1}`,
    rows: t.rows,
    // A restart that no row continues, on one column, merges nothing.
    merges: t.merges.filter((m) => m.bottom > m.top || m.right > m.left),
  }));
  return { sheets, date1904: false, source: 'xlsx' };
}

interface Table {
  rows: Cell[][];
  merges: MergeArea[];
  /** 0-based row being read, and its next grid column. */
  row: number;
  col: number;
  /** Per grid column, the merge a vMerge="restart" cell opened there and that later rows continue. */
  vertical: Map<number, MergeArea>;
  /** The cell being read: where it starts, its span, its vMerge state and its text so far. */
  cell: { col: number; span: number; vMerge: 'restart' | 'continue' | undefined; paragraphs: string[]; text: string } | undefined;
}

class DocxTables implements XmlSink {
  readonly tables: Table[] = [];
  private readonly stack: Table[] = [];
  private readonly budget: Budget;
  /** Depth inside elements whose text is not the document's (deleted text, field codes, alternate content). */
  private skip = 0;
  private inText = false;

  constructor(budget: Budget) {
    this.budget = budget;
  }

  private get table(): Table | undefined {
    return this.stack[this.stack.length - 1];
  }

  open(name: string, attrs: Record<string, string>): void {
    if (this.skip > 0 || name === 'Fallback' || name === 'delText' || name === 'instrText' || name === 'tblPrEx') {
      this.skip++;
      return;
    }
    const table = this.table;
    switch (name) {
      case 'tbl': {
        if (this.tables.length >= this.budget.limits.maxSheets) throw readErrors.tooManySheets(this.budget.limits.maxSheets);
        const t: Table = { rows: [], merges: [], row: -1, col: 0, vertical: new Map(), cell: undefined };
        this.tables.push(t);
        this.stack.push(t);
        return;
      }
      case 'tr':
        if (!table) return;
        table.row++;
        table.col = 0;
        table.rows.push([]);
        this.budget.addCells(1);
        return;
      case 'gridBefore':
        if (table && !table.cell) table.col += count(attrLocal(attrs, 'val'), 0);
        return;
      case 'tc':
        if (!table || table.row < 0) return;
        table.cell = { col: table.col, span: 1, vMerge: undefined, paragraphs: [], text: '' };
        return;
      case 'gridSpan':
        if (table?.cell) table.cell.span = count(attrLocal(attrs, 'val'));
        return;
      case 'vMerge':
        if (table?.cell) table.cell.vMerge = attrLocal(attrs, 'val') === 'restart' ? 'restart' : 'continue';
        return;
      case 't':
        this.inText = true;
        return;
      case 'tab':
        this.append('\t');
        return;
      case 'br':
      case 'cr':
        this.append('\n');
        return;
      case 'noBreakHyphen':
        this.append('-');
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const table = this.table;
    switch (name) {
      case 't':
        this.inText = false;
        return;
      case 'p':
        if (table?.cell) {
          table.cell.paragraphs.push(table.cell.text);
          table.cell.text = '';
        }
        return;
      case 'tc':
        if (table?.cell) this.closeCell(table);
        return;
      case 'tbl':
        this.stack.pop();
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.inText && this.skip === 0) this.append(text);
  }

  private append(text: string): void {
    const cell = this.table?.cell;
    if (cell && this.skip === 0) cell.text += text;
  }

  private closeCell(table: Table): void {
    const cell = table.cell!;
    table.cell = undefined;
    if (cell.text !== '') cell.paragraphs.push(cell.text);
    const row = table.row;
    const left = cell.col;
    const right = left + cell.span - 1;
    table.col = right + 1;

    if (cell.vMerge === 'continue') {
      // The cell continues the one above: it adds a row to that merge and holds nothing itself.
      const merge = table.vertical.get(left);
      if (merge) merge.bottom = row;
      return;
    }
    for (let c = left; c <= right; c++) table.vertical.delete(c);
    if (cell.vMerge === 'restart' || cell.span > 1) {
      const merge: MergeArea = { top: row, left, bottom: row, right };
      table.merges.push(merge);
      if (cell.vMerge === 'restart') table.vertical.set(left, merge);
    }
    // Word ends a cell with a paragraph, an empty one after a nested table: empty paragraphs at the end are no lines.
    const paragraphs = cell.paragraphs;
    while (paragraphs.length > 0 && paragraphs[paragraphs.length - 1] === '') paragraphs.pop();
    const text = paragraphs.join('\n');
    if (text.trim() === '' || left >= MAX_COLUMNS) return;
    const cells = table.rows[row] as Cell[];
    this.budget.addCells(Math.max(0, left + 1 - cells.length));
    while (cells.length < left) cells.push(EMPTY_CELL);
    cells[left] = { kind: 'text', value: capCellText(text) };
  }
}

/** A w:val count (gridSpan, gridBefore), at least `min` and at most Excel's columns; 1 when absent or not a number. */
function count(value: string | undefined, min = 1): number {
  const n = value === undefined ? 1 : parseInt(value, 10);
  return Number.isFinite(n) && n >= min ? Math.min(n, MAX_COLUMNS) : 1;
}
