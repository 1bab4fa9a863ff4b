import { check } from '../../src/core/check';
import { sheetOf, workbookOf } from './helpers';

/**
 * Sheets written with words and layouts that the dev corpus never uses: the
 * engine must solve the general problem, not the corpus.
 */

const mappingOf = (report: ReturnType<typeof check>): Record<string, string | null> =>
  Object.fromEntries(report.columns.map((c) => [c.header, c.field]));

describe('unseen headings and layouts', () => {
  test('program-style headings, header on row 6, table from column C', () => {
    const sheet = sheetOf('FY23 Programs', [
      [null, null, '[logo]'],
      [null, null, 'Bright Futures Family Center'],
      [null, null, 'Contact: Maria G., 313-555-0100'],
      [],
      [null, null, 'PROGRAM INFO', null, null, 'PLACE', null, null, 'PEOPLE'],
      [null, null, 'Program Name', 'Session Date', 'Category of Activity', 'Venue', 'Town', 'Postal Code', 'Population Served', 'Engagement Tier', 'Headcount', 'Facilitator'],
      [null, null, 'Tiny Tots Read', 'Tue 3/14/2023', 'Story time', '100 Oak Ave', 'Detroit', '48207', 'Moms and dads', 'Tier 1', 'approx 20', 'Jo'],
      [null, null, 'Provider Money Matters', '2023-04-02', 'Business coaching', '200 Elm St', 'Detroit', '48208-1111', 'Center directors; lead teachers', 'Tier 2', 14, 'Al'],
      [null, null, 'Young Child Day Parade', 'April 29th, 2023', 'Other', 'Virtual', null, null, 'Families with kids', 'DOYC', '1,250', 'Jo'],
      [null, null, 'Resource Fair', '13/5/2023', 'Outreach', '300 Pine Rd', 'Hamtramck', '4821', 'Everyone', 'Level 3', 'lots', 'Al'],
      [],
      [null, null, 'TOTAL', null, null, null, null, null, null, null, 1284],
    ]);
    const report = check(workbookOf(sheet));
    expect(report.headerRow).toBe(6);
    expect(mappingOf(report)).toEqual({
      'Program Name': 'title', 'Session Date': 'date', 'Category of Activity': 'event_type', Venue: 'street', Town: 'city',
      'Postal Code': 'zip', 'Population Served': 'audience', 'Engagement Tier': 'engagement', Headcount: 'attendees', Facilitator: null,
    });
    expect(report.records.map((r) => r.row)).toEqual([7, 8, 9, 10]);
    expect(report.records[0]!.values).toMatchObject({ date: '2023-03-14', audience: ['parent_family'], engagement: 'level_one', attendees: 20, zip: '48207' });
    expect(report.records[1]!.values).toMatchObject({ zip: '48208', audience: ['director_owner', 'teacher_educator'], engagement: 'level_two' });
    expect(report.records[2]!.values).toMatchObject({ engagement: 'day_of_young_child', attendees: 1250, audience: ['parent_family_child'] });
    const errors = report.issues.filter((i) => i.severity === 'error').map((i) => `${i.column}${i.row} ${i.code}`);
    expect(errors).toEqual(['D10 invalid_date', 'H10 invalid_zip', 'I10 invalid_audience', 'J10 invalid_engagement', 'K10 invalid_attendees']);
  });

  test('headings that say nothing: the values decide', () => {
    const rows: (string | number | null)[][] = [['Col1', 'Col2', 'Col3', 'Col4', 'Col5', 'Col6', 'Col7', 'Col8']];
    const titles = ['Baby Signs', 'Dad Day', 'Toddler Tunes', 'Kinder Prep', 'CDA Cohort', 'Book Bags', 'Market Day', 'Math Play'];
    titles.forEach((t, i) => rows.push([t, `${i + 2}/1${i}/2023`, ['L1', 'Level two', 'touchpoint'][i % 3]!, `${48201 + i}`, ['Parents', 'Teachers', 'Caregivers'][i % 3]!, 10 + ((i * 7) % 13), `${100 + i} Main St`, 'Detroit']));
    const report = check(workbookOf(sheetOf('Sheet1', rows)));
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'engagement', 'zip', 'audience', 'attendees', 'street', 'city']);
    expect(report.records).toHaveLength(8);
  });

  test('a key line above the header explains coded headings', () => {
    const sheet = sheetOf('Data', [
      ['Key: EN = Event name; DT = Date of event; LV = Engagement level; AU = Target audience; NA = Number of attendees'],
      ['EN', 'DT', 'LV', 'AU', 'NA', 'ST'],
      ['Cafe', '5/1/2023', 'L1', 'Parents', 9, 'x'],
    ]);
    const report = check(workbookOf(sheet));
    expect(report.headerRow).toBe(2);
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'engagement', 'audience', 'attendees', null]);
    expect(report.columns[0]!.reason).toMatch(/legend/);
  });

  test('Spanish headings', () => {
    const sheet = sheetOf('Eventos', [
      ['Nombre del evento', 'Fecha', 'Tipo de evento', 'Dirección', 'Ciudad', 'Código postal', 'Público', 'Nivel', 'Asistentes'],
      ['Noche de lectura', '3/4/2023', 'Lectura', '1 Vernor Hwy', 'Detroit', '48209', 'Padres', 'Nivel 1', 22],
    ]);
    const report = check(workbookOf(sheet));
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'event_type', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees']);
  });

  test('a person\'s mapping overrides the suggestion', () => {
    const sheet = sheetOf('S', [['Event', 'When', 'Registered', 'Came'], ['Cafe', '5/1/2023', 12, 9]]);
    const report = check(workbookOf(sheet), { mapping: { D: 'attendees', C: null } });
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', null, 'attendees']);
    expect(report.records[0]!.values.attendees).toBe(9);
  });

  test('values overrule a heading that names the wrong kind: "Participants" holding counts', () => {
    const rows: (string | number)[][] = [['Event', 'Date', 'Level', 'Who came', 'Participants']];
    for (let i = 0; i < 8; i++) rows.push([`Cafe ${i}`, `5/${i + 1}/2023`, 'L1', 'Parents', 5 + ((i * 7) % 13)]);
    const report = check(workbookOf(sheetOf('S', rows)));
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'engagement', 'audience', 'attendees']);
  });

  test('a description column beats a notes column for the description', () => {
    const rows: string[][] = [['Notes', 'Event', 'Date', 'Description']];
    for (let i = 0; i < 6; i++) rows.push(['staff note', `Cafe ${i}`, `5/${i + 1}/2023`, 'A long description of what happened at the event.']);
    const report = check(workbookOf(sheetOf('S', rows)));
    expect(report.columns.map((c) => c.field)).toEqual([null, 'title', 'date', 'description']);
  });

  test('a two-row header: single headings merged over both rows, a group heading over three', () => {
    const sheet = sheetOf('S', [
      ['Partner log'],
      ['Training Title', 'Training Date', 'Level', 'Location', null, null, 'Served', '# Participants'],
      [null, null, null, 'Street', 'City', 'Zip'],
      ['CDA prep', '3/4/2023', 'L2', '1 Main St', 'Detroit', '48201', 'Teachers', 12],
    ], [
      { top: 1, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 1, left: 3, bottom: 1, right: 5 }, { top: 1, left: 6, bottom: 2, right: 6 }, { top: 1, left: 7, bottom: 2, right: 7 },
    ]);
    const report = check(workbookOf(sheet));
    expect(report.headerRow).toBe(3);
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'engagement', 'street', 'city', 'zip', 'audience', 'attendees']);
    expect(report.records.map((r) => r.row)).toEqual([4]);
  });

  test('banners, labelled notes and an entry-date column are not events or the event date', () => {
    const sheet = sheetOf('S', [
      ['Date entered', 'Event', 'Hosted on', 'Level', 'Audience', 'Count'],
      [null, '— January 2023 —'],
      ['1/20/2024', 'Cafe', '1/5/2023', 'L1', 'Parents', 4],
      ['1/20/2024', 'Play', '1/9/2023', 'L1', 'Parents', 6],
      [null, 'Quarter 2 (Apr–Jun)'],
      ['1/20/2024', 'Book swap', '4/2/2023', 'L1', 'Parents', 9],
      ['1/21/2024', 'Read', '4/9/2023', 'L2', 'Parents', 3],
      ['Date submitted:', '1/22/2024'],
    ]);
    const report = check(workbookOf(sheet));
    expect(report.columns.map((c) => c.field)).toEqual([null, 'title', 'date', 'engagement', 'audience', 'attendees']);
    expect(report.records.map((r) => r.row)).toEqual([3, 4, 6, 7]);
    expect(report.summary.errors).toBe(0);
  });

  test('numbered question-style headings with colons; registrations are not attendance', () => {
    const rows: (string | number)[][] = [['1. Event name:', '2) Date:', '(3) Engagement level:', '4. Audience:', '5. Tickets sold', '6. Checked in', '7. Notes:']];
    for (let i = 0; i < 5; i++) rows.push([`Cafe ${i}`, `5/${i + 1}/2023`, 'L1', 'Parents', 20 + i, 10 + i, 'Great turnout']);
    const report = check(workbookOf(sheetOf('S', rows)));
    expect(report.headerRow).toBe(1);
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'engagement', 'audience', null, 'attendees', 'description']);
  });

  test('a title column under a heading nobody uses is found by its values', () => {
    const rows: (string | number)[][] = [['Doings', 'Date', 'Level', 'Audience', 'Attendees', 'Staff']];
    const names = ['Baby Signs', 'Dad Day Out', 'Toddler Tunes', 'Kinder Prep Night', 'Book Bag Giveaway', 'Market Day'];
    names.forEach((t, i) => rows.push([t, `5/${i + 1}/2023`, 'L1', 'Parents', 5 + 2 * i, 'JR']));
    const report = check(workbookOf(sheetOf('S', rows)));
    expect(report.columns.map((c) => c.field)).toEqual(['title', 'date', 'engagement', 'audience', 'attendees', null]);
    expect(report.columns[0]!.reason).toMatch(/No heading names Title\/Event/);
  });

  test('no sheet at all or nothing that looks like a header', () => {
    const report = check({ sheets: [], date1904: false });
    expect(report.headerRow).toBeNull();
    expect(report.issues.map((i) => i.code)).toEqual(['unmapped_required_field', 'unmapped_required_field', 'unmapped_required_field', 'unmapped_required_field', 'unmapped_required_field']);
  });
});
