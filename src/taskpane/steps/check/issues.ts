import type { Issue } from '../../../core/report';
import type { CellChange } from '../../host';
import type { Report } from '../../flow';

type Fix = NonNullable<Report['fixes']>[number];
import { fieldDef, optionLabel } from '../../collection';
import { kindLabel } from './kinds';

export type SeverityFilter = 'all' | 'error' | 'warning';

export interface IssueFilter {
  severity: SeverityFilter;
  /** An issue code, or null for every kind. */
  kind: string | null;
}

export interface KindCount {
  code: string;
  severity: 'error' | 'warning';
  count: number;
}

/** Kinds of issue with their counts: errors first, then the most frequent. */
export function countKinds(issues: Issue[]): KindCount[] {
  const counts = new Map<string, KindCount>();
  for (const issue of issues) {
    const k = counts.get(issue.code);
    if (k) k.count++;
    else counts.set(issue.code, { code: issue.code, severity: issue.severity, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) => (a.severity === b.severity ? b.count - a.count || a.code.localeCompare(b.code) : a.severity === 'error' ? -1 : 1),
  );
}

export function filterIssues(issues: Issue[], filter: IssueFilter): Issue[] {
  return issues.filter(
    (i) => (filter.severity === 'all' || i.severity === filter.severity) && (filter.kind === null || i.code === filter.kind),
  );
}

/** The cell an issue is about, as an A1 address; null for issues about a whole field. */
export function issueAddress(issue: Issue): string | null {
  return issue.column && issue.row ? `${issue.column}${issue.row}` : null;
}

/** What "Fix" writes into a cell: enumeration values by their label, lists joined with commas. */
export function writtenValue(issue: Issue): string | number | null {
  const v = issue.normalised;
  if (v === undefined) return null;
  const field = fieldDef(issue.field);
  const label = (x: string) => (field?.kind === 'enum' || field?.kind === 'enum_list' ? optionLabel(issue.field, x) : x);
  if (Array.isArray(v)) return v.map(label).join(', ');
  if (typeof v === 'string') return label(v);
  return v;
}

/**
 * What "Fix N values" writes: the engine's fixes when it lists them,
 * otherwise the normalised values its issues carry. One change per cell.
 */
export function fixesFor(report: Pick<Report, 'issues' | 'fixes'>): CellChange[] {
  if (report.fixes) {
    const changes = new Map<string, CellChange>();
    for (const f of report.fixes) {
      const address = `${f.column}${f.row}`;
      if (!changes.has(address)) changes.set(address, { address, value: f.to });
    }
    return [...changes.values()];
  }
  return fixesFromIssues(report.issues);
}

/** One change per cell for every issue that carries a normalised value to write back. */
export function fixesFromIssues(issues: Issue[]): CellChange[] {
  const changes = new Map<string, CellChange>();
  for (const issue of issues) {
    const address = issueAddress(issue);
    const value = writtenValue(issue);
    if (!address || value === null || changes.has(address)) continue;
    // A cell that already holds the value needs no fix.
    if (issue.value !== undefined && issue.value.trim() === String(value)) continue;
    changes.set(address, { address, value });
  }
  return [...changes.values()];
}

/** The sheet an issue is on: its own, or the fallback (the first table's) for a CSV or an engine that names none. */
export function issueSheet(issue: Issue, fallback: string): string {
  return issue.sheet ?? fallback;
}

/** The issues per sheet, for highlighting each sheet with its own. */
export function issuesBySheet(issues: Issue[], sheets: string[], fallback: string): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>(sheets.map((s) => [s, []]));
  for (const issue of issues) {
    const sheet = issueSheet(issue, fallback);
    const list = out.get(sheet);
    if (list) list.push(issue);
    else out.set(sheet, [issue]);
  }
  return out;
}

/**
 * "Fix N values" per sheet. The engine's fixes name their sheet when it
 * reads several; without one, a single table's sheet is meant; with several
 * tables and no sheet on the fixes, the normalised values the issues carry
 * (which do name their sheet) are used instead.
 */
export function fixesBySheet(report: Pick<Report, 'issues' | 'fixes' | 'tables'>, fallback: string): Map<string, CellChange[]> {
  const out = new Map<string, CellChange[]>();
  const add = (sheet: string, changes: CellChange[]) => {
    if (changes.length) out.set(sheet, [...(out.get(sheet) ?? []), ...changes]);
  };
  const several = new Set(report.tables.map((t) => t.sheet)).size > 1;
  if (report.fixes && (!several || report.fixes.every((f) => f.sheet !== undefined && f.sheet !== null))) {
    const bySheet = new Map<string, Fix[]>();
    for (const f of report.fixes) {
      const sheet = f.sheet ?? fallback;
      // Pushed, not spread into a new array each time: 200,000 fixes took two minutes that way.
      const list = bySheet.get(sheet);
      if (list) list.push(f);
      else bySheet.set(sheet, [f]);
    }
    for (const [sheet, fixes] of bySheet) add(sheet, fixesFor({ issues: [], fixes }));
    return out;
  }
  for (const [sheet, issues] of issuesBySheet(report.issues, [], fallback)) add(sheet, fixesFromIssues(issues));
  return out;
}

/**
 * The fixes split in two: those at a cell with an issue, which "Fix" writes,
 * and the rest, values that are valid but not in the agreed wording ("L1",
 * "3/4/23"), which "Tidy" writes. Telling them apart keeps "Fix" honest: it
 * names only changes that resolve something.
 */
export function splitFixes(perSheet: Map<string, CellChange[]>, issues: Issue[], fallback: string): { fix: Map<string, CellChange[]>; tidy: Map<string, CellChange[]> } {
  const flagged = new Set<string>();
  for (const issue of issues) {
    const address = issueAddress(issue);
    if (address) flagged.add(`${issueSheet(issue, fallback)}!${address}`);
  }
  const fix = new Map<string, CellChange[]>();
  const tidy = new Map<string, CellChange[]>();
  for (const [sheet, changes] of perSheet) {
    for (const change of changes) {
      const into = flagged.has(`${sheet}!${change.address}`) ? fix : tidy;
      const list = into.get(sheet);
      if (list) list.push(change);
      else into.set(sheet, [change]);
    }
  }
  return { fix, tidy };
}

/** "Still to fix: 1 error (Not a date) and 2 warnings (Approximate number of attendees 2)." or "No issues left." */
export function remainingSentence(issues: Issue[]): string {
  if (issues.length === 0) return 'No issues left.';
  const kinds = countKinds(issues);
  const part = (severity: 'error' | 'warning') => {
    const of = kinds.filter((k) => k.severity === severity);
    const n = of.reduce((t, k) => t + k.count, 0);
    if (!n) return null;
    const names = of.map((k) => (of.length === 1 ? kindLabel(k.code) : `${kindLabel(k.code)} ${k.count.toLocaleString('en-US')}`)).join(', ');
    return `${n.toLocaleString('en-US')} ${severity}${n === 1 ? '' : 's'} (${names})`;
  };
  return `Still to fix: ${[part('error'), part('warning')].filter(Boolean).join(' and ')}.`;
}
