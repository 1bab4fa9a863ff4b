import type { Issue } from '../core/report';
import type { HighlightResult } from '../taskpane/host';
import { compactAreaList, expandAreaList, stripSheet } from './addresses';
import { fillKey, isPaintedWith, NO_FILL, queueFill, queueFillReads, type AreaAccess, type Fill } from './fills';
import { ERROR_FILL, flaggedCells, isOurNote, noteText, WARNING_FILL, type FlaggedCell } from './flags';
import { jsonBytes, OP_BYTES, PayloadBudget, untracked } from './budget';
import { protectedSheetError } from './errors';
import { cellsOf, cellsToRects, chunkAddresses, parseCell, rectAddress, type Rect } from './addresses';
import { payloadSide, suspendEvents } from './run';

/**
 * Highlighting flagged cells and taking the highlights away.
 *
 * From ExcelApi 1.9 the colour is the add-in's own conditional formats
 * (a custom rule that is always true, recognised by a marker in its formula,
 * applied to the flagged cells as RangeAreas): the partner's own fills are
 * never written, so there is nothing to record and nothing a failed batch can
 * corrupt; Clear deletes our rules, found by their marker. Syncs:
 *   1. is the sheet protected (then stop and say so), our rules, the notes;
 *   (1b. only when the partner has notes or comments of their own: where);
 *   2. delete our old rules, add the new ones (more syncs only past the
 *      request budget);
 *   3. notes, in a sync of their own: a failed note costs the notes, not the
 *      highlight;
 *   4. events back on.
 * Older hosts paint fills, as before, but the record of the partner's fills
 * is saved before anything is painted, and the fills are read in syncs sized
 * by the estimated response bytes.
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
  /** ExcelApi 1.9: conditional formats on RangeAreas, our way to highlight. */
  conditionalFormats?: boolean;
  /** The session's payload budget (shared with the other actions, halved after a refusal). */
  budget?: PayloadBudget;
  /** Saves the record of the partner's fills before any fill is written (older hosts only). */
  saveRecord?: (record: HighlightRecord | null) => Promise<void>;
  /** The worksheet's id, when known: it finds the sheet after the partner renamed it. */
  sheetId?: string;
}

/** In the formula of every conditional format we add: how we find ours again. */
export const CF_MARKER = 'hsh-data-check';
const CF_FORMULA = { error: `=ISTEXT("${CF_MARKER}:error")`, warning: `=ISTEXT("${CF_MARKER}:warning")` };

export function isOurRule(formula: unknown): boolean {
  return typeof formula === 'string' && formula.toLowerCase().includes(CF_MARKER);
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
  load(options: { select: string; top: number; skip: number }): unknown;
}

/**
 * Estimated request bytes of deleting one note or comment: its path by id and
 * the call, about 300 measured through Office.js with short ids (4.78 MB for
 * 50,000 at 250); Excel's ids are GUIDs, longer.
 */
const NOTE_DELETE_BYTES = 400;

/** Estimated bytes of one note or comment in a load's response: about 100 measured through Office.js (id, content of a few lines), doubled. */
const ANNOTATION_BYTES = 200;

/**
 * All notes (or comments) of a sheet, in pages sized by the response budget:
 * 50,000 notes are about 15 MB, three times what Excel on the web answers.
 * `withFirst` queues the caller's own loads with the first page.
 */
async function loadAll(context: Excel.RequestContext, lists: Annotations[], budget: PayloadBudget, withFirst: () => void = () => {}): Promise<Annotation[]> {
  const page = Math.max(1, Math.floor(budget.response / lists.length / ANNOTATION_BYTES));
  const out: Annotation[] = [];
  // The first page of every list in one sync, with the caller's loads; then the lists that had more.
  let pending = lists.map((list) => ({ list, skip: 0 }));
  withFirst();
  do {
    for (const { list, skip } of pending) list.load({ select: 'content', top: page, skip });
    await context.sync();
    for (const { list } of pending) out.push(...list.items);
    pending = pending.filter(({ list }) => list.items.length === page).map(({ list, skip }) => ({ list, skip: skip + page }));
  } while (pending.length > 0);
  return out;
}

