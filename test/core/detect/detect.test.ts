import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { detectHeaderRow } from '../../../src/core/detect/headerRow';
import { detectSheet } from '../../../src/core/detect/sheet';
import { headerMatcher } from '../../../src/core/mapping/headerMatch';
import { sheetOf, workbookOf } from '../helpers';

const matcher = headerMatcher(HSH_2023);
const noLegend = new Map();

const events = sheetOf('Log', [
  ['Little Learners - 2023 events'],
  ['Prepared by J. Smith'],
  [],
  [null, 'EVENT', null, null, 'WHERE', null],
  [null, 'Activity', 'When', 'Level', 'Location', 'Zip', 'Who', 'How many'],
  [null, 'Story time', { date: 44990 }, 'L1', '1 Main St', 48201, 'Parents', 12],
  [null, 'Play day', { date: 44991 }, 'L2', '2 Main St', 48202, 'Parents', 9],
]);

describe('detectHeaderRow', () => {
  test('finds the header under title rows and a group-header row, in any column', () => {
    expect(detectHeaderRow(events, matcher, noLegend)?.row).toBe(4);
  });

  test('a header with cryptic names is found through the legend', () => {
    const sheet = sheetOf('S', [['Our log'], ['F1', 'F2', 'F3'], ['Story time', '3/4/2023', 'L1']]);
    const legend = new Map([['f1', { field: 'title', where: '' }], ['f2', { field: 'date', where: '' }], ['f3', { field: 'engagement', where: '' }]]);
    expect(detectHeaderRow(sheet, matcher, legend)?.row).toBe(1);
  });
});

describe('detectSheet', () => {
  test('skips instructions, lists and summaries for the event log', () => {
    const instructions = sheetOf('Instructions', [['How to fill in this workbook'], ['1. One row per event.'], ['2. Date of event as m/d/yyyy.']]);
    const lists = sheetOf('Lists', [['Engagement levels', 'Audiences', 'Event types'], ['Touchpoint', 'Parents', 'Literacy'], ['Level 1', 'Teachers', 'Parenting']]);
    const summary = sheetOf('Summary', [['Month', '# Events', 'Total attendees'], ['January', 3, 40], ['February', 2, 18]]);
    expect(detectSheet(workbookOf(instructions, lists, events, summary), matcher, noLegend)?.sheet.name).toBe('Log');
  });
});
