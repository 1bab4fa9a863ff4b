import { a1 } from '../../../core/workbook';
import type { CellChange } from '../../host';
import type { Report } from '../../flow';
import { parseA1 } from '../../cells';
import { fixesBySheet, splitFixes } from './issues';

/** Changes listed in a preview (FixPreview); the rest are counted. */
export const PREVIEWED = 25;

/** What "Fix" and "Tidy" write, per sheet (see splitFixes). */
export interface FixPlan {
  fix: Map<string, CellChange[]>;
  tidy: Map<string, CellChange[]>;
}

/**
 * One sheet's changes as numbers: 0-based rows and columns, and each value
 * as its index in `values` (200,000 changes share a few hundred values).
 * Arrays of small numbers copy from the worker without making an object
 * per change; the page makes the changes only to write them.
 */
export interface PackedChanges {
  rows: number[];
  cols: number[];
  at: number[];
  values: (string | number)[];
}

/** What "Fix" and "Tidy" write, per sheet, packed. */
export interface PackedPlan {
  fix: Map<string, PackedChanges>;
  tidy: Map<string, PackedChanges>;
}

/** The same as plain arrays, as the check worker sends it (long arrays travel in parts; a Map would not). */
export interface WirePlan {
  fix: [string, PackedChanges][];
  tidy: [string, PackedChanges][];
  /**
   * What the cells the previews show held before (valuesBefore), when the
   * worker kept the report's fixes to itself: the page needs no more of them.
   */
  before?: [string, string][];
}

/**
 * The sheet name a plan made without knowing the person's sheet gives what
 * names no sheet (a CSV's issues and fixes): no sheet is called NUL.
 */
export const NO_SHEET = '\u0000';

/** The plan for a report, grouping what names no sheet under `fallback`. Hundreds of thousands of fixes take a while: the check worker makes it ahead. */
export function planFixes(report: Pick<Report, 'issues' | 'fixes' | 'tables'>, fallback: string): FixPlan {
  return splitFixes(fixesBySheet(report, fallback), report.issues, fallback);
}

export function packChanges(changes: readonly CellChange[]): PackedChanges {
  const packed: PackedChanges = { rows: [], cols: [], at: [], values: [] };
  const index = new Map<string | number, number>();
  for (const { address, value } of changes) {
    const cell = parseA1(address);
    if (!cell) continue;
    let i = index.get(value);
    if (i === undefined) {
      i = packed.values.length;
      packed.values.push(value);
      index.set(value, i);
    }
    packed.rows.push(cell.row);
    packed.cols.push(cell.col);
    packed.at.push(i);
  }
  return packed;
}

/** Changes `from` to `to` (all by default) as the host writes them. */
export function unpackChanges(packed: PackedChanges, from = 0, to = packed.rows.length): CellChange[] {
  const out: CellChange[] = [];
  for (let i = from; i < Math.min(to, packed.rows.length); i++) out.push({ address: a1(packed.rows[i]!, packed.cols[i]!), value: packed.values[packed.at[i]!]! });
  return out;
}

/** The changes whole, a few thousand at a time with `pause()` between (on the page, a turn to draw in). */
export async function unpackInSlices(packed: PackedChanges, pause: () => Promise<void>, slice = 20_000): Promise<CellChange[]> {
  const out: CellChange[] = [];
  for (let from = 0; from < packed.rows.length; from += slice) {
    if (from > 0) await pause();
    for (const change of unpackChanges(packed, from, from + slice)) out.push(change);
  }
  return out;
}

export function packPlan(plan: FixPlan): PackedPlan {
  const pack = (of: Map<string, CellChange[]>) => new Map([...of].map(([sheet, changes]) => [sheet, packChanges(changes)]));
  return { fix: pack(plan.fix), tidy: pack(plan.tidy) };
}

export function unpackPlan(plan: PackedPlan): FixPlan {
  const unpack = (of: Map<string, PackedChanges>) => new Map([...of].map(([sheet, changes]) => [sheet, unpackChanges(changes)]));
  return { fix: unpack(plan.fix), tidy: unpack(plan.tidy) };
}

