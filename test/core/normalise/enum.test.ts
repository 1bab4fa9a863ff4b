import type { EnumOption } from '../../../src/core/collection/types';
import { enumMatcher, listChoices, normaliseEnum } from '../../../src/core/normalise/enum';
import { brief, cell } from './helpers';

const COLOURS: EnumOption[] = [
  { id: 'dark_blue', label: 'Dark blue', synonyms: ['navy', 'navy blue'] },
  { id: 'light_blue', label: 'Light blue', synonyms: ['sky blue', 'baby blue'] },
  { id: 'green', label: 'Green', synonyms: ['verde'] },
  { id: 'grey', label: 'Grey', synonyms: ['gray'] },
  { id: 'greys', label: 'Grays', synonyms: [] },
];

describe('enumMatcher', () => {
  test.each([
    ['dark_blue', 'dark_blue'],
    ['Dark Blue', 'dark_blue'],
    ['DARK-BLUE!', 'dark_blue'],
    ['blue, dark', 'dark_blue'],
    ['Navy', 'dark_blue'],
    ['Navys', 'dark_blue'],
    ['darkblue', 'dark_blue'],
    ['Sky-Blue', 'light_blue'],
    ['Greeen', 'green'],
    ['Vérde', 'green'],
  ])('%j → %s', (text, id) => expect(enumMatcher(COLOURS).match(text)).toMatchObject({ kind: 'match', id }));

  test.each([['Blue'], ['Purple'], [''], ['Dark']])('%j is no match', (text) => {
    expect(enumMatcher(COLOURS).match(text).kind).toBe('none');
  });

  test('a key two options claim is never a match', () => {
    // "Grays" and "Grey"'s synonym "gray" are the same word once singular.
    expect(enumMatcher(COLOURS).match('gray').kind).toBe('ambiguous');
  });

  test('a typo near two options is ambiguous, not guessed', () => {
    const opts: EnumOption[] = [
      { id: 'a', label: 'parenting', synonyms: [] },
      { id: 'b', label: 'parenthood', synonyms: [] },
    ];
    expect(enumMatcher(opts).match('parentinh').kind).toBe('match');
    expect(enumMatcher(opts).match('parentiod').kind).toBe('ambiguous');
  });

  test('a real vocabulary word is never read as a typo of another', () => {
    const opts: EnumOption[] = [
      { id: 'a', label: 'education director', synonyms: [] },
      { id: 'b', label: 'educator', synonyms: [] },
    ];
    expect(enumMatcher(opts).match('educator director').kind).toBe('none');
  });

  test('the matcher is built once per option list', () => {
    expect(enumMatcher(COLOURS)).toBe(enumMatcher(COLOURS));
    expect(enumMatcher([...COLOURS])).not.toBe(enumMatcher(COLOURS));
  });

  test('listChoices', () => {
    expect(listChoices([])).toBe('');
    expect(listChoices(['A'])).toBe('A');
    expect(listChoices(['A', 'B', 'C'])).toBe('A, B or C');
    expect(enumMatcher(COLOURS).choices).toBe('Dark blue, Light blue, Green, Grey or Grays');
  });
});

describe('normaliseEnum', () => {
  test('matches, and keeps unknown text with a warning by default', () => {
    expect(brief(normaliseEnum(cell('navy blue'), COLOURS))).toBe('dark_blue');
    expect(brief(normaliseEnum(cell(' Purple '), COLOURS))).toEqual({ value: 'Purple', warning: 'unknown_event_type/unknown' });
  });

  test('an error code makes unknown text invalid', () => {
    expect(brief(normaliseEnum(cell('Purple'), COLOURS, 'invalid_engagement'))).toBe('!invalid_engagement/unknown');
    expect(brief(normaliseEnum(cell('gray'), COLOURS, 'invalid_engagement'))).toBe('!invalid_engagement/ambiguous');
  });

  test('empty, error and date cells', () => {
    expect(brief(normaliseEnum(cell(null), COLOURS))).toBe('EMPTY');
    expect(brief(normaliseEnum({ kind: 'error', value: '#VALUE!' }, COLOURS))).toBe('!unknown_event_type/error_cell');
    expect(brief(normaliseEnum({ kind: 'date', value: 45000 }, COLOURS))).toBe('!unknown_event_type/unknown');
  });
});

describe('enumMatcher: general rules', () => {
  const KINDS: EnumOption[] = [
    { id: 'touchpoint', label: 'Touchpoint', synonyms: ['touch point', 'tp'] },
    { id: 'level_one', label: 'Level one', synonyms: ['level 1'] },
    { id: 'doyc', label: 'Day of the young child', synonyms: ['dyc'] },
    { id: 'caregiver', label: 'Caregiver', synonyms: ['unlicensed'] },
    { id: 'caretaker', label: 'Caretaker', synonyms: [] },
    { id: 'adult_child', label: 'Adult-child interaction', synonyms: ['parent child play'] },
  ];
  const m = enumMatcher(KINDS);
  const id = (t: string) => { const r = m.match(t); return r.kind === 'match' ? r.id : r.kind; };

  test.each([
    // a short form of one option's one-word name, at least 4 letters and half the word
    ['Touch', 'touchpoint'],
    ['touches', 'touchpoint'],
    ['Touchp', 'touchpoint'],
    ['Touc', 'none'], // under half of "touchpoint"
    ['Level', 'none'], // begins words of no one-word name
    ['Day', 'none'], // too short
    ['Young', 'none'], // a whole word, but no short form of a one-word name
    ['Care', 'none'], // begins words of two options
    ['Caret', 'caretaker'],
    // "and", "&", "+", Spanish "y"/"e" joining the words of one name
    ['Adult & Child Interaction', 'adult_child'],
    ['Adult and child interaction', 'adult_child'],
    ['Adult + child interaction', 'adult_child'],
    ['Parent y child play', 'adult_child'],
    ['D.O.Y.C.', 'doyc'], // spelled-out letters: "y" is a letter, not "and"
    // a negating prefix is no typo
    ['licensed', 'none'],
    ['unlicenced', 'caregiver'],
  ])('%j → %s', (text, expected) => {
    expect(id(text)).toBe(expected);
  });
});
