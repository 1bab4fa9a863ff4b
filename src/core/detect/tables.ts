import type { Collection } from '../collection/types';
import type { ColumnMapping, Skipped } from '../report';

/** A sheet's best table, as mapped, for the choice of which tables are events. */
export interface TableCandidate {
  /** Position of the sheet in the workbook. */
  index: number;
  name: string;
  hidden: boolean;
  /** The header row's own score (headings that name fields, text over data). */
  headerScore: number;
  /** Rows with two or more values under the header. */
  dataRows: number;
  columns: ColumnMapping[];
  /** Headings as one text: equal for tables laid out alike. */
  signature: string;
  /** The person named this sheet or its header row: it is read. */
  chosen: boolean;
  /** For one of several tables stacked on its sheet: its header row and last row (1-based), to say which one a reason is about. */
  rows?: [number, number];
}

/** A sheet named for examples ("Examples", "Sample rows"): filled rows that show how, not the partner's events. */
const EXAMPLES = /\b(examples?|samples?)\b/i;
/** How the reason of a skipped sheet of examples begins. */
export const EXAMPLES_SKIPPED = 'examples of how to fill in';

/** Sheet names that announce something other than the event log, and what to call it when it is skipped. */
const KINDS: { name: RegExp; reason: string }[] = [
  { name: EXAMPLES, reason: `${EXAMPLES_SKIPPED} the events sheet, not events` },
  { name: /\b(instructions?|read ?me|how to|help|guide|about)\b/i, reason: 'instructions, no table of events' },
  { name: /\b(summary|totals?|pivot|chart|dashboard|overview|report)\b/i, reason: 'sums or summaries of the events, not the events themselves' },
  { name: /\b(legend|key|dictionary|definitions?|codes)\b/i, reason: 'a legend of the columns and codes' },
  { name: /\b(lists?|lookups?|drop ?downs?|options|settings|choices|values)\b/i, reason: 'lists of choices for the event sheets' },
  { name: /\b(staff|contacts?|volunteers?)\b/i, reason: 'a list of people, not events' },
  { name: /\bnotes?\b/i, reason: 'notes, no table of events' },
];
/** Why a sheet with no table of events is not read, from its name when it says (a "Read me", "Lists"), or from what it holds. */
export function reasonWithoutTable(name: string, texts: string[]): string {
  const kind = KINDS.find((k) => k.name.test(name));
  if (kind) return kind.reason;
  if (texts.length === 0) return 'empty sheet';
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  // Sentences rather than cells of a table: instructions, notes, a letter.
  if (words / texts.length >= 6) return 'text (instructions or notes), no table of events';
  return 'no row of headings with data below it';
}

const WEIGHT = { required: 2, recommended: 1, optional: 0.5 } as const;

/**
 * Which tables are events. The best-mapped one always is; so is every table
 * laid out like it (one sheet per month or quarter), and every other table
 * that maps the required fields as well (the columns changed halfway through
 * the year). The rest are skipped, each with the reason in words.
 */
