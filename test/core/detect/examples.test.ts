import { check } from '../../../src/core/check';
import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { agreedHeadings } from '../../../src/core/mapping/mapColumns';
import { sheetOf, workbookOf } from '../helpers';

const HEAD = ['Event', 'Date', 'Audience', 'Level', 'Attendees'];
const ROW = (title: string) => [title, '3/4/2023', 'Parents', 'Touchpoint', 12];

describe('sheets of examples', () => {
  test('named Examples and laid out like the events: skipped, with the sheet it shows how to fill', () => {
    const r = check(workbookOf(sheetOf('My events', [HEAD, ROW('Story time'), ROW('Parent cafe')]), sheetOf('Examples', [HEAD, ROW('Example event')])));
    expect(r.tables.map((t) => t.sheet)).toEqual(['My events']);
    expect(r.skipped).toEqual([{ sheet: 'Examples', reason: 'examples of how to fill in “My events”, not events' }]);
    expect(r.records.map((x) => x.values.title)).toEqual(['Story time', 'Parent cafe']);
  });

  test('"Sample rows" too, even when it has more rows than the events and the events sheet none', () => {
    const r = check(workbookOf(sheetOf('2023', [HEAD]), sheetOf('Sample rows', [HEAD, ROW('a'), ROW('b'), ROW('c')])));
    expect(r.tables.map((t) => t.sheet)).toEqual(['2023']);
    expect(r.skipped.map((s) => s.sheet)).toEqual(['Sample rows']);
    expect(r.issues.map((i) => i.code)).toEqual(['no_events']);
  });

  test('read when the person includes it, and when nothing else is laid out like it', () => {
    const both = workbookOf(sheetOf('Events', [HEAD, ROW('x')]), sheetOf('Examples', [HEAD, ROW('y')]));
    expect(check(both, { include: ['examples'] }).tables.map((t) => t.sheet)).toEqual(['Events', 'Examples']);
    expect(check(both, { sheet: 'Examples' }).records.map((x) => x.values.title)).toEqual(['y']);
    const alone = check(workbookOf(sheetOf('Sample', [HEAD, ROW('only')]), sheetOf('Read me', [['Our events of 2023, one per row']])));
    expect(alone.tables.map((t) => t.sheet)).toEqual(['Sample']);
  });

  test('a word inside another word is no name for examples ("Resampled")', () => {
    const r = check(workbookOf(sheetOf('Events', [HEAD, ROW('x')]), sheetOf('Resampled', [HEAD, ROW('y')])));
    expect(r.tables.map((t) => t.sheet)).toEqual(['Events', 'Resampled']);
  });
});

describe('no events yet', () => {
  test('headings and nothing under them: one error for the sheet, no row, no column, no field', () => {
    const r = check(workbookOf(sheetOf('Events', [HEAD])));
    expect(r.records).toEqual([]);
    expect(r.issues).toEqual([
      { sheet: 'Events', field: null, severity: 'error', code: 'no_events', message: 'The sheet “Events” has the headings but no events under them yet. Write one event per row below the headings, then check again.' },
    ]);
    expect(r.summary).toMatchObject({ records: 0, errors: 1, warnings: 0 });
  });

  test('a CSV of headings only: the same finding, without a sheet', () => {
    const wb = { ...workbookOf(sheetOf('events.csv', [HEAD])), source: 'csv' as const };
    const r = check(wb);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'no_events', message: expect.stringMatching(/^This file has the headings but no events/) })]);
    expect(r.issues[0]).not.toHaveProperty('sheet');
  });

  test('one event is enough: no such finding', () => {
    expect(check(workbookOf(sheetOf('Events', [HEAD, ROW('x')]))).issues.map((i) => i.code)).not.toContain('no_events');
  });
});

describe('agreed headings', () => {
  const labels = HSH_2023.fields.map((f) => f.label);
  const headers = (texts: string[]) => new Map(texts.map((t, i) => [i, t]));

  test('every required label, each once, case, * and : aside: each column is its field', () => {
    const got = agreedHeadings(HSH_2023, headers(['TITLE/EVENT*', 'Date of event:', 'Target Audience', 'Engagement level', 'Number of attendees', 'Staff']));
    expect([...got].map(([c, f]) => [c, f.id])).toEqual([[0, 'title'], [1, 'date'], [2, 'audience'], [3, 'engagement'], [4, 'attendees']]);
    expect(agreedHeadings(HSH_2023, headers(labels)).size).toBe(labels.length);
  });

  test('a required label missing, or one twice: no such row', () => {
    expect(agreedHeadings(HSH_2023, headers(labels.filter((l) => l !== 'Date of event'))).size).toBe(0);
    expect(agreedHeadings(HSH_2023, headers([...labels, 'City'])).size).toBe(0);
    expect(agreedHeadings(HSH_2023, headers(['Event', 'Date', 'Audience', 'Level', 'Attendees'])).size).toBe(0);
  });

  test('in the check: confidence 1 for every agreed heading, even over values that are not of its kind', () => {
    const r = check(workbookOf(sheetOf('Events', [labels, ['Story time', 'TBD', 'Literacy', '', '1 Main St', 'Detroit', '48201', 'Parents', 'Touchpoint', 12]])));
    expect(r.columns.map((c) => [c.field, c.confidence])).toEqual(HSH_2023.fields.map((f) => [f.id, 1]));
    expect(r.issues.map((i) => `${i.code}:${i.column}${i.row}`)).toEqual(['invalid_date:B2']);
  });
});
