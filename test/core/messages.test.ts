import { ISSUE_CODES, type Problem } from '../../src/core/issues';
import { issueMessage, usDate } from '../../src/core/messages';

const period = { start: '2023-01-01', end: '2023-12-31' };
const msg = (problem: Problem, value = '', fieldLabel = 'Field') => issueMessage(problem, { value, fieldLabel, period });

describe('issueMessage', () => {
  test.each(ISSUE_CODES)('%s has a plain, non-empty message', (code) => {
    const m = msg({ code }, 'some value', 'Some field');
    expect(m.length).toBeGreaterThan(20);
    expect(m).not.toMatch(/undefined|null|NaN|\[object/);
    expect(m).toMatch(/[.?]$/);
  });

  test('the fixed wordings of the spec', () => {
    expect(msg({ code: 'missing_required' }, '', 'Date of event')).toBe('Date of event is required but this cell is empty. Fill it in so that the event can be counted.');
    expect(msg({ code: 'unmapped_required_field' }, '', 'Target Audience'))
      .toBe('No column was recognised as Target Audience, a required field. Choose its column in the mapping.');
    expect(msg({ code: 'duplicate_row', params: { firstRow: 12 } }, 'Story time'))
      .toMatch(/^Same title, date, location and engagement as row 12\./);
    expect(msg({ code: 'date_out_of_period', params: { date: '12/15/2022', side: 'before' } }, '12/15/2022'))
      .toMatch(/^12\/15\/2022 is before the reporting period \(2023-01-01 to 2023-12-31\)\./);
    expect(msg({ code: 'date_out_of_period', params: { date: '2/18/24', side: 'after' } }, '2/18/24'))
      .toMatch(/^2\/18\/24 is after the reporting period/);
  });

  test('a date cell out of the period shows the date, not its serial number', () => {
    expect(msg({ code: 'date_out_of_period', params: { date: '44881', iso: '2022-11-16', side: 'before' } }, '44881'))
      .toMatch(/^11\/16\/2022 is before/);
  });

  test('invalid dates say what is wrong and how to write it', () => {
    expect(msg({ code: 'invalid_date', reason: 'day_first', params: { suggestion: '8/25/2023' } }, '25/8/2023'))
      .toMatchInlineSnapshot(`"“25/8/2023” looks like day/month/year, but dates here are month/day/year. If you mean 8/25/2023, write 8/25/2023."`);
    expect(msg({ code: 'invalid_date', reason: 'no_year' }, '3/4')).toContain('write 3/4/2023');
    expect(msg({ code: 'invalid_date', reason: 'no_year' }, 'March 4')).toContain('has no year');
    expect(msg({ code: 'invalid_date', reason: 'impossible' }, '2/30/2023')).toMatch(/^“2\/30\/2023” is not a real date/);
    expect(msg({ code: 'invalid_date', reason: 'range' }, 'March 4-5')).toContain('one row per day');
    expect(msg({ code: 'invalid_date', reason: 'vague' }, 'TBD')).toMatch(/^“TBD” is not a date/);
    expect(msg({ code: 'invalid_date', reason: 'error_cell' }, '#REF!')).toContain('“#REF!”');
  });

  test('enumerations list the choices', () => {
    const choices = 'Touchpoint, Engagement level one, Engagement level two or Day of the Young Child';
    expect(msg({ code: 'invalid_engagement', reason: 'not_a_level', params: { choices, level: 3 } }, 'Level 3')).
toMatchInlineSnapshot(`"“Level 3” is not an engagement level. The levels are Touchpoint, Engagement level one, Engagement level two or Day of the Young Child: choose the one that fits the event."`);
    expect(msg({ code: 'invalid_engagement', reason: 'several', params: { choices } }, 'L1/L2')).toContain('more than one engagement level');
    expect(msg({ code: 'invalid_engagement' }, 'High')).toContain('Day of the Young Child');
    expect(msg({ code: 'invalid_audience', reason: 'unclear', params: { part: 'Providers' } }, 'Providers'))
      .toContain('Teachers/educator, Director/owner, or both');
    expect(msg({ code: 'invalid_audience', reason: 'unclear', params: { part: 'All' } }, 'All')).toMatch(/^“All” does not name a target audience/);
    expect(msg({ code: 'invalid_audience', reason: 'partly_unknown', params: { part: 'Volunteers' } }, 'Parents, Volunteers'))
      .toMatch(/^In “Parents, Volunteers”, “Volunteers” is not one of the target audiences/);
    expect(msg({ code: 'unknown_event_type' }, 'Health fair')).toContain('kept as written');
  });

  test('zips and attendees', () => {
    expect(msg({ code: 'invalid_zip', reason: 'too_short', params: { digits: 4 } }, '4820')).toContain('only 4 digits');
    expect(msg({ code: 'invalid_zip', reason: 'too_long', params: { digits: 6 } }, '482011')).toContain('6 digits');
    expect(msg({ code: 'zip_outside_area', params: { zip: '90210' } }, '90210')).toMatch(/^90210 is a zip code outside Michigan/);
    expect(msg({ code: 'invalid_attendees', reason: 'range' }, '20-25')).toMatch(/^“20-25” is a range/);
    expect(msg({ code: 'invalid_attendees', reason: 'negative' }, '-3')).toContain('below zero');
    expect(msg({ code: 'invalid_attendees', reason: 'fraction' }, '12.5')).toContain('not a whole number');
    expect(msg({ code: 'approximate_attendees', reason: 'approximate', params: { number: 25 } }, '~25'))
      .toBe('“~25” is an estimate and was read as 25 attendees. If you know the exact number, write just the number.');
  });

  test('long and multi-line values are quoted on one line, shortened', () => {
    const m = msg({ code: 'invalid_audience', reason: 'unknown' }, 'Volunteers\nSeniors');
    expect(m).toMatch(/^“Volunteers \/ Seniors”/);
    expect(msg({ code: 'invalid_date' }, 'x'.repeat(200)).length).toBeLessThan(200);
  });

  test('an unknown code still gives a message', () => {
    const bogus = { code: 'no_such_code' } as unknown as Problem;
    expect(msg(bogus, 'v', 'Zip')).toBe('Zip: “v” needs checking.');
  });

  test('usDate', () => {
    expect(usDate('2023-03-04')).toBe('3/4/2023');
    expect(usDate('March')).toBe('March');
  });
});
