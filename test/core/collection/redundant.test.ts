import collection from '../../../src/core/collection/hsh2023/collection.json';
import headings from '../../../src/core/collection/hsh2023/headings.json';
import values from '../../../src/core/collection/hsh2023/values.json';
import { readCollectionFiles } from '../../../src/core/collection/load';
import { redundantEntries } from '../../../src/core/collection/redundant';

const files = () => structuredClone({ collection, headings, values });
const redundant = (f: ReturnType<typeof files>) => redundantEntries(readCollectionFiles('hsh2023', f));
const option = (f: ReturnType<typeof files>, id: string) => f.values.options.find((e) => e.option === id)!;
const heading = (f: ReturnType<typeof files>, id: string) => f.headings.fields.find((e) => e.field === id)!;

describe('redundantEntries', () => {
  test('the 2023 data files hold no entry that the normalisation already covers', () => {
    expect(redundant(files())).toEqual([]);
  });

  test('a case, punctuation or plural variant of a value is named', () => {
    const f = files();
    (option(f, 'touchpoint').synonyms as unknown[]).push('Touch-Points');
    option(f, 'literacy').keywords!.push('Story Time');
    f.values.unclear[0]!.words.push('Providers');
    expect(redundant(f)).toEqual([
      'values.json engagement.touchpoint: synonym "Touch-Points" is "touch point", like synonym "touch point"',
      'values.json event_type.literacy: keyword "Story Time" is "story time", like keyword "story time"',
      'values.json audience unclear: word "Providers" is "provider", like word "provider"',
    ]);
  });

  test('a value that is the option\'s own id or label, or that a compose entry makes, is named', () => {
    const f = files();
    (option(f, 'level_one').synonyms as unknown[]).push('Level_One', 'Engagement level 1.');
    (option(f, 'parent_family_child').synonyms as unknown[]).push('Dads & kids');
    expect(redundant(f)).toEqual([
      'values.json engagement.level_one: synonym "Level_One" is "level one", like id "level one"',
      'values.json engagement.level_one: synonym "Engagement level 1." is "engagement level 1", like synonym "engagement level 1"',
      'values.json audience.parent_family_child: synonym "Dads & kids" is "dad and kid", which a compose entry makes ("dads and kids")',
    ]);
  });

  test('a heading the header matcher reads as an earlier one (same words in any order, abbreviations spelled out) is named', () => {
    const f = files();
    heading(f, 'zip').aliases.push('ZIP code');
    heading(f, 'date').aliases.push('Date (of the event)');
    heading(f, 'engagement').weak!.push('Eng. Level');
    heading(f, 'attendees').exclude.push('Volunteers');
    expect(redundant(f)).toEqual([
      'headings.json date: alias "Date (of the event)" is "date", like alias "Date"',
      'headings.json zip: alias "ZIP code" is "zip", like label "Zip"',
      'headings.json engagement: weak alias "Eng. Level" is "engagement level", like label "Engagement level"',
      'headings.json attendees: exclude word "Volunteers" is "volunteer", like exclude word "volunteer"',
    ]);
  });

  test('the same word for two options is no redundancy: it makes the value ambiguous', () => {
    const f = files();
    (option(f, 'level_one').synonyms as unknown[]).push('workshop');
    (option(f, 'level_two').synonyms as unknown[]).push('workshop');
    expect(redundant(f)).toEqual([]);
  });
});
