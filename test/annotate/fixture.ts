import type { CheckReport, Issue } from '../../src/core/report';
import type { Cell, Workbook } from '../../src/core/workbook';

const t = (value: string): Cell => ({ kind: 'text', value });
const n = (value: number): Cell => ({ kind: 'number', value });
const d = (serial: number, format = 'm/d/yyyy'): Cell => ({ kind: 'date', value: serial, format });
const E: Cell = { kind: 'empty', value: null };

/** 2023-03-04 in the 1904 date system (44989 in the 1900 one). */
export const MARCH_4_2023_1904 = 44989 - 1462;

/**
 * A partner's sheet saved with the 1904 date system: a title above the
 * header (row 3), four events, text that looks like formulas.
 */
export function fixtureWorkbook(): Workbook {
  return {
    date1904: true,
    source: 'xlsx',
    sheets: [
      { name: 'Read me', rows: [[t('Nothing here')]], merges: [] },
      {
        name: '2023 Events',
        merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
        rows: [
          [t('Family events 2023')],
          [],
          [t('Event Name'), t('Date'), t('Type'), t('Address'), t('City'), t('Zip'), t('Audience'), t('Level'), t('Attendees'), t('Staff initials')],
          [t('Story time'), d(MARCH_4_2023_1904), t('Literacy'), t('123 Main St'), t('Detroit'), t('48201'), t('Parents & kids'), t('L1'), n(25), t('AB')],
          [t('=1+1'), t('TBD'), t('Parenting'), t('Virtual'), E, E, t('Parents'), t('level 2'), n(10), t('CD')],
          [t('=HYPERLINK("http://example.invalid","click")'), t('12/15/2022'), t('Bingo'), t('9 Elm'), t('Detroit'), t('4820'), t('Teachers'), t('Touchpoint'), t('~25'), E],
          [t('Story time'), d(MARCH_4_2023_1904), t('Literacy'), t('123 Main St'), t('Detroit'), t('48201'), t('Parents & kids'), t('L1'), n(25), t('AB')],
        ],
      },
    ],
  };
}

const issue = (i: Omit<Issue, 'severity'> & { severity?: Issue['severity'] }): Issue => ({ severity: 'error', ...i });

export function fixtureReport(): CheckReport {
  const issues: Issue[] = [
    issue({ row: 5, column: 'B', field: 'date', code: 'invalid_date', message: '"TBD" is not a date.', value: 'TBD' }),
    issue({ row: 5, column: 'E', field: 'city', severity: 'warning', code: 'missing_recommended', message: 'City is empty.' }),
    issue({ row: 5, column: 'F', field: 'zip', severity: 'warning', code: 'missing_recommended', message: 'Zip is empty.' }),
    issue({ row: 6, column: 'B', field: 'date', code: 'date_out_of_period', message: '12/15/2022 is before the reporting period (2023-01-01 to 2023-12-31).', value: '12/15/2022' }),
    issue({ row: 6, column: 'C', field: 'event_type', severity: 'warning', code: 'unknown_event_type', message: '"Bingo" is not one of the event types.', value: 'Bingo' }),
    issue({ row: 6, column: 'F', field: 'zip', code: 'invalid_zip', message: '"4820" is not a 5-digit zip code.', value: '4820' }),
    issue({ row: 6, column: 'I', field: 'attendees', severity: 'warning', code: 'approximate_attendees', message: '"~25" was read as 25.', value: '~25', normalised: 25 }),
    issue({ row: 6, column: 'F', field: 'zip', severity: 'warning', code: 'zip_outside_area', message: 'A second issue on the same cell.', value: '4820' }),
    issue({ row: 7, field: null, severity: 'warning', code: 'duplicate_row', message: 'Same event as row 4.' }),
  ];
  const c = (events: number, attendees: number) => ({ events, attendees });
  const report: CheckReport = {
    file: 'family-events.xlsx',
    sheet: '2023 Events',
    headerRow: 3,
    period: { start: '2023-01-01', end: '2023-12-31' },
    date1904: true,
    columns: [
      { column: 'A', header: 'Event Name', field: 'title', confidence: 0.96, reason: 'heading "Event Name" is a name for Title/Event' },
      { column: 'B', header: 'Date', field: 'date', confidence: 1, reason: 'heading "Date"' },
      { column: 'C', header: 'Type', field: 'event_type', confidence: 0.9, reason: 'heading "Type"' },
      { column: 'D', header: 'Address', field: 'street', confidence: 0.9, reason: 'heading "Address"' },
      { column: 'E', header: 'City', field: 'city', confidence: 1, reason: 'heading "City"' },
      { column: 'F', header: 'Zip', field: 'zip', confidence: 1, reason: 'heading "Zip"' },
      { column: 'G', header: 'Audience', field: 'audience', confidence: 0.9, reason: 'heading "Audience"' },
      { column: 'H', header: 'Level', field: 'engagement', confidence: 0.8, reason: 'heading "Level"' },
      { column: 'I', header: 'Attendees', field: 'attendees', confidence: 1, reason: 'heading "Attendees"' },
      { column: 'J', header: 'Staff initials', field: null, confidence: 0, reason: 'no agreed field' },
    ],
    tables: [],
    skipped: [],
    records: [
      { row: 4, values: { title: 'Story time', date: '2023-03-04', event_type: 'literacy', street: '123 Main St', city: 'Detroit', zip: '48201', audience: ['parent_family_child'], engagement: 'level_one', attendees: 25 } },
      { row: 5, values: { title: '=1+1', event_type: 'parenting', street: 'Virtual', audience: ['parent_family'], engagement: 'level_two', attendees: 10 } },
      { row: 6, values: { title: '=HYPERLINK("http://example.invalid","click")', event_type: 'Bingo', street: '9 Elm', city: 'Detroit', audience: ['teacher_educator'], engagement: 'touchpoint', attendees: 25 } },
      { row: 7, values: { title: 'Story time', date: '2023-03-04', event_type: 'literacy', street: '123 Main St', city: 'Detroit', zip: '48201', audience: ['parent_family_child', 'caregiver'], engagement: 'level_one', attendees: 25 } },
    ],
    issues,
    summary: {
      records: 4,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      byEngagement: { level_one: c(2, 50), level_two: c(1, 10), touchpoint: c(1, 25) },
      byAudience: { parent_family_child: c(2, 50), parent_family: c(1, 10), teacher_educator: c(1, 25), caregiver: c(1, 25) },
      byEventType: { literacy: c(2, 50), parenting: c(1, 10), Bingo: c(1, 25) },
      byMonth: { '2023-03': c(2, 50) },
      byZip: { '48201': c(2, 50) },
    },
    engine: { version: '0.1.0', collection: 'hsh-imperative2-2023' },
  };
  report.tables = [{ sheet: report.sheet, headerRow: 3, firstRow: 4, lastRow: 7, records: report.records.length, columns: report.columns }];
  return report;
}
