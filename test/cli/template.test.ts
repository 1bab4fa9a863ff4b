import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTemplate } from '../../src/annotate/template';
import { check } from '../../src/core/check';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import type { CheckReport } from '../../src/core/report';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { fillTemplate, TEMPLATE_EVENTS, type EventValues } from '../annotate/templateFill';
import { runCli, SHARED } from './runCli';

/**
 * The template from GET /template.xlsx, filled in as a partner would and
 * blank, checked by the command line (`npm run check`, the built bundle) and
 * by the same engine in process.
 */

let dir: string;
let blank: Uint8Array;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsh-template-'));
  blank = await buildTemplate({ deadline: '2025-01-31' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function checked(bytes: Uint8Array, name: string): Promise<CheckReport> {
  return check(await readWorkbookBytes(bytes, name), { file: name });
}

/** The report's records as the agreed values, audiences sorted. */
function valuesOf(report: CheckReport): EventValues[] {
  return report.records.map((r) => {
    const v = { ...r.values } as EventValues;
    if (Array.isArray(v.audience)) v.audience = [...v.audience].sort();
    return v;
  });
}

function expected(events: EventValues[]): EventValues[] {
  return events.map((e) => {
    const v: EventValues = { ...e };
    if (Array.isArray(v.audience)) v.audience = [...v.audience].sort();
    if (typeof v.zip === 'string') v.zip = v.zip.slice(0, 5);
    return v;
  });
}

test('a filled template: every column mapped at full confidence, no issue, every event read as written', async () => {
  const bytes = await fillTemplate(blank, TEMPLATE_EVENTS, HSH_2023);
  const file = path.join(dir, 'filled template.xlsx');
  fs.writeFileSync(file, bytes);
  const run = await runCli([file, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as CheckReport;
  expect(report.sheet).toBe('Events');
  expect(report.headerRow).toBe(1);
  expect(report.columns.map((c) => [c.header, c.field])).toEqual(HSH_2023.fields.map((f) => [f.label, f.id]));
  for (const c of report.columns) expect({ column: c.column, confidence: c.confidence }).toEqual({ column: c.column, confidence: expect.any(Number) });
  expect(Math.min(...report.columns.map((c) => c.confidence))).toBeGreaterThanOrEqual(0.95);
  expect(report.issues).toEqual([]);
  expect(report.summary).toMatchObject({ records: TEMPLATE_EVENTS.length, errors: 0, warnings: 0 });
  expect(valuesOf(report)).toEqual(expected(TEMPLATE_EVENTS));
  // Only the Events sheet is read; the others say why not, the examples among them.
  expect(report.tables.map((t) => t.sheet)).toEqual(['Events']);
  expect(report.skipped).toEqual([
    { sheet: 'Instructions', reason: 'instructions, no table of events' },
    { sheet: 'Legend', reason: expect.stringMatching(/^a legend of the columns and codes/) },
    { sheet: 'Examples', reason: 'examples of how to fill in “Events”, not events' },
    { sheet: 'Lists', reason: expect.any(String) },
  ]);
  // The person's report says it in words too.
  const human = await runCli([file]);
  expect(human.code).toBe(0);
  expect(human.stdout).toContain(`Issues: 0 errors, 0 warnings in ${TEMPLATE_EVENTS.length} events`);
});

test('the blank template: one finding, "no events yet", not an error per required field', async () => {
  const file = path.join(dir, 'template.xlsx');
  fs.writeFileSync(file, blank);
  const run = await runCli([file, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as CheckReport;
  expect(report.sheet).toBe('Events');
  expect(report.records).toEqual([]);
  expect(report.issues).toEqual([
    {
      sheet: 'Events', field: null, severity: 'error', code: 'no_events',
      message: 'The sheet “Events” has the headings but no events under them yet. Write one event per row below the headings, then check again. The rows on “Examples” are examples and are not counted.',
    },
  ]);
  expect(report.columns.every((c) => c.confidence === 1)).toBe(true);
  expect(report.skipped.find((s) => s.sheet === 'Examples')?.reason).toBe('examples of how to fill in “Events”, not events');
});

test('the examples are read when the person asks for that sheet', async () => {
  const report = check(await readWorkbookBytes(blank, 'template.xlsx'), { include: ['Examples'] });
  expect(report.tables.map((t) => t.sheet)).toEqual(['Events', 'Examples']);
  expect(report.records.map((r) => r.sheet)).toEqual(['Examples', 'Examples', 'Examples']);
  expect(report.issues).toEqual([]);
});

test('a partner who typed their events on the Examples sheet, under the examples: not read, and the one finding says why', async () => {
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  await book.xlsx.load(Buffer.from(blank) as unknown as ArrayBuffer);
  const examples = book.getWorksheet('Examples')!;
  examples.getRow(5).values = ['Our story time', new Date('2023-02-02T00:00:00Z'), 'Literacy', '', '1 Main St', 'Detroit', '48201', 'Parent/family', 'Touchpoint', 20];
  const report = await checked(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer), 'template.xlsx');
  expect(report.records).toEqual([]);
  expect(report.issues.map((i) => i.code)).toEqual(['no_events']);
  expect(report.issues[0]!.message).toContain('The rows on “Examples” are examples and are not counted.');
});

test('a sheet of examples with no sheet laid out like it is read as usual (a partner who named their only sheet "Sample")', async () => {
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  await book.xlsx.load(Buffer.from(await fillTemplate(blank, TEMPLATE_EVENTS.slice(0, 3), HSH_2023)) as unknown as ArrayBuffer);
  for (const name of ['Examples', 'Lists', 'Legend', 'Instructions']) book.removeWorksheet(book.getWorksheet(name)!.id);
  book.getWorksheet('Events')!.name = 'Sample';
  const report = await checked(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer), 'sample.xlsx');
  expect(report.tables.map((t) => t.sheet)).toEqual(['Sample']);
  expect(report.records).toHaveLength(3);
});

// The events of every dev-corpus workbook (its truth file's records without errors), typed into the template.
const DEV = path.join(SHARED, 'corpus/dev');
const present = fs.existsSync(DEV);
if (!present) console.warn(`SKIPPED: the dev corpus is absent (${DEV}); the template was not filled with its events.`);
interface Truth {
  file: string;
  records: Record<string, EventValues>;
  errors: { row: number }[];
}
const truths: Truth[] = present ? fs.readdirSync(DEV).filter((f) => f.endsWith('.truth.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')) as Truth) : [];

(present ? describe : describe.skip)('the template filled with a dev-corpus file\'s events', () => {
  test.each(truths.map((t) => [t.file, t] as const))('%s: every column at full confidence, no error, every event read as written', async (_name, truth) => {
    const bad = new Set(truth.errors.map((e) => e.row));
    // Events the partner wrote in full: no error, every required field there.
    const required = HSH_2023.fields.filter((f) => f.requirement === 'required').map((f) => f.id);
    const events = Object.entries(truth.records).filter(([row, v]) => !bad.has(Number(row)) && required.every((id) => id in v)).map(([, v]) => v);
    expect(events.length).toBeGreaterThan(0);
    const report = await checked(await fillTemplate(blank, events, HSH_2023), 'filled.xlsx');
    expect(report.columns.filter((c) => c.confidence < 0.95)).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Warnings only where the partner's own data has them: an empty recommended field, a zip outside Michigan, an event entered twice.
    for (const w of report.issues) {
      const event = events[(w.row ?? 0) - 2]!;
      if (w.code === 'missing_recommended') expect({ row: w.row, has: w.field! in event }).toEqual({ row: w.row, has: false });
      else if (w.code === 'zip_outside_area') expect(String(event.zip)).not.toMatch(/^4[89]/);
      else if (w.code === 'duplicate_row') expect(events.slice(0, (w.row ?? 0) - 2).some((e) => e.title === event.title && e.date === event.date)).toBe(true);
      else throw new Error(`unexpected ${w.code} in row ${w.row}: ${w.message}`);
    }
    expect(report.records).toHaveLength(events.length);
    expect(valuesOf(report)).toEqual(expected(events));
  });
});

(present && truths.some((t) => t.file === '01-eastside-family-hub.xlsx') ? test : test.skip)('npm run check on the template filled with 01-eastside-family-hub\'s complete events: 0 issues', async () => {
  const truth = truths.find((t) => t.file === '01-eastside-family-hub.xlsx')!;
  // Its events with every required and recommended field (two have no street address, which is a warning wherever they are written).
  const wanted = HSH_2023.fields.filter((f) => f.requirement !== 'optional').map((f) => f.id);
  const events = Object.values(truth.records).filter((e) => wanted.every((id) => id in e));
  expect(events.length).toBeGreaterThanOrEqual(5);
  const file = path.join(dir, 'eastside in the template.xlsx');
  fs.writeFileSync(file, await fillTemplate(blank, events, HSH_2023));
  const run = await runCli([file, '--json']);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as CheckReport;
  expect(report.columns.every((c) => c.confidence >= 0.95)).toBe(true);
  expect(report.issues).toEqual([]);
  expect(valuesOf(report)).toEqual(expected(events));
});
