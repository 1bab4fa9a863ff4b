import { normaliseAttendees, parseWrittenNumber } from '../../../src/core/normalise/attendees';
import { brief, cell } from './helpers';

const read = (v: string | number | boolean | null) => brief(normaliseAttendees(cell(v)));

describe('normaliseAttendees', () => {
  test('a group the count leaves out ("+ 3 staff") is not added, and the warning says so; alone it is what there is', () => {
    const notCounted = ['staff', 'volunteer'];
    expect(normaliseAttendees(cell('12 + 3 staff'), notCounted)).toEqual({ kind: 'ok', value: 12, warning: { code: 'approximate_attendees', reason: 'left_out', params: { number: 12, left: '3 staff' } } });
    expect(normaliseAttendees(cell('20 parents + 2 Volunteers + 5 kids'), notCounted)).toMatchObject({ kind: 'ok', value: 25, warning: { params: { left: '2 Volunteers' } } });
    expect(normaliseAttendees(cell('10 adults + 8 kids'), notCounted)).toEqual({ kind: 'ok', value: 18 });
    expect(normaliseAttendees(cell('4 staff + 2 volunteers'), notCounted)).toEqual({ kind: 'ok', value: 6 });
  });

  test.each([
    [25, 25],
    [0, 0],
    ['25', 25],
    // Groups added up by the partner's own plus sign.
    ['12 + 8', 20],
    ['10 adults + 8 kids', 18],
    ['41 adults+33 kids + 2', 76],
    [' 25 ', 25],
    ['0', 0],
    ['1,200', 1200],
    ['12,345', 12345],
    ['12.0', 12],
    ['twenty', 20],
    ['Twenty-five', 25],
    ['one hundred twenty', 120],
    ['25 people', 25],
    ['25 attendees', 25],
    ['40 participants', 40],
    ['٢٥', 25],
    ['۱۲۰', 120],
  ])('%j → %d', (input, n) => expect(read(input)).toBe(n));

  test.each([
    ['~25', 25],
    ['~ 25', 25],
    ['25+', 25],
    ['0+', 0],
    ['about 40', 40],
    ['About 40 people', 40],
    ['abt 40', 40],
    ['approx. 30', 30],
    ['approx 30', 30],
    ['approximately 30', 30],
    ['around 30', 30],
    ['est. 50', 50],
    ['estimated 50', 50],
    ['30 (est)', 30],
    ['30 (est.)', 30],
    ['30 (approx)', 30],
    ['30 est', 30],
    ['roughly 20', 20],
    ['over 100', 100],
    ['more than 100', 100],
    ['nearly 60', 60],
    ['20ish', 20],
    ['1,200+', 1200],
    ['about twenty', 20],
  ])('%j → %d with approximate_attendees', (input, n) => {
    expect(read(input)).toEqual({ value: n, warning: 'approximate_attendees/approximate' });
  });

  test('a count of something other than people is read, with a warning', () => {
    expect(read('25 families')).toEqual({ value: 25, warning: 'approximate_attendees/unit' });
    expect(normaliseAttendees(cell('25 families'))).toMatchInlineSnapshot(`
{
  "kind": "ok",
  "value": 25,
  "warning": {
    "code": "approximate_attendees",
    "params": {
      "number": 25,
      "unit": "families",
    },
    "reason": "unit",
  },
}
`);
  });

  test.each([
    ['lots', 'not_a_number'],
    ['many', 'not_a_number'],
    ['a few', 'not_a_number'],
    ['N/A', 'not_a_number'],
    ['TBD', 'not_a_number'],
    ['?', 'not_a_number'],
    ['-3', 'negative'],
    [-3, 'negative'],
    ['\u22123', 'negative'],
    [12.5, 'fraction'],
    ['12.5', 'fraction'],
    ['20-25', 'range'],
    ['20 - 25', 'range'],
    ['20 to 25', 'range'],
    ['between 20 and 25', 'range'],
    ['about 20-25', 'range'],
    ['15 adults, 20 kids', 'several'],
    ['15 adults and 20 children', 'several'],
    ['12 + 8 + many', 'several'],
    [NaN, 'not_a_number'],
    [Infinity, 'not_a_number'],
    [1e300, 'not_a_number'],
    [true, 'not_a_number'],
  ])('%j is invalid_attendees (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_attendees/${reason}`));

  test('empty, date and error cells', () => {
    expect(read(null)).toBe('EMPTY');
    expect(read('')).toBe('EMPTY');
    expect(brief(normaliseAttendees({ kind: 'date', value: 44989 }))).toBe('!invalid_attendees/date');
    expect(brief(normaliseAttendees({ kind: 'error', value: '#DIV/0!' }))).toBe('!invalid_attendees/not_a_number');
  });

  test.each([
    ['twenty five', 25],
    ['a dozen', 12],
    ['two dozen', 24],
    ['three hundred and five', 305],
    ['two thousand', 2000],
    ['lots', null],
    ['', null],
  ])('parseWrittenNumber(%j) = %j', (text, n) => expect(parseWrittenNumber(text)).toBe(n));
});

describe('normaliseAttendees: totals and notes', () => {
  test.each([
    ['25 (10 adults, 15 children)', 25],
    ['25 total (10 adults + 15 kids)', 25],
    ['Total: 25', 25],
    ['Attendance - 40', 40],
    ['12 (virtual)', 12],
    ['0 (cancelled)', 0],
    ['0 - cancelled', 0],
  ])('%j → %d', (input, n) => expect(read(input)).toBe(n));

  test.each([
    ['25 (10 adults, 20 children)', 'several'],
    ['10 (+5 staff)', 'several'],
  ])('%j is invalid_attendees (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_attendees/${reason}`));
});

describe('normaliseAttendees: odd typing', () => {
  test.each([
    ['(30)', 30],
    ['30.', 30],
    ['1 200', 1200],
  ])('%j → %d', (input, n) => expect(read(input)).toBe(n));

  test('a leading plus is an estimate', () => {
    expect(read('+30')).toEqual({ value: 30, warning: 'approximate_attendees/approximate' });
  });
});
