import type { Issue } from '../../src/core/report';
import { createExcelHost, type ExcelHost } from '../../src/excel';
import { ERROR_FILL, NOTE_MARKER, WARNING_FILL } from '../../src/excel/flags';
import { FakeExcel, FIVE_MB, fillsOf, shownColor, type FakeOptions } from './fakeExcel';

/**
 * Excel's limits, enforced by the fake in bytes: 5 MB per request and per
 * response, 512 merged areas per getMergedAreas call, AccessDenied on a
 * protected sheet, and batches that fail halfway (not transactions).
 */

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function setup(options: FakeOptions = {}): { excel: FakeExcel; host: ExcelHost } {
  const excel = new FakeExcel(options);
  uninstall = excel.install();
  return { excel, host: createExcelHost({ retryDelayMs: 0, debounceMs: 30 }) };
}

const issue = (row: number, column: string, severity: 'error' | 'warning' = 'error'): Issue => ({
  row,
  column,
  field: 'date',
  severity,
  code: 'invalid_date',
  message: `Problem in ${column}${row}.`,
});

/** A sheet of `rows` events with a text date in column B. */
function eventsSheet(excel: FakeExcel, rows: number) {
  const sheet = excel.sheet('Events');
  sheet.put('A1', [['Event', 'Date', 'Type']]);
  sheet.put(
    'A2',
    Array.from({ length: rows }, (_, i) => [`Event ${i + 2}`, `${(i % 28) + 1}/3/23`, 'Story']),
  );
  return sheet;
}

describe('Fix and Undo within the 5 MB limits', () => {
  it('50,000 fixes: every request and response under 5 MB, contiguous cells one range, Undo puts all back', async () => {
    const { excel, host } = setup();
    const sheet = eventsSheet(excel, 50000);
    const before = JSON.stringify([...sheet.cells]);
    // The whole date column, and every other row of the type column (no runs there).
    const changes = [
      ...Array.from({ length: 50000 }, (_, i) => ({ address: `B${i + 2}`, value: '2023-03-04' })),
      ...Array.from({ length: 25000 }, (_, i) => ({ address: `C${2 * i + 2}`, value: 'story_time' })),
    ];
    const syncs = excel.syncs;
    const undo = await host.writeValues('Events', changes);
    expect(excel.refusals).toBe(0);
    expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(excel.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(excel.syncs - syncs).toBeLessThanOrEqual(15); // 75,000 cells, 50,000 of them single-cell runs; one more turns events back on
    expect(sheet.cell('B50001')).toMatchObject({ value: 44989, format: 'yyyy-mm-dd' });
    expect(sheet.cell('C50000').value).toBe('story_time');
    expect(sheet.cell('C50001').value).toBe('Story');

    await host.undo(undo);
    expect(excel.refusals).toBe(0);
    expect(JSON.stringify([...sheet.cells])).toBe(before);
  });

  it('after Excel refuses a request as too large, the smaller size is kept for the next Fix', async () => {
    const { excel, host } = setup();
    eventsSheet(excel, 20000);
    excel.requestByteLimit = 250_000;
    excel.responseByteLimit = 250_000;
    const changes = Array.from({ length: 20000 }, (_, i) => ({ address: `B${i + 2}`, value: '2023-03-04' }));
    await host.writeValues('Events', changes);
    const refused = excel.refusals;
    expect(refused).toBeGreaterThan(0);
    expect(excel.sheet('Events').cell('B20001').value).toBe(44989);
    await host.writeValues('Events', changes.map((c) => ({ ...c, value: '2023-03-05' })));
    expect(excel.refusals).toBe(refused);
    expect(excel.sheet('Events').cell('B20001').value).toBe(44990);
    expect(host.budget.request).toBeLessThan(250_000);
  });

  it('a Fix that fails halfway puts back what it changed and says so', async () => {
    const { excel, host } = setup();
    const sheet = eventsSheet(excel, 10);
    const before = JSON.stringify([...sheet.cells]);
    excel.failAt = { op: 5, code: 'InvalidArgument' };
    const changes = Array.from({ length: 10 }, (_, i) => ({ address: `${i % 2 ? 'B' : 'C'}${i + 2}`, value: `v${i}` }));
    await expect(host.writeValues('Events', changes)).rejects.toThrow(/put back as they were/);
    expect(JSON.stringify([...sheet.cells])).toBe(before);
  });

  it('a protected sheet is named, and nothing is written', async () => {
    const { excel, host } = setup();
    const sheet = eventsSheet(excel, 3);
    sheet.protected = true;
    await expect(host.writeValues('Events', [{ address: 'B2', value: '2023-03-04' }])).rejects.toThrow(/“Events” is protected.*Unprotect Sheet.*Nothing was changed/);
    expect(sheet.cell('B2').value).toBe('1/3/23');
  });
});

describe('merged areas over the 512 limit', () => {
  it('a sheet with 1,500 merges is read in row blocks, every merge kept', async () => {
    const { excel, host } = setup();
    const sheet = excel.sheet('Merged');
    for (let r = 1; r <= 1500; r++) {
      sheet.put(`A${r}`, [[`Row ${r}`, 'x']]);
      sheet.merges.push(`A${r}:B${r}`);
    }
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.merges).toHaveLength(1500);
    expect(host.mergesMissing).toEqual([]);
  });

  it('when even one row has more than 512, the sheet is read without merges, and named', async () => {
    const { excel, host } = setup();
    const sheet = excel.sheet('Wide');
    sheet.put('A1', [Array.from({ length: 1200 }, (_, i) => `h${i}`)]);
    for (let c = 0; c < 600; c++) sheet.merges.push(`${colName(2 * c)}1:${colName(2 * c + 1)}1`);
    excel.sheet('Plain').put('A1', [['a', 'b']]);
    excel.sheet('Plain').merges.push('A1:B1');
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.rows[0]).toHaveLength(1200);
    expect(workbook.sheets[0]!.merges).toEqual([]);
    expect(workbook.sheets[1]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(host.mergesMissing).toEqual(['Wide']);
  });
});

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

