import { check } from '../../src/core/check';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import type { Cell, Sheet } from '../../src/core/workbook';
import { formatReport } from '../../src/cli/format';

const cell = (v: string | number | null): Cell => (v === null ? { kind: 'empty', value: null } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v });
const sheet = (name: string, rows: (string | number | null)[][]): Sheet => ({ name, rows: rows.map((r) => r.map(cell)), merges: [] });
const HEAD = ['Event', 'Date', 'Audience', 'Level', 'Attendees', 'Status'];
const month = (m: number) => [1, 2, 3].map((d) => [`Story time ${m}-${d}`, `${m}/${d * 3}/2023`, 'Parents', 'Level 1', 5 + d, m === 2 && d === 3 ? 'Cancelled' : 'Held']);

describe('the report for a person (npm run check without --json)', () => {
  test('names every table read, the sheets not read and why, each mapping once, and the sheet of each issue', () => {
    const sheets = [sheet('All', [HEAD, ...month(1), ...month(2)]), sheet('Jan', [HEAD, ...month(1)]), sheet('Feb', [HEAD, ...month(2)])];
    const text = formatReport(check({ sheets, date1904: false, source: 'xlsx' }, { file: 'log.xlsx' }), HSH_2023);
    expect(text).toContain('Tables read\n  "Jan"');
    expect(text).toMatch(/"Feb" +headings in row 1, 3 events/);
    expect(text).toContain('Not read\n  "All": its 6 events are all on the sheets “Jan”, “Feb” too: read there, not twice');
    expect(text.match(/^Columns of/gm)).toEqual(['Columns of']);
    expect(text).toContain('Columns of "Jan", "Feb"');
    expect(text).toMatch(/warning row 4, Feb!F4 +This row is marked “Cancelled”/);
  });

  test('one table: its sheet and header row on the first line, as before', () => {
    const text = formatReport(check({ sheets: [sheet('Events', [HEAD, ...month(1)])], date1904: false, source: 'xlsx' }, { file: 'log.xlsx' }), HSH_2023);
    expect(text.split('\n')[0]).toBe('log.xlsx — sheet "Events", header on row 1');
    expect(text).not.toContain('Tables read');
  });
});
