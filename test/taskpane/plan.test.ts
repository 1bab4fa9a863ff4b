import type { Issue } from '../../src/core/report';
import type { Report } from '../../src/taskpane/flow';
import {
  changeCount,
  firstChanges,
  fixPlan as packedPlan,
  NO_SHEET,
  packChanges,
  planFixes,
  rememberPlan,
  toWire,
  unpackChanges,
  unpackInSlices,
  unpackPlan,
  valuesBefore,
} from '../../src/taskpane/steps/check/plan';

/** The plan as the host writes it. */
const fixPlan = (r: Report, fallback: string) => unpackPlan(packedPlan(r, fallback));

const issue = (over: Partial<Issue>): Issue => ({ field: 'attendees', severity: 'warning', code: 'approximate_attendees', message: '', ...over }) as Issue;
type Fix = NonNullable<Report['fixes']>[number];
const fix = (over: Partial<Fix>): Fix => ({ field: 'attendees', column: 'E', row: 3, from: '~25', to: 25, ...over }) as Fix;

/** Only what planning reads; the rest of a report does not matter here. */
const report = (issues: Issue[], fixes: Fix[], sheets: (string | null)[]): Report => ({ issues, fixes, tables: sheets.map((sheet) => ({ sheet })) }) as unknown as Report;

/** As the worker makes it: without knowing the person's sheet. */
const fromWorker = (r: Report): Report => {
  rememberPlan(r, toWire(planFixes(r, NO_SHEET)));
  return r;
};

describe('the plan of Fix and Tidy the worker makes ahead', () => {
  test('a CSV (nothing names a sheet): the same plan as made here, under the person’s sheet', () => {
    const make = () => report([issue({ column: 'E', row: 3 })], [fix({}), fix({ column: 'C', row: 4, from: 'L1', to: 'Level 1' })], [null]);
    expect(fixPlan(fromWorker(make()), 'events')).toEqual(planFixes(make(), 'events'));
    expect(Object.fromEntries(fixPlan(fromWorker(make()), 'events').fix)).toEqual({ events: [{ address: 'E3', value: 25 }] });
  });

  test('sheets by name: the same plan', () => {
    const make = () => report([issue({ sheet: 'Jan', column: 'E', row: 3 })], [fix({ sheet: 'Jan' }), fix({ sheet: 'Feb' })], ['Jan', 'Feb']);
    expect(fixPlan(fromWorker(make()), 'Jan')).toEqual(planFixes(make(), 'Jan'));
  });

  test('when something names the fallback sheet and something names none, the plan is made again here', () => {
    // An issue on "Jan" by name and a fix that names no sheet: with "Jan" as fallback the fix is on Jan, and a fix.
    const make = () => report([issue({ sheet: 'Jan', column: 'E', row: 3 })], [fix({})], ['Jan']);
    const here = planFixes(make(), 'Jan');
    expect(Object.fromEntries(here.fix)).toEqual({ Jan: [{ address: 'E3', value: 25 }] });
    expect(fixPlan(fromWorker(make()), 'Jan')).toEqual(here);
  });

  test('a report the worker did not plan is planned here', () => {
    const r = report([issue({ column: 'E', row: 3 })], [fix({})], [null]);
    expect(fixPlan(r, 'data')).toEqual(planFixes(r, 'data'));
  });

  test('the values before, for the cells previewed only', () => {
    const r = report([], [fix({}), fix({ column: 'C', row: 4, from: 'L1' }), fix({ column: 'C', row: 3, from: 'l1' })], [null]);
    expect(Object.fromEntries(valuesBefore(r, ['C4', 'E3']))).toEqual({ E3: '~25', C4: 'L1' });
  });
});

describe('changes packed as numbers, as the worker sends them and the page keeps them', () => {
  const changes = [
    { address: 'B2', value: '2023-01-01' },
    { address: 'D2', value: 'Level 1' },
    { address: 'B3', value: '2023-01-01' },
    { address: 'AA10', value: 25 },
    { address: 'E4', value: '25' },
  ];

  test('each value once, each change its row, column and value’s index; unpacked as they were', () => {
    const packed = packChanges(changes);
    expect(packed).toEqual({ rows: [1, 1, 2, 9, 3], cols: [1, 3, 1, 26, 4], at: [0, 1, 0, 2, 3], values: ['2023-01-01', 'Level 1', 25, '25'] });
    expect(unpackChanges(packed)).toEqual(changes);
    expect(unpackChanges(packed, 1, 3)).toEqual(changes.slice(1, 3));
  });

  test('counted and previewed over the sheets in order, and unpacked a slice at a time', async () => {
    const plan = new Map([
      ['Jan', packChanges(changes.slice(0, 2))],
      ['Feb', packChanges(changes.slice(2))],
    ]);
    expect(changeCount(plan)).toBe(5);
    expect(firstChanges(plan, 3)).toEqual(changes.slice(0, 3));
    const pause = jest.fn(async () => undefined);
    await expect(unpackInSlices(packChanges(changes), pause, 2)).resolves.toEqual(changes);
    expect(pause).toHaveBeenCalledTimes(2);
  });
});
