import { check } from '../../../src/core/check';
import type { Cell, Sheet, Workbook } from '../../../src/core/workbook';

const cell = (v: string | number | null): Cell => (v === null ? { kind: 'empty', value: null } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v });
const book = (rows: (string | number | null)[][]): Workbook => ({ sheets: [{ name: 'Events', rows: rows.map((r) => r.map(cell)), merges: [] } as Sheet], date1904: false, source: 'xlsx' });
const HEAD = ['Event', 'Date', 'Audience', 'Level', 'Attendees'];
const events = (dates: string[]) => book([HEAD, ...dates.map((d, i) => [`Story time ${i}`, d, 'Parents', 'Level 1', 10])]);
const dateIssues = (dates: string[]) => check(events(dates)).issues.filter((i) => i.field === 'date').map((i) => [i.row, i.value, i.message]);

describe('a date column written day first', () => {
  test('a date that reads both ways is an error naming both days, not a silent month/day/year', () => {
    const r = check(events(['12/01/2023', '15/02/2023', '5/5/2023']));
    const issues = r.issues.filter((i) => i.field === 'date');
    expect(issues.map((i) => [i.row, i.code])).toEqual([[2, 'invalid_date'], [3, 'invalid_date']]);
    expect(issues[0]!.message).toBe('“12/01/2023” can be read two ways, and other dates in this column are written day/month/year. If the event was on January 12, 2023, write 1/12/2023; if on December 1, 2023, write 12/1/2023.');
    // 5/5/2023 is the same day either way.
    expect(r.records[2]!.values.date).toBe('2023-05-05');
  });

  test('a column with one plain month/day/year date stays month/day/year', () => {
    expect(dateIssues(['12/01/2023', '3/20/2023', '4/5/2023'])).toEqual([]);
  });

  test('a column without any day-first date stays month/day/year', () => {
    const r = check(events(['12/01/2023', '4/5/23', '2023-06-01']));
    expect(r.issues.filter((i) => i.field === 'date')).toEqual([]);
    expect(r.records.map((x) => x.values.date)).toEqual(['2023-12-01', '2023-04-05', '2023-06-01']);
  });
});

describe('a date column written day.month.year with dots', () => {
  test('every dotted date is read day first once two can only be; an impossible one stays an error', () => {
    const r = check(events(['15.12.2023', '08.05.2023', '13.05.2023', '31.06.2023', '5/5/2023']));
    expect(r.records.map((x) => x.values.date)).toEqual(['2023-12-15', '2023-05-08', '2023-05-13', undefined, '2023-05-05']);
    expect(r.issues.filter((i) => i.field === 'date').map((i) => [i.row, i.code])).toEqual([[5, 'invalid_date']]);
  });

  test('one day-first dotted date is not enough to read the others day first', () => {
    const r = check(events(['15.12.2023', '08.05.2023', '1/2/2023']));
    expect(r.records[1]!.values.date).toBeUndefined();
    expect(r.issues.filter((i) => i.field === 'date').map((i) => i.row)).toEqual([2, 3, 4]);
  });
});

describe('a day-first column under a heading the check cannot read', () => {
  test('is still the date column, and each of its dates is asked about in the agreed order', () => {
    const rows = [['Event', 'তারিখ', 'Audience', 'Level', 'Attendees'], ...['15/03/2023', '22/04/2023', '30/05/2023', '13/06/2023', '18/07/2023'].map((d, i) => [`Story time ${i}`, d, 'Parents', 'Level 1', 10])];
    const r = check(book(rows));
    expect(r.columns.find((c) => c.column === 'B')).toMatchObject({ field: 'date' });
    expect(r.issues.filter((i) => i.code === 'unmapped_required_field')).toEqual([]);
    expect(r.issues.filter((i) => i.field === 'date' && i.code === 'invalid_date').map((i) => i.row)).toEqual([2, 3, 4, 5, 6]);
    expect(r.issues.find((i) => i.row === 2 && i.field === 'date')!.message).toMatch(/If you mean 3\/15\/2023, write 3\/15\/2023/);
  });
});