/** How many changes, over every sheet. */
export function changeCount(of: ReadonlyMap<string, PackedChanges>): number {
  let n = 0;
  for (const changes of of.values()) n += changes.rows.length;
  return n;
}

/** The first `count` changes, over the sheets in order: what a preview lists. */
export function firstChanges(of: ReadonlyMap<string, PackedChanges>, count: number): CellChange[] {
  const out: CellChange[] = [];
  for (const changes of of.values()) {
    if (out.length >= count) break;
    out.push(...unpackChanges(changes, 0, count - out.length));
  }
  return out;
}

export function toWire(plan: FixPlan): WirePlan {
  const packed = packPlan(plan);
  return { fix: [...packed.fix], tidy: [...packed.tidy] };
}

/** The cells the previews show: the first `count` of Fix's and of Tidy's. */
export function previewed(plan: FixPlan, count: number): string[] {
  const first = (of: Map<string, CellChange[]>) => [...of.values()].flat().slice(0, count).map((c) => c.address);
  return [...first(plan.fix), ...first(plan.tidy)];
}

/**
 * Whether the page can do without the report's fixes once the worker has
 * planned them: always, but when the plan names no sheet for some and
 * something names a sheet (then fixPlan may plan again on the page, from
 * the fixes).
 */
export function fixesNeeded(report: Pick<Report, 'issues' | 'fixes'>, plan: WirePlan): boolean {
  const noSheet = [...plan.fix, ...plan.tidy].some(([sheet]) => sheet === NO_SHEET);
  return noSheet && (report.issues.some((i) => i.sheet != null) || (report.fixes ?? []).some((f) => f.sheet != null));
}

/** Plans made by the check worker (with NO_SHEET for the fallback), by the report they are of. */
const made = new WeakMap<Report, WirePlan>();

export function rememberPlan(report: Report, plan: WirePlan): void {
  made.set(report, plan);
}

/** Whether the worker planned this report's fixes (else the page plans them when asked). */
export function plannedAhead(report: Report): boolean {
  return made.has(report);
}

/**
 * The plan for a report: the worker's when it made one, else made here. The
 * worker's names the fallback NO_SHEET; it is the same plan under the name
 * `fallback`, unless some issue or fix names `fallback` itself (then the two
 * would have been merged, and it is made here again).
 */
export function fixPlan(report: Report, fallback: string): PackedPlan {
  const wire = made.get(report);
  if (!wire) return packPlan(planFixes(report, fallback));
  const usesFallback = [...wire.fix, ...wire.tidy].some(([sheet]) => sheet === NO_SHEET);
  if (usesFallback && (report.issues.some((i) => i.sheet === fallback) || (report.fixes ?? []).some((f) => f.sheet === fallback))) return packPlan(planFixes(report, fallback));
  const named = (entries: [string, PackedChanges][]) => new Map(entries.map(([sheet, changes]) => [sheet === NO_SHEET ? fallback : sheet, changes]));
  return { fix: named(wire.fix), tidy: named(wire.tidy) };
}

/** What the previewed cells held before: the worker's answer when it kept the fixes, else read from them. */
export function previewBefore(report: Report, addresses: readonly string[]): Map<string, string> {
  const before = made.get(report)?.before;
  return before && !report.fixes ? new Map(before) : valuesBefore(report, addresses);
}

/** What the cells at `addresses` held before the fixes, for the preview of the first few: one pass over the fixes, no string built per fix. */
export function valuesBefore(report: Pick<Report, 'fixes'>, addresses: readonly string[]): Map<string, string> {
  const wanted = new Map<number, Set<string>>();
  for (const address of addresses) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    const row = Number(m[2]);
    const columns = wanted.get(row);
    if (columns) columns.add(m[1]!);
    else wanted.set(row, new Set([m[1]!]));
  }
  const out = new Map<string, string>();
  for (const f of report.fixes ?? []) {
    if (!wanted.get(f.row)?.has(f.column)) continue;
    out.set(`${f.column}${f.row}`, f.from);
  }
  return out;
}
