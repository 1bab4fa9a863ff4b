/**
 * One Excel.run per user action. When the partner is typing in a cell, Excel
 * waits for them (`delayForCellEdit`) where it can; elsewhere the batch is
 * tried once more after a pause.
 */

export interface RunOptions {
  /** Wait before the one retry, in ms: long enough for the partner to press Enter. */
  retryDelayMs?: number;
}

export const DEFAULT_RETRY_DELAY_MS = 1000;

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isCellEditModeError(error: unknown): boolean {
  return errorCode(error) === 'InvalidOperationInCellEditMode';
}

/** Excel on the web refuses requests and responses over about 5 MB. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/**
 * Which limit a refused sync ran into: 'request', 'response', 'either' for
 * GeneralException (Excel on the web has been seen to report oversized
 * payloads so), or null when it is another failure.
 */
export function payloadSide(error: unknown): 'request' | 'response' | 'either' | null {
  const code = errorCode(error);
  if (code === 'RequestPayloadSizeLimitExceeded') return 'request';
  if (code === 'ResponsePayloadSizeLimitExceeded') return 'response';
  if (code === 'PayloadTooLarge' || code === 'GeneralException') return 'either';
  return null;
}

/**
 * Whether Excel can hold a batch until the partner leaves cell-edit mode.
 * `RunOptions.delayForCellEdit` carries no `[Api set]` tag in @types/office-js;
 * Microsoft's library sends it only when the host reports the
 * "DelayForCellEdit" requirement set, so that is what is asked here.
 */
export function canDelayForCellEdit(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('DelayForCellEdit') === true;
  } catch {
    return false;
  }
}

/**
 * Runs the batch in Excel. Where Excel can wait for the partner to finish
 * typing in a cell, it does. Elsewhere, if Excel refuses because the partner
 * is editing a cell, waits and runs it once more; a second refusal is the
 * caller's to report (the `await` sits inside the `try` so the rejection is
 * caught here and the retry really happens).
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  if (canDelayForCellEdit()) return await Excel.run({ delayForCellEdit: true }, batch);
  try {
    return await Excel.run(batch);
  } catch (error) {
    if (!isCellEditModeError(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS));
    return await Excel.run(batch);
  }
}

/**
 * Suspends Excel's events while we write (ExcelApi 1.8), so our own fills and
 * notes do not come back to us as edits. Returns the function that turns them
 * on again; call it in `finally`.
 */
export function suspendEvents(context: Excel.RequestContext, supported: boolean): () => Promise<void> {
  if (!supported) return async () => {};
  context.runtime.enableEvents = false;
  return async () => {
    context.runtime.enableEvents = true;
    try {
      await context.sync();
    } catch {
      // The write failed too; that error is the one the caller reports.
    }
  };
}

/**
 * Runs `work` with Excel's events suspended (ExcelApi 1.8): a Fix's or an
 * Undo's own writes then do not come back as the partner's edits and cause a
 * second re-check after the one the taskpane asks for.
 */
export async function withoutEvents<T>(context: Excel.RequestContext, supported: boolean, work: () => Promise<T>): Promise<T> {
  const resume = suspendEvents(context, supported);
  try {
    return await work();
  } finally {
    await resume();
  }
}
