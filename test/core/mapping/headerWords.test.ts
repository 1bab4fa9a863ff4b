import { loadLanguage } from '../../../src/core/language/load';
import { headerCore, headerWords } from '../../../src/core/mapping/headerWords';
import { normaliseSingularWords } from '../../../src/core/text';

describe('headerWords', () => {
  test.each([
    ['Number of attendees*', ['number', 'attendee']],
    ['# of people', ['number', 'person']],
    ['Ppl', ['person']],
    ['Adults + Children', ['adult', 'plus', 'child']],
    ['E-mail / Opt-in', ['email', 'optin']],
    ['Zip / Postal code', ['zip']],
    ['Zip/Postal', ['zip']],
    ['Code', ['code']],
    ['Providers\u2019 count', ['provider', 'count']],
    ['\uff03 ＡＴＴＥＮＤＥＥＳ', ['number', 'attendee']],
    ['Eng. Level', ['engagement', 'level']],
    ['Engagement\nlevel', ['engagement', 'level']],
    ['ZIP CODE', ['zip']],
    ['Zipcode', ['zip']],
    ['Who attended', ['who', 'attend']],
    ['Title/Event', ['title', 'event']],
    ['Número de asistentes', ['numero', 'de', 'asistente']],
    // What the column leaves out is no word of it: "staff" here does not make it a count of staff.
    ['Caregivers who attended (do not count staff)', ['caregiver', 'who', 'attend']],
    ['Attendees (excluding children)', ['attendee']],
    ['Attended - not staff', ['attend']],
    ['Asistentes (sin contar personal)', ['asistente']],
    ['Staff attended', ['staff', 'attend']],
    ['Attendance (no. of adults)', ['attendee', 'number', 'adult']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(headerWords(text)).toEqual(words);
  });

  test('headings and values share one tokenizer: a heading word is the value word, abbreviations aside', () => {
    for (const text of ['Parents & Caregivers', 'Families', 'Boxes of books', 'Categories', 'Niños']) {
      expect(headerWords(text).filter((w) => w !== 'and' && w !== 'of')).toEqual(normaliseSingularWords(text).filter((w) => w !== 'and' && w !== 'of'));
    }
  });

  test('a language file that is wrong is refused at load, naming the entry', () => {
    const heading = { symbols: { '#': 'number' }, spellings: {}, abbreviations: { qty: ['number'] }, filler: ['of'], fillerAlone: [] };
    const good = {
      heading, numbers: { one: 1 }, months: { jan: 1 }, connectors: { and: ['and'], with: ['with'] },
      levels: { introducers: ['level'], filler: [], otherScales: [], several: [] }, settings: { words: [], links: [] },
    };
    expect(loadLanguage('x.json', good).headingWords('Qty of # kids')).toEqual(['number', 'number', 'kid']);
    expect(() => loadLanguage('x.json', { ...good, heading: { ...heading, abbreviations: { qty: [] } } })).toThrow(/^x\.json: heading\.abbreviations\.qty: /);
    expect(() => loadLanguage('x.json', { ...good, heading: { ...heading, filler: ['Of'] } })).toThrow(/^x\.json: heading\.filler\.0: a lower-case word/);
    expect(() => loadLanguage('x.json', { ...good, months: { jan: 13 } })).toThrow(/^x\.json: months\.jan: /);
  });

  test('headerCore drops hints in brackets and required markers', () => {
    expect(headerCore('Date (mm/dd/yyyy)*')).toBe('Date');
  });
});
