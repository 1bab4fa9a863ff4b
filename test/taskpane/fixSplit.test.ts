import type { Issue } from '../../src/core/report';
import { remainingSentence, splitFixes } from '../../src/taskpane/steps/check/issues';

const issue = (over: Partial<Issue>): Issue => ({ field: 'attendees', severity: 'warning', code: 'approximate_attendees', message: '', ...over }) as Issue;

describe('Fix and Tidy', () => {
  test('a change at a cell with an issue is a fix; any other is a tidy; each keeps its sheet', () => {
    const perSheet = new Map([
      ['Jan', [{ address: 'E3', value: 25 }, { address: 'C3', value: 'Engagement level one' }]],
      ['Feb', [{ address: 'E3', value: 12 }]],
    ]);
    const issues = [issue({ sheet: 'Jan', column: 'E', row: 3 }), issue({ sheet: 'Jan', column: 'B', row: 4, code: 'invalid_date', severity: 'error' })];
    const { fix, tidy } = splitFixes(perSheet, issues, 'Jan');
    expect(Object.fromEntries(fix)).toEqual({ Jan: [{ address: 'E3', value: 25 }] });
    // Feb's E3 has no issue of its own: Jan's E3 does not make it a fix.
    expect(Object.fromEntries(tidy)).toEqual({ Jan: [{ address: 'C3', value: 'Engagement level one' }], Feb: [{ address: 'E3', value: 12 }] });
    // An issue without a sheet (a CSV) is on the fallback sheet.
    expect(Object.fromEntries(splitFixes(new Map([['data', [{ address: 'E3', value: 25 }]]]), [issue({ column: 'E', row: 3 })], 'data').fix)).toEqual({ data: [{ address: 'E3', value: 25 }] });
  });

  test('what is left, by severity and kind', () => {
    expect(remainingSentence([])).toBe('No issues left.');
    expect(remainingSentence([issue({ code: 'invalid_date', severity: 'error' })])).toBe('Still to fix: 1 error (Not a date).');
    expect(
      remainingSentence([
        issue({ code: 'invalid_date', severity: 'error' }),
        issue({ code: 'invalid_zip', severity: 'error' }),
        issue({ code: 'invalid_zip', severity: 'error' }),
        issue({}),
      ]),
    ).toBe('Still to fix: 3 errors (Not a zip code 2, Not a date 1) and 1 warning (Approximate number of attendees).');
  });
});
