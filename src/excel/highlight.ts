import type { Issue } from '../core/report';
import type { HighlightResult } from '../taskpane/host';
import { expandAreaList, MAX_ADDRESS_CHARS, parseRange, stripSheet } from './addresses';
import { fillKey, isPaintedWith, NO_FILL, queueFill, queueFillReads, type AreaAccess, type Fill } from './fills';
import { ERROR_FILL, flaggedCells, isOurNote, noteText, WARNING_FILL, type FlaggedCell } from './flags';
import { jsonBytes, OP_BYTES, PayloadBudget, untracked } from './budget';
import { protectedSheetError } from './errors';
import { cellsOf, cellsToRects, parseCell, rectAddress, type Rect } from './addresses';
import { payloadSide, suspendEvents } from './run';

/**
 * Highlighting flagged cells and taking the highlights away, with the
 * add-in's own conditional formats: a custom rule that is always true,
 * recognised by a marker in its formula. The partner's own fills are never
 * written, so there is nothing to record and nothing a failed batch can
 * corrupt; the rules move with the cells when the partner inserts rows, and
 * Clear deletes them, found by their marker. From ExcelApi 1.9 a rule covers
 * many rectangles (RangeAreas, in address strings under 8,192 characters);
 * before, one rule per rectangle (Range.conditionalFormats is ExcelApi 1.6,
 * under the manifest's minimum of 1.7, so every host that runs the add-in has
 * them). Syncs:
 *   1. is the sheet protected (then stop and say so), our rules, the notes,
 *      in pages sized by the response budget;
 *   (1b. only when there are notes or comments: where they are, as we never
 *      cover or double the partner's and keep ours that are right;
 *   1c. only when there are rules of ours: where they are; both in syncs
 *      sized by the budget);
 *   2. delete our rules that are not wanted any more, add the missing ones
 *      (more syncs only past the request budget);
 *   3. notes, in a sync of their own: a failed note costs the notes, not the
 *      highlight;
 *   4. events back on.
 * Rules and notes already right stay as they are: a re-check that changes
 * nothing writes nothing, so the automatic re-highlight after each edit adds
 * no undo records in Excel beyond the highlights that really changed.
 * Fills painted by an earlier version of the add-in (a record in the
 * settings) are put back first, where the cell still shows our colour.
 */

/**
 * What an earlier version of the add-in painted on a sheet (fills, keyed by
 * address) and what was there before. No highlight writes one any more; one
 * found in the settings is put back, cell by cell where the cell still shows
 * our colour, then removed.
 */
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
  /** rangeAreas (ExcelApi 1.9): one rule for many rectangles; else one rule per rectangle. */
  access: AreaAccess;
  notes: NoteMode;
  /** ExcelApi 1.8: runtime.enableEvents. */
  events: boolean;
  /** 0-based column for issues that name a row but no column. */
  rowIssueColumn: number;
  /** Estimated request size above which a write batch is split. */
  writeBudgetBytes?: number;
  /** The session's payload budget (shared with the other actions, halved after a refusal). */
  budget?: PayloadBudget;
  /** The worksheet's id, when known: it finds the sheet after the partner renamed it. */
  sheetId?: string;
}

/** In the formula of every conditional format we add: how we find ours again. */
export const CF_MARKER = 'hsh-data-check';
const CF_FORMULA = { error: `=ISTEXT("${CF_MARKER}:error")`, warning: `=ISTEXT("${CF_MARKER}:warning")` };

