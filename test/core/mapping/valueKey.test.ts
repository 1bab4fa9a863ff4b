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

  test('one pair alone is no key', () => {
    expect(findValueKeys(workbookOf(sheetOf('S', [['TP', 'Touchpoint']])), HSH_2023).size).toBe(0);
  });
});
