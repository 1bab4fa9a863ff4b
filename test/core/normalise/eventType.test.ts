import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { normaliseEventType } from '../../../src/core/normalise/eventType';
import { brief, cell } from './helpers';

const EVENT_TYPE_OPTIONS = HSH_2023.enumerations.event_type;
const EVENT_TYPE_KEYWORDS = HSH_2023.vocabulary.keywords.event_type;

const read = (v: string | number | boolean | null) => brief(normaliseEventType(cell(v), EVENT_TYPE_OPTIONS, EVENT_TYPE_KEYWORDS));

describe('normaliseEventType', () => {
  test.each([
    ['Literacy', 'literacy'],
    ['Reading', 'literacy'],
    ['Story time', 'literacy'],
    ['Storytime', 'literacy'],
    ['Book club', 'literacy'],
    ['Early literacy', 'literacy'],
    ['EARLY LITERACY', 'literacy'],
    ['Family literacy night at the library', 'literacy'],
    ['Litercy', 'literacy'],
    ['Adult-child interaction', 'adult_child_interaction'],
    ['adult/child interaction', 'adult_child_interaction'],
    ['Parent-child interaction', 'adult_child_interaction'],
    ['Play and learn', 'adult_child_interaction'],
    ['Stay & Play', 'adult_child_interaction'],
    ['Playgroup', 'adult_child_interaction'],
    ['Child dev', 'child_development'],
    ['Child development', 'child_development'],
    ['Child development & health', 'child_development'],
    ['Developmental screening', 'child_development'],
    ['ASQ', 'child_development'],
    ['Parenting', 'parenting'],
    ['Parenting class', 'parenting'],
    ['Parenting classes', 'parenting'],
    ['Parent education', 'parenting'],
    ['Parenting support', 'parenting'],
    ['Parent cafe', 'parenting'],
    ['Instruction', 'instruction'],
    ['Training', 'instruction'],
    ['Professional development', 'instruction'],
    ['PD', 'instruction'],
    ['CDA class', 'instruction'],
    ['CPR/First aid training', 'instruction'],
    ['Business support', 'business_support'],
    ['Business/operational support', 'business_support'],
    ['Operational support', 'business_support'],
    ['Operations', 'business_support'],
    ['Shared services', 'business_support'],
    ['Tax help', 'business_support'],
    ['Licensing support', 'business_support'],
    ['Other', 'other'],
    ['misc.', 'other'],
  ])('%j → %s', (input, id) => expect(read(input)).toBe(id));

  test.each([
    ['Health fair'],
    ['Community event'],
    ['Fundraiser'],
    ['Literacy and parenting'],
    ['Parenting & business support'],
    ['Back to school bash'],
  ])('%j is kept as written with unknown_event_type', (input) => {
    expect(read(input)).toEqual({ value: input, warning: 'unknown_event_type/unknown' });
  });

  test('unknown text is trimmed but otherwise kept', () => {
    expect(normaliseEventType(cell('  Health Fair '), EVENT_TYPE_OPTIONS)).toMatchInlineSnapshot(`
{
  "kind": "ok",
  "value": "Health Fair",
  "warning": {
    "code": "unknown_event_type",
    "params": {
      "choices": "Literacy, Adult-child interaction, Child development, Parenting, Instruction, Business/operational support or Other",
    },
    "reason": "unknown",
  },
}
`);
  });

  test('without keywords only whole values match', () => {
    expect(brief(normaliseEventType(cell('Spring literacy night'), EVENT_TYPE_OPTIONS))).toEqual({
      value: 'Spring literacy night', warning: 'unknown_event_type/unknown',
    });
  });

  test('empty and odd cells', () => {
    expect(read(null)).toBe('EMPTY');
    expect(read(' ')).toBe('EMPTY');
    expect(read(7)).toEqual({ value: '7', warning: 'unknown_event_type/unknown' });
    expect(brief(normaliseEventType({ kind: 'date', value: 44989 }, EVENT_TYPE_OPTIONS))).toBe('!unknown_event_type/not_text');
  });
});

describe('normaliseEventType: a type, then a note', () => {
  test.each([
    ['Other - health fair', 'other'],
    ['Literacy: book giveaway', 'literacy'],
    ['Parenting (Triple P)', 'parenting'],
  ])('%j → %s', (input, id) => expect(read(input)).toBe(id));

  test('a typo in the head is not enough', () => {
    expect(read('Otherr - fair')).toEqual({ value: 'Otherr - fair', warning: 'unknown_event_type/unknown' });
  });
});

describe('normaliseEventType: connectors, short forms and Spanish', () => {
  test.each([
    ['Adult & Child Interaction', 'adult_child_interaction'],
    ['Adult and child interaction', 'adult_child_interaction'],
    ['Parent + child interaction', 'adult_child_interaction'],
    ['Business & operational support', 'business_support'],
    ['Business + Operational Support', 'business_support'],
    ['Reading and literacy', 'literacy'],
    ['Lit.', 'literacy'],
    ['Bus. support', 'business_support'],
    ['Busi', 'business_support'],
    // Spanish, accents folded: every option
    ['Lectura', 'literacy'],
    ['Alfabetización', 'literacy'],
    ['Hora del cuento', 'literacy'],
    ['Interacción adulto-niño', 'adult_child_interaction'],
    ['Interacción entre adultos y niños', 'adult_child_interaction'],
    ['Desarrollo infantil', 'child_development'],
    ['Desarrollo del niño', 'child_development'],
    ['Crianza', 'parenting'],
    ['Clases para padres', 'parenting'],
    ['Capacitación', 'instruction'],
    ['Desarrollo profesional', 'instruction'],
    ['Apoyo empresarial', 'business_support'],
    ['Apoyo empresarial y operativo', 'business_support'],
    ['Otro', 'other'],
    ['Taller de lectura para familias', 'literacy'],
  ])('%j → %j', (input, expected) => {
    expect(read(input)).toEqual(expected);
  });

  test.each([['Parent'], ['Train'], ['Literacy & parenting'], ['Health fair']])('%j stays unknown', (input) => {
    expect(read(input)).toEqual({ value: input, warning: 'unknown_event_type/unknown' });
  });
});
