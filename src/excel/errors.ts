import { errorCode } from './run';

/**
 * What the partner reads when Excel refuses: all the wording of the adapter's
 * errors, keyed by Office.js error code, each saying what to do next rather
 * than repeating Excel's own text ("The requested resource doesn't exist.").
 */

/** An error from the adapter: a sentence for the partner, Excel's code kept for the code. */
export class ExcelHostError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExcelHostError';
    this.code = code;
  }
}

export function hostError(code: string, message: string, cause?: unknown): ExcelHostError {
  return new ExcelHostError(code, message, cause === undefined ? undefined : { cause });
}

/** What a host call was doing, in the words of the sentence "Excel could not … ". */
export type HostAction = 'read' | 'highlight' | 'clear' | 'fix' | 'undo' | 'goTo' | 'watch' | 'analysis';

const DOING: Record<HostAction, string> = {
  read: 'read the workbook',
  highlight: 'highlight the cells',
  clear: 'clear the highlights',
  fix: 'write the fixes',
  undo: 'put the values back',
  goTo: 'go to the cell',
  watch: 'follow your edits',
  analysis: 'build the analysis',
};

const BY_CODE: Record<string, (doing: string) => string> = {
  ItemNotFound: (d) => `Excel could not ${d}: a sheet or cell it needs is no longer there (renamed, moved or deleted). Check the workbook again, then retry.`,
  AccessDenied: (d) =>
    `Excel could not ${d}: the sheet or workbook is protected, or the file is open read-only. Unprotect the sheet (Review › Unprotect Sheet) or open the file for editing, then try again.`,
  InvalidOperationInCellEditMode: (d) => `Excel could not ${d} while you are typing in a cell. Press Enter or Esc to finish editing, then try again.`,
  InvalidOperation: (d) => `Excel could not ${d} in the workbook's present state (a cell being edited, a dialog open, or a shared-workbook lock). Close any dialog, finish editing, then try again.`,
  InvalidArgument: (d) => `Excel could not ${d}: it did not accept the add-in's request for these cells. Check the workbook again; if it keeps happening, tell us which sheet it was.`,
  InvalidReference: (d) => `Excel could not ${d}: the cells the add-in remembered no longer exist. Check the workbook again, then retry.`,
  GeneralException: (d) => `Excel could not ${d} and did not say why. Save the workbook and try again; on a very large sheet, try after closing other workbooks.`,
  RequestPayloadSizeLimitExceeded: (d) =>
    `Excel could not ${d}: even in small parts this is more than Excel on the web accepts at once. Try fewer cells (one sheet at a time) or Excel on the desktop.`,
  ResponsePayloadSizeLimitExceeded: (d) =>
    `Excel could not ${d}: even in small parts the answer is more than Excel on the web sends at once. Try fewer cells (one sheet at a time) or Excel on the desktop.`,
  PayloadTooLarge: (d) => `Excel could not ${d}: the request is too large for Excel on the web. Try fewer cells or Excel on the desktop.`,
  ApiNotFound: (d) => `Excel could not ${d}: this version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web.`,
  NotImplemented: (d) => `Excel could not ${d}: this version of Excel does not offer it. Update Excel, or use Excel on the web.`,
  Conflict: (d) => `Excel could not ${d}: someone else changed the same cells at the same moment. Wait a few seconds, then try again.`,
  InsertDeleteConflict: (d) => `Excel could not ${d}: rows or columns were inserted or deleted meanwhile. Check the workbook again, then retry.`,
  ActivityLimitReached: (d) => `Excel could not ${d}: Excel is busy with many requests. Wait a minute, then try again.`,
  RequestAborted: (d) => `Excel could not ${d}: the request was interrupted. Try again.`,
  Timeout: (d) => `Excel could not ${d} in time. Try again; on a very large sheet, try one sheet at a time.`,
  ServiceNotAvailable: (d) => `Excel could not ${d}: the Excel service is not reachable. Check your connection, then try again.`,
  Unauthenticated: (d) => `Excel could not ${d}: your sign-in has expired. Sign in to Office again, then retry.`,
  WorkbookProtected: (d) => `Excel could not ${d}: the workbook structure is protected. Unprotect it (Review › Protect Workbook), then try again.`,
};

/** The adapter's own errors pass as they are; Excel's get words that say what to do. */
export function friendlyError(error: unknown, action: HostAction): Error {
  if (error instanceof ExcelHostError) return error;
  const code = errorCode(error);
  const words = code ? BY_CODE[code] : undefined;
  if (words) return hostError(code!, words(DOING[action]), error);
  const raw = error instanceof Error && error.message ? ` (Excel said: “${error.message}”)` : '';
  return hostError(code ?? 'Unknown', `Excel could not ${DOING[action]}${raw}. Try again; if it keeps happening, tell us what you were doing.`, error);
}

/** Checked before writing: a protected sheet would refuse the writes halfway. */
export function protectedSheetError(sheet: string, action: HostAction): ExcelHostError {
  return hostError(
    'AccessDenied',
    `The sheet “${sheet}” is protected, so the add-in cannot ${DOING[action]}. Unprotect it (Review › Unprotect Sheet; a password may be needed), then try again. Nothing was changed.`,
  );
}

/** When a write failed and what was already written has been put back. */
export function rolledBack(error: unknown, action: HostAction): ExcelHostError {
  const base = friendlyError(error, action);
  return hostError(errorCode(error) ?? 'Unknown', `${base.message} The cells already changed have been put back as they were.`, error);
}