describe('Highlight and Clear within the limits, and batches that fail halfway', () => {
  const scattered = (n: number): Issue[] => Array.from({ length: n }, (_, i) => issue(2 + 2 * Math.floor(i / 3), ['A', 'B', 'C'][i % 3]!, i % 4 ? 'error' : 'warning'));

  it('older hosts (ExcelApi 1.7): 50,000 fills read in syncs within the response budget', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.7' } });
    eventsSheet(excel, 100000);
    excel.sheet('Events').mutable('A2').fill = { color: '#C6EFCE', pattern: 'Solid' };
    const before = fillsOf(excel.sheet('Events'));
    await host.highlight('Events', scattered(50000));
    expect(excel.refusals).toBe(0);
    expect(excel.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(excel.maxResponseBytes).toBeLessThan(FIVE_MB);
    await host.clearHighlights('Events');
    expect(fillsOf(excel.sheet('Events'))).toEqual(before);
  });

  it('older hosts: a highlight that fails halfway never makes our colour the partner’s own fill', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.7' } });
    const sheet = eventsSheet(excel, 20);
    sheet.mutable('B3').fill = { color: '#C6EFCE', pattern: 'Solid' };
    const before = fillsOf(sheet);
    await host.highlight('Events', [issue(2, 'B')]);
    excel.failAt = { op: 3, code: 'GeneralException' };
    await expect(host.highlight('Events', [issue(3, 'B'), issue(4, 'B'), issue(5, 'B', 'warning')])).rejects.toThrow();
    // Painted partly; the next highlight and Clear still know the partner's fills.
    await host.highlight('Events', [issue(4, 'B')]);
    await host.clearHighlights('Events');
    expect(fillsOf(sheet)).toEqual(before);
  });

  it('conditional formats: a failure halfway leaves the partner’s fills untouched, and Clear removes every rule of ours', async () => {
    const { excel, host } = setup();
    const sheet = eventsSheet(excel, 20);
    sheet.mutable('B3').fill = { color: '#C6EFCE', pattern: 'Solid' };
    const before = fillsOf(sheet);
    await host.highlight('Events', [issue(2, 'B'), issue(4, 'A', 'warning')]);
    excel.failAt = { op: 4, code: 'GeneralException' };
    await expect(host.highlight('Events', [issue(3, 'B'), issue(5, 'C', 'warning')])).rejects.toThrow(/Excel could not highlight the cells/);
    expect(fillsOf(sheet)).toEqual(before);
    await host.clearHighlights('Events');
    expect(sheet.conditionalFormats).toEqual([]);
    expect(fillsOf(sheet)).toEqual(before);
  });

  it('a refused note (a threaded comment on the cell) costs the notes, not the highlight', async () => {
    const { excel, host } = setup();
    const sheet = eventsSheet(excel, 20);
    sheet.comments.set('theirs', { address: 'B3', content: 'Checked with Sam' });
    const result = await host.highlight('Events', [issue(2, 'B'), issue(3, 'B', 'warning')]);
    expect(result).toEqual({ cells: 2, notes: 'none' });
    expect(shownColor(sheet, 'B2')).toBe(ERROR_FILL);
    expect(shownColor(sheet, 'B3')).toBe(WARNING_FILL);
    expect(excel.enableEvents).toBe(true);
    await host.clearHighlights('Events');
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.notes.size).toBe(0);
  });

  it('a protected sheet is named before anything is painted', async () => {
    const { excel, host } = setup();
    const sheet = eventsSheet(excel, 3);
    sheet.protected = true;
    await expect(host.highlight('Events', [issue(2, 'B')])).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/“Events” is protected/) });
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.notes.size).toBe(0);
  });
});

