import type { Generated } from 'kysely';

/**
 * The store's tables, one schema for SQLite and PostgreSQL. Timestamps are
 * ISO-8601 UTC text (they sort as text on both), dates are YYYY-MM-DD text,
 * booleans are 0/1 integers.
 */

export interface OrgTable {
  id: string;
  name: string;
  /** The day the data-sharing agreement was signed; null while unsigned. */
  agreement_signed_on: string | null;
  created_at: string;
}

export type Role = 'partner' | 'analyst';

export interface TokenTable {
  id: string;
  /** SHA-256 of the whole token, hex. The token itself is never stored. */
  token_hash: string;
  role: Role;
  /** The partner's organisation; null for analysts. */
  org_id: string | null;
  /** The one person the token was issued to. */
  person: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SubmissionTable {
  id: string;
  org_id: string;
  token_id: string;
  person: string;
  idempotency_key: string | null;
  /** sha256 of the request's file (or JSON) and options; null for submissions stored before it was kept. */
  request_hash: string | null;
  received_at: string;
  /** xlsx | csv | office (cell values posted by the add-in). */
  source: string;
  file_name: string;
  sheet: string | null;
  header_row: number | null;
  period_start: string;
  period_end: string;
  /** accepted (no errors) | flagged (has errors): data errors never reject a submission. */
  status: string;
  record_count: number;
  error_count: number;
  warning_count: number;
  engine_version: string;
  collection_id: string;
  summary_json: string;
  report_json: string;
  /** When an administrator withdrew it (kept, but out of the aggregate); null while it counts. */
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  /** When its data (file, records, issues, report, annotated workbook) was deleted under the retention rule; the receipt and counts stay. */
  purged_at: string | null;
  purged_by: string | null;
}

export interface SubmissionFileTable {
  submission_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

/** The annotated workbook of a submission, built once when it was stored; or the reason it could not be. */
export interface SubmissionAnnotatedTable {
  submission_id: string;
  built_at: string;
  size: number;
  bytes: Uint8Array | null;
  failure_code: string | null;
  failure_message: string | null;
}

export interface RecordTable {
  submission_id: string;
  /** The record's place in the report (workbook order). */
  seq: number;
  /** The sheet the record stands on (null for a CSV or a one-sheet submission). */
  sheet: string | null;
  row_number: number;
  event_date: string | null;
  engagement: string | null;
  attendees: number | null;
  /** Bits: 1 when the row has at least one error, 2 when the partner marked the event as not held (kept, not counted). */
  flagged: number;
  values_json: string;
}

export interface IssueTable {
  submission_id: string;
  seq: number;
  row_number: number | null;
  column_letter: string | null;
  field: string | null;
  severity: string;
  code: string;
  message: string;
  value: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  /** token | admin | anonymous */
  actor_type: string;
  actor_token_id: string | null;
  actor_person: string | null;
  actor_role: string | null;
  actor_org_id: string | null;
  /** e.g. submission.create, submission.read, aggregate.read, token.issue. */
  action: string;
  /** ok | denied | not_found | failed */
  outcome: string;
  target_org_id: string | null;
  submission_id: string | null;
  detail: string | null;
}

export interface Database {
  orgs: OrgTable;
  tokens: TokenTable;
  submissions: SubmissionTable;
  submission_files: SubmissionFileTable;
  submission_annotated: SubmissionAnnotatedTable;
  records: RecordTable;
  issues: IssueTable;
  audit_log: AuditTable;
  population: PopulationTable;
}

/** Children under 5 by zip code (e.g. ACS 5-year table B01001), for the analysis's rate per 1,000 children. */
export interface PopulationTable {
  zip: string;
  children_under5: number;
  source: string;
  year: number;
  imported_at: string;
}
