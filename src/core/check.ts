import type { Collection, Period } from './collection/types';
import type { CheckReport } from './report';
import type { Workbook } from './workbook';

export interface CheckOptions {
  /** The collection to check against; default the 2023 collection. */
  collection?: Collection;
  /** Overrides the collection's reporting period. */
  period?: Period;
  /** Sheet name chosen by the person; otherwise the engine finds the event sheet. */
  sheet?: string;
  /** 1-based header row chosen by the person; otherwise detected. */
  headerRow?: number;
  /** Column letter → field id (or null for "no field"): the person's confirmed mapping, overriding suggestions. */
  mapping?: Record<string, string | null>;
  /** File name to echo in the report. */
  file?: string;
}

/** INTERIM: replaced by the real pipeline in the next commit. */
export function check(workbook: Workbook, options: CheckOptions = {}): CheckReport {
  throw new Error(`check engine not yet implemented (${workbook.sheets.length} sheets, ${JSON.stringify(options)})`);
}
