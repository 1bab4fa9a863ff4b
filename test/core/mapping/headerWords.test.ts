import { headerCore, headerWords, singular } from '../../../src/core/mapping/headerWords';

describe('headerWords', () => {
  test.each([
    ['Number of attendees*', ['number', 'attendee']],
    ['# of people', ['number', 'people']],
    ['Eng. Level', ['engagement', 'level']],
    ['Engagement\nlevel', ['engagement', 'level']],
    ['ZIP CODE', ['zip']],
    ['Zipcode', ['zip']],
    ['Who attended', ['who', 'attend']],
    ['Title/Event', ['title', 'event']],
    ['Número de asistentes', ['numero', 'de', 'asistente']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(headerWords(text)).toEqual(words);
  });

  test.each([['attendees', 'attendee'], ['categories', 'category'], ['address', 'address'], ['bus', 'bus'], ['boxes', 'box']])('singular(%s) = %s', (w, s) => {
    expect(singular(w)).toBe(s);
  });

  test('headerCore drops hints in brackets and required markers', () => {
    expect(headerCore('Date (mm/dd/yyyy)*')).toBe('Date');
  });
});