export function chooseTables<T extends TableCandidate>(all: T[], collection: Collection, include: Set<string>): { read: T[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  if (all.length === 0) return { read: [], skipped };
  const chosen = all.filter((c) => c.chosen);
  if (chosen.length) return { read: chosen, skipped };

  // Examples laid out like another sheet's table (the template's "Examples" beside its "Events") show how to fill that one in,
  // even when it has no rows yet; they are never read as events unless the person asks.
  const examples = new Set<T>();
  for (const c of all) {
    if (!EXAMPLES.test(c.name) || include.has(fold(c.name))) continue;
    const of = all.find((o) => o !== c && !EXAMPLES.test(o.name) && alike(c, o));
    if (!of) continue;
    examples.add(c);
    skipped.push({ sheet: c.name, reason: `${EXAMPLES_SKIPPED} “${of.name}”, not events` });
  }
  const candidates = all.filter((c) => !examples.has(c));

  const quality = new Map(candidates.map((c) => [c, qualityOf(c, collection)]));
  const best = candidates.reduce((a, b) => (quality.get(b)!.score > quality.get(a)!.score ? b : a));
  const bestQ = quality.get(best)!;
  const read: T[] = [];
  for (const c of candidates) {
    const q = quality.get(c)!;
    const kind = KINDS.find((k) => k.name.test(c.name));
    if (c === best || include.has(fold(c.name))) {
      read.push(c);
      continue;
    }
    if (c.dataRows === 0) {
      skipped.push({ sheet: c.name, reason: (c.rows ? `the table in rows ${c.rows[0]} to ${c.rows[1]}: ` : '') + (kind?.reason ?? 'headings but no rows of data under them') });
      continue;
    }
    if (c.hidden) {
      skipped.push({ sheet: c.name, reason: 'a hidden sheet' });
      continue;
    }
    if (alike(c, best)) {
      read.push(c);
      continue;
    }
    // One required field short of the best table is still events (a program's sheet kept without a level); a table of statistics has no identity.
    // Three required fields with one of them saying what the rows were is events whatever the best table has (the first half of a year kept in other columns).
    // A sheet that dates its rows and says what each was (their level, their audience) in three required fields is events too,
    // however weakly its other headings read ("Storytime", "Grown-ups + kids" on a program's own sheet).
    if (!kind && !c.rows && q.identity && q.required >= Math.max(2, Math.min(3, bestQ.required - 1)) && (q.score >= 0.6 * bestQ.score || (q.dated && q.required >= 3))) {
      read.push(c);
      continue;
    }
    // A table stacked under or over the events that is not laid out like them is more events only when it dates its rows (a summary by level does not).
    if (!kind && q.identity && q.dated && c.rows && q.required >= Math.max(2, Math.min(3, bestQ.required - 1)) && q.score >= 0.6 * bestQ.score) {
      read.push(c);
      continue;
    }
    const what = q.named === 0
      ? 'none of its headings names an agreed field'
      : `its headings name ${q.named} of the agreed fields (${q.required} required), the events table on “${best.name}” ${bestQ.named} (${bestQ.required} required)`;
    const where = c.rows ? `the table in rows ${c.rows[0]} to ${c.rows[1]}: ` : '';
    skipped.push({ sheet: c.name, reason: where + (kind ? `${kind.reason}: ${what}` : `a table of other figures: ${what}`) });
  }
  return { read, skipped };
}

function fold(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * How well a table maps the collection. `identity`: it maps a required field
 * that says what an event was (a title, an audience, a level), not only a date
 * and a number, which every table of monthly statistics has too.
 */
function qualityOf(c: TableCandidate, collection: Collection): { score: number; required: number; named: number; identity: boolean; dated: boolean } {
  let score = 0;
  let required = 0;
  let named = 0;
  let identity = false;
  let dated = false;
  const seen = new Set<string>();
  for (const m of c.columns) {
    if (!m.field || seen.has(m.field)) continue;
    const field = collection.fields.find((f) => f.id === m.field);
    if (!field) continue;
    seen.add(m.field);
    score += WEIGHT[field.requirement] * m.confidence;
    if (m.confidence >= 0.5) {
      named++;
      if (field.requirement === 'required') required++;
      if (field.requirement === 'required' && field.kind !== 'date' && field.kind !== 'count') identity = true;
      if (field.kind === 'date') dated = true;
    }
  }
  score += Math.min(3, Math.log10(1 + c.dataRows)) + 0.1 * Math.min(10, c.headerScore);
  if (KINDS.some((k) => k.name.test(c.name))) score -= 1.5;
  if (c.hidden) score *= 0.3;
  return { score, required, named, identity, dated };
}

/** Tables laid out alike: most of their headings are the same words. */
function alike(a: TableCandidate, b: TableCandidate): boolean {
  if (a.signature === b.signature) return true;
  const ha = new Set(a.columns.map((c) => c.header.toLowerCase()).filter(Boolean));
  const hb = new Set(b.columns.map((c) => c.header.toLowerCase()).filter(Boolean));
  let shared = 0;
  for (const h of ha) if (hb.has(h)) shared++;
  return shared >= 2 && shared >= 0.8 * Math.max(ha.size, hb.size);
}
