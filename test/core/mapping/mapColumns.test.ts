import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { headerMatcher } from '../../../src/core/mapping/headerMatch';
import { mapColumns } from '../../../src/core/mapping/mapColumns';
import { columnEvidence } from '../../../src/core/mapping/valueEvidence';
import type { Cell } from '../../../src/core/workbook';
import { toCell } from '../helpers';

const cells = (...vs: (string | number)[]): Cell[] => vs.map(toCell);

describe('columnEvidence', () => {
  test('says which fields the values fit', () => {
    const ev = (vs: Cell[]) => Object.fromEntries([...columnEvidence(vs, HSH_2023, false, HSH_2023.period)].map(([k, v]) => [k, Math.round(v.score * 100) / 100]));
    expect(ev(cells('3/4/2023', '4/5/2023', 'TBD'))).toMatchObject({ date: 0.67 });
    expect(ev(cells('48201', 48202, '48203-1111'))).toMatchObject({ zip: 1 });
    expect(ev(cells('48201', 48202, '48203-1111')).attendees ?? 0).toBe(0);
    expect(ev(cells('L1', 'touchpoint', 'Level 2'))).toMatchObject({ engagement: 1 });
    expect(ev(cells(12, '30', 7))).toMatchObject({ attendees: 1 });
    // Days without their year are read into a period of one year: near it.
    expect(ev(cells('Jan 8', 'Sun 1/15', '2/5'))).toMatchObject({ date: 0.5 });
  });
});

describe('mapColumns', () => {
  const base = {
    collection: HSH_2023, matcher: headerMatcher(HSH_2023), legend: new Map(), date1904: false, period: HSH_2023.period,
  };

  test('a column of the service area\'s places is the city whatever its heading; other repeated names are not', () => {
    const places = cells('Detroit', 'Hamtramck', 'detroit', 'Highland Park', 'Detroit, MI', 'Detroit');
    const rooms = cells('Room A', 'Room B', 'Room A', 'Gym', 'Room B', 'Gym');
    const data: Record<number, Cell[]> = { 0: places, 1: rooms };
    const out = mapColumns({ ...base, headers: new Map([[0, 'Metro'], [1, 'Spot']]), columnCells: (c) => data[c] ?? [] }).columns;
    expect(out[0]!.field).toBe('city');
    expect(out[1]!.field).not.toBe('city');
    expect(out[0]!.reason).toMatch(/6 of 6 values are places of the service area/);
    // Values alone are weak evidence: the check asks the partner to confirm (uncertain_mapping below 0.6).
    expect(out[0]!.confidence).toBeLessThan(0.6);
  });

  test('a log of another year keeps its date column, so every row says its date is outside the period', () => {
    const other = cells('2019-10-12T11:00:00.000', '2019-11-20T18:00:00.000', '2020-01-15T18:00:00.000', '2020-01-19T11:00:00.000', '2020-02-02T10:00:00.000', '2020-03-05T09:30:00.000');
    const data: Record<number, Cell[]> = { 0: cells('Story time', 'Play day', 'Book club', 'Story time', 'Play day', 'Family night'), 1: other };
    const out = mapColumns({ ...base, headers: new Map([[0, 'event_name'], [1, 'date_and_time']]), columnCells: (c) => data[c] ?? [] }).columns;
    expect(out[1]!.field).toBe('date');
    expect(out[1]!.reason).toMatch(/6 of 6 values are dates outside the reporting period/);
    // An entry date of the next year still loses to the event dates beside it.
    const entered = cells('2024-01-05', '2024-01-05', '2024-01-06', '2024-01-06', '2024-01-07', '2024-01-07');
    const held = cells('2023-03-01', '2023-04-02', '2023-05-03', '2023-06-04', '2023-07-05', '2023-08-06');
    const two: Record<number, Cell[]> = { 0: data[0]!, 1: entered, 2: held };
    const both = mapColumns({ ...base, headers: new Map([[0, 'event_name'], [1, 'Date entered'], [2, 'Date held']]), columnCells: (c) => two[c] ?? [] }).columns;
    expect(both[2]!.field).toBe('date');
    expect(both[1]!.field).not.toBe('date');
  });

  test('places given as crossings of streets are addresses; names joined by "and" are not', () => {
    const ev = (vs: Cell[]) => columnEvidence(vs, HSH_2023, false, HSH_2023.period).get('street');
    expect(ev(cells('Woodward Ave & Warren', 'Vernor Hwy at Junction St', 'Bagley y Calle 24', 'Gratiot and E Grand Blvd', 'Michigan Ave / Livernois'))).toMatchObject({ score: 1 });
    expect(ev(cells('Mom and Me', 'Dads & Donuts', 'Read and Play', 'Baby & Me Yoga', 'Story Time at the Park'))?.score ?? 0).toBe(0);
    // A site's name, then its address; a room and a time are no address.
    expect(ev(cells('Osborn HS Rm 112, 11600 E Seven Mile', 'Library, 5201 Woodward Ave', 'Church hall; 8500 Grand River'))).toMatchObject({ score: 1 });
    expect(ev(cells('Gym, 3 pm', 'Room 12, 2nd floor', 'Hall B, 10 am'))?.score ?? 0).toBe(0);
  });

  test('where the participants live is not where the event was', () => {
    const zips = cells('48205', '48213', '48224', '48205', '48213', '48236');
    const data: Record<number, Cell[]> = { 0: cells('Story time', 'Play day', 'Book club', 'Story time', 'Play day', 'Family night'), 1: zips };
    for (const heading of ["Zip of participant's home (most)", 'Home zip', 'Residence ZIP code']) {
      const out = mapColumns({ ...base, headers: new Map([[0, 'Event name'], [1, heading]]), columnCells: (c) => data[c] ?? [] }).columns;
      expect([heading, out[1]!.field]).toEqual([heading, null]);
    }
  });

  test('two columns never claim one field; the better one wins, the other says why', () => {
    const data: Record<number, Cell[]> = { 0: cells('Cafe', 'Play'), 1: cells('1 Main St', '2 Main St'), 2: cells('Main office', 'Library') };
    const out = mapColumns({ ...base, headers: new Map([[0, 'Event'], [1, 'Location'], [2, 'Site']]), columnCells: (c) => data[c] ?? [] }).columns;
    expect(out.map((c) => [c.column, c.field])).toEqual([['A', 'title'], ['B', 'street'], ['C', null]]);
    expect(out[2]!.reason).toMatch(/another column fits that field better/);
    expect(out[0]!.confidence).toBeGreaterThan(0.5);
  });

  test('the person\'s choice comes first and takes the field from the suggestion', () => {
    const out = mapColumns({
      ...base, headers: new Map([[0, 'Date'], [1, 'Date entered']]), columnCells: () => cells('3/4/2023', '3/5/2023'),
      overrides: { B: 'date' },
    }).columns;
    expect(out.map((c) => [c.column, c.field, c.reason])).toEqual([['A', null, expect.any(String)], ['B', 'date', 'Chosen by you.']]);
  });
});
