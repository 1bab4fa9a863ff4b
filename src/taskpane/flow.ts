import type { CheckReport } from '../core/report';
import type { Fix } from '../core/validate/validateRow';
import type { Workbook } from '../core/workbook';
import type { SavedMapping } from './host';

/**
 * The engine's report, with the cells it offers to rewrite ("Fix N values"):
 * text whose clean value reads differently, such as "L1" or "~25".
 */
export type Report = CheckReport & { fixes?: Fix[] };

/** Column letter → field id, or null for "no field". */
export type Mapping = Record<string, string | null>;

/** What the person chose on the first step. */
export interface Choice {
  sheet: string;
  /** 1-based worksheet row of the headings. */
  headerRow: number;
  date1904: boolean;
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
  | { step: 'unreadable'; message: string }
  | {
      step: 'sheet';
      workbook: Workbook;
      /** The engine's own pick, used as the starting point. */
      detected: Choice;
      /** Whether the host could tell the date system; when not, the person is asked. */
      date1904Known: boolean;
    }
  | (Checked & { step: 'mapping'; saved: SavedMapping | null })
  | (Checked & { step: 'check'; mapping: Mapping })
  | (Checked & { step: 'submit'; mapping: Mapping });

export type StepName = 'sheet' | 'mapping' | 'check' | 'submit';
export const STEPS: { name: StepName; label: string }[] = [
  { name: 'sheet', label: 'Sheet' },
  { name: 'mapping', label: 'Columns' },
  { name: 'check', label: 'Check' },
  { name: 'submit', label: 'Submit' },
];

export type FlowAction =
  | { type: 'loading' }
  | { type: 'loaded'; workbook: Workbook; detected: Choice; date1904Known: boolean }
  | { type: 'unreadable'; message: string }
  /** `saved`: the mapping confirmed earlier for this sheet, if any. */
  | { type: 'sheetChosen'; workbook: Workbook; choice: Choice; report: Report; saved: SavedMapping | null }
  | { type: 'mappingConfirmed'; mapping: Mapping; report: Report }
  /** The workbook changed (a fix, an undo, an edit in Excel) and was checked again. */
  | { type: 'rechecked'; workbook: Workbook; report: Report }
  | { type: 'toSubmit' }
  | { type: 'back' };

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'loading':
      return { step: 'loading' };
    case 'unreadable':
      return { step: 'unreadable', message: action.message };
    case 'loaded':
      return {
        step: 'sheet',
        workbook: action.workbook,
        detected: action.detected,
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
        date1904Known: state.date1904Known,
      };
    case 'check':
      return {
        step: 'mapping',
        workbook: state.workbook,
        choice: state.choice,
        date1904Known: state.date1904Known,
        report: state.report,
        saved: { sheet: state.choice.sheet, headerRow: state.choice.headerRow, columns: state.mapping, date1904: state.choice.date1904 },
      };
    case 'submit':
      return { ...state, step: 'check' };
    default:
      return state;
  }
}

function withoutSaved(state: Checked & { saved: SavedMapping | null }): Checked {
  return { workbook: state.workbook, choice: state.choice, date1904Known: state.date1904Known, report: state.report };
}
