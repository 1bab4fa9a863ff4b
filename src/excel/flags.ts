import type { Issue } from '../core/report';
import { a1, columnIndex } from '../core/workbook';

/** Fill colours of flagged cells: Excel's own "Bad" and "Neutral" cell-style fills. */
export const ERROR_FILL = '#FFC7CE';
export const WARNING_FILL = '#FFEB9C';

/**
 * The first line of every note or comment we write. It is how we recognise
 * our own notes later (to update or remove them) and leave the partner's alone.
 */
export const NOTE_MARKER = 'Data check (Hope Starts Here)';

/** Notes stay readable; longer lists end with "…and N more". */
const MAX_NOTE_LINES = 8;
const MAX_LINE_CHARS = 240;

export interface FlaggedCell {
  /** 0-based position. */
  row: number;
  col: number;
  /** A1 address without sheet. */
  address: string;
  severity: 'error' | 'warning';
  issues: Issue[];
}

/**
 * Groups issues by cell. An issue with a row but no column (a duplicate row)
 * is shown on the row's first data column; issues with no row (an unmapped
 * required field) are for the taskpane list only.
 */
export function flaggedCells(issues: Issue[], rowIssueColumn = 0): Map<string, FlaggedCell> {
  const cells = new Map<string, FlaggedCell>();
  for (const issue of issues) {
    if (issue.row === undefined || issue.row < 1) continue;
    const col = issue.column !== undefined ? columnIndex(issue.column) : rowIssueColumn;
    if (col < 0) continue;
    const row = issue.row - 1;
    const address = a1(row, col);
    const cell = cells.get(address);
    if (cell) {
      cell.issues.push(issue);
      if (issue.severity === 'error') cell.severity = 'error';
    } else {
      cells.set(address, { row, col, address, severity: issue.severity, issues: [issue] });
    }
  }
  return cells;
}

/** The note of one cell: the marker, then one line per issue, errors first. */
export function noteText(cell: FlaggedCell): string {
  const sorted = [...cell.issues].sort((a, b) => rank(a) - rank(b));
  const lines = sorted.slice(0, MAX_NOTE_LINES).map((issue) => {
    const text = `• ${issue.severity === 'error' ? 'Error' : 'Warning'}: ${issue.message}`;
    return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS - 1)}…` : text;
  });
  if (sorted.length > MAX_NOTE_LINES) lines.push(`…and ${sorted.length - MAX_NOTE_LINES} more (see the task pane)`);
  return [NOTE_MARKER, ...lines].join('\n');
}

export function isOurNote(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_MARKER);
}

function rank(issue: Issue): number {
  return issue.severity === 'error' ? 0 : 1;
}
