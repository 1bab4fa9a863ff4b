import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkReportSchema } from '../../src/core/report';
import { runCli } from './runCli';

/** The command line as a user meets it: exit codes, JSON on stdout, one-line reasons on stderr. */

let dir: string;
const HEADER = ['Event name', 'Date of event', 'Type of event', 'Street address', 'City', 'Zip', 'Target audience', 'Engagement level', 'Number of attendees'];

async function workbook(file: string, rows: unknown[][], setup?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  setup?.(wb);
  const ws = wb.addWorksheet('Events');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check command line', () => {
  test('a clean workbook: exit 0 and a report that keeps the contract', async () => {
    const file = await workbook('clean.xlsx', [
      ['Story time', new Date(Date.UTC(2023, 2, 4)), 'Literacy', '1 Main St', 'Detroit', 48201, 'Parents', 'Level 1', 12],
      ['Provider cafe', '4/5/2023', 'Business support', '2 Main St', 'Detroit', '48202-1234', 'Center directors', 'L2', 8],
    ]);
    const run = await runCli([file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = checkReportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ file: 'clean.xlsx', sheet: 'Events', headerRow: 1, summary: { records: 2, errors: 0 } });
    expect(report.records[0]!.values).toEqual({
      title: 'Story time', date: '2023-03-04', event_type: 'literacy', street: '1 Main St', city: 'Detroit', zip: '48201',
      audience: ['parent_family'], engagement: 'level_one', attendees: 12,
    });
  });

  test('errors: exit 1; a formula-looking text stays text; the person-readable report', async () => {
    const file = await workbook('errors.xlsx', [
      ['=HYPERLINK("http://x","y")', '2/30/2023', 'Literacy', '1 Main St', 'Detroit', 48201, 'Parents', 'Level 3', 'lots'],
    ]);
    const json = await runCli([file, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.records[0].values.title).toBe('=HYPERLINK("http://x","y")');
    expect(report.issues.map((i: { column: string; code: string }) => `${i.column} ${i.code}`)).toEqual(['B invalid_date', 'H invalid_engagement', 'I invalid_attendees']);
    const human = await runCli([file]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/Columns/);
    expect(human.stdout).toMatch(/ERROR\s+row 2, B2/);
    expect(human.stdout).toMatch(/Indicator/);
  });

  test('a 1904 workbook: its date cells land on the right day', async () => {
    const file = await workbook('mac.xlsx', [['Story time', new Date(Date.UTC(2023, 2, 4)), 'Literacy', '1 Main St', 'Detroit', 48201, 'Parents', 'Level 1', 12]], (wb) => {
      wb.properties.date1904 = true;
    });
    const report = JSON.parse((await runCli([file, '--json'])).stdout);
    expect(report.date1904).toBe(true);
    expect(report.records[0].values.date).toBe('2023-03-04');
  });

  test('--period moves the reporting period', async () => {
    const file = await workbook('period.xlsx', [['Story time', '3/4/2024', 'Literacy', '1 Main St', 'Detroit', 48201, 'Parents', 'Level 1', 12]]);
    expect((await runCli([file, '--json'])).code).toBe(1);
    expect((await runCli([file, '--json', '--period', '2024-01-01..2024-12-31'])).code).toBe(0);
  });

  test.each([
    [['--json'], /no file given/],
    [['x.xlsx', '--frobnicate'], /unknown option/],
    [['/nonexistent/file.xlsx'], /not found/],
  ])('%j: exit 2 with one line', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('an unknown sheet name lists the sheets', async () => {
    const file = await workbook('sheets.xlsx', [['Story time', '3/4/2023', 'Literacy', '1 Main St', 'Detroit', 48201, 'Parents', 'Level 1', 12]]);
    const run = await runCli([file, '--sheet', 'Nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no sheet named "Nope"; its sheets are: "Events"/);
  });

  test.each([
    ['old.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]), /xls|Excel 97|save it as \.xlsx/i],
    ['broken.xlsx', Buffer.from('PK\u0003\u0004garbage that is not a zip at all'), /damaged|corrupt|not a|cannot/i],
    ['empty.csv', Buffer.alloc(0), /empty/i],
  ])('%s is refused with one line that says what to do (exit 2)', async (name, bytes, message) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const run = await runCli([file, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
