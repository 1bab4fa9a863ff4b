import type { Issue } from '../core/report';
import type { HighlightResult } from '../taskpane/host';
import { compactAreaList, expandAreaList, stripSheet } from './addresses';
import { fillKey, isPaintedWith, NO_FILL, queueFill, queueFillReads, queueRestore, type AreaAccess, type Fill } from './fills';
import { ERROR_FILL, flaggedCells, isOurNote, noteText, WARNING_FILL } from './flags';
import { suspendEvents } from './run';

/**
 * Highlighting flagged cells and putting them back. The number of
 * context.sync() calls is fixed, whatever the number of cells:
 *   1. read the cells' own fills and the sheet's notes (or comments);
 *   (1b. only when the sheet has notes or comments of the partner's own:
 *        which cells they are on, so we never cover or double them);
 *   2. write fills, notes and restorations, with events suspended;
 *   3. turn events back on.
 * Addresses are merged into rectangles and sent as RangeAreas in strings
 * under Excel's 8,192-character limit. Only a write batch that would exceed
 * Excel on the web's request limit (~5 MB: tens of thousands of notes) is
 * split into more syncs.
 */

/** What we painted on a sheet and what was there before: enough for Clear to restore it exactly. */
export interface HighlightRecord {
  v: 1;
  /** The partner's own fills of the cells we painted, grouped by fill; cells as an area list ("A1:A9,C4"). */
  fills: { fill: Fill; cells: string }[];
  /** Area lists of the cells painted with the error and the warning colour. */
  errors: string;
  warnings: string;
}

export type NoteMode = HighlightResult['notes'];

/** A request Excel on the web still accepts, with a margin under its ~5 MB limit. */
export const DEFAULT_WRITE_BUDGET_BYTES = 4_000_000;

export interface HighlightEnv {
  access: AreaAccess;
  notes: NoteMode;
  /** ExcelApi 1.8: runtime.enableEvents. */
  events: boolean;
  /** 0-based column for issues that name a row but no column. */
  rowIssueColumn: number;
  /** Estimated request size above which a write batch is split. */
  writeBudgetBytes?: number;
}

interface Previous {
  errors: Set<string>;
  warnings: Set<string>;
  own: Map<string, Fill>;
}

function unpack(record: HighlightRecord | null): Previous {
  const own = new Map<string, Fill>();
  for (const group of record?.fills ?? []) for (const cell of expandAreaList(group.cells)) own.set(cell, group.fill);
  return {
    errors: new Set(expandAreaList(record?.errors ?? '')),
    warnings: new Set(expandAreaList(record?.warnings ?? '')),
    own,
  };
}

function pack(own: Map<string, Fill>, errors: string[], warnings: string[]): HighlightRecord {
  const groups = new Map<string, { fill: Fill; cells: string[] }>();
  for (const [cell, fill] of own) {
    const key = fillKey(fill);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { fill, cells: [] }));
    group.cells.push(cell);
  }
  return {
    v: 1,
    fills: [...groups.values()].map(({ fill, cells }) => ({ fill, cells: compactAreaList(cells) })),
    errors: compactAreaList(errors),
    warnings: compactAreaList(warnings),
  };
}

/** Notes (ExcelApi 1.18) and threaded comments (1.10) behave alike for us. */
interface Annotation {
  content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

interface Annotations {
  items: Annotation[];
  load(props: string): unknown;
}

function annotationsOf(sheet: Excel.Worksheet, sheetName: string, mode: NoteMode): { list: Annotations; add(address: string, text: string): void } | null {
  if (mode === 'notes') return { list: sheet.notes, add: (address, text) => void sheet.notes.add(address, text) };
  // A comment's address as a string must name the sheet.
  const prefix = `'${sheetName.replace(/'/g, "''")}'!`;
  if (mode === 'comments') return { list: sheet.comments, add: (address, text) => void sheet.comments.add(prefix + address, text) };
  return null;
}

/** Syncs early only when the queued writes would make too large a request. */
class WriteBudget {
  private used = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      this.used = 0;
    }
    this.used += bytes;
  }
}

/**
 * Rough size of one queued operation in Office.js's request JSON (an action
 * plus its object path, without string arguments): an estimate on the safe side.
 */
const OP_BYTES = 200;

/**
 * Replaces the sheet's highlights with these issues' (a re-check calls it
 * again): cells no longer flagged get their own fill back, flagged cells keep
 * the fill they had before we first painted them.
 */
