import { deadlinePassed, fieldWith, listText, longDate, optionsOf, periodText, type CollectionInfo } from '../../src/site/collectionInfo';

describe('the site’s words for dates and lists', () => {
  test('a calendar day in words, whatever the time zone', () => {
    expect(longDate('2025-01-31')).toBe('January 31, 2025');
    expect(longDate('2023-03-04')).toBe('March 4, 2023');
    expect(longDate('not a date')).toBe('not a date');
  });

  test('a period within one year names the year once; across years, both', () => {
    expect(periodText({ start: '2023-01-01', end: '2023-12-31' })).toBe('January 1 to December 31, 2023');
    expect(periodText({ start: '2023-07-01', end: '2024-06-30' })).toBe('July 1, 2023 to June 30, 2024');
  });

  test('the deadline day itself is not past', () => {
    expect(deadlinePassed('2025-01-31', '2025-01-31')).toBe(false);
    expect(deadlinePassed('2025-01-31', '2025-02-01')).toBe(true);
    expect(deadlinePassed('2025-01-31', '2024-12-01')).toBe(false);
  });

  test('lists join with commas and a final "and"', () => {
    expect(listText([])).toBe('');
    expect(listText(['Touchpoint'])).toBe('Touchpoint');
    expect(listText(['A', 'B'])).toBe('A and B');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
  });

  test('a field’s options, and the field of an enumeration', () => {
    const info: CollectionInfo = {
      id: 'x',
      name: 'X',
      period: { start: '2024-01-01', end: '2024-12-31' },
      deadline: '2025-01-31',
      fields: [
        { id: 'title', label: 'Title', requirement: 'required', kind: 'text' },
        { id: 'tier', label: 'Tier', requirement: 'required', kind: 'enum', enumeration: 'engagement' },
      ],
      enumerations: { engagement: [{ id: 'one', label: 'One', definition: 'the first' }] },
    };
    expect(optionsOf(info, info.fields[1]!)).toEqual([{ id: 'one', label: 'One', definition: 'the first' }]);
    expect(optionsOf(info, info.fields[0]!)).toEqual([]);
    expect(fieldWith(info, 'engagement')?.id).toBe('tier');
    expect(fieldWith(info, 'audience')).toBeUndefined();
  });
});