function annotationsOf(sheet: Excel.Worksheet, mode: NoteMode): { list: Annotations; add(address: string, text: string): void } | null {
  if (mode === 'notes') return { list: sheet.notes, add: (address, text) => void sheet.notes.add(address, text) };
  // A comment's address as a string must name the sheet; a range names it whatever the partner renamed it to.
  if (mode === 'comments') return { list: sheet.comments, add: (address, text) => void sheet.comments.add(untracked(sheet.getRange(address)), text) };
  return null;
}

/** Syncs early only when the queued writes would make too large a request. */
class WriteBudget {
  private used = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      this.syncs++;
      this.used = 0;
    }
    this.used += bytes;
  }
}


/** Our conditional formats on the sheet, found by their marker (so a lost record still clears them). */
function loadRules(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return sheet.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
}

/**
 * Ours: a custom rule with our marker, or with no formula at all. Excel's own
 * dialog cannot make one without a formula; it is one of ours whose batch
 * failed between adding it and setting its formula (batches are not
 * transactions), and it would otherwise stay forever.
 */
function ourRules(rules: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return rules.items.filter((rule) => {
    if (rule.type !== 'Custom') return false;
    try {
      const custom = rule.customOrNullObject;
      return !custom.isNullObject && (isOurRule(custom.rule.formula) || !custom.rule.formula);
    } catch {
      return false;
    }
  });
}

/** Adds one always-true rule per address string (under Excel's 8,192 characters), on top of the partner's own rules. */
async function addRules(sheet: Excel.Worksheet, cells: string[], severity: 'error' | 'warning', budget: WriteBudget): Promise<void> {
  const rects = cellsToRects(cells.map(parseCell).filter((c): c is { row: number; col: number } => c !== null));
  for (const chunk of chunkAddresses(rects.map(rectAddress))) {
    await budget.reserve(4 * OP_BYTES + chunk.length + CF_FORMULA[severity].length);
    const rule = untracked(sheet.getRanges(chunk)).conditionalFormats.add('Custom');
    rule.custom.rule.formula = CF_FORMULA[severity];
    rule.custom.format.fill.color = severity === 'error' ? ERROR_FILL : WARNING_FILL;
    rule.priority = 0;
  }
}

/**
 * Our notes go and come back with the new text, in syncs of their own. A
 * refused note (a cell with a threaded comment, a locked cell) is not worth
 * losing the highlight for: false tells the caller the notes are incomplete.
 */
