import type { CheckRecord } from '../../src/core/report';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import fc from 'fast-check';
import { summarise } from '../../src/core/summary';

describe('summarise', () => {
  test('the indicator and its breakdowns; records out of the period are not counted', () => {
    const records: CheckRecord[] = [
        { row: 2, values: { engagement: 'level_one', audience: ['parent_family', 'caregiver'], event_type: 'literacy', date: '2023-03-04', zip: '48201', attendees: 10 } },
        { row: 3, values: { engagement: 'level_one', audience: ['parent_family'], event_type: 'Health fair', date: '2023-03-20', attendees: 5 } },
        { row: 4, values: { engagement: 'touchpoint', date: '2022-12-01', attendees: 100 } },
    ];
    const s = summarise(
      records,
      [{ field: 'date', severity: 'error', code: 'date_out_of_period', message: 'x', row: 4 }],
      HSH_2023,
      new Set([records[2]!]),
    );
    expect(s.byEngagement).toEqual({
      touchpoint: { events: 0, attendees: 0 }, level_one: { events: 2, attendees: 15 },
      level_two: { events: 0, attendees: 0 }, day_of_young_child: { events: 0, attendees: 0 },
    });
    expect(s.byAudience.parent_family).toEqual({ events: 2, attendees: 15 });
    expect(s.byEventType.other).toEqual({ events: 1, attendees: 5 });
    expect(s.byMonth).toEqual({ '2023-03': { events: 2, attendees: 15 } });
    expect(s.byZip).toEqual({ '48201': { events: 1, attendees: 10 }, unknown: { events: 1, attendees: 5 } });
    expect([s.records, s.errors, s.warnings]).toEqual([3, 1, 0]);
  });

  test('every breakdown adds up to the indicator: records without an engagement level are in none, those without a type, zip, month or audience under "unknown"', () => {
    const records: CheckRecord[] = [
      { row: 2, values: { engagement: 'level_two', audience: [], attendees: 4 } },
      { row: 3, values: { audience: ['caregiver'], event_type: 'literacy', date: '2023-05-01', zip: '48205', attendees: 9 } },
      { row: 4, values: { engagement: 'touchpoint', audience: ['caregiver'], event_type: 'literacy', date: '2023-05-02', zip: '48205', attendees: 'x' } },
    ];
    const s = summarise(records, [], HSH_2023, new Set());
    const total = (t: Record<string, { events: number; attendees: number }>) =>
      Object.values(t).reduce((a, c) => ({ events: a.events + c.events, attendees: a.attendees + c.attendees }), { events: 0, attendees: 0 });
    const indicator = total(s.byEngagement);
    expect(indicator).toEqual({ events: 2, attendees: 4 });
    for (const breakdown of [s.byEventType, s.byMonth, s.byZip, s.byAudience]) expect(total(breakdown)).toEqual(indicator);
    expect(s.byEventType.unknown).toEqual({ events: 1, attendees: 4 });
    expect(s.byMonth.unknown).toEqual({ events: 1, attendees: 4 });
    expect(s.byAudience.unknown).toEqual({ events: 1, attendees: 4 });
  });
});

describe('the months and zips of the summary are in localeCompare order', () => {
  const recordsWithZips = (zips: string[]): CheckRecord[] => zips.map((zip, i) => ({ row: i + 2, values: { engagement: 'level_one', date: `2023-0${(i % 9) + 1}-01`, zip, attendees: 1 } }));

  test('keys of digits, lower-case letters and hyphens sort by code unit exactly as by localeCompare (so the collator is not needed for them)', () => {
    const key = fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz-'), maxLength: 8 });
    fc.assert(fc.property(key, key, (a, b) => Math.sign(a.localeCompare(b)) === (a < b ? -1 : a > b ? 1 : 0)), { numRuns: 5000 });
    const zips = ['48201-1234', 'unknown-b', '48201-0001', 'unknown', '4820', 'a-1'];
    expect(Object.keys(summarise(recordsWithZips(zips), [], HSH_2023, new Set()).byZip)).toEqual([...zips].sort((a, b) => a.localeCompare(b)));
  });

  test('other keys still sort by localeCompare ("detroit" before "Detroit", "Ávila" among the A)', () => {
    const zips = ['Detroit', 'detroit', 'Zeeland', 'Ávila', 'b', '48201-1234'];
    const keys = Object.keys(summarise(recordsWithZips(zips), [], HSH_2023, new Set()).byZip);
    expect(keys).toEqual([...zips].sort((a, b) => a.localeCompare(b)));
    expect(keys.indexOf('detroit')).toBeLessThan(keys.indexOf('Detroit'));
  });
});