export function isOurRule(formula: unknown): boolean {
  return typeof formula === 'string' && formula.toLowerCase().includes(CF_MARKER);
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
 * Estimated request bytes of deleting one note, comment or rule: its path by
 * id and the call, about 300 measured through Office.js with short ids (4.78
 * MB for 50,000 notes at 250); Excel's ids are GUIDs, longer.
 */
const DELETE_BYTES = 400;

/** Estimated bytes of one note or comment in a load's response: about 100 measured through Office.js (id, content of a few lines), doubled. */
const ANNOTATION_BYTES = 200;

/** Estimated bytes of one conditional format in a load's response (id, type, formula): about 110 measured through Office.js, doubled. */
const RULE_BYTES = 250;

/**
 * Estimated request bytes of one rule on one rectangle before ExcelApi 1.9:
 * the range, its conditional formats, the add, the custom format's rule and
 * fill paths and three writes: about 1,590 measured through Office.js (4.55
 * MB for 2,857 rectangles at 1,400).
 */
const RECT_RULE_BYTES = 1_800;

/** A collection read in pages: queue the load of one page, then take what it brought. */
interface Listing {
  itemBytes: number;
  load(top: number, skip: number): void;
  /** After the sync: keeps the page's items, returns how many there were. */
  take(): number;
}

function annotationListing(list: Annotations, out: Annotation[]): Listing {
  return {
    itemBytes: ANNOTATION_BYTES,
    load: (top, skip) => void list.load({ select: 'content', top, skip }),
    take: () => (out.push(...list.items), list.items.length),
  };
}

/** The sheet's conditional formats, ours and the partner's: ours are found by their marker (so a lost record still clears them). */
function ruleListing(sheet: Excel.Worksheet, out: Excel.ConditionalFormat[]): Listing {
  const rules = sheet.getRange().conditionalFormats;
  return {
    itemBytes: RULE_BYTES,
    load: (top, skip) => void rules.load({ select: 'type,customOrNullObject/rule/formula,customOrNullObject/format/fill/color', top, skip }),
    take: () => (out.push(...rules.items), rules.items.length),
  };
}

/**
 * Collections in pages sized by the response budget (50,000 notes are about
 * 15 MB, three times what Excel on the web answers; so are 50,000 rules on an
 * older host). `withFirst` queues the caller's own loads with the first page.
 */
async function loadPages(context: Excel.RequestContext, listings: Listing[], budget: PayloadBudget, withFirst: () => void = () => {}): Promise<void> {
  const share = budget.response / Math.max(1, listings.length);
  let pending = listings.map((listing) => ({ listing, skip: 0, top: Math.max(1, Math.floor(share / listing.itemBytes)) }));
  withFirst();
  if (pending.length === 0) {
    await context.sync();
    return;
  }
  do {
    for (const { listing, skip, top } of pending) listing.load(top, skip);
    await context.sync();
    pending = pending.filter((page) => page.listing.take() === page.top).map((page) => ({ ...page, skip: page.skip + page.top }));
  } while (pending.length > 0);
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

/**
 * Ours: a custom rule with our marker, or with no formula at all. Excel's own
 * dialog cannot make one without a formula; it is one of ours whose batch
 * failed between adding it and setting its formula (batches are not
 * transactions), and it would otherwise stay forever.
 */
function ourRules(rules: Excel.ConditionalFormat[]): Excel.ConditionalFormat[] {
  return rules.filter((rule) => {
    if (rule.type !== 'Custom') return false;
    try {
      const custom = rule.customOrNullObject;
      return !custom.isNullObject && (isOurRule(custom.rule.formula) || !custom.rule.formula);
    } catch {
      return false;
    }
  });
}

type Severity = 'error' | 'warning';

/** A rule we want: its severity and the areas it covers, as Excel would give them back. */
interface PlannedRule {
  severity: Severity;
  address: string;
  key: string;
}

/** "error|B2,B4:B5": what a rule is, whoever wrote its address (sheet prefixes, $ signs, area order aside). */
function ruleKey(severity: Severity, address: string): string | null {
  const areas: string[] = [];
  for (const part of address.split(',')) {
    const rect = parseRange(stripSheet(part));
    if (!rect) return null;
    areas.push(rectAddress(rect));
  }
  return `${severity}|${areas.sort().join(',')}`;
}

function severityOf(formula: unknown): Severity | null {
  const m = typeof formula === 'string' ? new RegExp(`${CF_MARKER}:(error|warning)`, 'i').exec(formula) : null;
  return m ? (m[1]!.toLowerCase() as Severity) : null;
}

/**
 * The rules these cells need, on top of the partner's own rules: one per
 * rectangle without RangeAreas; with them, one per address string short
 * enough that Excel's own form of it (each area with the sheet's name, which
 * is how we read it back) stays under 8,192 characters and is never cut.
 */
function planRules(cells: string[], severity: Severity, rangeAreas: boolean, sheetName: string): PlannedRule[] {
  const rects = cellsToRects(cells.map(parseCell).filter((c): c is { row: number; col: number } => c !== null));
  const addresses = rects.map(rectAddress);
  const out: PlannedRule[] = [];
  const push = (address: string): void => void out.push({ severity, address, key: ruleKey(severity, address)! });
  if (!rangeAreas) {
    addresses.forEach(push);
    return out;
  }
  // "'Name'!" and ", " before every area, whether Excel quotes the name or not.
  const overhead = sheetName.replace(/'/g, "''").length + 5;
  let current: string[] = [];
  let length = 0;
  for (const address of addresses) {
    const cost = address.length + overhead;
    if (current.length > 0 && length + cost > MAX_ADDRESS_CHARS) {
      push(current.join(','));
      current = [];
      length = 0;
    }
    current.push(address);
    length += cost;
  }
  if (current.length > 0) push(current.join(','));
  return out;
}

async function addRule(sheet: Excel.Worksheet, rule: PlannedRule, rangeAreas: boolean, budget: WriteBudget): Promise<void> {
  await budget.reserve(rangeAreas ? 4 * OP_BYTES + rule.address.length + CF_FORMULA[rule.severity].length : RECT_RULE_BYTES);
  const target = rangeAreas ? untracked(sheet.getRanges(rule.address)) : untracked(sheet.getRange(rule.address));
  const added = target.conditionalFormats.add('Custom');
  added.custom.rule.formula = CF_FORMULA[rule.severity];
  added.custom.format.fill.color = rule.severity === 'error' ? ERROR_FILL : WARNING_FILL;
  added.priority = 0;
}

/**
 * Estimated bytes of asking where one rule is (the path to it by id, its
 * range, the load: about 540 measured through Office.js) and of Excel's
 * answer (about 145 for one rectangle; up to the 8,192 characters of an
 * address for RangeAreas).
 */
const RULE_WHERE_REQUEST_BYTES = 700;
const RULE_WHERE_RESPONSE_BYTES = { rect: 250, areas: 8_400 };

/**
 * Where our rules are (their keys; null for one whose areas cannot be told),
 * in syncs sized by the budget. Before ExcelApi 1.9 a rule on several areas
 * (made on a newer host) has no single range: null, so it is replaced.
 */
async function locateRules(context: Excel.RequestContext, rules: Excel.ConditionalFormat[], rangeAreas: boolean, budget: PayloadBudget): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  const per = Math.max(1, Math.floor(Math.min(budget.request / RULE_WHERE_REQUEST_BYTES, budget.response / RULE_WHERE_RESPONSE_BYTES[rangeAreas ? 'areas' : 'rect'])));
  for (let i = 0; i < rules.length; i += per) {
    const part = rules.slice(i, i + per);
    const ranges = part.map((rule) => (rangeAreas ? untracked(rule.getRanges()).load('address') : untracked(rule.getRangeOrNullObject()).load('address')));
    await context.sync();
    part.forEach((rule, j) => {
      const custom = rule.customOrNullObject;
      const severity = severityOf(custom.rule.formula);
      // A batch that failed between the formula and the colour left a rule that shows nothing: replaced.
      const complete = severity !== null && custom.format.fill.color?.toUpperCase() === (severity === 'error' ? ERROR_FILL : WARNING_FILL);
      const range = ranges[j]!;
      out.push(complete && !range.isNullObject ? ruleKey(severity, range.address) : null);
    });
  }
  return out;
}

/** Our notes to delete and to add: those already saying the right thing in the right cell stay. */
interface NotePlan {
  stale: Annotation[];
  wanted: Map<string, string>;
}

function planNotes(ours: { item: Annotation; address: string }[], flagged: Map<string, FlaggedCell>, theirs: Set<string>): NotePlan {
  const wanted = new Map<string, string>();
  // The partner's own note stays; the task pane lists the issue.
  for (const cell of flagged.values()) if (!theirs.has(cell.address)) wanted.set(cell.address, noteText(cell));
  const stale: Annotation[] = [];
  for (const { item, address } of ours) {
    if (wanted.get(address) === item.content) wanted.delete(address);
    else stale.push(item);
  }
  return { stale, wanted };
}

/**
 * Our notes go and come, in syncs of their own. A refused note (a cell with
 * a threaded comment, a locked cell) is not worth losing the highlight for:
 * false tells the caller the notes are incomplete.
 */
async function writeNotes(context: Excel.RequestContext, annotations: NonNullable<ReturnType<typeof annotationsOf>>, plan: NotePlan, limit: number): Promise<boolean> {
  if (plan.stale.length === 0 && plan.wanted.size === 0) return true;
  const budget = new WriteBudget(context, limit);
  try {
    for (const item of plan.stale) {
      await budget.reserve(DELETE_BYTES);
      item.delete();
    }
    for (const [address, text] of plan.wanted) {
      await budget.reserve(OP_BYTES + jsonBytes(text));
      annotations.add(address, text);
    }
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Fills an earlier version painted, to put back: each recorded cell that
 * still shows exactly our colour gets the partner's own fill back. A cell the
 * partner refilled since is theirs and stays.
 */
async function legacyRestores(context: Excel.RequestContext, sheet: Excel.Worksheet, record: HighlightRecord | null, env: HighlightEnv): Promise<Map<string, Fill>> {
  const errors = new Set(expandAreaList(record?.errors ?? ''));
  const warnings = new Set(expandAreaList(record?.warnings ?? ''));
  const restore = new Map<string, Fill>();
  if (errors.size + warnings.size === 0) return restore;
  const own = new Map<string, Fill>();
  for (const group of record?.fills ?? []) for (const cell of expandAreaList(group.cells)) own.set(cell, group.fill);
  const current = await readFills(context, sheet, new Set([...errors, ...warnings]), env.access, env.budget ?? new PayloadBudget());
  for (const address of [...errors, ...warnings]) {
    if (isPaintedWith(current.get(address), errors.has(address) ? ERROR_FILL : WARNING_FILL)) restore.set(address, own.get(address) ?? NO_FILL);
  }
  return restore;
}

/**
 * Replaces the sheet's highlights with these issues' (a re-check calls it
 * again). Nothing of the partner's is touched; fills an earlier version
 * recorded are put back (the caller then forgets the record).
 */
export async function highlightIn(
  context: Excel.RequestContext,
  sheetName: string,
  issues: Issue[],
  record: HighlightRecord | null,
  env: HighlightEnv,
): Promise<HighlightResult> {
  const sheet = context.workbook.worksheets.getItem(env.sheetId ?? sheetName);
  const flagged = flaggedCells(issues, env.rowIssueColumn);
  const annotations = annotationsOf(sheet, env.notes);
  const budgetNow = env.budget ?? new PayloadBudget();
  const rangeAreas = env.access.rangeAreas;

  // 1. Read: protection, the sheet's name as it is now, our rules and the notes, in pages.
  const protection = sheet.protection;
  const rules: Excel.ConditionalFormat[] = [];
  const existing: Annotation[] = [];
  const listings = [ruleListing(sheet, rules), ...(annotations ? [annotationListing(annotations.list, existing)] : [])];
  await loadPages(context, listings, budgetNow, () => {
    protection.load('protected');
    sheet.load('name');
  });
  if (protection.protected) throw protectedSheetError(sheetName, 'highlight');
  const legacy = await legacyRestores(context, sheet, record, env);

  // 1b, 1c. Where the notes and comments are (we never cover or double the partner's), and our rules.
  const where = await locate(context, existing, budgetNow);
  const theirs = new Set(existing.flatMap((a, i) => (isOurNote(a.content) ? [] : [where[i]!])));
  const ourNotes = existing.flatMap((item, i) => (isOurNote(item.content) ? [{ item, address: where[i]! }] : []));
  const mine = ourRules(rules);
  const keys = await locateRules(context, mine, rangeAreas, budgetNow);

  // The plan: our rules already right stay; the others go, the missing ones come.
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const cell of flagged.values()) (cell.severity === 'error' ? errors : warnings).push(cell.address);
  const wanted = new Map<string, PlannedRule>();
  for (const rule of [...planRules(errors, 'error', rangeAreas, sheet.name), ...planRules(warnings, 'warning', rangeAreas, sheet.name)]) wanted.set(rule.key, rule);
  const stale: Excel.ConditionalFormat[] = [];
  mine.forEach((rule, i) => {
    const key = keys[i];
    if (key !== null && key !== undefined && wanted.has(key)) wanted.delete(key);
    else stale.push(rule);
  });

  const notePlan = annotations ? planNotes(ourNotes, flagged, theirs) : { stale: [], wanted: new Map<string, string>() };
  const rulesChange = stale.length > 0 || wanted.size > 0 || legacy.size > 0;
  if (!rulesChange && notePlan.stale.length === 0 && notePlan.wanted.size === 0) return { cells: flagged.size, notes: env.notes };
  const limit = env.budget?.request ?? env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES;
  const resume = suspendEvents(context, env.events);
  let notes = env.notes;
  try {
    // 2. Our rules.
    if (rulesChange) {
      const budget = new WriteBudget(context, limit);
      for (const rule of stale) {
        await budget.reserve(DELETE_BYTES);
        rule.delete();
      }
      await queueFills(sheet, groupByFill(legacy), env.access, budget);
      for (const rule of wanted.values()) await addRule(sheet, rule, rangeAreas, budget);
      await context.sync();
    }
    // 3. Notes.
    if (annotations && !(await writeNotes(context, annotations, notePlan, limit))) notes = 'none';
  } finally {
    // 4. Events back on.
    await resume();
  }
  return { cells: flagged.size, notes };
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
): Promise<Map<string, Fill>> {
  // Without cell properties each cell is a range, its format, its fill and a load of its own: about
  // 640 bytes measured through Office.js (estimated at 500 before, 5.1 MB for 8,000 cells).
  const perCellRequest = access.cellProperties ? 16 : LEGACY_FILL_READ_REQUEST_BYTES;
  const perCellResponse = access.cellProperties ? FILL_READ_BYTES : LEGACY_FILL_READ_BYTES;
  const all = [...cells];
  const out = new Map<string, Fill>();
  let size = Math.max(1, Math.floor(Math.min(budget.response / perCellResponse, budget.request / perCellRequest)));
  for (let i = 0; i < all.length; ) {
    const part = all.slice(i, i + size);
    const reads = queueFillReads(sheet, part, access);
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
    for (const [address, fill] of reads.result()) out.set(address, fill);
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

/** Estimated bytes of asking where one note or comment is (its path, getLocation, the load: about 530 measured through Office.js), and of the answer (about 140). */
const NOTE_WHERE_REQUEST_BYTES = 700;
const NOTE_WHERE_RESPONSE_BYTES = 250;

/** The cells (A1, upper case) of these notes or comments, in syncs sized by the budget; none when there are none. */
async function locate(context: Excel.RequestContext, items: Annotation[], budget: PayloadBudget): Promise<string[]> {
  const out: string[] = [];
  const per = Math.max(1, Math.floor(Math.min(budget.request / NOTE_WHERE_REQUEST_BYTES, budget.response / NOTE_WHERE_RESPONSE_BYTES)));
  for (let i = 0; i < items.length; i += per) {
    const ranges = items.slice(i, i + per).map((item) => untracked(item.getLocation()).load('address'));
    await context.sync();
    for (const range of ranges) out.push(stripSheet(range.address).toUpperCase());
  }
  return out;
}

/** Deletes our rules, puts back fills an earlier version painted, and removes our notes or comments. */
export async function clearIn(context: Excel.RequestContext, sheetName: string, record: HighlightRecord | null, env: HighlightEnv & { comments: boolean }): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(env.sheetId ?? sheetName);
  const protection = sheet.protection;
  // Rules, notes and comments are found by their marker, so a lost record still clears them.
  const rules: Excel.ConditionalFormat[] = [];
  const items: Annotation[] = [];
  const listings = [ruleListing(sheet, rules)];
  if (env.notes === 'notes') listings.push(annotationListing(sheet.notes, items));
  if (env.comments) listings.push(annotationListing(sheet.comments, items));
  await loadPages(context, listings, env.budget ?? new PayloadBudget(), () => protection.load('protected'));
  if (protection.protected) throw protectedSheetError(sheetName, 'clear');
  const restore = await legacyRestores(context, sheet, record, env);

  const ourNotes = items.filter((item) => isOurNote(item.content));
  const oldRules = ourRules(rules);
  if (restore.size === 0 && ourNotes.length === 0 && oldRules.length === 0) return;

  const limit = env.budget?.request ?? env.writeBudgetBytes ?? DEFAULT_WRITE_BUDGET_BYTES;
  const budget = new WriteBudget(context, limit);
  const resume = suspendEvents(context, env.events);
  try {
    for (const rule of oldRules) {
      await budget.reserve(DELETE_BYTES);
      rule.delete();
    }
    await queueFills(sheet, groupByFill(restore), env.access, budget);
    for (const note of ourNotes) {
      await budget.reserve(DELETE_BYTES);
      note.delete();
    }
    await context.sync();
  } finally {
    await resume();
  }
}
