import { splitAddress } from '../../../src/core/validate/address';
import { check } from '../../../src/core/check';
import type { Cell, Workbook } from '../../../src/core/workbook';

const PLACES = ['Detroit', 'Hamtramck', 'Highland Park', 'Warren'];

describe('splitAddress', () => {
  test.each([
    ['8300 Van Dyke Ave, Detroit, MI 48213', { street: '8300 Van Dyke Ave', city: 'Detroit', zip: '48213' }],
    ['10100 Grand River Ave Detroit MI 48204', { street: '10100 Grand River Ave', city: 'Detroit', zip: '48204' }],
    ['5201 Woodward Ave, Detroit, Michigan 48202-3311', { street: '5201 Woodward Ave', city: 'Detroit', zip: '48202' }],
    ['Room 3, 11800 Conant St, Hamtramck MI 48212', { street: 'Room 3, 11800 Conant St', city: 'Hamtramck', zip: '48212' }],
    ['13 Victor St, Highland Park', { street: '13 Victor St', city: 'Highland Park' }],
    ['22700 Woodward Ave, Ferndale, MI 48220', { street: '22700 Woodward Ave', city: 'Ferndale', zip: '48220' }],
    ['1 Main St 48201', { street: '1 Main St', zip: '48201' }],
  ])('%s', (text, parts) => {
    expect(splitAddress(text, PLACES)).toEqual(parts);
  });

  test.each(['123 Main St, Suite 4', 'Woodward Ave & Warren', 'Zoom Meeting', '5200 Woodward Ave', 'Main branch, Room 2, MI'])('%s stays whole', (text) => {
    expect(splitAddress(text, PLACES)).toBeNull();
  });
});

describe('a whole address in the street column', () => {
  const cell = (v: string | number): Cell => (typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v });
  const book = (rows: (string | number)[][]): Workbook => ({ sheets: [{ name: 'Log', rows: rows.map((r) => r.map(cell)), merges: [] }], date1904: false, source: 'xlsx' });
  const rows = (head: string[], address: (i: number) => (string | number)[]) =>
    [['Event', 'Date', 'Audience', 'Level', 'Attendees', ...head], ...[0, 1, 2, 3].map((i) => [`Cafe ${i}`, `3/${i + 1}/2023`, 'Parents', 'Level 1', 10 + i, ...address(i)])];

  test('gives the city and zip a table without their columns lacks, and the street keeps its own part', () => {
    const r = check(book(rows(['Location'], (i) => [`${8300 + i} Van Dyke Ave, Detroit, MI 4821${i}`])));
    expect(r.records[0]!.values).toMatchObject({ street: '8300 Van Dyke Ave', city: 'Detroit', zip: '48210' });
    expect(r.records[3]!.values.zip).toBe('48213');
  });

  test('never overrides a city or zip column of the table', () => {
    const r = check(book(rows(['Address', 'City', 'Zip'], (i) => [`${8300 + i} Van Dyke Ave, Detroit, MI 48213`, 'Hamtramck', `4821${i}`])));
    expect(r.records[1]!.values).toMatchObject({ street: '8301 Van Dyke Ave, Detroit, MI 48213', city: 'Hamtramck', zip: '48211' });
  });
});
