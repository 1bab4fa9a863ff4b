import { parseRange } from './addresses';

/**
 * Live re-check: the partner edits the sheet, we report the 1-based rows that
 * changed, debounced so a paste or a fill-down is one report.
 */

export const DEFAULT_DEBOUNCE_MS = 400;

/** What a change means in rows. Inserting or deleting rows shifts everything below; columns, everything. */
export function changedRows(event: Pick<Excel.WorksheetChangedEventArgs, 'address' | 'changeType'>, lastRow: number): number[] {
  const rect = parseRange(event.address);
  if (!rect) return [];
  const last = Math.max(lastRow, rect.top + 1);
  let from = rect.top + 1;
  let to = Math.min(rect.bottom + 1, last);
  switch (event.changeType) {
    case 'RowInserted':
    case 'RowDeleted':
    case 'CellInserted':
    case 'CellDeleted':
      to = last;
      break;
    case 'ColumnInserted':
    case 'ColumnDeleted':
      from = 1;
      to = last;
      break;
    default:
      break;
  }
  const rows: number[] = [];
  for (let r = from; r <= to; r++) rows.push(r);
  return rows;
}

/** Collects rows and calls back once they stop coming for `delayMs`. */
export function debounceRows(handler: (rows: number[]) => void, delayMs = DEFAULT_DEBOUNCE_MS): { add(rows: number[]): void; cancel(): void } {
  const pending = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    add(rows) {
      for (const r of rows) pending.add(r);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const sorted = [...pending].sort((a, b) => a - b);
        pending.clear();
        if (sorted.length > 0) handler(sorted);
      }, delayMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
