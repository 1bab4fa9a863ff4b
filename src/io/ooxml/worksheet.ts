import { EMPTY_CELL, type Cell, type ColumnWidth, type MergeArea } from '../../core/workbook';
import { isoToSerial } from '../dates';
import { decodeOoxmlEscapes, parseXmlEntry, type XmlSink } from '../xml';
import type { ZipArchive, ZipEntry } from '../zip';
import { shiftFormula } from './formula';
import type { CellStyles } from './styles';
import { capCellText, type Budget } from '../limits';

/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;

/** Excel's sheet size: cells beyond it cannot exist in a real workbook and are dropped. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Outline levels kept at most: Excel's rows. */
const MAX_OUTLINE_ROWS = 1_048_576;

/** Distinct numbers shared per style. */
const NUMBER_CACHE_SIZE = 8192;

/** A shared-string index; -1 when the text is not a plain non-negative integer. */
function parseIndex(v: string): number {
  const n = v.length;
  if (n === 0) return -1;
  if (n > 9) return +v;
  let x = 0;
  for (let i = 0; i < n; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return +v;
    x = x * 10 + d;
  }
  return x;
}

/** Shared filler for rows without any cell: a long run of blank rows costs one pointer each. */
const EMPTY_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];

export interface WorksheetContext {
  sharedStrings: readonly string[];
  styles: CellStyles;
  date1904: boolean;
}

export interface WorksheetData {
  rows: Cell[][];
  merges: MergeArea[];
  widths: ColumnWidth[];
  /** [0-based row, outline level] of the rows grouped under others (Excel's row groups, a Smartsheet hierarchy). */
  outline: [number, number][];
}

/** Reads one worksheet part into ragged rows; empty cells (styled or not) are skipped, merges kept as areas. */
export function readWorksheet(zip: ZipArchive, entry: ZipEntry, budget: Budget, ctx: WorksheetContext): WorksheetData {
  const reader = new WorksheetReader(budget, ctx);
  parseXmlEntry(zip, entry, budget, reader);
  return { rows: reader.rows, merges: reader.merges, widths: reader.widths, outline: reader.outline };
}

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

/** What the text inside the current cell goes to. */
const Capture = { None: 0, Value: 1, Formula: 2, Inline: 3 } as const;
type Capture = (typeof Capture)[keyof typeof Capture];

class WorksheetReader implements XmlSink {
  readonly rows: Cell[][] = [];
  readonly merges: MergeArea[] = [];
  readonly widths: ColumnWidth[] = [];
  readonly outline: [number, number][] = [];
  private readonly budget: Budget;
  private readonly strings: readonly string[];
  private readonly formats: (string | undefined)[];
  private readonly isDate: boolean[];
  private readonly date1904: boolean;
  private readonly sharedFormulas = new Map<string, SharedFormula>();
  /**
   * Identical cells are one frozen object: a shared string in a given style,
   * or a number in a given style. Long event logs repeat the same city,
   * level, date and count thousands of times; sharing them saves most of
   * the allocation and garbage collection.
   */
  private readonly stringCells: (Cell | undefined)[] = [];
  private readonly stringCellStyles: number[] = [];
  private readonly numberCells = new Map<number, Map<number, Cell>>();

  private inSheetData = false;
  private inCell = false;
  private inInline = false;
  private phonetic = 0;
  private capture: Capture = Capture.None;
  /** 0-based row of the current <row>, and the next implicit row/column for elements without r. */
  private rowIndex = -1;
  private nextCol = 0;

  private cellRow = 0;
  private cellCol = 0;
  private cellType = 'n';
  private cellStyle = 0;
  private value = '';
  private inline = '';
  private hasInline = false;
  private formula = '';
  private formulaType: string | undefined;
  private formulaSi: string | undefined;

  /** Results of parseRef. */
  private refRow = 0;
  private refCol = 0;

  constructor(budget: Budget, ctx: WorksheetContext) {
    this.budget = budget;
    this.strings = ctx.sharedStrings;
    this.formats = ctx.styles.format;
    this.isDate = ctx.styles.isDate;
    this.date1904 = ctx.date1904;
  }

