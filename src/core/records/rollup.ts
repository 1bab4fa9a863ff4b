import { normaliseWords } from '../text';
import { columnIndex, type Cell } from '../workbook';
import type { RowKind } from './classify';

/**
 * Rows that sum up the rows under them: a program's or a series' own row
 * above its sessions, as Smartsheet, Asana or a hand-kept outline writes it
 * ("Parent Cafe Series | 36" over "Session 1 | 12", "Session 2 | 9",
 * "Session 3 | 15"). Counted as events too, they would count every session
 * twice, and nothing would say so.
 *
 * A row is read as such only where its head count is the sum of the two or
 * more records right under it, and something more says so: its name begins
 * each of theirs ("Literacy Nights" over "Literacy Nights - Week 1"), or the
 * whole table is made of such groups and nothing else (two at least), or
 * the partner left the date empty on every such row and only there (two at
 * least), while each of their sessions has one. A sum alone is a
 * coincidence as often as not; one row without its date is a row to fix
 * (and is told as such), not a total.
 */
export interface RollUpContext {
  firstRow: number;
  /** The row's head count, when it has one. */
  count(row: number): number | undefined;
  /** The row's event name as written. */
  title(row: number): string;
  hasDate(row: number): boolean;
  /** The row's date cell is empty (not merely unreadable). */
  undated(row: number): boolean;
  /** The row's outline level, where the sheet groups rows (0 elsewhere). */
  level?(row: number): number;
}

/** A group's sessions are at most this many rows: a longer run is no one program's. */
const MAX_CHILDREN = 100;

/** The rows (0-based, of the sheet) of `kinds` that sum up the records under them; those kinds become 'totals' (or 'section', for an outline's heading row without a count). */
export function markRollUps(kinds: RowKind[], ctx: RollUpContext): number[] {
  const rows: number[] = [];
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === 'record') rows.push(ctx.firstRow + i);
  const n = rows.length;
  const counts = rows.map((r) => ctx.count(r));
  const outlined = ctx.level ? byOutline(kinds, ctx, rows, counts) : [];
  if (outlined.length > 0) return outlined;
  if (n < 3) return [];
  // Where each possible group [i; i+1..j] closes: the first j whose children sum to the parent's count (later ones are rarer still).
  const ends = new Array<number>(n).fill(-1);
  for (let i = 0; i < n - 2; i++) {
    const parent = counts[i];
    if (parent === undefined || parent <= 0) continue;
    let s = 0;
    for (let j = i + 1; j < n && j - i <= MAX_CHILDREN; j++) {
      const c = counts[j];
      if (c === undefined) break;
      s += c;
      if (s > parent) break;
      if (s === parent && j - i >= 2 && c > 0) {
        ends[i] = j;
        break;
      }
    }
  }
  // The table as groups only, from its first record to its last: cover[i] says whether rows i.. can be so read.
  const cover = new Array<boolean>(n + 1).fill(false);
  cover[n] = true;
  for (let i = n - 1; i >= 0; i--) cover[i] = ends[i]! >= 0 && cover[ends[i]! + 1]!;
  const whole: number[] = [];
  if (cover[0]) for (let i = 0; i < n; i = ends[i]! + 1) whole.push(i);
  const parents = new Set(whole.length >= 2 ? whole : []);
  // Elsewhere, each group on its name.
  for (let i = 0; i < n; i++) {
    const j = ends[i]!;
    if (j < 0 || parents.has(i)) continue;
    if (nameOpensTheirs(ctx, rows[i]!, rows.slice(i + 1, j + 1))) {
      parents.add(i);
      i = j;
    }
  }
  // Or on the partner's way of writing them: no date on such rows, and on no other row with a count.
  if (parents.size === 0) {
    const undated: number[] = [];
    for (let i = 0; i < n; i++) if (counts[i] !== undefined && ctx.undated(rows[i]!)) undated.push(i);
    const groups = undated.filter((i) => ends[i]! >= 0 && rows.slice(i + 1, ends[i]! + 1).every((r) => ctx.hasDate(r)));
    if (groups.length >= 2 && groups.length === undated.length && groups.every((i, k) => k === 0 || ends[groups[k - 1]!]! < i)) {
      for (const i of groups) parents.add(i);
    }
  }
  const out = [...parents].map((i) => rows[i]!).sort((a, b) => a - b);
  for (const r of out) kinds[r - ctx.firstRow] = 'totals';
  return out;
}

/**
 * Where the partner grouped rows under others (a Smartsheet or project
 * plan's hierarchy, Excel's row groups), a row with rows grouped under it is
 * their program or series: no event of its own when it has no count (a
 * group's heading, kind 'section') or when its count is the sum of the rows
 * right under it ('totals'). One whose own count is something else is kept
 * as an event: it may have been one.
 */
function byOutline(kinds: RowKind[], ctx: RollUpContext, rows: number[], counts: (number | undefined)[]): number[] {
  const level = ctx.level!;
  const levels = rows.map((r) => level(r));
  if (!levels.some((l) => l > 0)) return [];
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i + 1;
    let sum = 0;
    let direct = 0;
    let known = true;
    const under = levels[i]! + 1;
    for (; j < rows.length && levels[j]! > levels[i]!; j++) {
      if (levels[j] !== under) continue;
      direct++;
      if (counts[j] === undefined) known = false;
      else sum += counts[j]!;
    }
    if (direct === 0) continue;
    if (counts[i] === undefined) kinds[rows[i]! - ctx.firstRow] = 'section';
    else if (known && counts[i] === sum) kinds[rows[i]! - ctx.firstRow] = 'totals';
    else continue;
    out.push(rows[i]!);
  }
  return out;
}

function nameOpensTheirs(ctx: RollUpContext, parent: number, children: number[]): boolean {
  // Its name opens each of theirs, and they say more: "Literacy Nights" over "Literacy Nights - Week 1" (sessions
  // of one series, "Homework night 1", "Homework night 2", share their first words, but none is the other's name).
  const name = normaliseWords(ctx.title(parent));
  if (name.length === 0) return false;
  return children.every((r) => {
    const child = normaliseWords(ctx.title(r));
    return child.length > name.length && name.every((w, k) => child[k] === w);
  });
}

/** A formula that sums a run of the cells above or below it in its own column ("=SUM(E2:E9)", "=SUBTOTAL(9,E2:E9)"). */
const AGGREGATE = /^\s*(?:_xlfn\.)?(sum|subtotal|aggregate)\s*\(/i;
const RANGE = /\$?([a-z]{1,3})\$?(\d+)\s*:\s*\$?([a-z]{1,3})\$?(\d+)/gi;

/** Whether the cell at `col` of row `row` (0-based) sums a run of two or more other cells of its column. */
export function sumsItsColumn(cell: Cell, row: number, col: number): boolean {
  const f = cell.formula;
  if (!f || !AGGREGATE.test(f)) return false;
  for (const m of f.matchAll(RANGE)) {
    if (m[1]!.toUpperCase() !== m[3]!.toUpperCase() || columnIndex(m[1]!.toUpperCase()) !== col) continue;
    const top = Number(m[2]) - 1;
    const bottom = Number(m[4]) - 1;
    if (bottom > top && (row < top || row > bottom)) return true;
  }
  return false;
}
