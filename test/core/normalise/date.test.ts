import { isoToSerial, isValidYmd, normaliseDate, serialToIso } from '../../../src/core/normalise/date';
import type { Cell } from '../../../src/core/workbook';
import { brief, cell } from './helpers';

const d1900 = { date1904: false };
const d1904 = { date1904: true };
const dateCell = (serial: number): Cell => ({ kind: 'date', value: serial, format: 'm/d/yyyy' });

describe('serialToIso / isoToSerial', () => {
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [44927, '2023-01-01'],
    [44989, '2023-03-04'],
    [45291, '2023-12-31'],
    [44989.75, '2023-03-04'],
    [2958465, '9999-12-31'],
  ])('1900 system: %d is %s', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(Math.floor(serial));
  });

  test.each([0, 0.5, -1, 60, 2958466, NaN, Infinity])('1900 system: %d is no day', (serial) => {
    expect(serialToIso(serial)).toBeNull();
  });

  test('1904 system: serials are 1462 days smaller', () => {
    expect(serialToIso(44989 - 1462, true)).toBe('2023-03-04');
    expect(isoToSerial('2023-03-04', true)).toBe(44989 - 1462);
    expect(serialToIso(60, true)).toBe('1904-03-01');
  });

  test('isoToSerial refuses what is not a real day', () => {
    expect(isoToSerial('2023-02-29')).toBeNull();
    expect(isoToSerial('3/4/2023')).toBeNull();
  });

  test('isValidYmd knows leap years', () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 4, 31)).toBe(false);
    expect(isValidYmd(2023, 13, 1)).toBe(false);
  });
});

