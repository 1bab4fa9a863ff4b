import type { Issue } from '../core/report';
import type { HighlightResult } from '../taskpane/host';
import { compactAreaList, expandAreaList, stripSheet } from './addresses';
import { fillKey, isPaintedWith, NO_FILL, queueFill, queueFillReads, queueRestore, type AreaAccess, type Fill } from './fills';
import { ERROR_FILL, flaggedCells, isOurNote, noteText, WARNING_FILL } from './flags';
import { suspendEvents } from './run';

/**
 * Highlighting flagged cells and putting them back. The number of
 * context.sync() calls is fixed, whatever the number of cells:
 *   1. read the cells' own fills (and which cells already carry a note);
 *   (1b. only with threaded comments, and only when the sheet has comments of
 *        the partner's own: where those are);
 *   2. write fills, notes and restorations, with events suspended;
 *   3. turn events back on.
 * Addresses are merged into rectangles and sent as RangeAreas in strings
 * under Excel's 8,192-character limit.
 */

/** What we painted on a sheet and what was there before: enough for Clear to restore it exactly. */
export interface HighlightRecord {
  v: 1;
  /** The partner's own fills of the cells we painted, grouped by fill; cells as an area list ("A1:A9,C4"). */
  fills: { fill: Fill; cells: string }[];
  /** Area lists of the cells painted with the error and the warning colour. */
  errors: string;
  warnings: string;
  /** Area list of the cells where we put a note. */
  notes: string;
}

export type NoteMode = HighlightResult['notes'];

export interface HighlightEnv {
  access: AreaAccess;
  notes: NoteMode;
  /** ExcelApi 1.8: runtime.enableEvents. */
  events: boolean;
  /** 0-based column for issues that name a row but no column. */
  rowIssueColumn: number;
}

interface Previous {
  errors: Set<string>;
  warnings: Set<string>;
  own: Map<string, Fill>;
  notes: Set<string>;
}

function unpack(record: HighlightRecord | null): Previous {
  const own = new Map<string, Fill>();
  for (const group of record?.fills ?? []) for (const cell of expandAreaList(group.cells)) own.set(cell, group.fill);
  return {
    errors: new Set(expandAreaList(record?.errors ?? '')),
    warnings: new Set(expandAreaList(record?.warnings ?? '')),
    own,
    notes: new Set(expandAreaList(record?.notes ?? '')),
  };
}

function pack(own: Map<string, Fill>, errors: string[], warnings: string[], notes: string[]): HighlightRecord {
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
    notes: compactAreaList(notes),
  };
}

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
  if (flagged.size === 0 && previous.errors.size === 0 && previous.warnings.size === 0 && previous.notes.size === 0) {
    return { result: { cells: 0, notes: env.notes }, record: null };
  }

  // 1. Read.
  const painted = [...previous.errors, ...previous.warnings];
  const fills = queueFillReads(sheet, new Set([...painted, ...flagged.keys()]), env.access);
  const noteProbes = new Map<string, Excel.Note>();
  if (env.notes === 'notes') {
    for (const address of new Set([...flagged.keys(), ...previous.notes])) {
      const note = sheet.notes.getItemOrNullObject(address);
      note.load('content');
      noteProbes.set(address, note);
    }
  }
  let comments: Excel.CommentCollection | null = null;
  if (env.notes === 'comments') {
    comments = sheet.comments;
    comments.load('items/content');
  }
  await context.sync();

  // 1b. Where the partner's own comments are: we never add a second thread to a cell.
  const theirComments = new Set<string>();
  if (comments) {
    const locations = comments.items.filter((c) => !isOurNote(c.content)).map((c) => c.getLocation().load('address'));
    if (locations.length > 0) {
      await context.sync();
      for (const location of locations) theirComments.add(stripSheet(location.address).toUpperCase());
    }
  }

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
  const noted: string[] = [];
  const resume = suspendEvents(context, env.events);
  try {
    queueRestore(sheet, restore, env.access);
    queueFill(sheet, errors, { color: ERROR_FILL, pattern: 'Solid' }, env.access);
    queueFill(sheet, warnings, { color: WARNING_FILL, pattern: 'Solid' }, env.access);
    if (env.notes === 'notes') {
      for (const address of previous.notes) {
        const note = noteProbes.get(address)!;
        if (!flagged.has(address) && !note.isNullObject && isOurNote(note.content)) note.delete();
      }
      for (const cell of flagged.values()) {
        const note = noteProbes.get(cell.address)!;
        if (note.isNullObject) sheet.notes.add(cell.address, noteText(cell));
        else if (isOurNote(note.content)) note.content = noteText(cell);
        else continue; // The partner's own note stays; the task pane lists the issue.
        noted.push(cell.address);
      }
    } else if (comments) {
      for (const comment of comments.items) if (isOurNote(comment.content)) comment.delete();
      for (const cell of flagged.values()) {
        if (theirComments.has(cell.address)) continue;
        sheet.comments.add(sheet.getRange(cell.address), noteText(cell));
        noted.push(cell.address);
      }
    }
    await context.sync();
  } finally {
    // 3. Events back on.
    await resume();
  }
  const next = flagged.size > 0 ? pack(own, errors, warnings, noted) : null;
  return { result: { cells: flagged.size, notes: env.notes }, record: next };
}

/** Puts back the partner's own fills and removes our notes or comments. */
export async function clearIn(context: Excel.RequestContext, sheetName: string, record: HighlightRecord | null, env: HighlightEnv & { comments: boolean }): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const previous = unpack(record);
  const painted = [...previous.errors, ...previous.warnings];
  const fills = painted.length > 0 ? queueFillReads(sheet, painted, env.access) : null;
  // Notes and comments are found by their first line, so a lost record still clears them.
  let notes: Excel.NoteCollection | null = null;
  if (env.notes === 'notes') {
    notes = sheet.notes;
    notes.load('items/content');
  }
  let comments: Excel.CommentCollection | null = null;
  if (env.comments) {
    comments = sheet.comments;
    comments.load('items/content');
  }
  if (!fills && !notes && !comments) return;
  await context.sync();

  const current = fills?.result() ?? new Map<string, Fill>();
  const restore = new Map<string, Fill>();
  for (const address of painted) {
    const ours = previous.errors.has(address) ? ERROR_FILL : WARNING_FILL;
    if (isPaintedWith(current.get(address), ours)) restore.set(address, previous.own.get(address) ?? NO_FILL);
  }
  const ourNotes = notes?.items.filter((n) => isOurNote(n.content)) ?? [];
  const ourComments = comments?.items.filter((c) => isOurNote(c.content)) ?? [];
  if (restore.size === 0 && ourNotes.length === 0 && ourComments.length === 0) return;

  const resume = suspendEvents(context, env.events);
  try {
    queueRestore(sheet, restore, env.access);
    for (const note of ourNotes) note.delete();
    for (const comment of ourComments) comment.delete();
    await context.sync();
  } finally {
    await resume();
  }
}
