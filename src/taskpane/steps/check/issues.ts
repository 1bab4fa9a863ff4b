import type { Issue } from '../../../core/report';
import type { CellChange } from '../../host';
import type { Report } from '../../flow';
import { fieldDef, optionLabel } from '../../collection';

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
