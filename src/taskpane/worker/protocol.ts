import type { CheckOptions } from '../../core/check';
import type { Sheet, Workbook } from '../../core/workbook';
import type { AnnotateMeta } from '../../annotate/index';
import type { Choice, Mappings, Report } from '../flow';
import type { Edits } from './edits';
import type { Part } from './parts';
import type { WirePlan } from '../steps/check/plan';

/**
 * The messages between the taskpane and its check worker: plain data that
 * structured clone copies, each request with an id its answer repeats.
 *
 * Sheets and reports are big (50,000 rows is 750,000 cells), and copying
 * them to the worker costs the main thread too. So the worker keeps those of
 * its last request under an id, and a request names a kept one by its id
 * alone, or a kept one and the cells written into it since (edits.ts); one
 * the worker no longer has is answered `missing`, and the client sends it
 * again in full. Long arrays in either direction travel in parts before
 * their message (parts.ts).
 *
 * What the page only shows or passes on stays here: a check's fixes (one
 * per cell to rewrite) come back planned into Fix and Tidy, packed as
 * numbers (plan.ts), with the few values the previews show.
 */

/** Everything the taskpane asks of the engine (a collection is code, and stays at home). */
export type WireCheckOptions = Omit<CheckOptions, 'collection'>;

/**
 * A sheet by id, with its cells when the worker may not have it, or the
 * cells written into one it keeps (`from`): the worker makes it from that.
 */
export interface WireSheet {
  id: string;
  sheet?: Sheet;
  from?: { id: string; edits: Edits };
}

export interface WireWorkbook {
  date1904: boolean;
  source?: Workbook['source'];
  sheets: WireSheet[];
}

export type CheckRequest =
  | { id: number; type: 'read'; bytes: Uint8Array; name: string }
  | { id: number; type: 'check'; workbook: WireWorkbook; options: WireCheckOptions }
  | { id: number; type: 'annotate'; workbook: WireWorkbook; report: { id: string; report?: Report }; meta: AnnotateMeta }
  /** The submission's JSON body of the workbook's values (payload.ts). */
  | { id: number; type: 'body'; workbook: WireWorkbook; choice: Choice; mapping: Mappings }
  | Part;

export type CheckResponse =
  /** `sheetIds[i]` names `workbook.sheets[i]` from now on. */
  | { id: number; type: 'read'; workbook: Workbook; sheetIds: string[] }
  /** `plan`: what Fix and Tidy write, made ahead here (what names no sheet under NO_SHEET). */
  | { id: number; type: 'check'; report: Report; reportId: string; plan?: WirePlan }
  | { id: number; type: 'annotate'; bytes: Uint8Array }
  /** UTF-8, its buffer handed over. */
  | { id: number; type: 'body'; body: Uint8Array }
  /** While a request runs (the annotated workbook): `done` of `of` steps, and what is being done now. */
  | { id: number; type: 'progress'; done: number; of: number; step: string }
  /** `missing`: a sheet or report named by id only is no longer kept. */
  | { id: number; type: 'error'; message: string; name?: string; missing?: boolean }
  | Part;

/** The ids the worker gives what it made itself, distinct from the client's own ("c1", "c2"…). */
export const readSheetId = (request: number, index: number): string => `r${request}.${index}`;
export const reportId = (request: number): string => `k${request}`;
