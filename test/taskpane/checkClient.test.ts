/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { check } from '../../src/core/check';
import type { Workbook } from '../../src/core/workbook';
import { Cancelled, isCancelled } from '../../src/taskpane/errors';
import { changeCount, fixPlan, plannedAhead, planFixes, previewBefore, unpackPlan, valuesBefore } from '../../src/taskpane/steps/check/plan';
import type { Report } from '../../src/taskpane/flow';
import { valuesBody, valuesPayload } from '../../src/taskpane/steps/submit/payload';
import { CheckClient } from '../../src/taskpane/worker/client';
import { FakeWorker, until } from './fakeWorker';
import { eventsWorkbook, sheetOf } from './fakes';

// The in-thread fallback loads the reader and exceljs through lazy.ts, whose import() Jest cannot resolve.
jest.mock('../../src/taskpane/lazy', () => ({
  loadReader: async () => jest.requireActual('../../src/io/readWorkbook'),
  loadAnnotate: async () => jest.requireActual('../../src/annotate/index'),
}));

// Copied into this realm's Uint8Array (the polyfilled TextEncoder makes Node's, which the reader's instanceof refuses).
const CSV = new Uint8Array(
  new TextEncoder().encode('Event Name,Date,Audience,Engagement level,Number of attendees\nStory time,3/4/2023,Parents,Level 1,~25\nPlay group,TBD,Caregivers,Level 2,12\n'),
);

/** A client over fake workers, with every worker it started; `hold`: they start holding their answers. */
function setup(hold = false) {
  const workers: FakeWorker[] = [];
  const client = new CheckClient({
    spawn: () => {
      const w = new FakeWorker();
      w.hold = hold;
      workers.push(w);
      return w;
    },
  });
  return { client, workers };
}

/** The engine's report as the page gets it from the worker: the fixes stay there, planned into Fix and Tidy. */
function withoutFixes(report: Report): Report {
  const out = { ...report };
  delete out.fixes;
  return out;
}

test('reads in the worker, checks with the fixes listed, and the report is the engine’s but for the fixes, which the worker planned', async () => {
  const { client, workers } = setup();
  const workbook = await client.read(CSV, 'events.csv');
  expect(workbook.source).toBe('csv');
  const report = await client.check(workbook, {});
  const engine = check(workbook, { fixes: true });
  expect(engine.fixes?.length).toBeGreaterThan(0);
  expect(report).toEqual(withoutFixes(engine));
  expect(report.fixes).toBeUndefined();
  expect(unpackPlan(fixPlan(report, 'events'))).toEqual(planFixes(engine, 'events'));
  // The previews say what the cells held, without the fixes.
  const plan = planFixes(engine, 'events');
  const previews = [...plan.fix.values(), ...plan.tidy.values()].flat().map((c) => c.address);
  expect(previews.length).toBeGreaterThan(2);
  expect(previewBefore(report, previews)).toEqual(valuesBefore(engine, previews));
  expect(previewBefore(report, previews).get('E2')).toBe('~25');
  expect(workers).toHaveLength(1);
  expect(workers[0]!.received.map((r) => [r.id, r.type])).toEqual([
    [1, 'read'],
    [2, 'check'],
  ]);
});

test('a sheet the worker keeps is named by id, not copied again; a changed sheet is sent in full', async () => {
  const { client, workers } = setup();
  const read = await client.read(CSV, 'events.csv');
  await client.check({ ...read, date1904: false }, { headerRows: { Sheet1: 1 } });
  const sent = workers[0]!.received[1]!;
  expect(sent.type === 'check' && sent.workbook.sheets.every((s) => s.sheet === undefined)).toBe(true);

  const wb = eventsWorkbook();
  await client.check(wb);
  const changed: Workbook = { ...wb, sheets: [wb.sheets[0]!, sheetOf('Events', [['Event', 'When'], ['Fair', 'TBD']])] };
  await client.check(changed);
  const last = workers[0]!.received[3]!;
  expect(last.type === 'check' && last.workbook.sheets.map((s) => s.sheet !== undefined)).toEqual([false, true]);
});

