import { HSH_2023 } from '../core/collection/hsh2023';
import type { Period } from '../core/collection/types';
import type { Issue } from '../core/report';
import type { Workbook } from '../core/workbook';
import type { CellChange, HighlightResult, SavedMapping, UndoRecord, WorkbookHost } from '../taskpane/host';
import { guessDate1904 } from './date1904';
import { changedRows, debounceRows, DEFAULT_DEBOUNCE_MS } from './events';
import { date1904FromFile } from './file1904';
import { clearIn, highlightIn, type HighlightEnv, type HighlightRecord, type NoteMode } from './highlight';
import { excelApi } from './office';
import { readWorkbookIn, type SheetLayout } from './read';
import { runExcel } from './run';
import { getSetting, loadMapping, saveMapping, setSetting } from './settings';
import { goToIn, undoIn, writeValuesIn } from './write';

export { detectOffice } from './office';

/**
 * The taskpane's WorkbookHost inside Excel: the only code that talks to
 * Office.js. Each method is one Excel.run (one user action), retried once if
 * the partner is editing a cell.
 */

export interface ExcelHostOptions {
  /** The reporting period, for telling 1904 dates from the dates themselves. Default: the 2023 collection's. */
  period?: Period;
  /** Wait before the one retry when Excel is in cell-edit mode. */
  retryDelayMs?: number;
  /** Live re-check debounce. */
  debounceMs?: number;
  /** Cells per read sync (Excel on the web caps a response at about 5 MB). */
  cellBudget?: number;
  /** Estimated request size above which a highlight's writes are split into more syncs. */
  writeBudgetBytes?: number;
}

const HIGHLIGHT_PREFIX = 'hsh.highlights:';

/** Which note mechanism this host offers: notes (ExcelApi 1.18), threaded comments (1.10) or none. */
export function noteMode(): NoteMode {
  if (excelApi('1.18')) return 'notes';
  if (excelApi('1.10')) return 'comments';
  return 'none';
}

export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  const period = options.period ?? HSH_2023.period;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runExcel(batch, { retryDelayMs: options.retryDelayMs });
  const layouts = new Map<string, SheetLayout>();
  // What we painted, per sheet: in memory for this session, mirrored in the workbook settings
  // so that Clear still restores the partner's fills after the task pane is reopened.
  const records = new Map<string, HighlightRecord | null>();

  const recordOf = (sheet: string): HighlightRecord | null => {
    if (records.has(sheet)) return records.get(sheet) ?? null;
    const stored = getSetting<HighlightRecord>(HIGHLIGHT_PREFIX + sheet);
    return stored && stored.v === 1 ? stored : null;
  };
  const remember = async (sheet: string, record: HighlightRecord | null): Promise<void> => {
    records.set(sheet, record);
    try {
      await setSetting(HIGHLIGHT_PREFIX + sheet, record);
    } catch {
      // Settings could not be saved: the in-memory record still serves this session.
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
    };
  };

  return {
    kind: 'excel',

    async readWorkbook(): Promise<Workbook> {
      const { workbook, layouts: read } = await run((context) => readWorkbookIn(context, { cellBudget: options.cellBudget, merges: excelApi('1.13') }));
      layouts.clear();
      for (const layout of read) layouts.set(layout.name, layout);
      return workbook;
    },

    async detectDate1904(workbook: Workbook): Promise<boolean | 'unknown'> {
      const fromFile = await date1904FromFile();
      if (fromFile !== null) return fromFile;
      return guessDate1904(workbook, period);
    },

    async highlight(sheet: string, issues: Issue[]): Promise<HighlightResult> {
      const previous = recordOf(sheet);
      const { result, record } = await run((context) => highlightIn(context, sheet, issues, previous, env(sheet)));
      await remember(sheet, record);
      return result;
    },

    async clearHighlights(sheet: string): Promise<void> {
      const previous = recordOf(sheet);
      await run((context) => clearIn(context, sheet, previous, { ...env(sheet), comments: excelApi('1.10') }));
      await remember(sheet, null);
    },

    async goTo(sheet: string, address: string): Promise<void> {
      await run((context) => goToIn(context, sheet, address));
    },

    async writeValues(sheet: string, changes: CellChange[]): Promise<UndoRecord> {
      return run((context) => writeValuesIn(context, sheet, changes));
    },

    async undo(record: UndoRecord): Promise<void> {
      await run((context) => undoIn(context, record));
    },

    async onEdit(sheet: string, handler: (rows: number[]) => void): Promise<() => void> {
      const debounced = debounceRows(handler, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      const lastRow = (): number => {
        const layout = layouts.get(sheet);
        return layout ? layout.top + layout.rowCount : 0;
      };
      const registration = await run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        const result = worksheet.onChanged.add(async (event) => {
          debounced.add(changedRows(event, lastRow()));
        });
        await context.sync();
        return result;
      });
      return () => {
        debounced.cancel();
        void Excel.run(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        }).catch(() => {
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
