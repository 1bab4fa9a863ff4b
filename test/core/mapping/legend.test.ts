import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { headerMatcher } from '../../../src/core/mapping/headerMatch';
import { findLegend, legendKey } from '../../../src/core/mapping/legend';
import { sheetOf, workbookOf } from '../helpers';

const matcher = headerMatcher(HSH_2023);

describe('findLegend', () => {
  test('reads a legend sheet: their heading beside the agreed label', () => {
    const legendSheet = sheetOf('Data dictionary', [
      ['What our columns mean'],
      [],
      ['Column', 'Meaning'],
      ['C1', 'Title/Event'],
      ['C2', 'Number of attendees'],
      ['C3', 'Zip code', 'five digits'],
    ]);
    const legend = findLegend(workbookOf(sheetOf('Data', [['C1', 'C2', 'C3']]), legendSheet), matcher);
    expect(legend.get(legendKey('C1'))?.field).toBe('title');
    expect(legend.get(legendKey('C2'))?.field).toBe('attendees');
    expect(legend.get(legendKey('C3'))?.field).toBe('zip');
    expect(legend.get(legendKey('C1'))?.where).toBe('sheet "Data dictionary", row 4');
  });

  test('reads a key line above the header', () => {
    const data = sheetOf('Log', [['Key: A1 = Event name; A2 = Date of event; A3 → Engagement level'], ['A1', 'A2', 'A3']]);
    const legend = findLegend(workbookOf(data), matcher);
    expect([...legend.entries()].map(([k, v]) => [k, v.field])).toEqual([
      ['a1', 'title'],
      ['a2', 'date'],
      ['a3', 'engagement'],
    ]);
  });

  test('a header row or a list of labels is not a legend', () => {
    const data = sheetOf('Events', [
      ['Event ID', 'Zip Code', 'Staff', 'Date'],
      ['Engagement levels', 'Audiences'],
      ['Title', 'Date'],
    ]);
    expect(findLegend(workbookOf(data), matcher).size).toBe(0);
  });
});