  open(name: string, attrs: Record<string, string>): void {
    if (this.inCell) {
      switch (name) {
        case 'v':
          this.capture = Capture.Value;
          return;
        case 'f':
          this.capture = Capture.Formula;
          this.formulaType = attrs.t;
          this.formulaSi = attrs.si;
          return;
        case 'is':
          this.inInline = true;
          this.hasInline = true;
          return;
        case 't':
          if (this.inInline && this.phonetic === 0) this.capture = Capture.Inline;
          return;
        case 'rPh':
          this.phonetic++;
          return;
        default:
          return;
      }
    }
    switch (name) {
      case 'c':
        if (this.inSheetData) this.openCell(attrs);
        return;
      case 'row':
        if (this.inSheetData) this.openRow(attrs);
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell':
        this.addMerge(attrs.ref);
        return;
      case 'col':
        if (!this.inSheetData) this.addWidth(attrs);
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (!this.inCell) {
      if (name === 'sheetData') this.inSheetData = false;
      return;
    }
    switch (name) {
      case 'c':
        this.inCell = false;
        this.capture = Capture.None;
        this.closeCell();
        return;
      case 'v':
      case 'f':
      case 't':
        this.capture = Capture.None;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    switch (this.capture) {
      case Capture.None:
        return;
      case Capture.Value:
        this.value += text;
        return;
      case Capture.Inline:
        this.inline += text;
        return;
      case Capture.Formula:
        this.formula += text;
        return;
    }
  }

  private openRow(attrs: Record<string, string>): void {
    const r = attrs.r;
    const n = r === undefined ? NaN : parseInt(r, 10);
    this.rowIndex = n >= 1 ? n - 1 : this.rowIndex + 1;
    this.nextCol = 0;
    // Excel allows levels 1 to 7; anything else is no outline.
    const level = attrs.outlineLevel === undefined ? 0 : Number(attrs.outlineLevel);
    if (Number.isInteger(level) && level >= 1 && level <= 7 && this.outline.length < MAX_OUTLINE_ROWS) this.outline.push([this.rowIndex, level]);
  }

  private openCell(attrs: Record<string, string>): void {
    const r = attrs.r;
    if (r !== undefined && this.parseRef(r, 0, r.length)) {
      this.cellRow = this.refRow;
      this.cellCol = this.refCol;
      // A cell outside any <row> (or in a row without r) still sets the row.
      if (this.rowIndex < 0) this.rowIndex = this.refRow;
    } else {
      if (this.rowIndex < 0) this.rowIndex = 0;
      this.cellRow = this.rowIndex;
      this.cellCol = this.nextCol;
    }
    this.nextCol = this.cellCol + 1;
    const t = attrs.t;
    this.cellType = t === undefined ? 'n' : t;
    const s = attrs.s;
    this.cellStyle = s === undefined || s === '' ? 0 : +s;
    this.inCell = true;
    this.value = '';
    this.inline = '';
    this.hasInline = false;
    this.formula = '';
    this.formulaType = undefined;
    this.formulaSi = undefined;
    this.inInline = false;
    this.phonetic = 0;
  }

  private closeCell(): void {
    const v = this.value;
    let kind: Cell['kind'];
    let value: string | number | boolean;
    switch (this.cellType) {
      case 's': {
        const index = parseIndex(v);
        const str = this.strings[index];
        if (str === undefined || str === '') return this.skipEmpty();
        if (this.formula === '' && this.formulaType === undefined) {
          const shared = this.sharedStringCell(index, str);
          if (shared) return this.placeAt(shared);
        }
        kind = 'text';
        value = str;
        break;
      }
      case 'str':
      case 'inlineStr': {
        const str = this.hasInline ? this.inline : v;
        if (str === '') return this.skipEmpty();
        kind = 'text';
        value = capCellText(decodeOoxmlEscapes(str));
        break;
      }
      case 'b':
        if (v === '') return this.skipEmpty();
        kind = 'boolean';
        value = v === '1' || v.trim().toLowerCase() === 'true';
        break;
      case 'e':
        if (v === '') return this.skipEmpty();
        kind = 'error';
        value = v;
        break;
      case 'd': {
        if (v === '') return this.skipEmpty();
        const serial = isoToSerial(v, this.date1904);
        if (serial === null) {
          kind = 'text';
          value = v;
        } else {
          kind = 'date';
          value = serial;
        }
        break;
      }
      default: {
        if (v === '') {
          // Some writers put inline text in a cell without t="inlineStr".
          if (!this.hasInline || this.inline === '') return this.skipEmpty();
          kind = 'text';
          value = capCellText(decodeOoxmlEscapes(this.inline));
          break;
        }
        const num = +v;
        if (Number.isFinite(num)) {
          kind = this.isDate[this.cellStyle] === true ? 'date' : 'number';
          value = num;
          if (this.formula === '' && this.formulaType === undefined) return this.placeAt(this.numberCell(kind, num));
        } else {
          kind = 'text';
          value = v;
        }
      }
    }
    const row = this.cellRow;
    const col = this.cellCol;
    if (row >= MAX_ROWS || col >= MAX_COLS) return;
    const format = this.formats[this.cellStyle];
    const formula = this.formulaText(row, col);
    const cell: Cell = formula ? { kind, value, format, formula } : { kind, value, format };
    this.place(row, col, cell);
  }

  private placeAt(cell: Cell): void {
    if (this.cellRow < MAX_ROWS && this.cellCol < MAX_COLS) this.place(this.cellRow, this.cellCol, cell);
  }

  private sharedStringCell(index: number, str: string): Cell | undefined {
    const style = this.cellStyle;
    const cached = this.stringCells[index];
    if (cached !== undefined && this.stringCellStyles[index] === style) return cached;
    // The first style seen for a string is the one shared; other styles get their own cells.
    if (cached !== undefined) return undefined;
    const cell: Cell = Object.freeze({ kind: 'text', value: str, format: this.formats[style] }) as Cell;
    this.stringCells[index] = cell;
    this.stringCellStyles[index] = style;
    return cell;
  }

  private numberCell(kind: Cell['kind'], num: number): Cell {
    const style = this.cellStyle;
    let byValue = this.numberCells.get(style);
    if (byValue === undefined) {
      byValue = new Map();
      this.numberCells.set(style, byValue);
    }
    const cached = byValue.get(num);
    if (cached !== undefined) return cached;
    const cell: Cell = Object.freeze({ kind, value: num, format: this.formats[style] }) as Cell;
    // Bounded: a column of distinct amounts must not grow the cache without end.
    if (byValue.size < NUMBER_CACHE_SIZE) byValue.set(num, cell);
    return cell;
  }

  /** An empty cell still defines a shared formula that later cells refer to. */
  private skipEmpty(): void {
    if (this.formula !== '') this.formulaText(this.cellRow, this.cellCol);
  }

  private formulaText(row: number, col: number): string | undefined {
    const f = this.formula;
    if (this.formulaType !== 'shared' || this.formulaSi === undefined) return f === '' ? undefined : f;
    if (f !== '') {
      this.sharedFormulas.set(this.formulaSi, { formula: f, row, col });
      return f;
    }
    const master = this.sharedFormulas.get(this.formulaSi);
    return master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
  }

  private place(r: number, c: number, cell: Cell): void {
    const rows = this.rows;
    let row: Cell[];
    if (r < rows.length) {
      row = rows[r] as Cell[];
      if (row === EMPTY_ROW) {
        row = [];
        rows[r] = row;
      }
    } else {
      const gap = r - rows.length;
      if (gap > 0) {
        this.budget.addCells(gap);
        for (let i = 0; i < gap; i++) rows.push(EMPTY_ROW);
      }
      row = [];
      rows.push(row);
    }
    const len = row.length;
    if (c === len) {
      this.budget.addCells(1);
      row.push(cell);
    } else if (c > len) {
      this.budget.addCells(c - len + 1);
      for (let i = len; i < c; i++) row.push(EMPTY_CELL);
      row.push(cell);
    } else {
      row[c] = cell;
    }
  }

  private addMerge(ref: string | undefined): void {
    if (!ref) return;
    const colon = ref.indexOf(':');
    const end = colon < 0 ? ref.length : colon;
    if (!this.parseRef(ref, 0, end)) return;
    const top = this.refRow;
    const left = this.refCol;
    let bottom = top;
    let right = left;
    if (colon >= 0) {
      if (!this.parseRef(ref, colon + 1, ref.length)) return;
      bottom = this.refRow;
      right = this.refCol;
    }
    if (top >= MAX_ROWS || left >= MAX_COLS) return;
    this.budget.addCells(1);
    this.merges.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.min(Math.max(top, bottom), MAX_ROWS - 1),
      right: Math.min(Math.max(left, right), MAX_COLS - 1),
    });
  }

