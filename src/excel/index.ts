import { HSH_2023 } from '../core/collection/hsh2023';
import type { Period } from '../core/collection/types';
import type { Issue } from '../core/report';
import type { Workbook } from '../core/workbook';
import type { CellChange, HighlightResult, SavedMapping, UndoRecord, WorkbookHost } from '../taskpane/host';
import { analysisTable, buildAnalysisIn, type AggregateRecordJson, type AnalysisResult } from './analysis';
import type { Collection } from '../core/collection/types';
import { guessDate1904 } from './date1904';
import { changedRows, debounceRows, DEFAULT_DEBOUNCE_MS } from './events';
import { date1904FromCalculation, date1904FromFile } from './file1904';
import { clearIn, highlightIn, type HighlightEnv, type HighlightRecord, type NoteMode } from './highlight';
import { excelApi } from './office';
import { readWorkbookIn, type SheetLayout } from './read';
import { PayloadBudget, DEFAULT_BUDGET_BYTES } from './budget';
import { friendlyError, type HostAction } from './errors';
import { HostQueue } from './queue';
import { runExcel, withoutEvents } from './run';
import { getSetting, loadMapping, saveMapping, setSetting } from './settings';
import { goToIn, undoIn, writeValuesIn } from './write';

export { detectOffice } from './office';

/**
 * The taskpane's WorkbookHost inside Excel: the only code that talks to
 * Office.js. Each method is one Excel.run (one user action), which waits for
 * the partner to finish editing a cell (delayForCellEdit; elsewhere retried
 * once), taken in turn from one queue, and its failures told in words that
 * say what to do (errors.ts).
 */

export interface ExcelHostOptions {
  /** The reporting period, for telling 1904 dates from the dates themselves. Default: the 2023 collection's. */
  period?: Period;
  /** Wait before the one retry when Excel is in cell-edit mode and cannot delay the batch itself. */
  retryDelayMs?: number;
  /** Live re-check debounce. */
  debounceMs?: number;
  /** Cells per read sync (Excel on the web caps a response at about 5 MB). */
  cellBudget?: number;
  /** Estimated request size above which writes are split into more syncs. */
  writeBudgetBytes?: number;
  /** Estimated response size above which reads are split into more syncs. */
  readBudgetBytes?: number;
}

/** The Excel host, with what the taskpane may show besides the WorkbookHost calls. */
export interface ExcelHost extends WorkbookHost {
  /** Sheets whose merged cells could not all be read at the last readWorkbook (see read.ts). */
  readonly mergesMissing: readonly string[];
  /** The queue every call goes through (tests wait on it). */
  readonly queue: HostQueue;
  /** The payload budget, halved for the session after Excel refused a request as too large. */
  readonly budget: PayloadBudget;
  /**
   * Analyst mode: the records as a table on a new sheet, PivotTables when the
   * host has ExcelApi 1.8 (else formulas), and charts (analysis.ts).
   */
  /** `population`: children under 5 by ZIP, when the server has a population table. */
  buildAnalysis(records: readonly AggregateRecordJson[], collection: Collection, period?: Period, population?: ReadonlyMap<string, number>): Promise<AnalysisResult>;
}

const HIGHLIGHT_PREFIX = 'hsh.highlights:';

