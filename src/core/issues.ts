/**
 * The issue codes of ../shared/spec/data-fields.md, with their fixed severities,
 * and the project's own (unknown_audience, date_without_year, no_events, event_not_held: docs/issue-codes.md).
 */
export const ISSUE_SEVERITY = {
  missing_required: 'error',
  missing_recommended: 'warning',
  invalid_date: 'error',
  date_out_of_period: 'error',
  invalid_engagement: 'error',
  invalid_audience: 'error',
  unknown_event_type: 'warning',
  invalid_zip: 'error',
  zip_outside_area: 'warning',
  invalid_attendees: 'error',
  approximate_attendees: 'warning',
  duplicate_row: 'warning',
  unmapped_required_field: 'error',
  uncertain_mapping: 'warning',
  unknown_audience: 'warning',
  date_without_year: 'warning',
  no_events: 'error',
  event_not_held: 'warning',
} as const;

export type IssueCode = keyof typeof ISSUE_SEVERITY;
export type Severity = 'error' | 'warning';
export const ISSUE_CODES = Object.keys(ISSUE_SEVERITY) as IssueCode[];

export function severityOf(code: IssueCode): Severity {
  return ISSUE_SEVERITY[code];
}

/**
 * A problem found in one value, before it has a position: a stable code plus
 * the facts the message needs. `reason` picks a more specific wording
 * (e.g. "day_first", "range", "no_year"); all wording lives in messages.ts.
 */
export interface Problem {
  code: IssueCode;
  reason?: string;
  /** Facts quoted in the message: the normalised value, a suggestion, a limit. */
  params?: Record<string, string | number>;
}