describe('normaliseDate', () => {
  test.each([
    ['3/4/2023', '2023-03-04'],
    ['3/4/23', '2023-03-04'],
    ['03/04/2023', '2023-03-04'],
    ['03-04-2023', '2023-03-04'],
    ['3-4-23', '2023-03-04'],
    ['3.4.2023', '2023-03-04'],
    ['2023-03-04', '2023-03-04'],
    ['2023-3-4', '2023-03-04'],
    ['2023/03/04', '2023-03-04'],
    ['2023.03.04', '2023-03-04'],
    ['20230304', '2023-03-04'],
    ['March 4, 2023', '2023-03-04'],
    ['march 4 2023', '2023-03-04'],
    ['MARCH 4, 2023', '2023-03-04'],
    ['Mar 4 2023', '2023-03-04'],
    ['Mar. 4, 2023', '2023-03-04'],
    ['Sept 9, 2023', '2023-09-09'],
    ['sáb 29 abr 2023', '2023-04-29'],
    ['vie 3 feb 2023', '2023-02-03'],
    ['mié. 1 mar 2023', '2023-03-01'],
    ['dom 13 ago 2023', '2023-08-13'],
    ['lun 4 dic 2023', '2023-12-04'],
    ['jue 12 ene 2023', '2023-01-12'],
    ['4-Mar-23', '2023-03-04'],
    ['04-Mar-2023', '2023-03-04'],
    ['4 March 2023', '2023-03-04'],
    ['4th of March, 2023', '2023-03-04'],
    ['Saturday, March 4, 2023', '2023-03-04'],
    ['Sat, Mar 4, 2023', '2023-03-04'],
    ['Sat 3/4/2023', '2023-03-04'],
    ['Thurs. 11/16/23', '2023-11-16'],
    ['3/4/2023 10:00 AM', '2023-03-04'],
    ['3/4/2023 10am', '2023-03-04'],
    ['3/4/2023 @ 6:30pm', '2023-03-04'],
    ['3/4/2023, 10:00-11:30 AM', '2023-03-04'],
    ['March 4th, 2023', '2023-03-04'],
    ['March 1st 2023', '2023-03-01'],
    ['April 22nd, 2023', '2023-04-22'],
    ['May 3rd, 2023', '2023-05-03'],
    ['2023-03-04T00:00:00.000Z', '2023-03-04'],
    ['2023-03-04 14:30:00', '2023-03-04'],
    ['2023 March 4', '2023-03-04'],
    ['4 de marzo de 2023', '2023-03-04'],
    ['3/4/2023 (rescheduled)', '2023-03-04'],
    ['  3/4/2023  ', '2023-03-04'],
    ['44989', '2023-03-04'],
    ['12/15/2022', '2022-12-15'],
    ['2/29/2024', '2024-02-29'],
  ])('text %j → %s', (text, iso) => expect(normaliseDate(cell(text), d1900)).toEqual({ kind: 'ok', value: iso }));

  test.each([
    ['2/29/2023', 'impossible'],
    ['2/30/2023', 'impossible'],
    ['6/31/2023', 'impossible'],
    ['4/31/23', 'impossible'],
    ['13/13/2023', 'impossible'],
    ['0/5/2023', 'impossible'],
    ['3/0/2023', 'impossible'],
    ['February 30, 2023', 'impossible'],
    ['3/4/202', 'impossible'],
    ['3/4/1023', 'impossible'],
    ['25/8/2023', 'day_first'],
    ['13/10/2023', 'day_first'],
    ['31.12.2023', 'day_first'],
    ['March 4', 'no_year'],
    ['4 March', 'no_year'],
    ['3/4', 'no_year'],
    ['11/16', 'no_year'],
    ['March 2023', 'no_day'],
    ['3/2023', 'no_day'],
    ['March', 'no_day'],
    ['2023', 'no_day'],
    ['3/4-3/5/2023', 'range'],
    ['3/4/2023 - 3/5/2023', 'range'],
    ['3/4 to 3/5', 'range'],
    ['March 4-5', 'range'],
    ['March 4-5, 2023', 'range'],
    ['March 4 & 5, 2023', 'range'],
    ['March 4 - April 2, 2023', 'range'],
    ['TBD', 'vague'],
    ['tba', 'vague'],
    ['Spring', 'vague'],
    ['Summer 2023', 'vague'],
    ['Fall 2023', 'vague'],
    ['ongoing', 'vague'],
    ['Weekly', 'vague'],
    ['every Tuesday', 'vague'],
    ['N/A', 'vague'],
    ['?', 'vague'],
    ['??', 'vague'],
    ['Q2', 'vague'],
    ['soon', 'not_a_date'],
    ['Story time', 'not_a_date'],
    ['10:00 AM', 'not_a_date'],
  ])('text %j is invalid_date (%s)', (text, reason) => {
    const r = normaliseDate(cell(text), d1900);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') {
      expect(r.problem.code).toBe('invalid_date');
      expect(r.problem.reason).toBe(reason);
    }
  });

  test('a day-first date suggests the US form', () => {
    expect(normaliseDate(cell('25/8/2023'), d1900)).toMatchInlineSnapshot(`
{
  "kind": "invalid",
  "problem": {
    "code": "invalid_date",
    "params": {
      "iso": "2023-08-25",
      "suggestion": "8/25/2023",
    },
    "reason": "day_first",
  },
}
`);
  });

  test.each([
    [44989, false, '2023-03-04'],
    [44989 - 1462, true, '2023-03-04'],
    [44989.4166, false, '2023-03-04'],
    [45291, false, '2023-12-31'],
  ])('date cell %d (1904: %s) → %s', (serial, date1904, iso) => {
    expect(normaliseDate(dateCell(serial), { date1904 })).toEqual({ kind: 'ok', value: iso });
  });

  test.each([
    [44989, false, '2023-03-04'],
    [44989 - 1462, true, '2023-03-04'],
    [20230304, false, '2023-03-04'],
  ])('number cell %d (1904: %s) → %s', (n, date1904, iso) => {
    expect(normaliseDate(cell(n), { date1904 })).toEqual({ kind: 'ok', value: iso });
  });

  test('a text serial follows the workbook date system too', () => {
    expect(normaliseDate(cell(String(44989 - 1462)), d1904)).toEqual({ kind: 'ok', value: '2023-03-04' });
  });

  test.each([
    [60, 'not_a_date'],
    [0, 'not_a_date'],
    [0.5, 'not_a_date'],
    [-5, 'not_a_date'],
    [NaN, 'not_a_date'],
    [Infinity, 'not_a_date'],
    [1e12, 'not_a_date'],
    [2023, 'no_day'],
    [3, 'not_a_date'],
    [12.5, 'not_a_date'],
    [18263, 'not_a_date'],
  ])('number cell %d is invalid (%s)', (n, reason) => {
    expect(brief(normaliseDate(cell(n), d1900))).toBe(`!invalid_date/${reason}`);
  });

  test('other cells', () => {
    expect(normaliseDate(cell(null), d1900)).toEqual({ kind: 'empty' });
    expect(normaliseDate(cell('   '), d1900)).toEqual({ kind: 'empty' });
    expect(brief(normaliseDate(cell(true), d1900))).toBe('!invalid_date/not_a_date');
    expect(brief(normaliseDate({ kind: 'error', value: '#REF!' }, d1900))).toBe('!invalid_date/error_cell');
    expect(brief(normaliseDate(dateCell(0.4166), d1900))).toBe('!invalid_date/time_only');
    expect(brief(normaliseDate(dateCell(60), d1900))).toBe('!invalid_date/not_a_date');
  });
});

describe('normaliseDate: run-together forms', () => {
  test.each([
    ['04MAR2023', '2023-03-04'],
    ['4March2023', '2023-03-04'],
    ['Mar-04-2023', '2023-03-04'],
    ['03/04/2023 00:00:00', '2023-03-04'],
  ])('%j → %s', (text, iso) => expect(normaliseDate(cell(text), d1900)).toEqual({ kind: 'ok', value: iso }));
});

describe('normaliseDate: hours after the date', () => {
  test.each([
    ['3/4/2023 10-12', '2023-03-04'],
    ['3/4/2023 10am-12pm', '2023-03-04'],
    ['3/4/2023 10:00 AM - 12:00 PM', '2023-03-04'],
    ['Thursday, Nov 16th 2023 from 6-8pm', '2023-11-16'],
    ['March 4, 2023 6 to 8 pm', '2023-03-04'],
  ])('%j → %s', (text, iso) => expect(normaliseDate(cell(text), d1900)).toEqual({ kind: 'ok', value: iso }));
});