describe('one queue, stale results dropped, errors in words', () => {
  it('re-checks asked for while a Fix runs read the workbook once, after the Fix', async () => {
    const { excel, host } = setup();
    eventsSheet(excel, 5);
    const fix = host.writeValues('Events', [{ address: 'B2', value: '2023-03-04' }]);
    const first = host.readWorkbook();
    const second = host.readWorkbook();
    await fix;
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(host.queue.joined).toBe(1);
    expect(a.sheets[0]!.rows[1]![1]).toMatchObject({ kind: 'date', value: 44989 });
  });

  it('host calls never interleave: each runs after the one before has finished', async () => {
    const { excel, host } = setup();
    eventsSheet(excel, 5);
    const order: string[] = [];
    await Promise.all([
      host.highlight('Events', [issue(2, 'B')]).then(() => order.push('highlight')),
      host.writeValues('Events', [{ address: 'B2', value: '2023-03-04' }]).then(() => order.push('fix')),
      host.readWorkbook().then(() => order.push('read')),
      host.clearHighlights('Events').then(() => order.push('clear')),
    ]);
    expect(order).toEqual(['highlight', 'fix', 'read', 'clear']);
    expect(excel.sheet('Events').conditionalFormats).toEqual([]);
  });

  it('a highlight superseded before it started is never painted', async () => {
    const { excel, host } = setup();
    eventsSheet(excel, 5);
    const fix = host.writeValues('Events', [{ address: 'B2', value: '2023-03-04' }]);
    const old = host.highlight('Events', [issue(3, 'B')]);
    const latest = host.highlight('Events', [issue(4, 'B'), issue(5, 'B')]);
    await fix;
    expect(await old).toEqual(await latest);
    expect(shownColor(excel.sheet('Events'), 'B3')).toBeUndefined();
    expect(shownColor(excel.sheet('Events'), 'B4')).toBe(ERROR_FILL);
    expect([...excel.sheet('Events').notes.values()].every((n) => n.startsWith(NOTE_MARKER))).toBe(true);
  });

  it.each([
    ['ItemNotFound', /no longer there.*Check the workbook again/],
    ['AccessDenied', /protected, or the file is open read-only/],
    ['InvalidOperation', /Close any dialog/],
    ['InvalidArgument', /did not accept/],
    ['GeneralException', /did not say why/],
    ['RequestPayloadSizeLimitExceeded', /more than Excel on the web accepts/],
    ['ResponsePayloadSizeLimitExceeded', /more than Excel on the web sends/],
    ['SomethingNew', /Excel said: “injected failure at operation 1”/],
  ])('%s is told in words that say what to do', async (code, words) => {
    const { excel, host } = setup();
    excel.sheet('Events');
    excel.failAt = { op: 1, code };
    await expect(host.goTo('Events', 'C7')).rejects.toMatchObject({ code, message: expect.stringMatching(words) });
  });
});
