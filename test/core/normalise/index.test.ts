import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import type { Collection, FieldDef } from '../../../src/core/collection/types';
import { normaliseField } from '../../../src/core/normalise';
import type { Cell } from '../../../src/core/workbook';
import { brief, cell } from './helpers';

const field = (id: string): FieldDef => {
  const f = HSH_2023.fields.find((x) => x.id === id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
};
const ctx = { collection: HSH_2023, date1904: false };

describe('normaliseField', () => {
  test.each([
    ['title', cell('  Story time '), 'Story time'],
    ['description', cell('Read  aloud'), 'Read  aloud'],
    ['street', cell('123 Main St'), '123 Main St'],
    ['city', cell('Hamtramck '), 'Hamtramck'],
    ['date', cell('3/4/23'), '2023-03-04'],
    ['date', { kind: 'date', value: 44989 } as Cell, '2023-03-04'],
    ['event_type', cell('Story time'), 'literacy'],
    ['zip', cell('48201-1234'), '48201'],
    ['audience', cell('Parents & caregivers'), ['parent_family', 'caregiver']],
    ['engagement', cell('Lvl 2'), 'level_two'],
    ['attendees', cell('1,200'), 1200],
  ])('%s %j', (id, c, want) => expect(brief(normaliseField(field(id), c, ctx))).toEqual(want));

  test('applies the 1904 date system', () => {
    const r = normaliseField(field('date'), { kind: 'date', value: 44989 - 1462 }, { ...ctx, date1904: true });
    expect(r).toEqual({ kind: 'ok', value: '2023-03-04' });
  });

  test('empty cells are empty for every field', () => {
    for (const f of HSH_2023.fields) expect(normaliseField(f, cell(null), ctx)).toEqual({ kind: 'empty' });
  });

  test('an enumeration without a special reader is matched generically and kept when unknown', () => {
    const collection: Collection = {
      ...HSH_2023,
      fields: [...HSH_2023.fields, { id: 'funding', label: 'Funding', requirement: 'optional', kind: 'enum', enumeration: 'funding', aliases: [], weakAliases: [], excludeWords: [], parts: [] }],
      enumerations: { ...HSH_2023.enumerations, funding: [{ id: 'kresge', label: 'Kresge', synonyms: ['kresge foundation'] }] },
    };
    const f = collection.fields[collection.fields.length - 1];
    expect(brief(normaliseField(f, cell('Kresge Foundation'), { collection, date1904: false }))).toBe('kresge');
    expect(brief(normaliseField(f, cell('City'), { collection, date1904: false }))).toEqual({ value: 'City', warning: 'unknown_event_type/unknown' });
  });

  test('a field naming a missing enumeration does not throw', () => {
    const f: FieldDef = { ...field('engagement'), enumeration: 'nope' };
    expect(brief(normaliseField(f, cell('L1'), ctx))).toBe('!invalid_engagement/not_a_level');
  });

  test('is fast enough for 100,000-row sheets', () => {
    const values = ['L1', 'Touchpoint', 'Level 3', 'DOYC', 'lvl 2'];
    const aud = ['Parents & caregivers', 'Teachers; Owners', 'Families with children', 'Volunteers'];
    const dates = ['3/4/2023', 'March 4th, 2023', '44989', 'TBD'];
    const start = Date.now();
    for (let i = 0; i < 20_000; i++) {
      normaliseField(field('engagement'), cell(values[i % values.length]), ctx);
      normaliseField(field('audience'), cell(aud[i % aud.length]), ctx);
      normaliseField(field('date'), cell(dates[i % dates.length]), ctx);
      normaliseField(field('attendees'), cell(`~${i}`), ctx);
      normaliseField(field('event_type'), cell('Family literacy night'), ctx);
    }
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
