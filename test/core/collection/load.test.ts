import collection from '../../../src/core/collection/hsh2023/collection.json';
import headings from '../../../src/core/collection/hsh2023/headings.json';
import values from '../../../src/core/collection/hsh2023/values.json';
import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { CollectionDataError, loadCollection, type CollectionFiles } from '../../../src/core/collection/load';

/** The 2023 data files, each a fresh copy to spoil. */
const files = (): { collection: typeof collection; headings: typeof headings; values: typeof values } => structuredClone({ collection, headings, values });
const load = (f: CollectionFiles) => () => loadCollection('hsh2023', f);

describe('loadCollection', () => {
  test('reads the 2023 collection from its data files', () => {
    expect(HSH_2023.id).toBe('hsh-imperative2-2023');
    expect(HSH_2023.fields.map((f) => [f.id, f.role])).toEqual([
      ['title', 'title'], ['date', 'date'], ['event_type', 'event_type'], ['description', 'description'], ['street', 'street'],
      ['city', 'city'], ['zip', 'zip'], ['audience', 'audience'], ['engagement', 'level'], ['attendees', 'headcount'],
    ]);
    expect(HSH_2023.fields.find((f) => f.id === 'title')?.aliases).toContain('Event name');
    expect(HSH_2023.enumerations.engagement?.find((o) => o.id === 'level_one')).toMatchObject({ level: 1 });
    expect(HSH_2023.vocabulary.keywords.event_type?.literacy).toContain('story time');
  });

  test('a compose entry stands for every phrase it joins', () => {
    const synonyms = HSH_2023.enumerations.audience?.find((o) => o.id === 'parent_family_child')?.synonyms ?? [];
    expect(synonyms).toEqual(expect.arrayContaining(['dads and kids', 'dads with kids', 'dads kids', 'padres con hijos']));
  });

  test('a bad word names its file and entry', () => {
    const f = files();
    const i = f.values.options.findIndex((e) => e.option === 'touchpoint');
    (f.values.options[i]!.synonyms as unknown[])[2] = 3;
    expect(load(f)).toThrow(CollectionDataError);
    expect(load(f)).toThrow(`hsh2023/values.json: options entry ${i} (engagement.touchpoint), synonyms.2:`);
  });

  test('a word with spaces around it is refused', () => {
    const f = files();
    f.headings.fields[0]!.aliases.push(' Event ');
    expect(load(f)).toThrow(/hsh2023\/headings.json: fields entry 0 \(title\), aliases\.\d+: a word or phrase/);
  });

  test('an entry naming a field, enumeration or option the collection lacks is refused', () => {
    const a = files();
    a.headings.fields[1]!.field = 'dat';
    expect(load(a)).toThrow('hsh2023/headings.json: entry 1 (dat) names the field "dat", which collection.json does not define');
    const b = files();
    b.values.options[0]!.option = 'touch';
    expect(load(b)).toThrow('hsh2023/values.json: entry 0 (engagement.touch) names the option "touch", which engagement does not have');
    const c = files();
    c.values.unclear[0]!.enumeration = 'audiences';
    expect(load(c)).toThrow('hsh2023/values.json: unclear entry 0 (audiences) names the enumeration "audiences"');
  });

  test('a field with a misspelt key or a role of the wrong kind is refused', () => {
    const a = files();
    (a.collection.fields[0] as Record<string, unknown>).requirment = 'required';
    expect(load(a)).toThrow(/hsh2023\/collection.json: fields entry 0 \(title\)/);
    const b = files();
    b.collection.fields[9]!.role = 'level';
    expect(load(b)).toThrow(/both have the role level/);
    const c = files();
    c.collection.fields[0]!.role = 'headcount';
    expect(load(c)).toThrow(/field "title" has the role headcount, which needs the kind count, not text/);
  });
});
