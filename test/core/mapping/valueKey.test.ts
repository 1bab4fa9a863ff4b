import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { check } from '../../../src/core/check';
import { findValueKeys } from '../../../src/core/mapping/valueKey';
import { sheetOf, workbookOf } from '../helpers';

describe('value keys', () => {
  test('a key under the table explains coded levels, and beats the usual reading of a number', () => {
    const sheet = sheetOf('Log', [
      ['Event', 'Date', 'Level', 'Audience', 'Attendees'],
      ['Cafe', '3/4/2023', 0, 'Parents', 5],
      ['Fair', '3/5/2023', 3, 'Parents', 50],
      ['Class', '3/6/2023', 1, 'Parents', 9],
      [],
      ['Level key: 0 = Touchpoint; 1 = Level two; 3 = Day of the Young Child'],
    ]);
    expect(findValueKeys(workbookOf(sheet), HSH_2023).get('engagement')).toEqual(new Map([['0', 'touchpoint'], ['1', 'level_two'], ['3', 'day_of_young_child']]));
    const report = check(workbookOf(sheet));
    expect(report.records.map((r) => r.values.engagement)).toEqual(['touchpoint', 'day_of_young_child', 'level_two']);
    expect(report.summary.errors).toBe(0);
  });

  test('keys as partners write them in a note: words for codes, a label, sentences, gaps of spaces, alternatives, asides in the meaning', () => {
    const keyOf = (text: string) => findValueKeys(workbookOf(sheetOf('S', [[text]])), HSH_2023).get('engagement');
    expect(keyOf('Dosage: 1 contact = touchpoint; <2 hrs = Level 1; 2+ hrs = Level 2')).toEqual(new Map([['1 contact', 'touchpoint'], ['<2 hrs', 'level_one'], ['2+ hrs', 'level_two']]));
    expect(keyOf('INTENSITY KEY: TP = TOUCHPOINT   E1 = ENGAGEMENT LEVEL 1 (UNDER 2 HRS)   E2 = ENGAGEMENT LEVEL 2 (2+ HRS / SERIES)')).toEqual(new Map([['tp', 'touchpoint'], ['e1', 'level_one'], ['e2', 'level_two']]));
    expect(keyOf('Key: drop-in = Level 1 | series (6 wks) or multi-session = Level 2')).toEqual(new Map([['drop in', 'level_one'], ['series (6 wks)', 'level_two'], ['multi session', 'level_two']]));
    // One code explained, the others already levels as written: still a key, after the sentence before it.
    expect(keyOf("Kept by Children's Dept. Level: T = touchpoint (table/flyer), L1 = program under 2 hrs, L2 = 2+ hrs or series. Please do not sort.")).toEqual(new Map([['t', 'touchpoint']]));
  });

  test('a meaning that says how they came ("parents attending with their children") still names its audience', () => {
    const readMe = sheetOf('Read me', [['Who: P = parents/guardians, P+C = parents attending with their children, CG = caregivers (grandparents, aunties, sitters)']]);
    expect(findValueKeys(workbookOf(readMe), HSH_2023).get('audience')).toEqual(new Map([['p', 'parent_family'], ['p+c', 'parent_family_child'], ['cg', 'caregiver']]));
  });

  test('a definitions sheet "Format | Meaning | HSH engagement level" is a key, and its heading names the field of the log\'s "Format" column', () => {
    const definitions = sheetOf('Definitions', [
      ['How we code our activities'],
      [],
      ['Format', 'Meaning', 'HSH engagement level'],
      ['Drop-in', 'Table, giveaway or info booth; no instruction', 'Touchpoint'],
      ['Workshop', 'One session, 2 hours or less', 'Engagement level one'],
      ['Series', 'Multi-week cohort or training over 2 hours', 'Engagement level two'],
    ]);
    const log = sheetOf('Activity Log', [['Activity', 'Date', 'Format', 'Participants', 'Attendance'], ...['Drop in', 'Workshop', 'Series', 'drop-in'].map((f, i) => [`Activity ${i}`, `3/${i + 1}/2023`, f, 'Parents', 10 + 3 * i])]);
    const report = check(workbookOf(definitions, log));
    expect(report.columns.find((c) => c.column === 'C')).toMatchObject({ field: 'engagement', reason: expect.stringContaining('legend') });
    expect(report.records.map((r) => r.values.engagement)).toEqual(['touchpoint', 'level_one', 'level_two', 'touchpoint']);
    expect(report.issues.filter((i) => i.field === 'engagement')).toEqual([]);
  });

  test('a sheet of drop-down lists side by side is no key table', () => {
    const lists = sheetOf('Lists', [['Category', 'Engagement', 'Audience'], ['Literacy', 'touchpoint', 'Parents'], ['Adult/child interaction', 'level one', 'Parents + kids'], ['Child Dev', 'level two', 'Caregivers'], ['Parenting', 'day of the young child', 'Teachers']]);
    expect(findValueKeys(workbookOf(lists), HSH_2023).get('audience')).toBeUndefined();
  });

  test('a key sheet of codes written out, each beside a meaning with its aside', () => {
    const key = sheetOf('Key', [['Contact type codes'], [], ['Code', 'Means'], ['1x contact', 'Touchpoint - flyer, call, resource table'], ['Group connection', 'Engagement Level 1 (2 hrs or less)'], ['Series (6 wks)', 'Engagement Level 2 (multi-session)']]);
    expect(findValueKeys(workbookOf(key), HSH_2023).get('engagement')).toEqual(new Map([['1x contact', 'touchpoint'], ['group connection', 'level_one'], ['series (6 wks)', 'level_two']]));
  });

  test('a cell listing several codes of the key ("P/C", "P, T") is the list of their audiences', () => {
    const sheet = sheetOf('Log', [
      ['Aud: P = parents, PC = parents with kids, C = caregivers'],
      ['Event', 'Date', 'Aud', 'Level', 'Attendees'],
      ['Cafe', '3/4/2023', 'P/C', 'Level 1', 5],
      ['Fair', '3/5/2023', 'PC', 'Level 1', 50],
      ['Class', '3/6/2023', 'C, P', 'Level 1', 9],
      ['Walk', '3/7/2023', 'P/X', 'Level 1', 9],
    ]);
    const report = check(workbookOf(sheet));
    expect(report.records.map((r) => r.values.audience)).toEqual([['parent_family', 'caregiver'], ['parent_family_child'], ['caregiver', 'parent_family'], undefined]);
    // A code the key does not have is not guessed.
    expect(report.issues.filter((i) => i.field === 'audience' && i.severity === 'error').map((i) => i.row)).toEqual([6]);
  });

  test('rows of a table with two cells filled are no key: an event\'s title beside its level stays a title', () => {
    const rows: (string | number)[][] = [['Event', 'Date', 'Level', 'Audience', 'Attendees']];
    for (let i = 0; i < 8; i++) rows.push([`Circle time ${i}`, `3/${i + 1}/2023`, 'Level 1', 'Parents', 5 + i]);
    rows.push(['Story time', 'Touchpoint'], ['Book club', 'Level 2']);
    expect(findValueKeys(workbookOf(sheetOf('Log', rows)), HSH_2023).get('engagement')).toBeUndefined();
  });

  test('one pair alone is no key', () => {
    expect(findValueKeys(workbookOf(sheetOf('S', [['TP', 'Touchpoint']])), HSH_2023).size).toBe(0);
  });

  test('a key sheet explains coded audiences and levels: the codes count as their options, and the columns map with full confidence', () => {
    const data = sheetOf('Data', [
      ['Name', 'Dt', 'Aud', 'Lvl', 'Zip', 'N'],
      ...[0, 1, 2, 3, 4, 5].map((i) => [`Circle time ${i}`, `9/${i + 1}/2023`, i % 2 ? 'T' : 'P', ['A', 'B', 'C'][i % 3]!, '48214', [7, 12, 5, 9, 14, 6][i]!]),
    ]);
    const key = sheetOf('Key', [
      ['Column', 'Meaning'],
      ['Lvl', 'Engagement level: A = Touchpoint, B = Level 1, C = Level 2'],
      ['Aud', 'Audience: P = Parents, T = Teachers'],
      ['N', 'Number of attendees'],
    ]);
    expect(findValueKeys(workbookOf(data, key), HSH_2023).get('audience')).toEqual(new Map([['p', 'parent_family'], ['t', 'teacher_educator']]));
    const report = check(workbookOf(data, key));
    expect(report.columns.map((c) => [c.header, c.field, c.confidence])).toEqual([
      ['Name', 'title', expect.any(Number)], ['Dt', 'date', 1], ['Aud', 'audience', 1], ['Lvl', 'engagement', 1], ['Zip', 'zip', 1], ['N', 'attendees', 1],
    ]);
    expect(report.records.map((r) => [r.values.audience, r.values.engagement])).toEqual([
      [['parent_family'], 'touchpoint'], [['teacher_educator'], 'level_one'], [['parent_family'], 'level_two'],
      [['teacher_educator'], 'touchpoint'], [['parent_family'], 'level_one'], [['teacher_educator'], 'level_two'],
    ]);
    expect(report.issues).toEqual([]);
  });
});