async function writeNotes(
  context: Excel.RequestContext,
  annotations: NonNullable<ReturnType<typeof annotationsOf>>,
  existing: Annotation[],
  flagged: Map<string, FlaggedCell>,
  theirs: Set<string>,
  limit: number,
): Promise<boolean> {
  const budget = new WriteBudget(context, limit);
  try {
    for (const item of existing) {
      if (!isOurNote(item.content)) continue;
      await budget.reserve(NOTE_DELETE_BYTES);
      item.delete();
    }
    for (const cell of flagged.values()) {
      if (theirs.has(cell.address)) continue; // The partner's own note stays; the task pane lists the issue.
      const text = noteText(cell);
      await budget.reserve(OP_BYTES + jsonBytes(text));
      annotations.add(cell.address, text);
    }
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the sheet's highlights with these issues' (a re-check calls it
 * again). With conditional formats nothing of the partner's is touched; on
 * older hosts cells no longer flagged get their own fill back and flagged
 * cells keep the fill they had before we first painted them.
 */
export async function highlightIn(
  context: Excel.RequestContext,
  sheetName: string,
  issues: Issue[],
  record: HighlightRecord | null,
  env: HighlightEnv,
): Promise<{ result: HighlightResult; record: HighlightRecord | null }> {
  if (!env.conditionalFormats) return highlightWithFills(context, sheetName, issues, record, env);
  const sheet = context.workbook.worksheets.getItem(env.sheetId ?? sheetName);
  const flagged = flaggedCells(issues, env.rowIssueColumn);
  const annotations = annotationsOf(sheet, env.notes);

  // 1. Read: protection and our rules with the first page of notes.
  const protection = sheet.protection;
  const loaded: { rules: Excel.ConditionalFormatCollection | null } = { rules: null };
  const loads = (): void => {
    protection.load('protected');
    loaded.rules = loadRules(sheet);
  };
  const existing = await loadAll(context, annotations ? [annotations.list] : [], env.budget ?? new PayloadBudget(), loads);
  const rules = loaded.rules!;
  if (protection.protected) throw protectedSheetError(sheetName, 'highlight');
  // Fills painted by an older version of the add-in (or an older host): put them back first.
  if (record && (record.errors || record.warnings)) await clearIn(context, sheetName, record, { ...env, conditionalFormats: false, comments: false, notes: 'none' });

  // 1b. Where the partner's own notes or comments are: we never cover or double them.
  const theirs = await locate(context, existing.filter((a) => !isOurNote(a.content)));

  const errors: string[] = [];
  const warnings: string[] = [];
  for (const cell of flagged.values()) (cell.severity === 'error' ? errors : warnings).push(cell.address);
  const limit = env.budget?.request ?? env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES;
  const resume = suspendEvents(context, env.events);
  let notes = env.notes;
  try {
    // 2. Our rules: the old ones go, the new ones come.
    const budget = new WriteBudget(context, limit);
    for (const rule of ourRules(rules)) {
      await budget.reserve(OP_BYTES);
      rule.delete();
    }
    await addRules(sheet, errors, 'error', budget);
    await addRules(sheet, warnings, 'warning', budget);
    await context.sync();
    // 3. Notes.
    if (annotations && !(await writeNotes(context, annotations, existing, flagged, theirs, limit))) notes = 'none';
  } finally {
    // 4. Events back on.
    await resume();
  }
  return { result: { cells: flagged.size, notes }, record: null };
}

/** Before ExcelApi 1.9: our fills, with the partner's own fills recorded before we paint. */
async function highlightWithFills(
  context: Excel.RequestContext,
  sheetName: string,
  issues: Issue[],
  record: HighlightRecord | null,
  env: HighlightEnv,
): Promise<{ result: HighlightResult; record: HighlightRecord | null }> {
  const sheet = context.workbook.worksheets.getItem(env.sheetId ?? sheetName);
  const flagged = flaggedCells(issues, env.rowIssueColumn);
  const previous = unpack(record);
  const annotations = annotationsOf(sheet, env.notes);
  if (flagged.size === 0 && previous.errors.size === 0 && previous.warnings.size === 0 && !annotations) {
    return { result: { cells: 0, notes: env.notes }, record: null };
  }

  // 1. Read, in syncs sized by the response's estimated bytes.
  const protection = sheet.protection;
  const painted = [...previous.errors, ...previous.warnings];
  const current = await readFills(context, sheet, new Set([...painted, ...flagged.keys()]), env.access, env.budget ?? new PayloadBudget(), () => protection.load('protected'));
  if (protection.protected) throw protectedSheetError(sheetName, 'highlight');
  const existing = annotations ? await loadAll(context, [annotations.list], env.budget ?? new PayloadBudget()) : [];

  // 1b. Where the partner's own notes or comments are: we never cover or double them.
  const theirs = await locate(context, existing.filter((a) => !isOurNote(a.content)));

  // Plan: which fills come back, which are the partner's own to remember.
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

  const errors: string[] = [];
  const warnings: string[] = [];
  for (const cell of flagged.values()) (cell.severity === 'error' ? errors : warnings).push(cell.address);
  const next = flagged.size > 0 ? pack(own, errors, warnings) : null;
  // The plan is saved before anything is painted: if the batch fails halfway, the record
  // still knows every cell we may have painted and what was there (cells to restore included).
  if (env.saveRecord) {
    const pending = new Map([...own, ...restore]);
    await env.saveRecord(pack(pending, [...errors, ...[...restore.keys()].filter((a) => previous.errors.has(a))], [...warnings, ...[...restore.keys()].filter((a) => previous.warnings.has(a))]));
  }

  // 2. Write, with events suspended; notes in a sync of their own.
  const limit = env.budget?.request ?? env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES;
  const budget = new WriteBudget(context, limit);
  const resume = suspendEvents(context, env.events);
  let notes = env.notes;
  try {
    await queueFills(sheet, [...groupByFill(restore), { fill: { color: ERROR_FILL, pattern: 'Solid' }, cells: errors }, { fill: { color: WARNING_FILL, pattern: 'Solid' }, cells: warnings }], env.access, budget);
    await context.sync();
    if (annotations && !(await writeNotes(context, annotations, existing, flagged, theirs, limit))) notes = 'none';
  } finally {
    // 3. Events back on.
    await resume();
  }
  return { result: { cells: flagged.size, notes }, record: next };
}

/**
 * The fills of these cells, read in as many syncs as the estimated response
 * bytes need (about 130 bytes a cell with cell properties); a refused read is
 * retried in halves and the budget stays halved.
 */
export async function readFills(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cells: Set<string>,
  access: AreaAccess,
  budget: PayloadBudget,
  withFirst: () => void = () => {},
): Promise<Map<string, Fill>> {
  // Without cell properties each cell is a range, its format, its fill and a load of its own: about
  // 640 bytes measured through Office.js (estimated at 500 before, 5.1 MB for 8,000 cells).
  const perCellRequest = access.cellProperties ? 16 : LEGACY_FILL_READ_REQUEST_BYTES;
  const perCellResponse = access.cellProperties ? FILL_READ_BYTES : LEGACY_FILL_READ_BYTES;
  const all = [...cells];
  const out = new Map<string, Fill>();
  // The first sync also carries the caller's loads (protection, notes): it must not be refused.
  let size = Math.max(1, Math.floor(Math.min(budget.response / perCellResponse, budget.request / perCellRequest)));
  let first = true;
  for (let i = 0; i < all.length || first; ) {
    const part = all.slice(i, i + size);
    // The caller's loads go with the first sync, and again with each retry of it.
    if (first) withFirst();
    const reads = part.length > 0 ? queueFillReads(sheet, part, access) : null;
    try {
      await context.sync();
    } catch (error) {
      const side = payloadSide(error);
      if (side && part.length > 1 && (side === 'either' ? budget.shrink('response') : budget.shrink(side))) {
        size = Math.max(1, Math.floor(part.length / 2));
        continue;
      }
      throw error;
    }
    first = false;
    if (reads) for (const [address, fill] of reads.result()) out.set(address, fill);
    i += part.length;
  }
  return out;
}

function groupByFill(fills: Map<string, Fill>): { fill: Fill; cells: string[] }[] {
  const groups = new Map<string, { fill: Fill; cells: string[] }>();
  for (const [address, fill] of fills) {
    const key = fillKey(fill);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { fill, cells: [] }));
    group.cells.push(address);
  }
  return [...groups.values()];
}

