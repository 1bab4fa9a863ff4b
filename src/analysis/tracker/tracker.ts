import { toCsv } from '../csv';
import { daysUntil, daysLeftText, submittedText } from '../format';
import type { TrackerRow } from '../types';

/**
 * The submission tracker's rows: each signed partner, whether and when it
 * submitted, and its days to the deadline (for a partner that has not
 * submitted, the days left from today, negative once late; for one that
 * has, how early or late its submission came).
 */
export interface TrackerLine extends TrackerRow {
  /** Days from today (not submitted) or from the submission's day (submitted) to the deadline. */
  days: number;
  daysText: string;
}

export type TrackerColumn = 'name' | 'submitted' | 'submittedAt' | 'records' | 'errors' | 'warnings' | 'days';
export type SortDirection = 'ascending' | 'descending';

export function trackerLines(partners: TrackerRow[], deadline: string, today: Date): TrackerLine[] {
  return partners.map((p) => {
    const days = p.submittedAt ? daysUntil(deadline, new Date(p.submittedAt)) : daysUntil(deadline, today);
    return { ...p, days, daysText: p.submittedAt ? submittedText(days) : daysLeftText(days) };
  });
}

/** Sorted by a column, ties by name; "not submitted" sorts before "submitted" ascending. */
export function sortLines(lines: TrackerLine[], column: TrackerColumn, direction: SortDirection): TrackerLine[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const key = (l: TrackerLine): string | number => {
    switch (column) {
      case 'name':
        return l.name.toLocaleLowerCase('en-US');
      case 'submitted':
        return l.submitted ? 1 : 0;
      case 'submittedAt':
        return l.submittedAt ? Date.parse(l.submittedAt) : -Infinity;
      default:
        return l[column];
    }
  };
  return [...lines].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'en-US') : Number(x) - Number(y);
    return sign * c || a.name.localeCompare(b.name, 'en-US');
  });
}

export const TRACKER_HEADINGS: Record<TrackerColumn, string> = {
  name: 'Partner',
  submitted: 'Submitted',
  submittedAt: 'When',
  records: 'Records',
  errors: 'Errors',
  warnings: 'Warnings',
  days: 'Days to the deadline',
};

/** The tracker as the table shows it, in its order, as CSV. */
export function trackerCsv(lines: TrackerLine[], deadline: string): string {
  return toCsv([
    ['Partner', 'Organisation id', 'Submitted', 'Submitted at', 'Submission id', 'Records', 'Errors', 'Warnings', `Days to the deadline (${deadline})`, 'Note'],
    ...lines.map((l) => [l.name, l.org, l.submitted, l.submittedAt ?? '', l.submissionId ?? '', l.records, l.errors, l.warnings, l.days, l.daysText]),
  ]);
}