/** Which note mechanism this host offers: notes (ExcelApi 1.18), threaded comments (1.10) or none. */
export function noteMode(): NoteMode {
  if (excelApi('1.18')) return 'notes';
  if (excelApi('1.10')) return 'comments';
  return 'none';
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const period = options.period ?? HSH_2023.period;
  const queue = new HostQueue();
  const budget = new PayloadBudget(options.writeBudgetBytes ?? DEFAULT_BUDGET_BYTES, options.readBudgetBytes ?? DEFAULT_BUDGET_BYTES);
  let mergesMissing: string[] = [];
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runExcel(batch, { retryDelayMs: options.retryDelayMs });
  /** One host call: in turn, and with its failure in words. A key lets a newer call join a waiting one. */
  const call = <T>(action: HostAction, task: () => Promise<T>, key?: string): Promise<T> =>
    queue.run(async () => {
      try {
        return await task();
      } catch (error) {
        throw friendlyError(error, action);
      }
    }, key);
  const layouts = new Map<string, SheetLayout>();
  // Fills an earlier version of the add-in painted, per sheet, as it saved them in the workbook
  // settings: the next Highlight or Clear puts them back and the record goes (highlights are now
  // our own conditional formats, which need no record).
  const records = new Map<string, HighlightRecord | null>();

  /** The worksheet's id from the last read: actions find the sheet by it after the partner renamed it. */
  const idOf = (sheet: string): string | undefined => layouts.get(sheet)?.id || undefined;
  // Records are kept by worksheet id (by name before the first read, or as an older version saved them).
  const recordKey = (sheet: string): string => idOf(sheet) ?? sheet;
  const recordOf = (sheet: string): HighlightRecord | null => {
    const key = recordKey(sheet);
    if (records.has(key)) return records.get(key) ?? null;
    const stored = getSetting<HighlightRecord>(HIGHLIGHT_PREFIX + key) ?? getSetting<HighlightRecord>(HIGHLIGHT_PREFIX + sheet);
    return stored && stored.v === 1 ? stored : null;
  };
  /** Once put back, the record goes: from memory, and from the settings only when one is there (no save otherwise). */
  const forget = async (sheet: string): Promise<void> => {
    const key = recordKey(sheet);
    records.set(key, null);
    try {
      for (const stored of new Set([key, sheet])) if (getSetting(HIGHLIGHT_PREFIX + stored) !== null) await setSetting(HIGHLIGHT_PREFIX + stored, null);
    } catch {
      // Settings could not be saved: the record is gone from memory, and a later Clear finds
      // the fills it names no longer in our colour and leaves them.
    }
  };
  const env = (sheet: string): HighlightEnv => {
    const rangeAreas = excelApi('1.9');
    return {
      access: { rangeAreas, cellProperties: rangeAreas },
      notes: noteMode(),
      events: excelApi('1.8'),
      rowIssueColumn: layouts.get(sheet)?.left ?? 0,
      writeBudgetBytes: options.writeBudgetBytes,
      budget,
      sheetId: idOf(sheet),
    };
  };

  return {
    kind: 'excel',
    queue,
    budget,
    get mergesMissing() {
      return mergesMissing;
    },

    buildAnalysis(records: readonly AggregateRecordJson[], collection: Collection, analysisPeriod?: Period, population?: ReadonlyMap<string, number>): Promise<AnalysisResult> {
      const table = analysisTable(records, collection, analysisPeriod ?? period, population);
      return call('analysis', () => run((context) => buildAnalysisIn(context, table, { pivots: excelApi('1.8'), budget })));
    },

    readWorkbook(): Promise<Workbook> {
      // Re-checks asked for while one waits are one read: the newest answers them all.
      return call(
        'read',
        async () => {
          const { workbook, layouts: read, mergesMissing: missing } = await run((context) => readWorkbookIn(context, { cellBudget: options.cellBudget, merges: excelApi('1.13'), budget, formulaCells: excelApi('1.9') }));
          layouts.clear();
          for (const layout of read) layouts.set(layout.name, layout);
          mergesMissing = missing;
          return workbook;
        },
        'read',
      );
    },

    async detectDate1904(workbook: Workbook): Promise<boolean | 'unknown'> {
      const fromExcel = await call('read', () => run((context) => date1904FromCalculation(context))).catch(() => null);
      if (fromExcel !== null) return fromExcel;
      const fromFile = await date1904FromFile();
      if (fromFile !== null) return fromFile;
      return guessDate1904(workbook, period);
    },

    highlight(sheet: string, issues: Issue[]): Promise<HighlightResult> {
      // A highlight superseded before it started is never painted: the newer one answers both.
      return call(
        'highlight',
        async () => {
          const result = await run((context) => highlightIn(context, sheet, issues, recordOf(sheet), env(sheet)));
          await forget(sheet);
          return result;
        },
        `highlight:${sheet}`,
      );
    },

    clearHighlights(sheet: string): Promise<void> {
      return call('clear', async () => {
        await run((context) => clearIn(context, sheet, recordOf(sheet), { ...env(sheet), comments: excelApi('1.10') }));
        await forget(sheet);
      });
    },

    goTo(sheet: string, address: string): Promise<void> {
      return call('goTo', () => run((context) => goToIn(context, idOf(sheet) ?? sheet, address)));
    },

    writeValues(sheet: string, changes: CellChange[]): Promise<UndoRecord> {
      return call('fix', () => run((context) => withoutEvents(context, excelApi('1.8'), () => writeValuesIn(context, sheet, changes, budget, idOf(sheet)))));
    },

    undo(record: UndoRecord): Promise<number> {
      return call('undo', () => run((context) => withoutEvents(context, excelApi('1.8'), () => undoIn(context, record, budget))));
    },

    async onEdit(sheet: string, handler: (rows: number[]) => void): Promise<() => void> {
      const debounced = debounceRows(handler, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      const lastRow = (): number => {
        const layout = layouts.get(sheet);
        return layout ? layout.top + layout.rowCount : 0;
      };
      const registration = await call('watch', () => run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(idOf(sheet) ?? sheet);
        const result = worksheet.onChanged.add(async (event) => {
          debounced.add(changedRows(event, lastRow()));
        });
        await context.sync();
        return result;
      }));
      return () => {
        debounced.cancel();
        void queue.run(() => Excel.run(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        })).catch(() => {
          // The workbook or task pane is closing: nothing left to unsubscribe from.
        });
      };
    },

    async loadMapping(sheetKey: string): Promise<SavedMapping | null> {
      return loadMapping(sheetKey);
    },

    async saveMapping(sheetKey: string, mapping: SavedMapping): Promise<void> {
      await saveMapping(sheetKey, mapping);
    },
  };
}