/** Rectangles per queued fill write: few enough that their estimate is worth checking against the budget. */
const RECTS_PER_STEP = 500;

/**
 * Queues fills within the request budget: with RangeAreas a rectangle costs
 * its address; without, each is a range of its own with one to five property
 * writes.
 */
async function queueFills(sheet: Excel.Worksheet, groups: { fill: Fill; cells: string[] }[], access: AreaAccess, budget: WriteBudget): Promise<void> {
  // Without RangeAreas a rectangle is a range, its format and fill paths and a write: about 650 bytes
  // measured through Office.js (estimated at 516 before: 5.07 MB for 10,000 cells on an ExcelApi 1.8 host).
  const perRect = (rect: Rect): number => (access.rangeAreas ? rectAddress(rect).length + 1 : access.cellProperties ? OP_BYTES * 5 + 16 : LEGACY_FILL_READ_REQUEST_BYTES);
  for (const { fill, cells } of groups) {
    const rects = cellsToRects(cells.map(parseCell).filter((c): c is { row: number; col: number } => c !== null));
    for (let i = 0; i < rects.length; i += RECTS_PER_STEP) {
      const step = rects.slice(i, i + RECTS_PER_STEP);
      await budget.reserve(OP_BYTES * 5 + step.reduce((n, r) => n + perRect(r), 0));
      queueFill(sheet, step.flatMap(cellsOf), fill, access);
    }
  }
}

