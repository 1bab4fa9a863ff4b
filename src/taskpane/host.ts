import type { Collection, Period } from '../core/collection/types';
import type { AnalysisResult } from '../excel/analysis';
import type { AggregateRecordJson } from './api';
import type { MappingChoice } from '../core/check';
import type { Issue } from '../core/report';
import type { Workbook } from '../core/workbook';

/**
 * What the taskpane needs from the workbook it works on. Two implementations:
 * src/excel (Office.js, inside Excel) and the browser mode (a file opened from
 * disk, shown as a grid). The React components receive one of these through
 * context and never touch Excel.* themselves.
 */
export interface WorkbookHost {
  kind: 'excel' | 'browser';
  /** Excel only: analyst mode, the aggregate as a table, PivotTables (or formulas) and charts in this workbook. */
  buildAnalysis?(records: readonly AggregateRecordJson[], collection: Collection, period?: Period, population?: ReadonlyMap<string, number>): Promise<AnalysisResult>;
  /** Reads every sheet (values, number formats, value types, merges) in row blocks. */
  readWorkbook(): Promise<Workbook>;
  /**
   * Whether the workbook uses the 1904 date system: true/false when known,
   * 'unknown' when it could not be told (the taskpane then asks the partner).
   */
  detectDate1904(workbook: Workbook): Promise<boolean | 'unknown'>;
  /** Fills flagged cells (errors and warnings in two colours) and attaches a note with all the cell's issues. */
  highlight(sheet: string, issues: Issue[]): Promise<HighlightResult>;
  /** Restores the partner's own fills and removes our notes. */
  clearHighlights(sheet: string): Promise<void>;
  /** Selects the cell (A1 address) and scrolls to it. */
  goTo(sheet: string, address: string): Promise<void>;
  /** Writes normalised values into cells; returns what is needed to undo it. */
  writeValues(sheet: string, changes: CellChange[]): Promise<UndoRecord>;
  /** Puts the values back; returns how many cells it left as they are, as the partner changed them since the fix. */
  undo(record: UndoRecord): Promise<number>;
  /** Calls back with 1-based row numbers the partner edited; returns an unsubscribe function. */
  onEdit(sheet: string, handler: (rows: number[]) => void): Promise<() => void>;
  /** The mapping confirmed earlier for this workbook (workbook settings) or by this partner (local storage). */
  loadMapping(sheetKey: string): Promise<SavedMapping | null>;
  saveMapping(sheetKey: string, mapping: SavedMapping): Promise<void>;
}

export interface HighlightResult {
  cells: number;
  /** How notes were attached: Excel notes (ExcelApi 1.18), threaded comments, or not at all. */
  notes: 'notes' | 'comments' | 'none';
}

export interface CellChange {
  /** A1 address, e.g. "C7". */
  address: string;
  value: string | number;
}

export interface UndoRecord {
  sheet: string;
  /** The worksheet's id (Excel): Undo finds the sheet after the partner renamed it. */
  sheetId?: string;
  /** The cells' previous values and number formats, to write back. */
  previous: {
    address: string;
    value: unknown;
    format?: string;
    /** The cell's formula ("=B2*2") when it held one; `value` is then its result. */
    formula?: string;
    /** What the cell held just after the fix (Excel): Undo leaves a cell that holds anything else, as the partner changed it since. */
    fixed?: unknown;
  }[];
  /** Cells of the changes left as they were because they hold a formula (Excel): the formula's result is the formula's to change. */
  formulas?: number;
}

export interface SavedMapping {
  sheet: string;
  headerRow: number;
  /** Column letter → field id, null, or one part of a field. */
  columns: Record<string, MappingChoice>;
  date1904?: boolean;
}
