import { z } from 'zod';
import { ISSUE_CODES, type IssueCode } from './issues';

/**
 * The check report: the contract of ../shared/spec/check-report.md. Other
 * tools read this JSON, so members are only ever added, never renamed.
 */

export const columnMappingSchema = z.object({
  /** Column letter as Excel shows it. */
  column: z.string(),
  /** The partner's heading, as written (trimmed). */
  header: z.string(),
  /** Agreed field id, or null for a column that maps to no field. */
  field: z.string().nullable(),
  /** 0..1: how sure the suggestion is. */
  confidence: z.number().min(0).max(1),
  /** Why, in words a partner understands. */
  reason: z.string(),
  /**
   * This column is one part of a field spread over several columns:
   * "sum", its number is added to the other parts (adults + children);
   * "mark", a mark in it selects `option` of the field's enumeration (one column per audience);
   * "part", it holds one part of a date kept in several columns: `option` is "month", "day" or "year"
   * (without a year column, the year is the reporting period's).
   */
  combine: z.enum(['sum', 'mark', 'part']).optional(),
  /** With combine "mark": the option id a mark selects; with "part": month, day or year. */
  option: z.string().optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** A normalised value: text, ISO date, enum id, 5-digit zip, list of audience ids, or a count. */
export const recordValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);
export type RecordValue = z.infer<typeof recordValueSchema>;

export const recordSchema = z.object({
  /** The sheet the record stands on (null for a CSV). */
  sheet: z.string().nullable().optional(),
  /** Worksheet row number as Excel shows it. */
  row: z.number().int().positive(),
  values: z.record(z.string(), recordValueSchema),
});
export type CheckRecord = z.infer<typeof recordSchema>;

export const issueSchema = z.object({
  /** The sheet of the issue's cell or column (null for a CSV); absent for issues about the whole workbook. */
  sheet: z.string().nullable().optional(),
  row: z.number().int().positive().optional(),
  column: z.string().optional(),
  field: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.enum(ISSUE_CODES as [IssueCode, ...IssueCode[]]),
  message: z.string(),
  /** The cell's content as the partner typed it. */
  value: z.string().optional(),
  /** For fixable values: what the add-in may write back into the cell. */
  normalised: recordValueSchema.optional(),
});
export type Issue = z.infer<typeof issueSchema>;

const countsSchema = z.object({ events: z.number(), attendees: z.number() });
export type Counts = z.infer<typeof countsSchema>;

export const summarySchema = z.object({
  records: z.number(),
  errors: z.number(),
  warnings: z.number(),
  /** The indicator: events and attendees per engagement level id. */
  byEngagement: z.record(z.string(), countsSchema),
  byAudience: z.record(z.string(), countsSchema),
  byEventType: z.record(z.string(), countsSchema),
  /** Keyed by YYYY-MM. */
  byMonth: z.record(z.string(), countsSchema),
  byZip: z.record(z.string(), countsSchema),
});
export type Summary = z.infer<typeof summarySchema>;

/** One table of events that the check read: its sheet, header row, rows and mapping. */
export const tableReportSchema = z.object({
  sheet: z.string().nullable(),
  /** Worksheet row numbers as Excel shows them. */
  headerRow: z.number().int().positive(),
  firstRow: z.number().int().positive(),
  lastRow: z.number().int().positive(),
  /** How many records the table gave. */
  records: z.number().int().nonnegative(),
  columns: z.array(columnMappingSchema),
});
export type TableReport = z.infer<typeof tableReportSchema>;

/** A sheet (or a table on a sheet) that was not read as events, and why, in words a person understands. */
export const skippedSchema = z.object({
  sheet: z.string(),
  reason: z.string(),
  /** Whether the person left it out (true) or the check found no events there (false). */
  byChoice: z.boolean().optional(),
});
export type Skipped = z.infer<typeof skippedSchema>;

export const checkReportSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().nullable(),
  /** Worksheet row number of the header, or null when none was found. */
  headerRow: z.number().int().positive().nullable(),
  period: z.object({ start: z.string(), end: z.string() }),
  date1904: z.boolean(),
  columns: z.array(columnMappingSchema),
  /** Every table of events read, in workbook order; the top-level sheet, headerRow and columns repeat the first. */
  tables: z.array(tableReportSchema),
  /** Every sheet not read as events, with the reason. */
  skipped: z.array(skippedSchema),
  records: z.array(recordSchema),
  issues: z.array(issueSchema),
  summary: summarySchema,
  engine: z.object({ version: z.string(), collection: z.string() }),
});
export type CheckReport = z.infer<typeof checkReportSchema>;
