import { analyse, type AnalysisRecord } from '../../src/core/analysis';
import { HSH_2023 } from '../../src/core/collection/hsh2023';

const period = { start: '2023-01-01', end: '2023-12-31' };
const rec = (orgId: string, values: Record<string, unknown>): AnalysisRecord => ({ orgId, values });
const partners = [
  { org: 'a', name: 'Alpha', signed: true, submission: { id: 's1', receivedAt: '2024-01-02T00:00:00Z', records: 4, errors: 1, warnings: 0 } },
  { org: 'b', name: 'Beta', signed: true, submission: { id: 's2', receivedAt: '2024-01-03T00:00:00Z', records: 2, errors: 0, warnings: 0 } },
  { org: 'c', name: 'Gamma', signed: true },
];
const records = [
  rec('a', { date: '2023-03-04', engagement: 'level_one', attendees: 10, audience: ['parent_family', 'caregiver'], event_type: 'literacy', zip: '48201' }),
  rec('a', { date: '2023-03-20', engagement: 'touchpoint', attendees: null, audience: ['parent_family'], zip: '48201' }),
  rec('a', { date: null, engagement: 'level_two', attendees: 5, audience: [], event_type: 'parenting', zip: null }),
  rec('a', { date: '2022-12-01', engagement: 'level_one', attendees: 99, audience: ['parent_family'], zip: '48201' }),
  rec('b', { date: '2023-03-09', engagement: 'level_one', attendees: 7, audience: ['parent_family'], event_type: 'nonsense', zip: '48201' }),
  rec('b', { date: '2023-04-01', engagement: null, attendees: 3, audience: ['caregiver'], zip: '48205' }),
  // Marked by the partner as not held ("Cancelled"): their row, not counted.
  { ...rec('b', { date: '2023-04-02', engagement: 'level_one', attendees: 12, audience: ['caregiver'], zip: '48205' }), notHeld: true },
];

test('counts as the indicator counts, and every breakdown adds up to it (audiences count each of theirs)', () => {
  const a = analyse({ period, deadline: '2025-01-31', collection: HSH_2023, partners, records, serviceArea: [{ zip: '48201' }, { zip: '48205' }, { zip: '48212', partly: 'Hamtramck' }] });
  expect(a.indicator).toEqual({
    touchpoint: { events: 1, attendees: 0 },
    level_one: { events: 2, attendees: 17 },
    level_two: { events: 1, attendees: 5 },
    day_of_young_child: { events: 0, attendees: 0 },
  });
  expect(a.notCounted).toEqual({ outOfPeriod: 1, noEngagement: 1, notHeld: 1 });
  const total = (xs: { events: number; attendees: number }[]) => xs.reduce((t, x) => ({ events: t.events + x.events, attendees: t.attendees + x.attendees }), { events: 0, attendees: 0 });
  const indicator = total(Object.values(a.indicator));
  expect(total(a.byMonth)).toEqual(indicator);
  expect(total(Object.values(a.byEventType))).toEqual(indicator);
  expect(total(a.byZip)).toEqual(indicator);
  expect(a.byMonth.map((m) => m.month)).toEqual(['2023-03', 'unknown']);
  // A type outside the options counts under "Other", as in the report's summary; no type at all under "unknown".
  expect(a.byEventType.other).toEqual({ events: 1, attendees: 7 });
  expect(a.byEventType.unknown).toEqual({ events: 1, attendees: 0 });
  // The first event is for parents and caregivers: it counts under both.
  expect(a.byAudience.parent_family).toEqual({ events: 3, attendees: 17 });
  expect(a.byAudience.caregiver).toEqual({ events: 1, attendees: 10 });
  expect(a.byAudience.unknown).toEqual({ events: 1, attendees: 5 });
});

test('overlap: every zip, month and audience two partners serve, with the partner × partner matrix', () => {
  const a = analyse({ period, deadline: '2025-01-31', collection: HSH_2023, partners, records, serviceArea: [] });
  expect(a.overlap).toEqual([{ zip: '48201', month: '2023-03', audience: 'parent_family', partners: ['Alpha', 'Beta'], events: 3 }]);
  expect(a.overlapMatrix).toEqual({ partners: ['Alpha', 'Beta'], shared: [[0, 1], [1, 0]] });
});

test('gaps: every zip of the service area from least to most served, with a rate per 1,000 children when the population is known', () => {
  const serviceArea = [{ zip: '48201' }, { zip: '48205' }, { zip: '48212', partly: 'Hamtramck' }];
  const plain = analyse({ period, deadline: '2025-01-31', collection: HSH_2023, partners, records, serviceArea });
  expect(plain.gaps.map((g) => [g.zip, g.events, g.attendees, g.partners])).toEqual([['48205', 0, 0, 0], ['48212', 0, 0, 0], ['48201', 3, 17, 2]]);
  expect(plain.gaps[1]).toMatchObject({ partly: 'Hamtramck', childrenUnder5: null, perThousandChildren: null });
  const rated = analyse({ period, deadline: '2025-01-31', collection: HSH_2023, partners, records, serviceArea, population: new Map([['48201', 2000], ['48205', 1500]]) });
  expect(rated.gaps.find((g) => g.zip === '48201')).toMatchObject({ childrenUnder5: 2000, perThousandChildren: 8.5 });
  expect(rated.gaps.find((g) => g.zip === '48205')).toMatchObject({ childrenUnder5: 1500, perThousandChildren: 0 });
});

test('the tracker lists every signed partner, with or without a submission', () => {
  const a = analyse({ period, deadline: '2025-01-31', collection: HSH_2023, partners, records, serviceArea: [] });
  expect(a.partners.map((p) => [p.name, p.submitted, p.records, p.errors])).toEqual([['Alpha', true, 4, 1], ['Beta', true, 2, 0], ['Gamma', false, 0, 0]]);
  expect(a.deadline).toBe('2025-01-31');
});
