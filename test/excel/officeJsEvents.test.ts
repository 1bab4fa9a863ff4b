import type { Issue } from '../../src/core/report';
import { createExcelHost, type ExcelHost } from '../../src/excel';
import { RichApiHost, type HostSheet } from './richApiHost';

/**
 * The live re-check through Microsoft's own client library: Worksheet.onChanged
 * registers with Excel and gets Excel's changed events (richApiHost.ts raises
 * them as Excel does: for the partner's edits, inserts and sorts, for a
 * co-author's, and for the add-in's own writes while its events are on).
 * "Exactly one" is told by order, not by time: after the re-checks we expect,
 * the partner edits a row of their own (a sentinel), and the next re-check the
 * add-in asks for must be that row's alone.
 */

let excel: RichApiHost;
let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const DEBOUNCE_MS = 100;
const SENTINEL_ROW = 30;

function setup(excelApi: string): { host: ExcelHost; sheet: HostSheet } {
  excel = new RichApiHost({ excelApi });
  uninstall = excel.install();
  const sheet = excel.addSheet('Events');
  sheet.put('A1', [['Event', 'Date', 'Type']]);
  sheet.put('A2', Array.from({ length: 30 }, (_, r) => [`Event ${r + 2}`, `${(r % 28) + 1}/3/23`, 'Story']));
  return { host: createExcelHost({ retryDelayMs: 0, debounceMs: DEBOUNCE_MS }), sheet };
}

/** Watches the sheet: the re-checks the add-in asks for, in order; `next()` waits for the next one. */
async function watch(host: ExcelHost): Promise<{ calls: number[][]; next(): Promise<number[]>; stop: () => void }> {
  const calls: number[][] = [];
  const unread: number[][] = [];
  const waiting: ((rows: number[]) => void)[] = [];
  await host.readWorkbook();
  const stop = await host.onEdit('Events', (rows) => {
    calls.push(rows);
    const w = waiting.shift();
    if (w) w(rows);
    else unread.push(rows);
  });
  const next = (): Promise<number[]> => new Promise((resolve) => (unread.length > 0 ? resolve(unread.shift()!) : waiting.push(resolve)));
  return { calls, next, stop };
}

const issue = (row: number): Issue => ({ row, column: 'B', field: 'date', severity: 'error', code: 'invalid_date', message: `Not a date: B${row}.` });

describe('live re-check through Office.js events', () => {
  it('registers onChanged with Excel, and unregisters when the pane stops watching', async () => {
    const { host, sheet } = setup('1.18');
    const { next, stop } = await watch(host);
    expect(excel.watched.get(sheet.id)).toBe(1);
    excel.partnerTypes(sheet, 'B5', [['5/3/23']]);
    expect(await next()).toEqual([5]);
    stop();
    await host.queue.run(async () => undefined);
    expect(excel.watched.get(sheet.id)).toBe(0);
    excel.partnerTypes(sheet, 'B6', [['6/3/23']]);
    expect(excel.raised.filter((e) => e.address === 'B6')).toEqual([]);
  });

  it.each(['1.8', '1.18'])('ExcelApi %s: one partner edit is exactly one re-check; a co-author’s edit is one too', async (api) => {
    const { host, sheet } = setup(api);
    const { calls, next } = await watch(host);
    excel.partnerTypes(sheet, 'C7', [['Workshop']]);
    expect(await next()).toEqual([7]);
    excel.partnerTypes(sheet, 'B9', [['9/3/23']], 'Remote');
    expect(excel.raised.at(-1)).toMatchObject({ address: 'B9', source: 'Remote' });
    expect(await next()).toEqual([9]);
    excel.partnerTypes(sheet, `A${SENTINEL_ROW}`, [['sentinel']]);
    expect(await next()).toEqual([SENTINEL_ROW]);
    expect(calls).toEqual([[7], [9], [SENTINEL_ROW]]);
  });

  it.each(['1.8', '1.18'])('ExcelApi %s: our own Highlight, Fix, Undo and Clear (events off while writing) start no re-check', async (api) => {
    const { host, sheet } = setup(api);
    const { calls, next } = await watch(host);
    await host.highlight('Events', [issue(3), issue(4)]);
    const undo = await host.writeValues('Events', [{ address: 'B3', value: '2023-03-02' }, { address: 'B4', value: '2023-03-03' }]);
    await host.undo(undo);
    await host.clearHighlights('Events');
    expect(excel.enableEvents).toBe(true);
    expect(excel.raised).toEqual([]);
    excel.partnerTypes(sheet, `A${SENTINEL_ROW}`, [['sentinel']]);
    expect(await next()).toEqual([SENTINEL_ROW]);
    expect(calls).toEqual([[SENTINEL_ROW]]);
  });

  it('ExcelApi 1.7 (no event switch): a Fix comes back as the re-check of the rows it wrote, one for the whole Fix', async () => {
    const { host, sheet } = setup('1.7');
    const { calls, next } = await watch(host);
    await host.writeValues('Events', [{ address: 'B3', value: '2023-03-02' }, { address: 'B4', value: '2023-03-03' }, { address: 'B8', value: '2023-03-04' }]);
    // Excel tells each written column run; the debounce makes them one re-check.
    expect(excel.raised.length).toBeGreaterThanOrEqual(2);
    expect(await next()).toEqual([3, 4, 8]);
    excel.partnerTypes(sheet, `A${SENTINEL_ROW}`, [['sentinel']]);
    expect(await next()).toEqual([SENTINEL_ROW]);
    expect(calls).toEqual([[3, 4, 8], [SENTINEL_ROW]]);
  });

  it('a burst of edits, a paste, an insert and a sort, is one re-check of every row they touched', async () => {
    const { host, sheet } = setup('1.18');
    const { calls, next } = await watch(host);
    excel.partnerTypes(sheet, 'B3', [['3/3/23']]);
    excel.partnerTypes(sheet, 'C5', [['Story'], ['Story']]);
    excel.partnerTypes(sheet, 'A12', [['x', 'y']], 'Remote');
    expect(await next()).toEqual([3, 5, 6, 12]);
    // An insert changes every row below it (up to the end of the sheet as last read).
    excel.partnerInsertsRows(sheet, 27, 1);
    excel.partnerSorts(sheet, 1, 10, 0);
    const rows = await next();
    expect(rows[0]).toBe(2);
    expect(rows).toEqual(expect.arrayContaining([2, 11, 28, 31]));
    expect(calls).toHaveLength(2);
    excel.partnerTypes(sheet, `A${SENTINEL_ROW + 5}`, [['sentinel']]);
    expect(await next()).toEqual([SENTINEL_ROW + 5]);
    expect(calls).toHaveLength(3);
  });

  it('an edit made while our batch has events off is not delivered (Excel drops it; the next edit or the pane’s own re-check covers it)', async () => {
    const { host, sheet } = setup('1.18');
    const { calls, next } = await watch(host);
    excel.enableEvents = false;
    excel.partnerTypes(sheet, 'B3', [['3/3/23']]);
    excel.enableEvents = true;
    excel.partnerTypes(sheet, `A${SENTINEL_ROW}`, [['sentinel']]);
    expect(await next()).toEqual([SENTINEL_ROW]);
    expect(calls).toEqual([[SENTINEL_ROW]]);
  });
});
