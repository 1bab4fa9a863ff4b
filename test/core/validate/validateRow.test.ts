import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { memoNormaliser } from '../../../src/core/normalise/memo';
import { displayValue, validateRow } from '../../../src/core/validate/validateRow';
import { findDuplicates } from '../../../src/core/validate/duplicates';
import { toCell } from '../helpers';

const field = (id: string) => HSH_2023.fields.find((f) => f.id === id)!;
const ids = ['title', 'date', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees'];
const ctx = {
  collection: HSH_2023,
  period: HSH_2023.period,
  fields: ids.map((id, col) => ({ field: field(id), col })),
  normalise: memoNormaliser({ collection: HSH_2023, date1904: false }),
  streetCol: 2,
  fixes: true,
  messages: new Map(),
};
const check = (row: (string | number | null)[]) => validateRow(4, (_r, c) => toCell(row[c]), ctx);

describe('validateRow', () => {
  test('clean values, fixable spellings and their issues', () => {
    const r = check(['Story time', '3/4/23', '1 Main St', 'Detroit', '48201-1234', 'Parents & caregivers', 'L1', '~25']);
    expect(r.values).toEqual({
      title: 'Story time', date: '2023-03-04', street: '1 Main St', city: 'Detroit', zip: '48201',
      audience: ['parent_family', 'caregiver'], engagement: 'level_one', attendees: 25,
    });
    expect(r.issues.map((i) => [i.column, i.code, i.severity, i.normalised])).toEqual([['H', 'approximate_attendees', 'warning', 25]]);
    expect(r.fixes.map((f) => [f.column, f.to])).toEqual([
      ['B', '2023-03-04'], ['E', '48201'], ['F', 'Parent/family, Caregivers'], ['G', 'Engagement level one'], ['H', 25],
    ]);
    expect(r.issues[0]!.row).toBe(5);
  });

  test('a day without a year is in the period\'s year when the period is one calendar year, and says so', () => {
    const r = check(['Story time', 'Sun 1/15', '1 Main St', 'Detroit', '48201', 'Parents', 'L1', 5]);
    expect(r.values.date).toBe('2023-01-15');
    expect(r.issues.map((i) => [i.column, i.code, i.severity])).toEqual([['B', 'date_without_year', 'warning']]);
    expect(r.issues[0]!.message).toMatch(/“Sun 1\/15” has no year, so it was read as 1\/15\/2023/);
    expect(r.fixes.find((f) => f.column === 'B')?.to).toBe('2023-01-15');
    // An impossible day stays an error; so does a day of a period over two years.
    expect(check(['Story time', '11/31', '1 Main St', 'Detroit', '48201', 'Parents', 'L1', 5]).issues.map((i) => [i.code, i.severity])).toEqual([['invalid_date', 'error']]);
    const twoYears = { ...ctx, period: { start: '2023-07-01', end: '2024-06-30' }, messages: new Map() };
    const other = validateRow(4, (_r, c) => toCell(['Story time', '3/6', '1 Main St', 'Detroit', '48201', 'Parents', 'L1', 5][c]), twoYears);
    expect(other.issues.map((i) => [i.code, i.severity])).toEqual([['invalid_date', 'error']]);
    expect(other.values.date).toBeUndefined();
  });

  test('missing required is an error, missing recommended a warning, and a virtual event needs no city or zip', () => {
    const r = check(['Story time', null, 'Zoom', null, null, 'Parents', 'L1', 3]);
    expect(r.issues.map((i) => `${i.column} ${i.code} ${i.severity}`)).toEqual(['B missing_required error']);
    const inPerson = check(['Story time', '3/4/2023', null, null, null, 'Parents', 'L1', 3]);
    expect(inPerson.issues.map((i) => `${i.column} ${i.code}`)).toEqual(['C missing_recommended', 'D missing_recommended', 'E missing_recommended']);
  });

  test('a date outside the period is an error that says which side', () => {
    const r = check(['Story time', '12/15/2022', '1 Main St', 'Detroit', 48201, 'Parents', 'L1', 3]);
    expect(r.outOfPeriod).toBe(true);
    expect(r.issues).toMatchObject([{ code: 'date_out_of_period', column: 'B', value: '12/15/2022' }]);
    expect(r.issues[0]!.message).toMatch(/before the reporting period/);
  });

  test('an audience cell read in part keeps what it names, warns about the rest, and offers no fix', () => {
    const r = check(['Story time', '3/4/2023', '1 Main St', 'Detroit', 48201, 'Parents, Grandparents club, Teachers', 'L1', 3]);
    expect(r.values.audience).toEqual(['parent_family', 'teacher_educator']);
    expect(r.issues.map((i) => [i.column, i.code, i.severity, i.normalised])).toEqual([['F', 'unknown_audience', 'warning', ['parent_family', 'teacher_educator']]]);
    expect(r.issues[0]!.message).toBe('“Grandparents club” is not one of the audiences (Parent/family, Parent/family and child, Caregivers, Teachers/educator or Director/owner); the rest of the cell was read as Parent/family, Teachers/educator. If that part names an audience, write it as one of them.');
    expect(r.fixes.map((f) => f.column)).toEqual(['B', 'G']);
  });

  test('an audience cell that names no audience it knows stays an error', () => {
    const r = check(['Story time', '3/4/2023', '1 Main St', 'Detroit', 48201, 'Volunteers; Clergy', 'L1', 3]);
    expect(r.values.audience).toBeUndefined();
    expect(r.issues.map((i) => [i.column, i.code, i.severity])).toEqual([['F', 'invalid_audience', 'error']]);
  });

  test('displayValue writes labels, not ids', () => {
    expect(displayValue(field('engagement'), 'day_of_young_child', HSH_2023)).toBe('Day of the Young Child');
    expect(displayValue(field('attendees'), 12, HSH_2023)).toBe(12);
  });
});

describe('findDuplicates', () => {
  test('the later of two identical events is flagged, both stay', () => {
    const v = { title: 'Cafe', date: '2023-03-04', street: '1 Main St', engagement: 'level_one' };
    const issues = findDuplicates([{ row: 3, values: v }, { row: 4, values: { ...v, title: 'cafe ' } }, { row: 5, values: { ...v, date: '2023-03-05' } }], HSH_2023, () => 'A');
    expect(issues.map((i) => `${i.column}${i.row} ${i.code}`)).toEqual(['A4 duplicate_row']);
    expect(issues[0]!.message).toMatch(/row 3/);
  });

  test('sessions of one title and day at different branches or times are not duplicates; a repeat on another sheet names it', () => {
    const v = { title: 'Story time', date: '2023-03-04', engagement: 'level_one' };
    const recs = [{ sheet: 'Mar', row: 2, values: v }, { sheet: 'Mar', row: 3, values: v }, { sheet: 'Apr', row: 2, values: v }];
    const apart = new Map([[recs[0]!, 'main\u000010:00'], [recs[1]!, 'main\u000014:00'], [recs[2]!, 'main\u000010:00']]);
    const issues = findDuplicates(recs, HSH_2023, () => 'A', apart);
    expect(issues.map((i) => `${i.sheet}!${i.column}${i.row}`)).toEqual(['Apr!A2']);
    expect(issues[0]!.message).toMatch(/row 2 of sheet Mar/);
  });
});

describe('hostile cell text', () => {
  test('a megabyte of text in a date, level or count cell is refused at once, not parsed', () => {
    const long = 'f'.repeat(1_000_000);
    const r = check(['Story time', long, '1 Main St', 'Detroit', long, long, long, long]);
    expect(r.issues.map((i) => `${i.column} ${i.code}`)).toEqual(['B invalid_date', 'E invalid_zip', 'F invalid_audience', 'G invalid_engagement', 'H invalid_attendees']);
    expect(r.issues.every((i) => /far more than/.test(i.message))).toBe(true);
  });
});
