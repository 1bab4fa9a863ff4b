import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { headerMatcher, matchHeader, sameWord } from '../../../src/core/mapping/headerMatch';

const matcher = headerMatcher(HSH_2023);
const best = (h: string): string | null => {
  const m = matchHeader(h, matcher)[0];
  return m && m.score >= 0.75 ? m.field : null;
};

describe('matchHeader', () => {
  test.each([
    ['Title/Event*', 'title'],
    ['Name of the event', 'title'],
    ['Date of event', 'date'],
    ['Event Date', 'date'],
    ['When', 'date'],
    ['Date (mm/dd/yyyy)', 'date'],
    ['Type of Event', 'event_type'],
    ['Event Category', 'event_type'],
    ['Description of Event', 'description'],
    ['Street address', 'street'],
    ['Location', 'street'],
    ['City', 'city'],
    ['Zip Code', 'zip'],
    ['Postal code', 'zip'],
    ['Target Audience', 'audience'],
    ['Who attended', 'audience'],
    ['Engagement level', 'engagement'],
    ['Level of Engagement', 'engagement'],
    ['Eng. Lvl', 'engagement'],
    ['Number of attendees', 'attendees'],
    ['# of people', 'attendees'],
    ['Attendance', 'attendees'],
    ['Headcount', 'attendees'],
    ['Total Attendance', 'attendees'],
    ['Adress', 'street'],
  ])('%j names %s', (header, field) => {
    expect(best(header)).toBe(field);
  });

  test.each(['State', 'Email opt-in date', 'Date of birth', 'Staff initials', 'Registered', 'Funding source', 'Start Time', 'Entered by', 'Event ID'])(
    '%j names no field',
    (header) => {
      expect(best(header)).toBeNull();
    },
  );

  test('sameWord allows one typo in long words, not in short ones', () => {
    expect(sameWord('attendees', 'attendess')).toBe(true);
    expect(sameWord('address', 'adress')).toBe(true);
    expect(sameWord('state', 'date')).toBe(false);
    expect(sameWord('city', 'cite')).toBe(false);
  });
});
