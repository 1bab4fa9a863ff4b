import { ISSUE_SEVERITY } from '../issues';
import { issueMessage } from '../messages';
import type { CheckRecord, Issue } from '../report';

/**
 * Flags a record with the same title, date, location and engagement as an
 * earlier one. Both stay records; the later one gets a warning.
 */
export function findDuplicates(records: CheckRecord[], titleColumn: string | undefined): Issue[] {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  // Titles and places repeat: fold each distinct text once.
  const folded = new Map<unknown, string>();
  const fold = (x: unknown): string => {
    let f = folded.get(x);
    if (f === undefined) folded.set(x, (f = x === undefined ? '' : String(x).trim().toLowerCase()));
    return f;
  };
  for (const rec of records) {
    const v = rec.values;
    if (v.title === undefined || v.date === undefined) continue;
    const key = `${fold(v.title)}\u0000${String(v.date)}\u0000${fold(v.street)}\u0000${fold(v.city)}\u0000${String(v.engagement ?? '')}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, rec.row);
      continue;
    }
    const issue: Issue = {
      row: rec.row, field: 'title', severity: ISSUE_SEVERITY.duplicate_row, code: 'duplicate_row',
      message: issueMessage({ code: 'duplicate_row', params: { firstRow: first } }, { value: String(v.title), fieldLabel: 'Title/Event' }),
      value: String(v.title),
    };
    if (titleColumn) issue.column = titleColumn;
    issues.push(issue);
  }
  return issues;
}
