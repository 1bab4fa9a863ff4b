import type { Issue } from '../../core/report';
import { EMPTY_CELL, type Cell, type Sheet, type Workbook } from '../../core/workbook';
import type { CellChange, HighlightResult, SavedMapping, UndoRecord, WorkbookHost } from '../host';
import type { OriginalFile } from '../HostContext';
import { isoToSerial, parseA1 } from '../cells';
import { emptyEdits, pushEdit, writeCell, type Edits } from '../worker/edits';
import { nextTurn } from '../worker/parts';

/** How long a write may hold the page before it lets it draw, in ms. */
const SLICE_MS = 8;

/** Time slices of a long loop: at each step, `due()` says when a slice is used up, and `next()` waits a turn of the event loop. */
class Slices {
  private started = performance.now();
  private steps = 0;

  due(): boolean {
    // The clock is read every 256 steps only.
    return (++this.steps & 255) === 0 && performance.now() - this.started >= SLICE_MS;
  }

  async next(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }
}

/** A flagged cell as the grid shows it. */
export interface CellMark {
  severity: 'error' | 'warning';
  /** The messages of all the cell's issues. */
  notes: string[];
}

/** What the grid draws; a new object whenever anything changes. */
export interface BrowserSnapshot {
  workbook: Workbook;
  /** The sheet the taskpane last worked on: the grid shows it unless the person picks another. */
  activeSheet: string;
  /** Per sheet, A1 address → mark. */
  marks: ReadonlyMap<string, ReadonlyMap<string, CellMark>>;
  selected: { sheet: string; address: string; seq: number } | null;
  /** Whether any value differs from the file as opened. */
  changed: boolean;
}

const MAPPING_PREFIX = 'hsh-datashare.mapping.';

/**
 * The WorkbookHost of the browser mode: the workbook read from a file, held
 * in memory. Highlights and selections are drawn by the grid, which
 * subscribes to this object; fixes change the in-memory copy only.
 */
export class BrowserHost implements WorkbookHost {
  readonly kind = 'browser' as const;
  private snapshot: BrowserSnapshot;
  private readonly listeners = new Set<() => void>();
  /** The cells as they were before each write, kinds included (the record only has values and formats). */
  private readonly undoCells = new WeakMap<UndoRecord, Cell[]>();
  private changes = 0;
  private seq = 0;

  constructor(
    workbook: Workbook,
    readonly file: OriginalFile,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage(),
    /** Told of every sheet made by writing cells into another: the check client has the worker write them into its copy. */
    private readonly derived?: (from: Sheet, to: Sheet, edits: Edits) => void,
  ) {
    this.snapshot = {
      workbook,
      activeSheet: workbook.sheets[0]?.name ?? '',
      marks: new Map(),
      selected: null,
      changed: false,
    };
  }

  // For useSyncExternalStore: stable references, arrow functions.
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BrowserSnapshot => this.snapshot;

  /** The file as opened while nothing in it has changed. */
  originalFile = (): OriginalFile | null => (this.snapshot.changed ? null : this.file);

  setActiveSheet(sheet: string): void {
    if (sheet !== this.snapshot.activeSheet && this.findSheet(sheet)) this.update({ activeSheet: sheet });
  }

  async readWorkbook(): Promise<Workbook> {
    return this.snapshot.workbook;
  }

  async detectDate1904(workbook: Workbook): Promise<boolean | 'unknown'> {
    // The file says which system it uses (a CSV has no serial dates at all).
    return workbook.date1904;
  }

  private highlightedOnce = false;

  async highlight(sheet: string, issues: Issue[]): Promise<HighlightResult> {
    const marks = new Map<string, CellMark>();
    for (const issue of issues) {
      if (!issue.column || !issue.row) continue;
      const address = `${issue.column}${issue.row}`;
      const mark = marks.get(address);
      if (mark) {
        mark.notes.push(issue.message);
        if (issue.severity === 'error') mark.severity = 'error';
      } else {
        marks.set(address, { severity: issue.severity, notes: [issue.message] });
      }
    }
    const all = new Map(this.snapshot.marks);
    all.set(sheet, marks);
    // Several sheets are highlighted one after another: the grid moves to the first, and stays on
    // a sheet that has highlights of its own (the person's, or an earlier one of this round).
    const active = this.snapshot.activeSheet;
    const stay = active !== sheet && (this.snapshot.marks.get(active)?.size ?? 0) > 0 && this.highlightedOnce;
    this.highlightedOnce = true;
    this.update({ marks: all, activeSheet: this.findSheet(sheet) && !stay ? sheet : active });
    return { cells: marks.size, notes: marks.size ? 'notes' : 'none' };
  }

  async clearHighlights(sheet: string): Promise<void> {
    if (!this.snapshot.marks.has(sheet)) return;
    const all = new Map(this.snapshot.marks);
    all.delete(sheet);
    this.update({ marks: all });
  }

  async goTo(sheet: string, address: string): Promise<void> {
    if (!this.findSheet(sheet)) throw new Error(`There is no sheet “${sheet}”.`);
    if (!parseA1(address)) throw new Error(`“${address}” is not a cell address.`);
    this.update({ activeSheet: sheet, selected: { sheet, address, seq: ++this.seq } });
  }

