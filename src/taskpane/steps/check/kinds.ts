import type { IssueCode } from '../../../core/issues';

/** Short names for the kinds of issue, as filters and group headings show them. */
export const KIND_LABELS: Record<IssueCode, string> = {
  missing_required: 'Required value missing',
  missing_recommended: 'Recommended value missing',
  invalid_date: 'Not a date',
  date_out_of_period: 'Date outside the reporting period',
  invalid_engagement: 'Unknown engagement level',
  invalid_audience: 'Unknown audience',
  unknown_event_type: 'Unknown type of event',
  invalid_zip: 'Not a zip code',
  zip_outside_area: 'Zip outside Michigan',
  invalid_attendees: 'Not a number of attendees',
  approximate_attendees: 'Approximate number of attendees',
  duplicate_row: 'Possible duplicate row',
  unmapped_required_field: 'Required field without a column',
  uncertain_mapping: 'Column to confirm',
  unknown_audience: 'Part of the audience not recognised',
  date_without_year: 'Date without a year',
  no_events: 'No events yet',
  event_not_held: 'Event not held, not counted',
};

export function kindLabel(code: string): string {
  return (KIND_LABELS as Record<string, string>)[code] ?? code.replace(/_/g, ' ');
}
