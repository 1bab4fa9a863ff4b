import { fieldIdOf, fieldWithRole } from '../collection/roles';
import type { Collection } from '../collection/types';
import { ISSUE_SEVERITY } from '../issues';
import { issueMessage } from '../messages';
import type { CheckRecord, Issue } from '../report';

/**
 * Flags a record with the same title, date, place (street, city, zip, and
 * any branch, room or time column) and level as an earlier one: the fields
 * of those roles, whatever the collection calls them. Both stay records; the
 * later one gets a warning. A collection without a title or a date field has
 * no duplicates to find.
 */
export function findDuplicates(records: CheckRecord[], collection: Collection, titleColumnOf: (rec: CheckRecord) => string | undefined, distinguish: Map<CheckRecord, string> = new Map()): Issue[] {
  const titleField = fieldWithRole(collection, 'title');
  const date = fieldIdOf(collection, 'date');
  if (titleField === undefined || date === undefined) return [];
  const title = titleField.id;
  const place = (['street', 'city', 'zip'] as const).map((role) => fieldIdOf(collection, role));
  const level = fieldIdOf(collection, 'level');
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
    if (v[title] === undefined || v[date] === undefined) continue;
    const key = [
      fold(v[title]), String(v[date]), ...place.map((id) => fold(id === undefined ? undefined : v[id])),
      String((level === undefined ? undefined : v[level]) ?? ''), distinguish.get(rec) ?? '',
    ].join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, rec);
      continue;
    }
    const where = first.sheet && first.sheet !== rec.sheet ? `${first.row} of sheet ${first.sheet}` : first.row;
    const issue: Issue = {
      ...(rec.sheet !== undefined ? { sheet: rec.sheet } : {}),
      row: rec.row, field: title, severity: ISSUE_SEVERITY.duplicate_row, code: 'duplicate_row',
      message: issueMessage({ code: 'duplicate_row', params: { firstRow: where } }, { value: String(v[title]), fieldLabel: titleField.label }),
      value: String(v[title]),
    };
    const column = titleColumnOf(rec);
    if (column) issue.column = column;
    issues.push(issue);
  }
  return issues;
}