export async function highlightIn(
  context: Excel.RequestContext,
  sheetName: string,
  issues: Issue[],
  record: HighlightRecord | null,
  env: HighlightEnv,
): Promise<{ result: HighlightResult; record: HighlightRecord | null }> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const flagged = flaggedCells(issues, env.rowIssueColumn);
  const previous = unpack(record);
  const annotations = annotationsOf(sheet, sheetName, env.notes);
  if (flagged.size === 0 && previous.errors.size === 0 && previous.warnings.size === 0 && !annotations) {
    return { result: { cells: 0, notes: env.notes }, record: null };
  }

  // 1. Read.
  const painted = [...previous.errors, ...previous.warnings];
  const fills = queueFillReads(sheet, new Set([...painted, ...flagged.keys()]), env.access);
  annotations?.list.load('items/content');
  await context.sync();

  // 1b. Where the partner's own notes or comments are: we never cover or double them.
  const theirs = annotations ? await locate(context, annotations.list.items.filter((a) => !isOurNote(a.content))) : new Set<string>();

  // Plan: which fills come back, which are the partner's own to remember.
  const current = fills.result();
  const own = new Map<string, Fill>();
  const restore = new Map<string, Fill>();
  for (const address of painted) {
    const ours = previous.errors.has(address) ? ERROR_FILL : WARNING_FILL;
    // Refilled by the partner since we painted it: that fill is theirs now, leave it.
    if (!isPaintedWith(current.get(address), ours)) continue;
    const before = previous.own.get(address) ?? NO_FILL;
    if (flagged.has(address)) own.set(address, before);
    else restore.set(address, before);
  }
  for (const address of flagged.keys()) if (!own.has(address)) own.set(address, current.get(address) ?? NO_FILL);

  // 2. Write, with events suspended.
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const cell of flagged.values()) (cell.severity === 'error' ? errors : warnings).push(cell.address);
  const budget = new WriteBudget(context, env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES);
  const resume = suspendEvents(context, env.events);
  try {
    queueRestore(sheet, restore, env.access);
    queueFill(sheet, errors, { color: ERROR_FILL, pattern: 'Solid' }, env.access);
    queueFill(sheet, warnings, { color: WARNING_FILL, pattern: 'Solid' }, env.access);
    await budget.reserve(OP_BYTES + 8 * (restore.size + errors.length + warnings.length));
    if (annotations) {
      // Ours go and come back with the new text: simpler and safer than matching them cell by cell.
      for (const item of annotations.list.items) {
        if (!isOurNote(item.content)) continue;
        await budget.reserve(OP_BYTES);
        item.delete();
      }
      for (const cell of flagged.values()) {
        if (theirs.has(cell.address)) continue; // The partner's own note stays; the task pane lists the issue.
        const text = noteText(cell);
        await budget.reserve(OP_BYTES + sheetName.length + text.length);
        annotations.add(cell.address, text);
      }
    }
    await context.sync();
  } finally {
    // 3. Events back on.
    await resume();
  }
  const next = flagged.size > 0 ? pack(own, errors, warnings) : null;
  return { result: { cells: flagged.size, notes: env.notes }, record: next };
}

/** The cells (A1, upper case) of these notes or comments: one sync, only when there are any. */
async function locate(context: Excel.RequestContext, items: Annotation[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const ranges = items.map((item) => item.getLocation().load('address'));
  await context.sync();
  return new Set(ranges.map((range) => stripSheet(range.address).toUpperCase()));
}

/** Puts back the partner's own fills and removes our notes or comments. */
export async function clearIn(context: Excel.RequestContext, sheetName: string, record: HighlightRecord | null, env: HighlightEnv & { comments: boolean }): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const previous = unpack(record);
  const painted = [...previous.errors, ...previous.warnings];
  const fills = painted.length > 0 ? queueFillReads(sheet, painted, env.access) : null;
  // Notes and comments are found by their first line, so a lost record still clears them.
  const lists: Annotations[] = [];
  if (env.notes === 'notes') lists.push(sheet.notes);
  if (env.comments) lists.push(sheet.comments);
  for (const list of lists) list.load('items/content');
  if (!fills && lists.length === 0) return;
  await context.sync();

  const current = fills?.result() ?? new Map<string, Fill>();
  const restore = new Map<string, Fill>();
  for (const address of painted) {
    const ours = previous.errors.has(address) ? ERROR_FILL : WARNING_FILL;
    if (isPaintedWith(current.get(address), ours)) restore.set(address, previous.own.get(address) ?? NO_FILL);
  }
  const ourNotes = lists.flatMap((list) => list.items.filter((item) => isOurNote(item.content)));
  if (restore.size === 0 && ourNotes.length === 0) return;

  const budget = new WriteBudget(context, env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES);
  const resume = suspendEvents(context, env.events);
  try {
    queueRestore(sheet, restore, env.access);
    await budget.reserve(OP_BYTES + 8 * restore.size);
    for (const note of ourNotes) {
      await budget.reserve(OP_BYTES);
      note.delete();
    }
    await context.sync();
  } finally {
    await resume();
  }
}
