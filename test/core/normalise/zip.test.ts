import { isMichiganZip, normaliseZip } from '../../../src/core/normalise/zip';
import { brief, cell } from './helpers';

const read = (v: string | number | boolean | null) => brief(normaliseZip(cell(v)));

describe('normaliseZip', () => {
  test.each([
    ['48201', '48201'],
    [48201, '48201'],
    ['48201-1234', '48201'],
    ['48201.0', '48201'],
    ['48213\u20111664', '48213'],
    ['48201.00', '48201'],
    ['48201 - 1234', '48201'],
    ['482011234', '48201'],
    [482011234, '48201'],
    [' 48201 ', '48201'],
    ['MI 48201', '48201'],
    ['Mich. 48212', '48212'],
    ['Detroit, MI 48201', '48201'],
    ['Zip: 48226', '48226'],
    ['49503', '49503'],
  ])('%j → %s', (input, zip) => expect(read(input)).toBe(zip));

  test.each([
    ['4820', 'too_short'],
    [4820, 'too_short'],
    ['482011', 'too_long'],
    [482011, 'too_long'],
    ['ABCDE', 'not_a_zip'],
    ['482O1', 'not_a_zip'],
    ['48 201', 'not_a_zip'],
    ['00000', 'not_a_zip'],
    [48201.5, 'not_a_zip'],
    [-48201, 'not_a_zip'],
    [true, 'not_a_zip'],
    ['123 Main St, Detroit 48201', 'not_a_zip'],
  ])('%j is invalid_zip (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_zip/${reason}`));

  test('a real zip outside Michigan is kept with a warning', () => {
    expect(normaliseZip(cell('90210'))).toMatchInlineSnapshot(`
{
  "kind": "ok",
  "value": "90210",
  "warning": {
    "code": "zip_outside_area",
    "params": {
      "zip": "90210",
    },
  },
}
`);
    expect(read('43604-1111')).toEqual({ value: '43604', warning: 'zip_outside_area/' });
  });

  test('empty cells and isMichiganZip', () => {
    expect(read(null)).toBe('EMPTY');
    expect(read('  ')).toBe('EMPTY');
    expect(isMichiganZip('48201')).toBe(true);
    expect(isMichiganZip('49001')).toBe(true);
    expect(isMichiganZip('47001')).toBe(false);
  });
});

describe('normaliseZip: placeholders and odd typing', () => {
  test.each([['-'], ['—'], ['N/A'], ['Virtual'], ['online']])('%j is no zip at all', (input) => expect(read(input)).toBe('EMPTY'));

  test.each([
    ['48,201', '48201'],
    ['MI48201', '48201'],
    ['48201-', '48201'],
  ])('%j → %s', (input, zip) => expect(read(input)).toBe(zip));
});