/** Estimated bytes per cell of a fill read: cell properties' five fill fields, or one colour load per cell. */
const FILL_READ_BYTES = 130;
const LEGACY_FILL_READ_BYTES = 60;
const LEGACY_FILL_READ_REQUEST_BYTES = 800;

/** The cells (A1, upper case) of these notes or comments: one sync, only when there are any. */
async function locate(context: Excel.RequestContext, items: Annotation[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const ranges = items.map((item) => untracked(item.getLocation()).load('address'));
  await context.sync();
  return new Set(ranges.map((range) => stripSheet(range.address).toUpperCase()));
}

/** Deletes our rules, puts back fills an older version painted, and removes our notes or comments. */
export async function clearIn(context: Excel.RequestContext, sheetName: string, record: HighlightRecord | null, env: HighlightEnv & { comments: boolean }): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(env.sheetId ?? sheetName);
  const previous = unpack(record);
  const painted = [...previous.errors, ...previous.warnings];
  const protection = sheet.protection;
  const loaded: { rules: Excel.ConditionalFormatCollection | null } = { rules: null };
  // Notes and comments are found by their first line, so a lost record still clears them.
  const lists: Annotations[] = [];
  if (env.notes === 'notes') lists.push(sheet.notes);
  if (env.comments) lists.push(sheet.comments);
  const loads = (): void => {
    protection.load('protected');
    loaded.rules = env.conditionalFormats ? loadRules(sheet) : null;
  };
  const budgetNow = env.budget ?? new PayloadBudget();
  // Fills an older host painted are read first (with the loads); else the loads go with the notes' first page.
  const current = painted.length > 0 ? await readFills(context, sheet, new Set(painted), env.access, budgetNow, loads) : new Map<string, Fill>();
  const items = await loadAll(context, lists, budgetNow, painted.length > 0 ? undefined : loads);
  if (protection.protected) throw protectedSheetError(sheetName, 'clear');

  const restore = new Map<string, Fill>();
  for (const address of painted) {
    const ours = previous.errors.has(address) ? ERROR_FILL : WARNING_FILL;
    if (isPaintedWith(current.get(address), ours)) restore.set(address, previous.own.get(address) ?? NO_FILL);
  }
  const ourNotes = items.filter((item) => isOurNote(item.content));
  const oldRules = loaded.rules ? ourRules(loaded.rules) : [];
  if (restore.size === 0 && ourNotes.length === 0 && oldRules.length === 0) return;

  const limit = env.budget?.request ?? env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES;
  const budget = new WriteBudget(context, limit);
  const resume = suspendEvents(context, env.events);
  try {
    for (const rule of oldRules) {
      await budget.reserve(OP_BYTES);
      rule.delete();
    }
    await queueFills(sheet, groupByFill(restore), env.access, budget);
    for (const note of ourNotes) {
      await budget.reserve(NOTE_DELETE_BYTES);
      note.delete();
    }
    await context.sync();
  } finally {
    await resume();
  }
}