test('the annotated workbook is built from the report the worker kept', async () => {
  const { client, workers } = setup();
  const workbook = await client.read(CSV, 'events.csv');
  const report = await client.check(workbook);
  const bytes = await client.annotate(workbook, report, { fileName: 'events.csv' });
  expect(new TextDecoder().decode(bytes.subarray(0, 2))).toBe('PK');
  const request = workers[0]!.received[2]!;
  expect(request.type === 'annotate' && request.report.report).toBeUndefined();
});

test('a worker that lost what it kept is sent everything again', async () => {
  const { client, workers } = setup();
  const workbook = await client.read(CSV, 'events.csv');
  workers[0]!.forget();
  const report = await client.check(workbook);
  expect(report.summary.records).toBe(2);
  const [, first, again] = workers[0]!.received;
  expect(first!.type === 'check' && first!.workbook.sheets[0]!.sheet).toBeUndefined();
  expect(again!.type === 'check' && again!.workbook.sheets[0]!.sheet).toBeDefined();
});

test('answers find their request by id, whatever their order', async () => {
  const { client, workers } = setup();
  const a = eventsWorkbook();
  const b = { ...a, sheets: a.sheets.slice(1) };
  await client.check(a); // starts the worker
  workers[0]!.hold = true;
  const first = client.check(a, { leaveOut: ['Events'] });
  const second = client.check(b);
  await until(() => workers[0]!.held.length === 2);
  workers[0]!.deliver([1, 0]);
  expect((await first).skipped.some((s) => s.sheet === 'Events' && s.byChoice)).toBe(true);
  expect((await second).tables[0]?.sheet).toBe('Events');
});

test('an error in the worker rejects its request with the message a person can read', async () => {
  const { client } = setup();
  const error = await client.read(new Uint8Array(), 'empty.csv').catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'ReadError', message: expect.stringMatching(/^The file is empty/) });
  // The worker is still good for the next request.
  await expect(client.read(CSV, 'events.csv')).resolves.toMatchObject({ source: 'csv' });
});

test('cancel ends the worker, rejects what is pending with Cancelled, and the next request starts a fresh worker', async () => {
  const { client, workers } = setup();
  const seen: (string | null)[] = [];
  client.subscribe(() => seen.push(client.getActivity()?.job ?? null));
  const workbook = await client.read(CSV, 'events.csv');
  workers[0]!.hold = true;
  const pending = client.check(workbook);
  const other = client.annotate(workbook, check(workbook), {});
  await until(() => workers[0]!.received.length === 3);
  expect(client.getActivity()).toMatchObject({ job: 'check' });
  client.cancel();
  await expect(pending).rejects.toBeInstanceOf(Cancelled);
  expect(isCancelled(await other.catch((e: unknown) => e))).toBe(true);
  expect(workers[0]!.terminated).toBe(true);
  expect(client.getActivity()).toBeNull();
  // A late answer from the ended worker goes nowhere.
  workers[0]!.deliver();

  const report = await client.check(workbook);
  expect(report.summary.records).toBe(2);
  expect(workers).toHaveLength(2);
  // The fresh worker keeps nothing: it was sent the sheets in full.
  const sent = workers[1]!.received[0]!;
  expect(sent.type === 'check' && sent.workbook.sheets[0]!.sheet).toBeDefined();
  expect(seen).toEqual(['read', null, 'check', null, 'check', null]);
});

test('a worker that dies after answering rejects what was pending; the next request starts another', async () => {
  const { client, workers } = setup();
  const workbook = await client.read(CSV, 'events.csv');
  workers[0]!.hold = true;
  const pending = client.check(workbook);
  await until(() => workers[0]!.received.length === 2);
  workers[0]!.fail('out of memory');
  await expect(pending).rejects.toThrow('The check stopped unexpectedly (out of memory). Please try again.');
  expect(workers[0]!.terminated).toBe(true);
  await expect(client.check(workbook)).resolves.toMatchObject({ summary: { records: 2 } });
  expect(workers).toHaveLength(2);
});

