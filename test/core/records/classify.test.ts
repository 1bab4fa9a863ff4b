import { classifyRows } from '../../../src/core/records/classify';
import { tableRegion } from '../../../src/core/records/region';
import { cellText } from '../../../src/core/workbook';
import { sheetOf } from '../helpers';

const rows = [
  ['Title', 'Date', 'Level', 'Attendees'],
  ['MARCH'],
  ['Story time', '3/4/2023', 'L1', 12],
  [],
  ['Only a title'],
  ['Play day', '3/9/2023', 'L2', 9],
  ['Little Learners events (continued)'],
  ['Title', 'Date', 'Level', 'Attendees'],
  ['Q2 2023'],
  ['Book swap', '4/2/2023', 'Touchpoint', 30],
  ['TOTAL', null, null, 51],
  [],
  ['Notes: two events were virtual'],
  ['Thanks to the library for hosting'],
];

describe('classifyRows', () => {
  test('sorts rows into events, banners, totals, notes and blanks', () => {
    const sheet = sheetOf('S', rows);
    const region = tableRegion(sheet, 0, [0, 1, 2, 3]);
    const kinds = classifyRows({
      region,
      headerTexts: ['title', 'date', 'level', 'attendees'],
      isDate: (r) => /\d+\/\d+\/\d+/.test(cellText(region.cell(r, 1))),
      isEngagement: (r) => cellText(region.cell(r, 2)) !== '',
    });
    expect(kinds).toEqual([
      'section', 'record', 'blank', 'record', 'record', 'title', 'repeated_header', 'section', 'record', 'totals', 'blank', 'notes', 'notes',
    ]);
  });

  test('a subtotal named after its month or quarter is a total, not an event; an event whose name only starts with "Total" is an event', () => {
    const sheet = sheetOf('S', [
      ['Title', 'Date', 'Level', 'Attendees'],
      ['Story time', '1/4/2023', 'L1', 12],
      ['January subtotal', null, null, 12],
      ['Q1 total', null, null, 12],
      ['Total Body Fitness for moms', '2/4/2023', 'L1', 8],
      ['Music & Movement', 'Sept 31, 2023', 'Level 1 or 2', '14 total'],
    ]);
    const region = tableRegion(sheet, 0, [0, 1, 2, 3]);
    // Neither the date nor the level of the last row reads, and its count says "total": still an event.
    const kinds = classifyRows({ region, headerTexts: ['title', 'date', 'level', 'attendees'], isDate: (r) => /\d+\/\d+\/\d+/.test(cellText(region.cell(r, 1))), isEngagement: (r) => /^L\d$/.test(cellText(region.cell(r, 2))) });
    expect(kinds).toEqual(['record', 'totals', 'totals', 'record', 'record']);
  });

  test('a calendar kept one row per day: days with only their date and weekday (or "Closed") are no events; a day with an event is', () => {
    const sheet = sheetOf('S', [
      ['Date', 'Day', 'What', 'Level', 'Dads'],
      ['1/1/2023', 'Sun'],
      ['1/2/2023', 'Monday'],
      ['1/3/2023', 'Tue', 'Dads Rap Session', 'L1', 9],
      ['1/16/2023', 'CLOSED – holiday'],
      ['1/17/2023', 'Story time'],
      ['1/18/2023', 'NO CLASS - spring break'],
      ['1/19/2023', 'No meeting'],
    ]);
    const region = tableRegion(sheet, 0, [0, 1, 2, 3, 4]);
    const kinds = classifyRows({ region, headerTexts: ['date', 'day', 'what', 'level', 'dads'], isDate: (r) => /\d+\/\d+\/\d+/.test(cellText(region.cell(r, 0))), isEngagement: (r) => /^L\d$/.test(cellText(region.cell(r, 3))) });
    expect(kinds).toEqual(['blank', 'blank', 'record', 'blank', 'record', 'blank', 'blank']);
  });

  test('a row right under the header repeating one label is a sub-heading', () => {
    const sheet = sheetOf('S', [['Event', 'Date', 'Q1', 'Q2', 'Q3'], [null, null, 'Response', 'Response', 'Response'], ['Cafe', '3/4/2023', 'a', 'b', 'c']]);
    const region = tableRegion(sheet, 0, [0, 1, 2, 3, 4]);
    const kinds = classifyRows({ region, headerTexts: [], isDate: (r) => r === 2, isEngagement: () => false });
    expect(kinds).toEqual(['subheader', 'record']);
  });

  test('a value merged down over two rows belongs to both', () => {
    const sheet = sheetOf('S', [['Date', 'Title'], ['3/4/2023', 'A'], [null, 'B'], ['3/5/2023', 'C']], [{ top: 1, left: 0, bottom: 2, right: 0 }]);
    const region = tableRegion(sheet, 0, [0, 1]);
    expect(cellText(region.cell(2, 0))).toBe('3/4/2023');
    expect(cellText(region.raw(2, 0))).toBe('');
  });

  test('one text merged across the table is a banner over the rows below, not an event; a merge over two columns is not', () => {
    const sheet = sheetOf('S', [
      ['Program', 'Date', 'Level', 'Adults'],
      ['PARKMAN BRANCH - 1766 Oakman Blvd', null, null, null],
      ['Bookworms', '2/15/2023', 'L1', 19],
      ['Program', 'Date', 'Level', 'Adults'],
      ['BOWEN BRANCH - 3648 W Vernor Hwy', null, null, null],
      ['Lapsit', '3/1/2023', 'L1', 8],
      ['Story walk', '3/2/2023', null, null],
    ], [{ top: 1, left: 0, bottom: 1, right: 3 }, { top: 4, left: 0, bottom: 4, right: 3 }, { top: 6, left: 2, bottom: 6, right: 3 }]);
    const region = tableRegion(sheet, 0, [0, 1, 2, 3]);
    const kinds = classifyRows({ region, titleCol: 0, dateCol: 1, headerTexts: ['program', 'date', 'level', 'adults'], isDate: (r) => r === 2 || r === 5 || r === 6, isEngagement: () => false });
    expect(kinds).toEqual(['section', 'record', 'repeated_header', 'section', 'record', 'record']);
  });

  test('a merge over the whole sheet costs nothing', () => {
    const sheet = sheetOf('S', [['Date', 'Title'], ['3/4/2023', 'A']], [{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
    const region = tableRegion(sheet, 0, [0, 1]);
    expect(region.lastRow).toBe(1);
  });
});
