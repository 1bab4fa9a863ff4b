import { check } from '../../src/core/check';
import type { Cell, Sheet, Workbook } from '../../src/core/workbook';

const cell = (v: string | number | null): Cell => (v === null || v === '' ? { kind: 'empty', value: null } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v });
const sheet = (name: string, rows: (string | number | null)[][]): Sheet => ({ name, rows: rows.map((r) => r.map(cell)), merges: [] });
const book = (...sheets: Sheet[]): Workbook => ({ sheets, date1904: false, source: 'xlsx' });
/** Head counts as people write them: no run of 10, 11, 12 (which reads as record numbers). */
const headCount = (i: number) => 5 + ((i * 7) % 13);
const HEAD = ['Event', 'Date', 'Audience', 'Level', 'Attendees'];
const month = (name: string, m: number) => sheet(name, [HEAD, ...[1, 2, 3].map((d) => [`Story time ${d}`, `${m}/${d}/2023`, 'Parents', 'Level 1', 10 + d])]);

describe('workbooks of several tables', () => {
  test('one sheet per month: every month is read, the read-me is skipped with its reason', () => {
    const r = check(book(sheet('Read me', [['Please list your events below, one per row.']]), month('Jan', 1), month('Feb', 2), month('Mar', 3)));
    expect(r.tables.map((t) => [t.sheet, t.records])).toEqual([['Jan', 3], ['Feb', 3], ['Mar', 3]]);
    expect(r.records).toHaveLength(9);
    expect(r.records[3]).toMatchObject({ sheet: 'Feb', row: 2 });
    expect(r.skipped).toEqual([expect.objectContaining({ sheet: 'Read me' })]);
    expect(r.summary.byEngagement.level_one).toEqual({ events: 9, attendees: 108 });
    expect(r.sheet).toBe('Jan');
  });

  test('a sheet left out by the person is not read and says so', () => {
    const r = check(book(month('Jan', 1), month('Feb', 2)), { leaveOut: ['Feb'] });
    expect(r.tables.map((t) => t.sheet)).toEqual(['Jan']);
    expect(r.skipped).toEqual([{ sheet: 'Feb', reason: 'left out by you', byChoice: true }]);
  });

  test('a sheet of monthly statistics beside the events is not read as events', () => {
    const stats = sheet('Stats', [['Location', 'Date', 'Total Patrons', 'Reference Count'], ...[1, 2, 3, 4].map((m) => ['Main', `${m}/1/2023`, 1000 + m, 200 + m])]);
    const r = check(book(stats, month('Events', 5)));
    expect(r.tables.map((t) => t.sheet)).toEqual(['Events']);
    expect(r.skipped[0]).toMatchObject({ sheet: 'Stats', reason: expect.stringMatching(/other figures/) });
  });
});