  /** A <col min max width> span (1-based, inclusive); widths outside what Excel allows are ignored. A hidden column keeps its width (the annotated copy shows every column) and says it was hidden. */
  private addWidth(attrs: Record<string, string>): void {
    const min = Number(attrs.min);
    const max = Number(attrs.max);
    const hidden = attrs.hidden === '1' || attrs.hidden === 'true';
    // A hidden column may give no width: it keeps Excel's default one in the annotated copy.
    const width = attrs.width === undefined && hidden ? DEFAULT_WIDTH : Number(attrs.width);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || !(width >= 0 && width <= 255) || this.widths.length >= MAX_COLS) return;
    this.widths.push({ from: min - 1, to: Math.min(max, MAX_COLS) - 1, width, ...(hidden ? { hidden } : {}) });
  }

  /** Parses an A1 reference in ref[from, to) into refRow/refCol (0-based); false when it is not one. Values may exceed the sheet. */
  private parseRef(ref: string, from: number, to: number): boolean {
    let i = from;
    let col = 0;
    let ch = ref.charCodeAt(i);
    if (ch === 36) ch = ref.charCodeAt(++i);
    while (i < to) {
      ch = ref.charCodeAt(i);
      if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
      else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
      else break;
      if (col > 100_000_000) return false;
      i++;
    }
    if (col === 0) return false;
    if (ch === 36) i++;
    let row = 0;
    const digitsFrom = i;
    while (i < to) {
      ch = ref.charCodeAt(i);
      if (ch < 48 || ch > 57) return false;
      row = row * 10 + ch - 48;
      if (row > 1_000_000_000) return false;
      i++;
    }
    if (i === digitsFrom || row === 0) return false;
    this.refRow = row - 1;
    this.refCol = col - 1;
    return true;
  }
}
