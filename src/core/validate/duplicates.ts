import { ISSUE_SEVERITY } from '../issues';
import { issueMessage } from '../messages';
import type { CheckRecord, Issue } from '../report';

/**
 * Flags a record with the same title, date, place (street, city, zip, and
 * any branch, room or time column) and engagement as an earlier one. Both
 * stay records; the later one gets a warning.
 */
export function findDuplicates(records: CheckRecord[], titleColumnOf: (rec: CheckRecord) => string | undefined, distinguish: Map<CheckRecord, string> = new Map()): Issue[] {
  const seen = new Map<string, CheckRecord>();
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
    const key = [fold(v.title), String(v.date), fold(v.street), fold(v.city), fold(v.zip), String(v.engagement ?? ''), distinguish.get(rec) ?? ''].join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, rec);
      continue;
    }
    const where = first.sheet && first.sheet !== rec.sheet ? `${first.row} of sheet ${first.sheet}` : first.row;
    const issue: Issue = {
      ...(rec.sheet !== undefined ? { sheet: rec.sheet } : {}),
      row: rec.row, field: 'title', severity: ISSUE_SEVERITY.duplicate_row, code: 'duplicate_row',
      message: issueMessage({ code: 'duplicate_row', params: { firstRow: where } }, { value: String(v.title), fieldLabel: 'Title/Event' }),
      value: String(v.title),
    };
    const column = titleColumnOf(rec);
    if (column) issue.column = column;
    issues.push(issue);
  }
  return issues;
}