describe('a list pasted from a document', () => {
  test('an event\'s description wrapped onto the next lines joins it; those lines are no events and raise nothing', () => {
    const r = check(book(sheet('Events 2023', [
      ['Event', 'Date', 'Audience', 'Level', 'Attendees', 'What happened'],
      ['Storywalk', '4/15/2023', 'Parents', 'L1', 20, 'Families walked the park trail'],
      [null, null, null, null, null, 'reading a picture book page by page'],
      [null, null, null, null, null, 'and stopped for snacks.'],
      ['Book fair', '5/6/2023', 'Parents', 'Touchpoint', 40, 'Free books'],
      ['Cafe', '6/3/2023', 'Parents', 'L2', 12, null],
    ])));
    expect(r.records.map((x) => x.row)).toEqual([2, 5, 6]);
    expect(r.records[0]!.values.description).toBe('Families walked the park trail reading a picture book page by page and stopped for snacks.');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('tables stacked on one sheet', () => {
  const spring = [['Program', 'Date', 'Type', 'Who it is for', 'Level', '# Attended'], ...[1, 2, 3, 4].map((d) => [`Lapsit ${d}`, `3/${d}/2023`, 'Literacy', 'Parents', 'Level 1', headCount(d)])];
  const fall = [['Program', 'Date', 'Audience', 'Engagement', 'Adults', 'Kids'], ...[1, 2, 3].map((d) => [`Family night ${d}`, `9/${d}/2023`, 'Parents', 'Touchpoint', 10 + d, 5])];

  test('two blocks under headings of their own, parted by a label: both are read, each with its own mapping and rows', () => {
    const r = check(book(sheet('Programs 2023', [['Brightmoor programs'], [], ['SPRING'], ...spring, ['* counts are sign-ins'], [], ['FALL PROGRAMS'], ...fall])));
    expect(r.tables.map((t) => [t.sheet, t.headerRow, t.records])).toEqual([['Programs 2023', 4, 4], ['Programs 2023', 12, 3]]);
    expect(r.records).toHaveLength(7);
    // The fall block adds adults and kids; the spring block's own count stays one column.
    expect(r.tables[1]!.columns.filter((c) => c.combine === 'sum').map((c) => c.column)).toEqual(['E', 'F']);
    expect(r.tables[0]!.columns.find((c) => c.column === 'F')).toMatchObject({ field: 'attendees' });
    expect(r.records.slice(4).map((x) => x.values.attendees)).toEqual([16, 17, 18]);
    expect(r.summary.byEngagement.touchpoint?.events).toBe(3);
    expect(r.summary.byEngagement.level_one?.events).toBe(4);
    // No heading of one block is read as an event of the other.
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('a summary stacked under the events, without dates, is skipped with its rows named', () => {
    const summary = [['Engagement', 'Audience', 'Attendees'], ['Level 1', 'Parents', 40], ['Touchpoint', 'Parents', 30]];
    const r = check(book(sheet('Log', [...spring, [], ...summary])));
    expect(r.tables.map((t) => t.headerRow)).toEqual([1]);
    expect(r.records).toHaveLength(4);
    expect(r.skipped).toEqual([expect.objectContaining({ sheet: 'Log', reason: expect.stringMatching(/rows 7 to 9/) })]);
  });

  test('the person\'s mapping for one of the tables applies to that table only', () => {
    const rows = [...spring, [], ['FALL'], ...fall];
    const r = check(book(sheet('P', rows)), { mappings: { 'P!8': { F: null } } });
    expect(r.tables[1]!.columns.find((c) => c.column === 'F')).toMatchObject({ field: null });
    expect(r.tables[0]!.columns.find((c) => c.column === 'F')).toMatchObject({ field: 'attendees' });
  });
});

describe('the year kept in two layouts', () => {
  test('a first half kept with three required fields, one saying what the rows were, is read beside a second half with all five', () => {
    const first = sheet('Jan-Jun', [['Who', 'Engagement', 'Attendance', 'Notes'], ...[1, 2, 3, 4].map((d) => ['Parents', 'Level 1', 10 + d, `week ${d}`])]);
    const second = sheet('Jul-Dec', [HEAD, ...[1, 2, 3].map((d) => [`Story time ${d}`, `7/${d}/2023`, 'Parents', 'Level 1', 10 + d])]);
    const r = check(book(first, second));
    expect(r.tables.map((t) => [t.sheet, t.records])).toEqual([['Jan-Jun', 4], ['Jul-Dec', 3]]);
    // Its missing title and date are said, for that sheet.
    expect(r.issues.filter((i) => i.code === 'unmapped_required_field').map((i) => [i.sheet, i.field])).toEqual([['Jan-Jun', 'title'], ['Jan-Jun', 'date']]);
  });

  test('days without their year under "Date (2023)" are the dates', () => {
    const r = check(book(sheet('Log', [['Gathering', 'Date (2023)', 'Who', 'Engagement', 'Attendance'], ...['Jan 8', 'Jan 15', 'Feb 5', 'Feb 19'].map((d, i) => [`Fellowship ${i}`, d, 'Parents', 'Level 1', 20 + i])])));
    expect(r.columns.find((c) => c.column === 'B')).toMatchObject({ field: 'date' });
    expect(r.records.map((x) => x.values.date)).toEqual(['2023-01-08', '2023-01-15', '2023-02-05', '2023-02-19']);
  });
});

describe('what is not read, and why', () => {
  test('a sheet with no table says what it is, by its name or by its sentences', () => {
    const r = check(book(
      sheet('Legend', [['L1'], ['L2']]),
      sheet('Sheet3', [['Thank you for sharing your data with the data team this year.'], ['Send the file back by the end of January, please.']]),
      sheet('Sheet4', [['x', 1], ['y', 2]]),
      sheet('Blank', []),
      month('Events', 4),
    ));
    expect(r.skipped.map((k) => [k.sheet, k.reason])).toEqual([
      ['Legend', 'a legend of the columns and codes'],
      ['Sheet3', 'text (instructions or notes), no table of events'],
      ['Sheet4', 'no row of headings with data below it'],
      ['Blank', 'empty sheet'],
    ]);
  });

  test('a small table beside the events is named among what was not read', () => {
    const rows: (string | number | null)[][] = [[...HEAD, null, 'Month', 'Total'], ...[1, 2, 3, 4, 5, 6].map((d) => [`Story time ${d}`, `4/${d}/2023`, 'Parents', 'Level 1', 10 + d, null, d === 1 ? 'April' : null, d === 1 ? 81 : null])];
    const r = check(book(sheet('Events', rows)));
    expect(r.records).toHaveLength(6);
    expect(r.skipped).toEqual([{ sheet: 'Events', reason: expect.stringMatching(/^a table beside the events \(columns G to H, “Month”, “Total”\)/) }]);
  });
});

describe('a table below the events', () => {
  const events = [HEAD, ...[1, 2, 3, 4, 5].map((d) => [`Story time ${d}`, `4/${d}/2023`, 'Parents', 'Level 1', 10 + d])];

  test('is not read as events, counts nothing, and is named among what was not read', () => {
    const r = check(book(sheet('Events', [...events, [null], ['Month', 'Total'], ['April', 65], ['May', 0], ['June', 12]])));
    expect(r.records).toHaveLength(5);
    expect(r.summary.byEngagement.level_one).toEqual({ events: 5, attendees: 65 });
    expect(r.issues.filter((i) => i.row !== undefined)).toEqual([]);
    expect(r.skipped).toEqual([{ sheet: 'Events', reason: 'a table below the events (rows 8 to 11, “Month”, “Total”): other figures, not read as events' }]);
  });

  test('more events after a blank row, or a totals row, are still events', () => {
    const more = check(book(sheet('Events', [...events, [null], ['Play group', '5/2/2023', 'Parents', 'Level 1', 7]])));
    expect(more.records).toHaveLength(6);
    expect(more.skipped).toEqual([]);
    const totals = check(book(sheet('Events', [...events, [null], ['Total', null, null, null, 65]])));
    expect(totals.records).toHaveLength(5);
    expect(totals.skipped).toEqual([]);
    // Lines under the totals, a label and a figure each, are more of the totals; an event with its date after them is still an event.
    const after = check(book(sheet('Events', [...events, ['FY TOTAL', null, null, null, 65], ['Events count', null, null, null, 5], ['Average', null, null, null, 13], ['Play group', '5/2/2023', 'Parents', 'Level 1', 7]])));
    expect(after.records.map((x) => x.values.title)).toEqual([...events.slice(1).map((e) => e[0]), 'Play group']);
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('fields over several columns', () => {
  test('adults and children add up to the attendees; a total column wins over its parts', () => {
    const rows = [['Event', 'Date', 'Audience', 'Level', '# Adults', '# Children'], ['Cafe', '3/4/2023', 'Parents', 'Touchpoint', 5, 7], ['Play', '3/5/2023', 'Parents', 'Touchpoint', 2, null]];
    const r = check(book(sheet('Events', rows)));
    expect(r.columns.filter((c) => c.combine === 'sum').map((c) => c.column)).toEqual(['E', 'F']);
    expect(r.records.map((x) => x.values.attendees)).toEqual([12, 2]);
    const withTotal = check(book(sheet('Events', rows.map((row, i) => [...row, i === 0 ? 'Total attendees' : Number(row[4] ?? 0) + Number(row[5] ?? 0)]))));
    expect(withTotal.columns.find((c) => c.column === 'G')?.field).toBe('attendees');
    expect(withTotal.columns.find((c) => c.column === 'E')?.field).toBeNull();
  });

  test('counts headed by the audiences the collection knows ("Dads", "Moms (#)") add up too; the total of the head count still wins', () => {
    const rows = [['Event', 'Date', 'Audience', 'Level', 'Dads', 'Moms (#)', 'Kids'], ['Cafe', '3/4/2023', 'Parents', 'Touchpoint', 5, 1, 7], ['Play', '3/5/2023', 'Parents', 'Touchpoint', 2, 0, 3]];
    const r = check(book(sheet('Events', rows)));
    expect(r.columns.filter((c) => c.combine === 'sum').map((c) => c.column)).toEqual(['E', 'F', 'G']);
    expect(r.records.map((x) => x.values.attendees)).toEqual([13, 5]);
    const withTotal = check(book(sheet('Events', rows.map((row, i) => [...row, i === 0 ? 'Total (dads+kids)' : Number(row[4]) + Number(row[5]) + Number(row[6])]))));
    expect(withTotal.columns.find((c) => c.column === 'H')?.field).toBe('attendees');
    expect(withTotal.columns.filter((c) => c.field === 'attendees').map((c) => c.column)).toEqual(['H']);
  });

  test('a word in front of each group ("Came - teachers", "Came - directors") still makes them the groups counted', () => {
    const rows = [['Session', 'Held on', 'For', 'Tier', 'Came - teachers', 'Came - directors'], ['CDA class', '3/4/2023', 'Teachers', 'Level 2', 9, 2], ['Business hour', '3/5/2023', 'Owners', 'Level 1', 1, 6]];
    const r = check(book(sheet('Q3', rows)));
    expect(r.columns.filter((c) => c.combine === 'sum').map((c) => c.column)).toEqual(['E', 'F']);
    expect(r.records.map((x) => x.values.attendees)).toEqual([11, 7]);
  });

  test('one tick column per audience: every ticked audience is in the list', () => {
    const rows = [['Event', 'Date', 'Level', 'Attendees', 'Parents', 'Teachers', 'Caregivers'], ['Cafe', '3/4/2023', 'Level 1', 9, 'x', '', 'x'], ['Training', '3/5/2023', 'Level 2', 4, '', 'x', '']];
    const r = check(book(sheet('Events', rows)));
    expect(r.columns.filter((c) => c.combine === 'mark').map((c) => [c.column, c.option])).toEqual([['E', 'parent_family'], ['F', 'teacher_educator'], ['G', 'caregiver']]);
    expect(r.records.map((x) => x.values.audience)).toEqual([['parent_family', 'caregiver'], ['teacher_educator']]);
    expect(r.issues.filter((i) => i.code === 'unmapped_required_field')).toEqual([]);
  });

  test('a tick column whose heading names no single audience is part of the field, asked about, and its ticks are never counted as another', () => {
    const rows = [
      ['Event', 'Date', 'Level', 'Attendees', 'Parents', 'Providers', 'Caregivers'],
      ['Cafe', '3/4/2023', 'Level 1', 9, 'x', 'x', ''],
      ['Training', '3/5/2023', 'Level 2', 4, '', 'x', ''],
      ['Walk', '3/6/2023', 'Level 1', 7, '', '', ''],
    ];
    const r = check(book(sheet('Events', rows)));
    expect(r.columns.find((c) => c.column === 'F')).toMatchObject({ field: 'audience', combine: 'mark' });
    expect(r.columns.find((c) => c.column === 'F')?.option).toBeUndefined();
    expect(r.issues.find((i) => i.code === 'uncertain_mapping')).toMatchObject({ column: 'F', field: 'audience' });
    expect(r.records.map((x) => x.values.audience)).toEqual([['parent_family'], undefined, undefined]);
    const at = (row: number) => r.issues.filter((i) => i.row === row && i.field === 'audience').map((i) => [i.code, i.column, i.message]);
    expect(at(2)).toEqual([['unknown_audience', 'F', expect.stringMatching(/tick in column F “Providers” was not counted/)]]);
    expect(at(3)).toEqual([['invalid_audience', 'F', expect.stringMatching(/^Only column F “Providers” is ticked/)]]);
    expect(at(4)).toEqual([['missing_required', 'E', expect.stringMatching(/none of its columns \(E “Parents”, F “Providers”, G “Caregivers”\) is ticked/)]]);

    // Once the person says which audience the column means (the taskpane sends the whole confirmed mapping), its ticks count.
    const mark = (option?: string) => ({ field: 'audience', combine: 'mark' as const, ...(option ? { option } : {}) });
    const chosen = check(book(sheet('Events', rows)), { mapping: { E: mark('parent_family'), F: mark('teacher_educator'), G: mark('caregiver') } });
    expect(chosen.records.map((x) => x.values.audience)).toEqual([['parent_family', 'teacher_educator'], ['teacher_educator'], undefined]);
  });

  test('a tick column whose heading names one option among other words is that option, asked about', () => {
    const rows = [['Event', 'Date', 'Level', 'Attendees', 'Owners/Directors', 'Lead & asst. teachers'], ['Cafe', '3/4/2023', 'Level 1', 9, 'x', ''], ['Training', '3/5/2023', 'Level 2', 4, '', 'x']];
    const r = check(book(sheet('Events', rows)));
    expect(r.columns.find((c) => c.column === 'F')).toMatchObject({ field: 'audience', combine: 'mark', option: 'teacher_educator' });
    expect(r.records.map((x) => x.values.audience)).toEqual([['director_owner'], ['teacher_educator']]);
    expect(r.issues.filter((i) => i.code === 'uncertain_mapping').map((i) => i.column)).toEqual(['F']);
  });

  test('a date kept as Month and Day columns is one date, in the reporting year; an impossible day says so', () => {
    const rows: (string | number | null)[][] = [['Month', 'Day', 'Session', 'Audience', 'Level', 'Attendees']];
    rows.push(['Sept', 14, 'Reading circle', 'Parents', 'Level 1', 12], ['March', '3rd', 'Story time', 'Parents', 'Level 1', 9], [4, 31, 'Book swap', 'Parents', 'Level 1', 5], ['', '', 'Garden day', 'Parents', 'Level 1', 7]);
    const r = check(book(sheet('Log', rows)));
    expect(r.columns.slice(0, 2).map((c) => [c.field, c.combine, c.option])).toEqual([['date', 'part', 'month'], ['date', 'part', 'day']]);
    expect(r.records.map((x) => x.values.date)).toEqual(['2023-09-14', '2023-03-03', undefined, undefined]);
    expect(r.issues.find((i) => i.row === 4 && i.field === 'date')).toMatchObject({ code: 'invalid_date', column: 'B', value: '4 31' });
    expect(r.issues.find((i) => i.row === 5 && i.field === 'date')?.message).toMatch(/A “Month”, B “Day”/);
    // With a Year column, its year.
    const withYear = check(book(sheet('Log', [['Year', 'Month', 'Day', 'Session', 'Audience', 'Level', 'Attendees'], [2023, 'Jan', 5, 'Cafe', 'Parents', 'Level 1', 3], [2022, 'Dec', 30, 'Cafe', 'Parents', 'Level 1', 3]])));
    expect(withYear.records.map((x) => x.values.date)).toEqual(['2023-01-05', '2022-12-30']);
    expect(withYear.issues.find((i) => i.row === 3)?.code).toBe('date_out_of_period');
  });

  test('counts over several columns that are all empty say which columns', () => {
    const rows = [['Event', 'Date', 'Audience', 'Level', 'Adults', 'Children'], ['Cafe', '3/4/2023', 'Parents', 'Level 1', 3, 4], ['Walk', '3/5/2023', 'Parents', 'Level 1', '', '']];
    const r = check(book(sheet('Events', rows)));
    const missing = r.issues.find((i) => i.row === 3 && i.field === 'attendees');
    expect(missing?.message).toMatch(/E “Adults”, F “Children”/);
  });
});

describe('evidence from the whole workbook', () => {
  test('sheets with the same headings are mapped on the values of all of them, not on the first month alone', () => {
    const head = ['Program', 'Date', 'Series / sort', 'Audience', 'Level', 'Attendees'];
    const types = ['Literacy', 'Parenting', 'Child development', 'Adult-child interaction'];
    const monthOf = (name: string, m: number, n: number) =>
      sheet(name, [head, ...Array.from({ length: n }, (_, d) => [`Program ${m}.${d}`, `${m}/${d + 1}/2023`, types[(m + d) % 4]!, 'Parents', 'Level 1', 5 + d])]);
    // January alone (two events) is too little to take the third column on its values; the year is not.
    expect(check(book(monthOf('Jan', 1, 2))).columns.find((c) => c.column === 'C')?.field).toBeNull();
    const r = check(book(monthOf('Jan', 1, 2), monthOf('Feb', 2, 3), monthOf('Mar', 3, 3)));
    expect(r.tables.map((t) => t.columns.find((c) => c.column === 'C')?.field)).toEqual(['event_type', 'event_type', 'event_type']);
  });

  test('a data dictionary of heading, code and meaning says which field each coded heading is', () => {
    const events = sheet('Log', [['Event', 'Dt', 'Typ', 'Aud', 'Lvl', '#'], ...Array.from({ length: 6 }, (_, i) => [`Group ${i}`, `3/${i + 1}/2023`, ['LIT', 'PAR', 'OTH'][i % 3]!, 'P', ['T', 'L1'][i % 2]!, headCount(i)])]);
    const codes = sheet('Codes', [
      ['Column', 'Code', 'Meaning'],
      ['Typ', 'LIT', 'Literacy'], ['Typ', 'PAR', 'Parenting'], ['Typ', 'OTH', 'Other'],
      ['Aud', 'P', 'Parent / family'], ['Aud', 'T', 'Teacher / educator'],
      ['Lvl', 'T', 'Touchpoint'], ['Lvl', 'L1', 'Engagement level one'],
    ]);
    const r = check(book(events, codes));
    expect(r.columns.find((c) => c.column === 'C')).toMatchObject({ field: 'event_type', reason: expect.stringMatching(/own legend \(sheet "Codes"/) });
    expect(r.records.map((x) => x.values.event_type)).toEqual(['literacy', 'parenting', 'other', 'literacy', 'parenting', 'other']);
    // The same code means different things under different headings.
    expect(r.records[0]!.values).toMatchObject({ audience: ['parent_family'], engagement: 'touchpoint' });
  });

  test('one sheet per program, one of them without a level, a key headed "Code (engagement level)", and tick columns marked "(x)": all read', () => {
    const legend = sheet('Legend', [['LEGEND'], ['Code (engagement level)', 'Meaning'], [0, 'Touchpoint'], [1, 'Level one'], [2, 'Level two'], ['DYC', 'Day of the Young Child']]);
    const cafe = sheet('Cafe', [['Topic', 'Date held', 'Code', 'Audience', 'Parents', 'Kids'], ...Array.from({ length: 6 }, (_, i) => [`Cafe ${i}`, `4/${i + 1}/2023`, 1, 'Parents', headCount(i), i])]);
    const pd = sheet('Provider PD', [['Training', 'Date', 'Teachers (x)', 'Directors (x)', 'Participants'], ...Array.from({ length: 6 }, (_, i) => [`Roundtable ${i}`, `5/${i + 1}/2023`, i % 2 ? 'x' : '', i % 2 ? '' : 'x', headCount(i)])]);
    const r = check(book(legend, cafe, pd));
    expect(r.tables.map((t) => t.sheet)).toEqual(['Cafe', 'Provider PD']);
    // The partner's key says their "Code" is the level and 1 is level one: a column of 1s is read as such, because they said so.
    expect(r.tables[0]!.columns.find((c) => c.column === 'C')).toMatchObject({ field: 'engagement', reason: expect.stringMatching(/own legend/) });
    expect(r.records.filter((x) => x.sheet === 'Cafe').every((x) => x.values.engagement === 'level_one')).toBe(true);
    const pdCols = r.tables[1]!.columns;
    expect(pdCols.filter((c) => c.combine === 'mark').map((c) => c.option)).toEqual(['teacher_educator', 'director_owner']);
    expect(pdCols.find((c) => c.column === 'E')?.field).toBe('attendees');
    expect(r.issues.filter((i) => i.code === 'unmapped_required_field').map((i) => [i.sheet, i.field])).toEqual([['Provider PD', 'engagement']]);
  });

  test('a key box beside the table ("Lvl key": A = Touchpoint…) and a note above it (\'Bldg\' = street address) explain the columns; "10 adults + 8 kids" adds up', () => {
    const rows: (string | number | null)[][] = [
      ["Key: 'Lvl' uses letters, see the box on the right. 'Bldg' = street address."],
      ['What', 'When', 'Bldg', 'Who', 'Lvl', 'Ppl', null, 'Lvl key', 'Lvl key'],
    ];
    const keys = [['A', 'Touchpoint (flyer, info table)'], ['B', 'Engagement level one (2 hrs or less)'], ['C', 'Engagement level two'], ['D', 'Day of the Young Child']];
    for (let i = 0; i < 8; i++) rows.push([`Homework night ${i}`, `2/${i + 4}/23`, '1420 Washington Blvd', 'Parents', 'ABCB'[i % 4]!, i === 0 ? '10 adults + 8 kids' : headCount(i), null, ...(keys[i] ?? [])]);
    const r = check(book(sheet('Log', rows)));
    const field = (col: string) => r.columns.find((c) => c.column === col)?.field;
    expect([field('C'), field('E'), field('F')]).toEqual(['street', 'engagement', 'attendees']);
    expect(r.records.map((x) => x.values.engagement).slice(0, 4)).toEqual(['touchpoint', 'level_one', 'level_two', 'level_one']);
    expect(r.records[0]!.values.attendees).toBe(18);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('a short question asks for its value ("How many?"); a date part is no head count', () => {
    const rows: (string | number | null)[][] = [['What was it?', 'When?', 'Who came?', 'Level', 'How many?']];
    for (let i = 0; i < 8; i++) rows.push([`Fellowship night ${i}`, `4/${i + 2}/2023`, 'Parents', 'Level 1', headCount(i)]);
    expect(check(book(sheet('Log', rows))).columns.find((c) => c.column === 'E')?.field).toBe('attendees');

    const split: (string | number | null)[][] = [['Month', 'Day', 'Session', 'Audience', 'Level']];
    for (let i = 0; i < 8; i++) split.push(['March', 3 + i, `Reading circle ${i}`, 'Parents', 'Level 1']);
    const r = check(book(sheet('Log', split)));
    expect(r.columns.find((c) => c.column === 'B')).toMatchObject({ field: 'date', combine: 'part', option: 'day' });
    expect(r.summary.byEngagement.level_one?.attendees ?? 0).toBe(0);
  });
});

describe('values veto a heading, and doubt is said', () => {
  test('a column of small counts headed "Events" is no title; ids are no zip codes; room names are no street', () => {
    const rows: (string | number | null)[][] = [['Session name', 'Events', 'Date', 'Record', 'Location', 'Attendance']];
    for (let i = 0; i < 25; i++) rows.push([`Garden walk ${i}`, 1 + (i % 3), `3/${1 + i}/2023`, 48000 + i * 37, i % 2 ? 'Meeting Room 102' : 'Auditorium', headCount(i)]);
    const r = check(book(sheet('Log', rows)));
    const field = (col: string) => r.columns.find((c) => c.column === col)?.field;
    expect([field('A'), field('B'), field('D'), field('E'), field('F')]).toEqual(['title', null, null, null, 'attendees']);
  });

  test('numbers that rise by one from row to row ("Stop #": 101, 102, 103) are record numbers, never the head count', () => {
    const rows: (string | number | null)[][] = [['Stop #', 'Date', 'Stop name', 'Audience', 'Level', 'People served (approx.)']];
    for (let i = 0; i < 12; i++) rows.push([101 + i, `3/${i + 1}/2023`, `Van stop ${i}`, 'Parents', 'Level 1', 20 + ((i * 7) % 13)]);
    const r = check(book(sheet('Log', rows)));
    expect(r.columns.find((c) => c.column === 'A')?.field).toBeNull();
    expect(r.columns.find((c) => c.column === 'F')?.field).toBe('attendees');
    // A heading that names the count outright keeps it, however its numbers run.
    const named = check(book(sheet('Log', [['Event', 'Date', 'Audience', 'Level', 'Number of attendees'], ...Array.from({ length: 8 }, (_, i) => [`Cafe ${i}`, `3/${i + 1}/2023`, 'Parents', 'Level 1', 10 + i])])));
    expect(named.columns.find((c) => c.column === 'E')?.field).toBe('attendees');
  });

  test('a column taken on its values alone is flagged for the person to confirm; a missing required field is one error', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Stuff', 'Attendees']];
    for (let i = 0; i < 6; i++) rows.push([`Cafe ${i}`, `3/${1 + i}/2023`, 'Touchpoint', 5]);
    const r = check(book(sheet('Log', rows)));
    expect(r.columns.find((c) => c.column === 'C')?.field).toBe('engagement');
    expect(r.issues.filter((i) => i.code === 'uncertain_mapping')).toEqual([expect.objectContaining({ sheet: 'Log', column: 'C', field: 'engagement', severity: 'warning' })]);
    expect(r.issues.filter((i) => i.field === 'audience')).toEqual([expect.objectContaining({ code: 'unmapped_required_field' })]);
  });

  test('a column of bare 1s under a month heading is not the engagement level', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Audience', 'Month', 'Attendees']];
    for (let i = 0; i < 8; i++) rows.push([`Cafe ${i}`, `3/${1 + i}/2023`, 'Parents', 1, 5]);
    const r = check(book(sheet('Log', rows)));
    expect(r.columns.find((c) => c.column === 'D')?.field).toBeNull();
    expect(r.summary.byEngagement.level_one!.events).toBe(0);
  });

  test('a calendar export: yes/no values are no title, an empty column takes no field on a resemblance, audiences under "Categories" are the audience, an organiser named in every row is none', () => {
    const rows: (string | number | null)[][] = [['Subject', 'Start Date', 'All day event', 'Meeting Organizer', 'Meeting Resources', 'Categories', 'Headcount', 'Engagement']];
    const audiences = ['Parents', 'Parents;Caregivers', 'Caregivers', 'Parents', 'Parents & Children', 'Parents'];
    audiences.forEach((a, i) => rows.push([`Messy play ${i}`, `2/${1 + i}/2023`, 'False', 'Family Programs', null, a, headCount(i), 'Touchpoint']));
    const r = check(book(sheet('Calendar', rows)));
    const field = (c: string) => r.columns.find((x) => x.column === c)?.field;
    expect([field('A'), field('C'), field('D'), field('E'), field('F')]).toEqual(['title', null, null, null, 'audience']);
    expect(r.records[1]!.values.audience).toEqual(['parent_family', 'caregiver']);
  });

  test('"Location" is a weaker name of the street than "Address": the address column wins, and a location of addresses alone is still the street', () => {
    const head = ['Event', 'Date', 'Audience', 'Level', 'Attendees'];
    const base = (i: number) => [`Market ${i}`, `5/${1 + i}/2023`, 'Parents', 'Touchpoint', headCount(i)];
    const both = check(book(sheet('Log', [[...head, 'Location', 'Address'], ...[0, 1, 2, 3, 4].map((i) => [...base(i), `North Park Way between Granada Ave and ${30 + i}th St`, `${3690 + i} Normal St`])])));
    expect(both.columns.filter((c) => c.field === 'street').map((c) => c.column)).toEqual(['G']);
    const alone = check(book(sheet('Log', [[...head, 'Location'], ...[0, 1, 2, 3, 4].map((i) => [...base(i), `${3690 + i} Normal St`])])));
    expect(alone.columns.find((c) => c.column === 'F')).toMatchObject({ field: 'street' });
  });

  test('a draft or projected count is no attendance; people reached are', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Audience', 'Level', 'Draft count', 'Final count', 'Materials Distributed', 'Projected']];
    for (let i = 0; i < 6; i++) rows.push([`Fair ${i}`, `5/${1 + i}/2023`, 'Parents', 'Touchpoint', headCount(i) + 2, headCount(i), 200 + 3 * i, 40]);
    const r = check(book(sheet('Log', rows)));
    expect(r.columns.filter((c) => c.field === 'attendees').map((c) => c.column)).toEqual(['F']);
    const reached = check(book(sheet('Log', [['Event', 'Date', 'Audience', 'Level', 'Materials Distributed', 'Reached'], ...[0, 1, 2, 3, 4].map((i) => [`Fair ${i}`, `5/${1 + i}/2023`, 'Parents', 'Touchpoint', 200 + 3 * i, headCount(i)])])));
    expect(reached.columns.filter((c) => c.field === 'attendees').map((c) => c.column)).toEqual(['F']);
  });

  test('house numbers with a kind of street speak for the street under a heading the check cannot read, and the person is asked', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Audience', 'Level', 'Attendees', 'العنوان']];
    ['1766 Oakman Blvd', '3648 W Vernor Hwy', '8733 W Vernor Hwy', '17731 W Seven Mile Rd', '5201 Woodward Ave'].forEach((a, i) => rows.push([`Cafe ${i}`, `3/${1 + i}/2023`, 'Parents', 'Level 1', headCount(i), a]));
    const r = check(book(sheet('Log', rows)));
    expect(r.columns.find((c) => c.column === 'F')).toMatchObject({ field: 'street' });
    expect(r.issues.filter((i) => i.code === 'uncertain_mapping').map((i) => i.column)).toContain('F');
  });

  test('households are no attendance, individuals are; a count only partly named beside another count is asked about', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Audience', 'Level', 'Households', 'Individuals']];
    for (let i = 0; i < 5; i++) rows.push([`Pantry ${i}`, `6/${1 + i}/2023`, 'Parents', 'Touchpoint', headCount(i), 3 * headCount(i)]);
    expect(check(book(sheet('Log', rows))).columns.filter((c) => c.field === 'attendees').map((c) => c.column)).toEqual(['F']);
    const zoom: (string | number | null)[][] = [['Topic', 'Date', 'Audience', 'Level', 'Unique Viewers', 'Total Users']];
    for (let i = 0; i < 5; i++) zoom.push([`Webinar ${i}`, `6/${1 + i}/2023`, 'Parents', 'Touchpoint', headCount(i), headCount(i) + 4]);
    const r = check(book(sheet('Report', zoom)));
    const taken = r.columns.find((c) => c.field === 'attendees')!;
    expect(r.issues.filter((i) => i.code === 'uncertain_mapping' && i.column === taken.column)).toHaveLength(1);
  });

  test('attendance in person and online add up to the attendees', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Audience', 'Level', 'Attendance - In Person', 'Attendance - Online']];
    for (let i = 0; i < 5; i++) rows.push([`Storytime ${i}`, `6/${1 + i}/2023`, 'Parents', 'Touchpoint', headCount(i), 4]);
    const r = check(book(sheet('Events', rows)));
    expect(r.columns.filter((c) => c.combine === 'sum').map((c) => c.column)).toEqual(['E', 'F']);
    expect(r.records[0]!.values.attendees).toBe(headCount(0) + 4);
  });

  const tiers = (legend: string | null) => {
    const rows: (string | number | null)[][] = [['Outreach tracker'], [legend], ['Activity', 'Date held', 'Outreach tier', 'Population served', 'Attendees']];
    [1, 2, 3, 1, 2, 1].forEach((tier, i) => rows.push([`Outreach ${i}`, `4/${1 + i}/2023`, tier, 'Parents', headCount(i)]));
    return check(book(sheet('Tracker', rows)));
  };

  test('a numbered scale explained in a note of dotted entries, each level named in brackets, is read by its key', () => {
    const r = tiers('Outreach tier: 1 = flyer / info table (touchpoint) · 2 = class or group under 2 hrs (level one) · 3 = series or leading (level two)');
    expect(r.records.map((x) => x.values.engagement)).toEqual(['touchpoint', 'level_one', 'level_two', 'touchpoint', 'level_one', 'touchpoint']);
    expect(r.issues.filter((i) => i.code === 'invalid_engagement')).toEqual([]);
  });

  test('a numbered scale beyond 1 and 2 with no key is never read as levels one and two in silence', () => {
    const r = tiers(null);
    expect(r.summary.byEngagement.level_one!.events).toBe(0);
    expect(r.summary.byEngagement.level_two!.events).toBe(0);
    const bad = r.issues.filter((i) => i.code === 'invalid_engagement');
    expect(bad.map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(bad[0]!.message).toMatch(/your own scale \(this column uses 1, 2, 3\).*“1 = Touchpoint/);
  });
});

describe('survey questions as headings', () => {
  test('a yes/no question names no field and its answers are no title; a question that asks for the name does', () => {
    const rows: (string | number | null)[][] = [['What was the event called?', 'Date', 'Did you enjoy the event?', 'What did you like best?']];
    for (let i = 0; i < 6; i++) rows.push([`Craft morning ${i}`, `3/${1 + i}/2023`, 'Yes', `The glitter and the paper number ${i}`]);
    const r = check(book(sheet('Responses', rows)));
    expect(r.columns.map((c) => c.field)).toEqual(['title', 'date', null, null]);
  });
});

describe('the person\'s choices', () => {
  test('a header row chosen without a sheet is the first events table\'s, not an instructions sheet\'s', () => {
    const events = sheet('Events', [['My events'], [], ...month('x', 4).rows.map((r) => r.map((c) => c.value as string | number | null))]);
    const r = check(book(sheet('Instructions', [['One row per event.']]), events), { headerRow: 3 });
    expect([r.sheet, r.headerRow, r.records.length]).toEqual(['Events', 3, 3]);
  });
});

describe('rows that sum up other rows', () => {
  const ROLL = ['Program / Session', 'Start Date', 'Level', 'Participants', 'Audience'];
  test("a series' own row over its sessions (Smartsheet, an outline), its count their sum, is no event: each session is counted once", () => {
    const rows: (string | number | null)[][] = [ROLL];
    const series: [string, number, number[]][] = [['Parent Cafe Series', 2, [12, 9, 15]], ['Baby Signs', 5, [6, 8]], ['Literacy Nights', 8, [20, 18, 22, 17]]];
    for (const [name, m, kids] of series) {
      rows.push([name, `${m}/3/2023`, 'Level 1', kids.reduce((a, b) => a + b, 0), 'Parents']);
      kids.forEach((k, i) => rows.push([`${name} - Session ${i + 1}`, `${m}/${3 + 7 * i}/2023`, 'Level 1', k, 'Parents']));
    }
    const r = check(book(sheet('Sheet1', rows)));
    expect(r.records.map((x) => x.row)).toEqual([3, 4, 5, 7, 8, 10, 11, 12, 13]);
    expect(r.summary.byEngagement.level_one).toEqual({ events: 9, attendees: 127 });
  });

  test('program rows left without a date over dated sessions are no events, when every undated row is one; a table made only of such groups is read so too', () => {
    const undated = check(book(sheet('Plan', [ROLL, ['Spring programs', null, 'Level 1', 25, 'Parents'], ['Music and me', '4/4/2023', 'Level 1', 10, 'Parents'], ['Messy art', '4/11/2023', 'Level 1', 15, 'Parents'], ['Summer programs', null, 'Level 1', 13, 'Parents'], ['Book club', '6/18/2023', 'Level 1', 9, 'Parents'], ['Water play', '7/18/2023', 'Level 1', 4, 'Parents'], ['Cooking', '8/1/2023', 'Level 1', 7, 'Parents']])));
    expect(undated.records.map((x) => x.row)).toEqual([3, 4, 6, 7, 8]);
    expect(undated.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const groups = check(book(sheet('Plan', [ROLL, ['Cafe', '4/4/2023', 'Level 1', 25, 'Parents'], ['Music', '4/4/2023', 'Level 1', 10, 'Parents'], ['Art', '4/11/2023', 'Level 1', 15, 'Parents'], ['Club', '5/4/2023', 'Level 1', 9, 'Parents'], ['Walk', '5/4/2023', 'Level 1', 4, 'Parents'], ['Talk', '5/9/2023', 'Level 1', 5, 'Parents']])));
    expect(groups.records.map((x) => x.row)).toEqual([3, 4, 6, 7]);
  });

  test('one event without its date, or with a date that cannot be, whose count is the next ones\' sum, is an event to fix, not a total', () => {
    const rows = (date: string | null) => [ROLL, ['Cafe', '4/4/2023', 'Level 1', 8, 'Parents'], ['Playgroup', date, 'Level 1', 21, 'Parents'], ['Music', '5/4/2023', 'Level 1', 16, 'Parents'], ['Art', '5/11/2023', 'Level 1', 5, 'Parents']];
    for (const date of [null, '2/30/2023']) {
      const r = check(book(sheet('Log', rows(date))));
      expect(r.records.map((x) => x.row)).toEqual([2, 3, 4, 5]);
      expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.field])).toEqual([[3, 'date']]);
    }
  });

  test('rows the partner grouped under a program (an outline, as Smartsheet exports it) make it no event: without a count it heads them, with their sum it totals them; a count of its own keeps it', () => {
    const rows: (string | number | null)[][] = [ROLL, ['Spring series', '3/1/2023', 'Level 1', null, 'Parents'], ['Week 1', '3/1/2023', 'Level 1', 12, 'Parents'], ['Week 2', '3/8/2023', 'Level 1', 9, 'Parents'], ['Summer series', '6/1/2023', 'Level 1', 20, 'Parents'], ['Week 1', '6/1/2023', 'Level 1', 11, 'Parents'], ['Week 2', '6/8/2023', 'Level 1', 9, 'Parents'], ['Open house', '7/1/2023', 'Touchpoint', 40, 'Parents'], ['Tour', '7/1/2023', 'Touchpoint', 5, 'Parents']];
    const outline: [number, number][] = [[2, 1], [3, 1], [5, 1], [6, 1], [8, 1]];
    const r = check(book({ ...sheet('Plan', rows), outline }));
    expect(r.records.map((x) => x.row)).toEqual([3, 4, 6, 7, 8, 9]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('a count that happens to equal the next ones\' sum is still an event: sessions of one series ("Homework night 1", "Homework night 2") are not each other\'s total', () => {
    const rows: (string | number | null)[][] = [ROLL, ['Homework night 1', '2/1/2023', 'Level 1', 18, 'Parents'], ['Homework night 2', '2/8/2023', 'Level 1', 10, 'Parents'], ['Homework night 3', '2/15/2023', 'Level 1', 8, 'Parents'], ['Homework night 4', '2/22/2023', 'Level 1', 7, 'Parents']];
    expect(check(book(sheet('Log', rows))).records).toHaveLength(4);
  });

  test("the partner's own sum of a site's rows (=SUM, =SUBTOTAL) is a subtotal whatever its label, not an event", () => {
    const rows: Cell[][] = [['Event', 'Date', 'Site', 'Level', 'Attendance', 'Audience'].map((h) => cell(h))];
    let first = 2;
    for (const [site, m] of [['Eastside', 1], ['Northwest', 6]] as const) {
      for (let i = 0; i < 4; i++) rows.push([cell(`Story time ${i}`), cell(`${m + i}/10/2023`), cell(site), cell('Touchpoint'), cell(10 + i), cell('Parents')]);
      const last = rows.length;
      rows.push([cell(site), cell(null), cell(null), cell(null), { kind: 'number', value: 46, formula: site === 'Eastside' ? `SUM(E${first}:E${last})` : `SUBTOTAL(9,E${first}:E${last})` }]);
      first = rows.length + 1;
    }
    const r = check(book({ name: 'Log', rows, merges: [] }));
    expect(r.records.map((x) => x.row)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // A sum across the row ("=B2+C2", "=SUM(E2:F2)": adults and children) is the event's own count.
    const own = check(book({ name: 'Log', rows: [rows[0]!, ...rows.slice(1, 4).map((row, i) => [...row.slice(0, 4), { kind: 'number', value: 10 + i, formula: `SUM(G${i + 2}:H${i + 2})` } as Cell, cell('Parents')])], merges: [] }));
    expect(own.records).toHaveLength(3);
  });
});

describe('columns the values alone cannot name', () => {
  test('a column of hours (1, 1.5, 2) is no engagement level: without a heading or a key for it, the level is missing, said once', () => {
    const rows: (string | number | null)[][] = [['Workshop', 'Date', 'Hours', 'Attendees', 'Audience']];
    for (let i = 0; i < 10; i++) rows.push([`Budgeting basics ${i}`, `3/${1 + i}/2023`, [1, 1.5, 2, 1][i % 4]!, headCount(i), 'Parents']);
    const r = check(book(sheet('Workshops', rows)));
    expect(r.columns.find((c) => c.column === 'C')?.field).toBeNull();
    expect(r.issues.filter((i) => i.code === 'unmapped_required_field').map((i) => i.field)).toEqual(['engagement']);
    expect(r.issues.filter((i) => i.code === 'invalid_engagement')).toEqual([]);
  });

  test('a required title no heading names is taken from a column whose heading reads as the description but whose values are names, to be confirmed', () => {
    const rows: (string | number | null)[][] = [['What we did', 'When', 'Level', 'Headcount', 'Audience']];
    for (let i = 0; i < 8; i++) rows.push([['Story time in the park', 'Toddler music', 'Dad and me breakfast', 'Library card sign-up'][i % 4]!, `5/${1 + i}/2023`, 'Touchpoint', headCount(i), 'Parents']);
    const r = check(book(sheet('Events', rows)));
    expect(r.columns[0]).toMatchObject({ field: 'title', confidence: 0.35 });
    expect(r.issues.filter((i) => i.code === 'unmapped_required_field')).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'uncertain_mapping').map((i) => i.column)).toEqual(['A']);
    // A heading that names the title keeps it: the description stays the description.
    const both = check(book(sheet('Events', rows.map((row, i) => [i === 0 ? 'Event' : `Event ${i}`, ...row]))));
    expect(both.columns.slice(0, 2).map((c) => c.field)).toEqual(['title', 'description']);
  });
});

describe("a template's own rows left in", () => {
  const HEADS = ['Event Title', 'Date', 'Type of Event', 'Target Audience', 'Engagement Level', 'Number of Attendees'];
  const events = Array.from({ length: 5 }, (_, i) => [`Lapsit ${i}`, `3/${i + 1}/2023`, 'Literacy', 'Parent/family', 'Level one', headCount(i)]);
  test('its examples ("EXAMPLE: …", "e.g. …", "(Sample) …") are no events; a name that only begins like one ("Sample sale") is', () => {
    const r = check(book(sheet('2023 Events', [HEADS, ['EXAMPLE: Story Time at Main Library', '1/15/2023', 'Literacy', 'Parent/family', 'Touchpoint', 25], ['e.g. Parent Cafe', '2/1/2023', 'Parenting', 'Parent/family', 'Level one', 12], ...events, ['(Sample) Book fair', '4/1/2023', 'Literacy', 'Parent/family', 'Touchpoint', 9], ['Sample sale', '4/2/2023', 'Other', 'Parent/family', 'Touchpoint', 30]])));
    expect(r.records.map((x) => x.values.title)).toEqual([...events.map((e) => e[0]), 'Sample sale']);
  });

  test('its row of hints under the headings ("Enter the name of the event | MM/DD/YYYY | Choose from list") is no event and raises nothing', () => {
    const r = check(book(sheet('Log', [HEADS, ['Enter the name of the event', 'MM/DD/YYYY', 'Choose from list', 'Choose from list', 'Choose from list', 'Number'], ...events])));
    expect(r.records.map((x) => x.row)).toEqual([3, 4, 5, 6, 7]);
    expect(r.issues).toEqual([]);
  });
});

describe('events marked as not held', () => {
  test('a row marked cancelled or postponed (in a status column, or its name) stays the partner\'s record, with a warning on the mark, and the indicator does not count it; in the count it is the count\'s error', () => {
    const rows: (string | number | null)[][] = [['Event', 'Date', 'Audience', 'Level', 'Attendees', 'Status']];
    for (let i = 0; i < 5; i++) rows.push([`Story walk ${i}`, `6/${1 + i}/2023`, 'Parents', 'Touchpoint', headCount(i), 'Completed']);
    rows.push(['Story walk 5', '6/9/2023', 'Parents', 'Touchpoint', 0, 'Cancelled']);
    rows.push(['Story walk 6', '6/10/2023', 'Parents', 'Touchpoint', 14, 'Canceled - low sign-ups']);
    // In another field's column, the mark is that field's error to fix: the row stays an event.
    rows.push(['Story walk 7', '6/11/2023', 'Parents', 'Touchpoint', 'Postponed', null]);
    rows.push(['CANCELLED: Story walk 8', '6/12/2023', 'Parents', 'Touchpoint', 3, null]);
    rows.push(['Story walk 9 (cancelled)', '6/13/2023', 'Parents', 'Touchpoint', 3, null]);
    // Names and notes that only begin like a mark are events.
    rows.push(['Cancelled plans support group', '6/14/2023', 'Parents', 'Touchpoint', 9, 'Rescheduled from 6/2']);
    const r = check(book(sheet('Log', rows)));
    expect(r.records.map((x) => x.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const notHeld = r.issues.filter((i) => i.code === 'event_not_held');
    expect(notHeld.map((i) => [i.row, i.column, i.value])).toEqual([[7, 'F', 'Cancelled'], [8, 'F', 'Canceled - low sign-ups'], [10, 'A', 'CANCELLED: Story walk 8'], [11, 'A', 'Story walk 9 (cancelled)']]);
    expect(notHeld[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/kept as your row but not counted as an event held, nor its attendees/) });
    // Counted: the five held walks, the misspelt count's row and the name that only begins like a mark.
    expect(r.summary.byEngagement.touchpoint!.events).toBe(7);
    expect(r.summary.records).toBe(11);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([[9, 'invalid_attendees']]);
  });
});

describe('a sheet that repeats the events of others', () => {
  const rowsOf = (m: number) => [1, 2, 3].map((d) => [`Story time ${m}-${d}`, `${m}/${d * 3}/2023`, 'Parents', 'Level 1', 5 + d * m]);
  test('"All events" beside the month sheets it gathers is read there, not twice, and says why; the person can have it read all the same', () => {
    const all = sheet('All events', [HEAD, ...rowsOf(1), ...rowsOf(2), ...rowsOf(3)]);
    const months = [1, 2, 3].map((m) => sheet(['Jan', 'Feb', 'Mar'][m - 1]!, [HEAD, ...rowsOf(m)]));
    const r = check(book(all, ...months));
    expect(r.tables.map((t) => t.sheet)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(r.records).toHaveLength(9);
    expect(r.skipped).toEqual([{ sheet: 'All events', reason: 'its 9 events are all on the sheets “Jan”, “Feb”, “Mar” too: read there, not twice' }]);
    expect(r.issues.filter((i) => i.code === 'duplicate_row')).toEqual([]);
    expect(r.summary.byEngagement.level_one!.events).toBe(9);
    // Asked to read it, the check reads it, and the month sheets are then the copies: each event is still counted once.
    const asked = check(book(all, ...months), { include: ['All events'] });
    expect(asked.tables.map((t) => t.sheet)).toEqual(['All events']);
    expect(asked.skipped.map((x) => x.sheet)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(asked.records).toHaveLength(9);
  });

  test('of two sheets alike, the later is the copy; a sheet within another is; two that share only some events are both read, the shared ones told as duplicates', () => {
    const copy = check(book(sheet('Events', [HEAD, ...rowsOf(4)]), sheet('Events (2)', [HEAD, ...rowsOf(4)])));
    expect([copy.tables.map((t) => t.sheet), copy.skipped.map((s) => s.sheet)]).toEqual([['Events'], ['Events (2)']]);
    const swap = ['Book swap', '4/20/2023', 'Parents', 'Level 1', 7];
    const within = check(book(sheet('Events', [HEAD, ...rowsOf(4)]), sheet('More', [HEAD, ...rowsOf(4), swap])));
    expect([within.tables.map((t) => t.sheet), within.records.length]).toEqual([['More'], 4]);
    const some = check(book(sheet('Events', [HEAD, ...rowsOf(4), ['Walk', '4/21/2023', 'Parents', 'Level 1', 6]]), sheet('More', [HEAD, ...rowsOf(4), swap])));
    expect(some.records).toHaveLength(8);
    expect(some.issues.filter((i) => i.code === 'duplicate_row')).toHaveLength(3);
  });
});