test('a worker that fails before answering anything: the same calls run on this thread', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { client, workers } = setup(true);
  const reading = client.read(CSV, 'events.csv');
  await until(() => workers[0]?.received.length === 1);
  workers[0]!.fail('script could not load');
  const workbook = await reading;
  expect(workbook.source).toBe('csv');
  await expect(client.check(workbook)).resolves.toMatchObject({ summary: { records: 2 } });
  expect(workers).toHaveLength(1);
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});

test('a spawn that throws, or none at all (no Worker here): everything runs on this thread, cancel included', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const broken = new CheckClient({
    spawn: () => {
      throw new Error('blocked by the content security policy');
    },
  });
  await expect(broken.check(eventsWorkbook())).resolves.toMatchObject({ tables: [expect.objectContaining({ sheet: 'Events' })] });
  warn.mockRestore();

  expect(typeof Worker).toBe('undefined');
  const here = new CheckClient();
  const cancelled = here.check(eventsWorkbook());
  here.cancel();
  await expect(cancelled).rejects.toBeInstanceOf(Cancelled);
  await expect(here.check(eventsWorkbook())).resolves.toMatchObject({ summary: expect.objectContaining({ records: 4 }) });
});

test('the worker plans Fix and Tidy with the check: the same plan as the page would make', async () => {
  const { client } = setup();
  const workbook = await client.read(CSV, 'events.csv');
  const report = await client.check(workbook, {});
  expect(plannedAhead(report)).toBe(true);
  expect(unpackPlan(fixPlan(report, 'events'))).toEqual(planFixes(check(workbook, { fixes: true }), 'events'));
  expect(changeCount(fixPlan(report, 'events').fix)).toBeGreaterThan(0);
});

test('a long sheet goes to the worker in parts, and is checked as it is', async () => {
  const { client, workers } = setup();
  const rows = [['Event Name', 'Date', 'Audience', 'Engagement level', 'Number of attendees'], ...Array.from({ length: 1500 }, (_, i) => [`Story time ${i}`, '3/4/2023', 'Parents', i % 2 ? 'L1' : 'Level 1', 10 + (i % 5)])];
  const workbook: Workbook = { date1904: false, sheets: [sheetOf('Events', rows)] };
  const report = await client.check(workbook, {});
  const received = workers[0]!.received;
  expect(received.filter((m) => m.type === 'part').length).toBeGreaterThan(0);
  expect(received[received.length - 1]!.type).toBe('check');
  expect(report).toEqual(withoutFixes(check(workbook, { fixes: true })));
});

test('the submission’s body is made in the worker from the sheets it keeps: the same JSON as made here', async () => {
  const { client, workers } = setup();
  const workbook = await client.read(CSV, 'events.csv');
  await client.check(workbook, {});
  const choice = { sheet: workbook.sheets[0]!.name, headerRow: 1, date1904: false, leaveOut: [], include: [], headerRows: {} };
  const mapping = { mapping: { A: 'title' }, mappings: {} };
  const body = new TextDecoder().decode(await client.submissionBody(workbook, choice, mapping));
  expect(body).toBe(valuesBody(valuesPayload(workbook, choice, mapping)));
  expect(JSON.parse(body)).toMatchObject({ sheet: choice.sheet, headerRow: 1, mapping: { A: 'title' } });
  const request = workers[0]!.received.at(-1)!;
  expect(request.type === 'body' && request.workbook.sheets.every((s) => s.sheet === undefined)).toBe(true);
  // On this thread, without a worker, the same.
  expect(new TextDecoder().decode(await new CheckClient({ spawn: null }).submissionBody(workbook, choice, mapping))).toBe(body);
});