  async writeValues(sheet: string, changes: CellChange[]): Promise<UndoRecord> {
    return this.oneWrite(async () => {
      const target = this.findSheet(sheet);
      if (!target) throw new Error(`There is no sheet “${sheet}”.`);
      const date1904 = this.snapshot.workbook.date1904;
      const rows = target.rows.slice();
      const copied = new Set<number>();
      const edits = emptyEdits();
      const record: UndoRecord = { sheet, previous: [] };
      const before: Cell[] = [];
      const slices = new Slices();
      for (const change of changes) {
        if (slices.due()) await slices.next();
        const at = parseA1(change.address);
        if (!at) continue;
        const cell = cellFor(change.value, date1904);
        const old = writeCell(rows, copied, at.row, at.col, cell);
        pushEdit(edits, at.row, at.col, cell);
        record.previous.push({ address: change.address, value: old.value, format: old.format });
        before.push(old);
      }
      this.undoCells.set(record, before);
      this.replaceSheet(target, { ...target, rows }, edits, +1);
      return record;
    });
  }

  /** The grid is read-only, so no cell can have changed since the fix: none is left. */
  async undo(record: UndoRecord): Promise<number> {
    return this.oneWrite(async () => {
      const target = this.findSheet(record.sheet);
      if (!target) throw new Error(`There is no sheet “${record.sheet}”.`);
      const before = this.undoCells.get(record);
      const rows = target.rows.slice();
      const copied = new Set<number>();
      const edits = emptyEdits();
      const slices = new Slices();
      // In reverse, so a cell written twice ends as it first was.
      for (let i = record.previous.length - 1; i >= 0; i--) {
        if (slices.due()) await slices.next();
        const prev = record.previous[i];
        const at = prev && parseA1(prev.address);
        if (!prev || !at) continue;
        const cell = before?.[i] ?? cellFor(prev.value as string | number, this.snapshot.workbook.date1904);
        writeCell(rows, copied, at.row, at.col, cell);
        pushEdit(edits, at.row, at.col, cell);
      }
      this.replaceSheet(target, { ...target, rows }, edits, -1);
      return 0;
    });
  }

  /**
   * Writes one after the other: a write spans several turns of the event
   * loop (200,000 cells would hold the page for a tenth of a second), and
   * one begun meanwhile must start from its result.
   */
  private writing: Promise<unknown> = Promise.resolve();

  private oneWrite<T>(write: () => Promise<T>): Promise<T> {
    const run = this.writing.then(write);
    this.writing = run.catch(() => undefined);
    return run;
  }

  private readonly editHandlers = new Map<string, Set<(rows: number[]) => void>>();

  async onEdit(sheet: string, handler: (rows: number[]) => void): Promise<() => void> {
    this.setActiveSheet(sheet);
    const handlers = this.editHandlers.get(sheet) ?? new Set();
    handlers.add(handler);
    this.editHandlers.set(sheet, handlers);
    return () => handlers.delete(handler);
  }

  /**
   * The person typed a new value into a cell in the grid: written as Excel
   * would store it (a number as a number, "" empties the cell), and the
   * edit handlers are told, as Excel tells of an edit, so the sheet is
   * checked again.
   */
  async editCell(sheet: string, address: string, text: string): Promise<void> {
    const at = parseA1(address);
    if (!at) throw new Error(`“${address}” is not a cell address.`);
    const trimmed = text.trim();
    const value = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
    await this.writeValues(sheet, [{ address, value }]);
    for (const handler of this.editHandlers.get(sheet) ?? []) handler([at.row + 1]);
  }

  async loadMapping(sheetKey: string): Promise<SavedMapping | null> {
    this.setActiveSheet(sheetKey);
    try {
      const text = this.storage?.getItem(this.mappingKey(sheetKey));
      return text ? (JSON.parse(text) as SavedMapping) : null;
    } catch {
      return null;
    }
  }

  async saveMapping(sheetKey: string, mapping: SavedMapping): Promise<void> {
    try {
      this.storage?.setItem(this.mappingKey(sheetKey), JSON.stringify(mapping));
    } catch {
      // Not remembered: the person confirms the columns again next time.
    }
  }

  private mappingKey(sheetKey: string): string {
    return `${MAPPING_PREFIX}${this.file.name}.${sheetKey}`;
  }

  private findSheet(name: string): Sheet | undefined {
    return this.snapshot.workbook.sheets.find((s) => s.name === name);
  }

  private replaceSheet(from: Sheet, sheet: Sheet, edits: Edits, delta: number): void {
    this.derived?.(from, sheet, edits);
    this.changes = Math.max(0, this.changes + delta);
    const workbook = { ...this.snapshot.workbook, sheets: this.snapshot.workbook.sheets.map((s) => (s.name === sheet.name ? sheet : s)) };
    this.update({ workbook, changed: this.changes > 0 });
  }

  private update(patch: Partial<BrowserSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** A written value as Excel would store it: numbers as numbers, ISO dates as date serials. */
function cellFor(value: string | number | null | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined || value === '') return EMPTY_CELL;
  if (typeof value === 'number') return { kind: 'number', value };
  const serial = isoToSerial(value, date1904);
  if (serial !== null) return { kind: 'date', value: serial, format: 'yyyy-mm-dd' };
  return { kind: 'text', value };
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
