import type { TableReport } from '../../../core/report';
import type { Workbook } from '../../../core/workbook';
import type { Choice, Report } from '../../flow';

/** One sheet of the workbook as the first step lists it: the tables read on it, or why it was not read. */
export interface SheetEntry {
  sheet: string;
  tables: TableReport[];
  /** Why it was not read (empty when it was). */
  reason: string;
  /** Not read because the person left it out. */
  byChoice: boolean;
}

/**
 * Every sheet, in workbook order: those with tables of events, then the
 * skipped ones with the engine's reason. A sheet the report names nowhere
 * (an engine that reads one table only) is listed as not read.
 */
export function sheetList(workbook: Workbook, report: Report | null, choice: Pick<Choice, 'leaveOut'>): SheetEntry[] {
  const csv = workbook.source === 'csv';
  return workbook.sheets.map((s) => {
    const tables = (report?.tables ?? []).filter((t) => t.sheet === s.name || (csv && t.sheet === null));
    const skipped = report?.skipped.find((k) => k.sheet === s.name);
    const byChoice = choice.leaveOut.includes(s.name) || skipped?.byChoice === true;
    const reason = tables.length ? '' : (skipped?.reason ?? (s.hidden ? 'A hidden sheet; not read.' : 'Not read as events.'));
    return { sheet: s.name, tables: byChoice ? [] : tables, reason, byChoice };
  });
}
