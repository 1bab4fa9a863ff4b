import type { CheckOptions, MappingChoice } from '../core/check';
import type { CheckReport } from '../core/report';
import type { Fix } from '../core/validate/validateRow';
import type { Workbook } from '../core/workbook';
import type { SavedMapping } from './host';

/**
 * The engine's report, with the cells it offers to rewrite ("Fix N values"):
 * text whose clean value reads differently, such as "L1" or "~25".
 */
export type Report = CheckReport & { fixes?: (Fix & { sheet?: string | null })[] };

/** Column letter → the person's choice: a field id, null for "no field", or one part of a field. */
export type Mapping = Record<string, MappingChoice>;

/**
 * The confirmed columns of every table: `mapping` for the first table and
 * every table with the same headings, `mappings` per sheet for the others
 * (the engine's CheckOptions of the same names).
 */
export interface Mappings {
  mapping: Mapping;
  mappings: Record<string, Mapping>;
}

/** What the person chose on the first step. */
export interface Choice {
  /** The first table's sheet: where the workbook's settings keep the confirmed columns. */
  sheet: string;
  /** 1-based worksheet row of the first table's headings. */
  headerRow: number;
  date1904: boolean;
  /** Sheets the person left out. */
  leaveOut: string[];
  /** Sheets the check skipped that the person wants read all the same. */
  include: string[];
  /** Header rows the person typed, per sheet. */
  headerRows: Record<string, number>;
}

/** The engine's options for the person's choices (and, once confirmed, the columns). */
export function checkOptions(choice: Choice, mappings?: Mappings): CheckOptions {
  return {
    ...(choice.leaveOut.length ? { leaveOut: choice.leaveOut } : {}),
    ...(choice.include.length ? { include: choice.include } : {}),
    ...(Object.keys(choice.headerRows).length ? { headerRows: choice.headerRows } : {}),
    ...(mappings ? { mapping: mappings.mapping } : {}),
    ...(mappings && Object.keys(mappings.mappings).length ? { mappings: mappings.mappings } : {}),
  };
}

/** The sheets the report read, in workbook order (the choice's sheet when the report names none, as for a CSV). */
export function sheetsRead(report: Pick<CheckReport, 'tables' | 'sheet'>, fallback: string): string[] {
  const names = report.tables.map((t) => t.sheet ?? fallback);
  if (names.length === 0) names.push(report.sheet ?? fallback);
  return [...new Set(names)];
}

/** What every step after the first carries. */
interface Checked {
  workbook: Workbook;
  choice: Choice;
  date1904Known: boolean;
  report: Report;
}

/**
 * The taskpane's flow: one case per step. Each step component receives its
 * own case and moves the flow on through the actions below.
 */
export type FlowState =
  | { step: 'loading' }
  /** `cancelled`: the person stopped the first check; nothing is wrong with the workbook. */
  | { step: 'unreadable'; message: string; cancelled?: boolean }
  | {
      step: 'sheet';
      workbook: Workbook;
      /** The starting point: the engine's own pick, or what the person chose before going back. */
      detected: Choice;
      /** The engine's report for `detected`: the tables found and the sheets skipped. */
      report: Report | null;
      /** Whether the host could tell the date system; when not, the person is asked. */
      date1904Known: boolean;
    }
  | (Checked & { step: 'mapping'; saved: SavedMapping[] })
  | (Checked & { step: 'check'; mapping: Mappings })
  | (Checked & { step: 'submit'; mapping: Mappings });

export type StepName = 'sheet' | 'mapping' | 'check' | 'submit';
export const STEPS: { name: StepName; label: string }[] = [
  { name: 'sheet', label: 'Sheets' },
  { name: 'mapping', label: 'Columns' },
  { name: 'check', label: 'Check' },
  { name: 'submit', label: 'Submit' },
];

export type FlowAction =
  | { type: 'loading' }
  | { type: 'loaded'; workbook: Workbook; detected: Choice; report: Report | null; date1904Known: boolean }
  | { type: 'unreadable'; message: string; cancelled?: boolean }
  /** `saved`: the columns confirmed earlier for these tables, if any. */
  | { type: 'sheetChosen'; workbook: Workbook; choice: Choice; report: Report; saved: SavedMapping[] }
  | { type: 'mappingConfirmed'; mapping: Mappings; report: Report }
  /** The workbook changed (a fix, an undo, an edit in Excel) and was checked again. */
  | { type: 'rechecked'; workbook: Workbook; report: Report }
  | { type: 'toSubmit' }
  | { type: 'back' };

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'loading':
      return { step: 'loading' };
    case 'unreadable':
      return { step: 'unreadable', message: action.message, ...(action.cancelled ? { cancelled: true } : {}) };
    case 'loaded':
      return {
        step: 'sheet',
        workbook: action.workbook,
        detected: action.detected,
        report: action.report,
        date1904Known: action.date1904Known,
      };
    case 'sheetChosen':
      if (state.step !== 'sheet') return state;
      return {
        step: 'mapping',
        workbook: action.workbook,
        choice: action.choice,
        date1904Known: state.date1904Known,
        report: action.report,
        saved: action.saved,
      };
    case 'mappingConfirmed':
      if (state.step !== 'mapping') return state;
      return { ...withoutSaved(state), step: 'check', report: action.report, mapping: action.mapping };
    case 'rechecked':
      if (state.step !== 'check' && state.step !== 'submit') return state;
      return { ...state, workbook: action.workbook, report: action.report };
    case 'toSubmit':
      if (state.step !== 'check') return state;
      return { ...state, step: 'submit' };
    case 'back':
      return back(state);
  }
}

function back(state: FlowState): FlowState {
  switch (state.step) {
    case 'mapping':
      return {
        step: 'sheet',
        workbook: state.workbook,
        detected: state.choice,
        report: state.report,
        date1904Known: state.date1904Known,
      };
    case 'check':
      return {
        step: 'mapping',
        workbook: state.workbook,
        choice: state.choice,
        date1904Known: state.date1904Known,
        report: state.report,
        saved: savedOf(state.choice, state.report, state.mapping),
      };
    case 'submit':
      return { ...state, step: 'check' };
    default:
      return state;
  }
}

/** The confirmed columns as the mapping step starts from them again after "Back". */
function savedOf(choice: Choice, report: Report, mappings: Mappings): SavedMapping[] {
  const out: SavedMapping[] = [{ sheet: choice.sheet, headerRow: choice.headerRow, columns: mappings.mapping, date1904: choice.date1904 }];
  for (const [key, columns] of Object.entries(mappings.mappings)) {
    // A key is a sheet, or one table of a sheet holding several ("Sheet!ROW").
    const table = report.tables.find((t) => t.sheet === key) ?? report.tables.find((t) => `${t.sheet ?? ''}!${t.headerRow}` === key);
    if (table) out.push({ sheet: table.sheet ?? '', headerRow: table.headerRow, columns, date1904: choice.date1904 });
  }
  return out;
}

function withoutSaved(state: Checked & { saved: SavedMapping[] }): Checked {
  return { workbook: state.workbook, choice: state.choice, date1904Known: state.date1904Known, report: state.report };
}
