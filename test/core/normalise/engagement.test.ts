import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { normaliseEngagement } from '../../../src/core/normalise/engagement';
import { brief, cell } from './helpers';

const ENGAGEMENT_OPTIONS = HSH_2023.enumerations.engagement;

const read = (v: string | number | boolean | null) => brief(normaliseEngagement(cell(v), ENGAGEMENT_OPTIONS));

describe('normaliseEngagement', () => {
  test.each([
    ['Touchpoint', 'touchpoint'],
    ['touchpoint', 'touchpoint'],
    // Words of the levels' own definitions.
    ['Give-away', 'touchpoint'],
    ['Info table / flyer', 'touchpoint'],
    ['Phone call', 'touchpoint'],
    ['Workshop (under 2 hrs)', 'level_one'],
    ['Training (2 hrs or less)', 'level_one'],
    ['More than 2 hours', 'level_two'],
    // A level, then what the activity was.
    ['Level 1 workshop', 'level_one'],
    ['L2 series', 'level_two'],
    ['Touchpoint table at fair', 'touchpoint'],
    ['Touch point', 'touchpoint'],
    ['touch-point', 'touchpoint'],
    ['Touch Points', 'touchpoint'],
    ['Touchpoints', 'touchpoint'],
    ['TP', 'touchpoint'],
    ['t.p.', 'touchpoint'],
    ['Touchpiont', 'touchpoint'],
    ['Engagement level one', 'level_one'],
    ['L1', 'level_one'],
    ['l-1', 'level_one'],
    ['Lvl 1', 'level_one'],
    ['LVL. 1', 'level_one'],
    ['Level I', 'level_one'],
    ['level one', 'level_one'],
    ['Level One Engagement', 'level_one'],
    ['Level 1 event', 'level_one'],
    ['Tier 1', 'level_one'],
    ['Engagement 1', 'level_one'],
    ['1', 'level_one'],
    [1, 'level_one'],
    ['One', 'level_one'],
    ['Engagement level two', 'level_two'],
    ['Engagement level 2', 'level_two'],
    ['LEVEL TWO', 'level_two'],
    ['L2', 'level_two'],
    ['Lvl2', 'level_two'],
    ['Level II', 'level_two'],
    ['Tier two', 'level_two'],
    ['2', 'level_two'],
    [2, 'level_two'],
    ['Engagment level two', 'level_two'],
    ['DOYC', 'day_of_young_child'],
    ['DoYC event', 'day_of_young_child'],
    ['DYC', 'day_of_young_child'],
    ['Day of the Young Child', 'day_of_young_child'],
    ['day of young child', 'day_of_young_child'],
    ['Day of Young Child event', 'day_of_young_child'],
    ['Day of the Young Child celebration', 'day_of_young_child'],
    ['  level 2  ', 'level_two'],
  ])('%j → %s', (input, id) => expect(read(input)).toBe(id));

  test.each([
    ['Level 3', 'not_a_level'],
    ['Level 4', 'not_a_level'],
    ['L3', 'not_a_level'],
    ['Tier III', 'not_a_level'],
    ['3', 'not_a_level'],
    [0, 'not_a_level'],
    ['High', 'not_a_level'],
    ['medium', 'not_a_level'],
    ['Low', 'not_a_level'],
    ['L1/L2', 'several'],
    ['L1 & L2', 'several'],
    ['Level 1-2', 'several'],
    ['Level 1 and 2', 'several'],
    ['Levels 1 and 2', 'several'],
    ['Touchpoint / Level 1', 'several'],
    ['TP, L2', 'several'],
    ['Both', 'several'],
    ['Workshop', 'unknown'],
    ['Level', 'unknown'],
    ['Week of the Young Child', 'unknown'],
  ])('%j is invalid_engagement (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_engagement/${reason}`));

  test('an unknown level says which it read and lists the four', () => {
    expect(normaliseEngagement(cell('Level 3'), ENGAGEMENT_OPTIONS)).toMatchInlineSnapshot(`
{
  "kind": "invalid",
  "problem": {
    "code": "invalid_engagement",
    "params": {
      "choices": "Touchpoint, Engagement level one, Engagement level two or Day of the Young Child",
      "level": 3,
    },
    "reason": "not_a_level",
  },
}
`);
  });

  test('empty and odd cells', () => {
    expect(read(null)).toBe('EMPTY');
    expect(read('  ')).toBe('EMPTY');
    expect(read(true)).toBe('!invalid_engagement/not_a_level');
    expect(brief(normaliseEngagement({ kind: 'error', value: '#N/A' }, ENGAGEMENT_OPTIONS))).toBe('!invalid_engagement/not_a_level');
    expect(brief(normaliseEngagement({ kind: 'date', value: 44989 }, ENGAGEMENT_OPTIONS))).toBe('!invalid_engagement/not_a_level');
  });
});

describe('normaliseEngagement: the same level said twice, notes in brackets', () => {
  test.each([
    ['Touchpoint (TP)', 'touchpoint'],
    ['TP - Touchpoint', 'touchpoint'],
    ['L1 - Level one', 'level_one'],
    ['Level 1 (2 hours or less)', 'level_one'],
    ['Level 2 [leaders]', 'level_two'],
    ['Day of the Young Child (DOYC)', 'day_of_young_child'],
    ['Engagement level: 2', 'level_two'],
    ['Level1', 'level_one'],
    ['Lvl.2', 'level_two'],
    ['Level 1 - 2 hours', 'level_one'],
    ['Touchpoint - flyer', 'touchpoint'],
    ['Level 2: led the meeting', 'level_two'],
    ['1st level', 'level_one'],
  ])('%j → %s', (input, id) => expect(read(input)).toBe(id));

  test.each([
    ['Level 3 (Level three)', 'not_a_level'],
    ['Level 1 - 2', 'several'],
    ['Level 1 - Level 2', 'several'],
  ])('%j is invalid_engagement (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_engagement/${reason}`));
});

describe('normaliseEngagement: short forms and Spanish', () => {
  test.each([
    ['Touch', 'touchpoint'],
    ['Touches', 'touchpoint'],
    ['Touchpt', 'touchpoint'],
    ['Level', '!invalid_engagement/unknown'],
    ['Day', '!invalid_engagement/unknown'],
    ['Young', '!invalid_engagement/unknown'],
    ['Y', '!invalid_engagement/unknown'],
    ['Nivel 1', 'level_one'],
    ['Nivel 2', 'level_two'],
    ['Nivel uno', 'level_one'],
    ['Nivel dos', 'level_two'],
    ['NIVEL I', 'level_one'],
    ['Primer nivel', 'level_one'],
    ['Segundo nivel', 'level_two'],
    ['Nivel de participación 2', 'level_two'],
    ['Nivel 3', '!invalid_engagement/not_a_level'],
    ['Nivel 1 y 2', '!invalid_engagement/several'],
    ['Nivel 1 o 2', '!invalid_engagement/several'],
    ['Punto de contacto', 'touchpoint'],
    ['Puntos de contacto', 'touchpoint'],
    ['Día del Niño Pequeño', 'day_of_young_child'],
    ['Dia del nino', 'day_of_young_child'],
  ])('%j → %j', (input, expected) => {
    expect(read(input)).toEqual(expected);
  });
});
