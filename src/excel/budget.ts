/**
 * Budgets for Excel on the web's payload limits: a request, and its response,
 * must each stay under about 5 MB. We estimate the bytes of what we queue and
 * sync before the estimate passes the budget. When Excel still refuses, the
 * budget halves and stays halved for the rest of the session: the next action
 * starts from the size that worked.
 */

/** The documented limit: 5 MB for a request and for a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What we aim for: a margin under the limit for what our estimates miss. */
export const DEFAULT_BUDGET_BYTES = 4_000_000;
/** Below this a budget stops halving: one operation that large fails on its own merits. */
const MIN_BUDGET_BYTES = 16_000;

/** Estimated bytes of one operation (action, object path) before its arguments, on the safe side. */
export const OP_BYTES = 250;

export class PayloadBudget {
  /** Bytes a cell of this workbook took in a read's response, the most measured this session (read.ts). */
  cellBytes = 0;

  constructor(
    public request = DEFAULT_BUDGET_BYTES,
    public response = DEFAULT_BUDGET_BYTES,
  ) {}

  /** Halves one side after Excel refused it; false when it cannot get smaller. */
  shrink(side: 'request' | 'response'): boolean {
    const now = this[side];
    if (now <= MIN_BUDGET_BYTES) return false;
    this[side] = Math.max(MIN_BUDGET_BYTES, Math.floor(now / 2));
    return true;
  }
}

/**
 * Office.js keeps a reference in Excel to every range made inside Excel.run
 * (an `_KeepReference` in the request) and releases them all in one request
 * when the run ends: for 50,000 single-cell runs that release alone is about
 * 14 MB, more than Excel on the web accepts. A range used only within the
 * sync it was made for needs neither: `untrack` drops both.
 */
export function untracked<T>(object: T): T {
  (object as { untrack?: () => unknown }).untrack?.();
  return object;
}

/** UTF-8 bytes of a string, without TextEncoder (cheap, exact). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value in Office.js's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? 'null');
}

/**
 * Packs items into batches whose summed cost stays within the budget (an item
 * larger than the budget goes alone: the caller splits such items first).
 */
export function packByCost<T>(items: T[], cost: (item: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const c = cost(item);
    if (current.length > 0 && used + c > budget) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += c;
  }
  if (current.length > 0) out.push(current);
  return out;
}
