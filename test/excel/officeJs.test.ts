import type { Issue } from '../../src/core/report';
import { createExcelHost, type ExcelHost } from '../../src/excel';
import { ERROR_FILL, WARNING_FILL } from '../../src/excel/flags';
import { CF_MARKER } from '../../src/excel/highlight';
import { FIVE_MB, RichApiHost, type HostOptions, type HostSheet } from './richApiHost';

/**
 * src/excel's real actions (read, Highlight, Clear, Fix, Undo) through
 * Microsoft's own client library, against a host that enforces Excel on the
 * web's limits (richApiHost.ts).
 */

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function setup(options: HostOptions = {}): { excel: RichApiHost; host: ExcelHost; sheet: HostSheet } {
  const excel = new RichApiHost(options);
  uninstall = excel.install();
  const sheet = excel.addSheet('Events');
  return { excel, host: createExcelHost({ retryDelayMs: 0, debounceMs: 30 }), sheet };
}

const issue = (row: number, column: string, severity: 'error' | 'warning' = 'error'): Issue => ({ row, column, field: 'date', severity, code: 'invalid_date', message: `Problem in ${column}${row}.` });

function events(sheet: HostSheet, rows: number, cols = 3): void {
  sheet.put('A1', [Array.from({ length: cols }, (_, c) => (c === 1 ? 'Date' : `Heading ${c + 1}`))]);
  sheet.put('A2', Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 1 ? `${(r % 28) + 1}/3/23` : `Value ${r + 2}-${c}`))));
}

describe('through the real Office.js client', () => {
  it('reads a sheet', async () => {
    const { host, sheet } = setup();
    events(sheet, 20);
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.name).toBe('Events');
    expect(workbook.sheets[0]!.rows.length).toBe(21);
  });

  it('highlights with its own conditional formats and clears them, never touching the partner fills', async () => {
    const { excel, host, sheet } = setup();
    events(sheet, 20);
    sheet.at('B3').fill = { color: '#00FF00', pattern: 'Solid' };
    const result = await host.highlight('Events', [issue(3, 'B'), issue(5, 'B', 'warning')]);
    expect(result).toEqual({ cells: 2, notes: 'notes' });
    expect(sheet.rules.map((r) => r.formula)).toEqual([expect.stringContaining(CF_MARKER), expect.stringContaining(CF_MARKER)]);
    expect(sheet.at('B3').note).toMatch(/Problem in B3/);
    await host.clearHighlights('Events');
    expect(sheet.rules).toEqual([]);
    expect(sheet.at('B3').note).toBeUndefined();
    expect(sheet.at('B3').fill).toEqual({ color: '#00FF00', pattern: 'Solid' });
    expect(excel.totals().refusals).toBe(0);
  });

  it('fixes and undoes, with events off while writing (no second re-check from our own writes)', async () => {
    const { excel, host, sheet } = setup();
    events(sheet, 20);
    const undo = await host.writeValues('Events', [{ address: 'B3', value: '2023-03-02' }, { address: 'C4', value: '02134' }]);
    expect(sheet.at('B3').format).toBe('yyyy-mm-dd');
    expect(sheet.at('C4').value).toBe('02134');
    expect(await host.undo(undo)).toBe(0);
    expect(sheet.at('B3').value).toBe('2/3/23');
    expect(sheet.at('C4').value).toBe('Value 4-2');
    expect(excel.valueWritesWithEvents).toBe(0);
    expect(excel.enableEvents).toBe(true);
  });

  it('Fix leaves a formula whose result is text (a date made by =TEXT) and writes the cells around it', async () => {
    const { host, sheet } = setup();
    events(sheet, 5);
    Object.assign(sheet.at('B4'), { formula: '=TEXT(A4,"m/d/yy")', value: '3/4/23' });
    const undo = await host.writeValues('Events', [{ address: 'B3', value: '2023-03-02' }, { address: 'B4', value: '2023-03-04' }, { address: 'B5', value: '2023-03-05' }]);
    expect(sheet.at('B4')).toMatchObject({ formula: '=TEXT(A4,"m/d/yy")', value: '3/4/23' });
    expect([sheet.at('B3').value, sheet.at('B5').value]).toEqual([44987, 44990]);
    expect(undo.previous.map((p) => p.address)).toEqual(['B3', 'B5']);
    expect(undo.formulas).toBe(1);
    expect(await host.undo(undo)).toBe(0);
    expect([sheet.at('B3').value, sheet.at('B4').formula, sheet.at('B5').value]).toEqual(['2/3/23', '=TEXT(A4,"m/d/yy")', '4/3/23']);
  });

  it.each(['1.8', '1.18'])('ExcelApi %s: a re-highlight that changes nothing writes nothing (no undo records); one issue gone changes only its own rule and note', async (api) => {
    const { excel, host, sheet } = setup({ excelApi: api });
    events(sheet, 20);
    const issues = [issue(3, 'B'), issue(5, 'B'), issue(6, 'B'), issue(9, 'C', 'warning')];
    await host.highlight('Events', issues);
    const writes = (): Record<string, number> => Object.fromEntries(['ConditionalFormatCollection.Add', 'ConditionalFormat.Delete', 'NoteCollection.Add', 'Note.Delete'].map((k) => [k, excel.calls.get(k) ?? 0]));
    const before = writes();
    const ids = sheet.rules.map((r) => r.id);
    const operations = excel.operations;
    await host.highlight('Events', issues);
    expect(writes()).toEqual(before);
    expect(sheet.rules.map((r) => r.id)).toEqual(ids);
    // Not even the events switch: the host ran no method and no property write.
    expect(excel.operations).toBe(operations);
    expect(excel.enableEvents).toBe(true);
    // The partner inserts a row above: Excel moves our rules with the cells, and the re-check's issues move with them.
    sheet.insertRows(1, 1);
    await host.highlight('Events', issues.map((i) => ({ ...i, row: i.row! + 1, message: i.message.replace(/\d+/, String(i.row! + 1)) })));
    if (api === '1.8') expect(writes()['ConditionalFormatCollection.Add']).toBe(before['ConditionalFormatCollection.Add']);
    expect([sheet.shown('B4'), sheet.shown('B6'), sheet.shown('B7'), sheet.shown('C10'), sheet.shown('B5')]).toEqual([ERROR_FILL, ERROR_FILL, ERROR_FILL, WARNING_FILL, null]);
    // B7 is fixed: at 1.8 its rectangle B6:B7 becomes B6; the warning's rule stays.
    const settled = writes();
    await host.highlight('Events', [issue(4, 'B'), issue(6, 'B'), issue(10, 'C', 'warning')]);
    const changed = writes();
    expect(sheet.shown('B7')).toBeNull();
    expect([sheet.shown('B4'), sheet.shown('B6'), sheet.shown('C10')]).toEqual([ERROR_FILL, ERROR_FILL, WARNING_FILL]);
    if (api === '1.8') {
      expect(changed['ConditionalFormat.Delete']! - settled['ConditionalFormat.Delete']!).toBe(1);
      expect(changed['ConditionalFormatCollection.Add']! - settled['ConditionalFormatCollection.Add']!).toBe(1);
    } else {
      expect(sheet.at('B7').note).toBeUndefined();
      expect(changed['Note.Delete']! - settled['Note.Delete']!).toBeGreaterThanOrEqual(1);
    }
  });

  it.each([true, false])('tells the date system from Excel’s own DATE(1904,1,2) where there is no file to read (Excel on the web): 1904 %s', async (date1904) => {
    const { excel, host, sheet } = setup();
    excel.date1904 = date1904;
    events(sheet, 5);
    const workbook = await host.readWorkbook();
    expect(await host.detectDate1904(workbook)).toBe(date1904);
    expect(excel.calls.get('Functions.Date')).toBe(1);
  });

  it('refuses what Excel on the web refuses: requests over 5 MB, newer requirement sets, long addresses, protected sheets, gradients, two notes in a cell', async () => {
    const { excel, sheet } = setup({ excelApi: '1.7' });
    sheet.protected = true;
    const attempt = (batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<string> =>
      Excel.run(batch).then(
        () => 'ok',
        (error: { code?: string }) => String(error.code),
      );
    const ws = (context: Excel.RequestContext): Excel.Worksheet => context.workbook.worksheets.getItem('Events');
    // ExcelApi 1.9 members on a 1.7 host: the client library refuses them before sending.
    expect(await attempt(async (context) => ws(context).getRanges('A1').load('address') && context.sync())).toBe('ApiNotFound');
    // The host refuses them too when they get through (a member without a client-side check).
    excel.excelApi = '1.18';
    expect(await attempt(async (context) => ((ws(context).getRange('A1').format.fill.pattern = 'Solid' as Excel.FillPattern), context.sync()))).toBe('AccessDenied');
    sheet.protected = false;
    excel.excelApi = '1.8';
    expect(await attempt(async (context) => ((ws(context).getRange('A1').format.fill.pattern = 'Solid' as Excel.FillPattern), context.sync()))).toBe('ApiNotFound');
    excel.excelApi = '1.18';
    expect(await attempt(async (context) => ((ws(context).getRange('A1').format.fill.pattern = 'LinearGradient' as Excel.FillPattern), context.sync()))).toBe('InvalidArgument');
    const long = Array.from({ length: 1600 }, (_, i) => `A${2 * i + 1}`).join(',');
    expect(long.length).toBeGreaterThanOrEqual(8192);
    expect(await attempt(async (context) => ws(context).getRanges(long).load('address') && context.sync())).toBe('InvalidArgument');
    expect(await attempt(async (context) => (ws(context).notes.add('C3', 'one'), context.sync()))).toBe('ok');
    expect(await attempt(async (context) => (ws(context).comments.add("'Events'!C3", 'two'), context.sync()))).toBe('InvalidArgument');
    // 5 MB: a request of 6 MB of values is refused before anything is written.
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    expect(await attempt(async (context) => ((ws(context).getRange('A1:A6000').values = big), context.sync()))).toBe('RequestPayloadSizeLimitExceeded');
    expect(sheet.get(5, 0)).toBeUndefined();
    sheet.put('A1', big);
    expect(await attempt(async (context) => ws(context).getRange('A1:A6000').load('values') && context.sync())).toBe('ResponsePayloadSizeLimitExceeded');
    expect(excel.stats.some((s) => s.requestBytes > FIVE_MB && s.refused)).toBe(true);
  });

  it('fails the Nth operation of a batch and keeps the ones before it (not a transaction)', async () => {
    const { excel, sheet } = setup();
    excel.arm(3);
    const error = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Events');
      ['A1', 'A2', 'A3', 'A4'].forEach((a, i) => (ws.getRange(a).values = [[i + 1]]));
      await context.sync();
    }).catch((e: { code?: string }) => e.code);
    expect(error).toBe('GeneralException');
    expect([sheet.get(0, 0)?.value, sheet.get(1, 0)?.value, sheet.get(2, 0)?.value, sheet.get(3, 0)?.value]).toEqual([1, 2, undefined, undefined]);
  });

  it('a protected sheet is named before anything is written', async () => {
    const { host, sheet } = setup();
    events(sheet, 5);
    sheet.protected = true;
    await expect(host.highlight('Events', [issue(3, 'B')])).rejects.toThrow(/protected/);
    await expect(host.writeValues('Events', [{ address: 'B3', value: '2023-03-02' }])).rejects.toThrow(/protected/);
    expect(sheet.rules).toEqual([]);
    expect(sheet.at('B3').value).toBe('2/3/23');
  });

  it('a note refused (a threaded comment in the cell) costs the notes, not the highlight', async () => {
    const { host, sheet } = setup();
    events(sheet, 5);
    sheet.at('B4').comment = 'Partner: check this';
    const result = await host.highlight('Events', [issue(3, 'B'), issue(4, 'B')]);
    expect(sheet.rules).toHaveLength(1);
    expect(sheet.at('B4').comment).toBe('Partner: check this');
    expect(result.cells).toBe(2);
  });

  it('reads three columns of 500-character texts (18 MB) in blocks sized by the bytes measured, none refused, every response under 5 MB', async () => {
    const { excel, host, sheet } = setup();
    sheet.put('A1', [['Event', 'Description', 'Notes']]);
    sheet.put('A2', Array.from({ length: 12000 }, (_, r) => [`${r} ${'e'.repeat(496)}`, 'd'.repeat(500), 'n'.repeat(500)]));
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.rows).toHaveLength(12001);
    expect(String(workbook.sheets[0]!.rows[12000]![0]!.value)).toMatch(/^11999 e/);
    expect(excel.totals().refusals).toBe(0);
    expect(excel.totals().maxResponse).toBeLessThan(FIVE_MB);
    // About 500 bytes a cell: a few thousand cells a sync, not the 20,000 of short data.
    expect(excel.totals().syncs).toBeGreaterThan(8);
  });

  it('an oversized read Excel refuses as GeneralException is read again in smaller blocks, and the next read starts from the smaller size', async () => {
    const excel = new RichApiHost();
    uninstall = excel.install();
    excel.oversizeAs = 'GeneralException';
    const sheet = excel.addSheet('Events');
    sheet.put('A1', [['Event', 'Date', 'Notes']]);
    // Short rows first, long ones after the sample: the estimate from the sample is too low for them.
    sheet.put('A2', Array.from({ length: 12000 }, (_, r) => [`Event ${r}`, `${(r % 28) + 1}/3/23`, r < 1000 ? 'short' : 'n'.repeat(1500)]));
    const host = createExcelHost({ retryDelayMs: 0, readBudgetBytes: 64_000_000 });
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.rows).toHaveLength(12001);
    expect(excel.totals().refusals).toBeGreaterThan(0);
    const from = excel.stats.length;
    await host.readWorkbook();
    expect(excel.totals(from).refusals).toBe(0);
  });

  it('loads formulas only for the blocks that have any (ExcelApi 1.9): a plain sheet is not sent twice', async () => {
    const response: Record<string, number> = {};
    for (const api of ['1.8', '1.18']) {
      const excel = new RichApiHost({ excelApi: api });
      uninstall = excel.install();
      const sheet = excel.addSheet('Events');
      sheet.put('A1', [['Event', 'Date', 'Count']]);
      sheet.put('A2', Array.from({ length: 20000 }, (_, r) => [`Event number ${r}`, `${(r % 28) + 1}/3/23`, r]));
      Object.assign(sheet.at('C15000'), { formula: '=A15000*2', value: 0 });
      const workbook = await createExcelHost({ retryDelayMs: 0 }).readWorkbook();
      expect(workbook.sheets[0]!.rows[14999]![2]).toMatchObject({ formula: 'A15000*2' });
      expect(workbook.sheets[0]!.rows[14998]![2]!.formula).toBeUndefined();
      response[api] = excel.totals().responseBytes;
      uninstall();
      uninstall = null;
    }
    // The formulas were one of four arrays (values, number formats, value types): about a fifth of the bytes.
    expect(response['1.18']!).toBeLessThan(response['1.8']! * 0.85);
  });

  it('reads a sheet with more than 512 merged areas, in smaller blocks, each block once', async () => {
    const { excel, host, sheet } = setup();
    events(sheet, 1400);
    for (let i = 0; i < 700; i++) sheet.merges.push({ top: 1 + 2 * i, left: 2, bottom: 2 + 2 * i, right: 2 });
    const from = excel.stats.length;
    const merges = (await host.readWorkbook()).sheets[0]!.merges;
    expect(host.mergesMissing).toEqual([]);
    expect(merges).toHaveLength(700);
    // The whole sheet (refused), then two halves: the refused whole is not asked again.
    expect(excel.calls.get('Range.GetMergedAreasOrNullObject')).toBe(3);
    expect(excel.totals(from).refusals).toBe(0);
  });

  it('reads merged areas whose address Excel cuts at 8,192 characters', async () => {
    const { excel, host } = setup();
    const sheet = excel.addSheet('A sheet with a rather long name');
    events(sheet, 1000);
    for (let i = 0; i < 400; i++) sheet.merges.push({ top: 1 + 2 * i, left: 2, bottom: 2 + 2 * i, right: 2 });
    const workbook = await host.readWorkbook();
    expect(workbook.sheets.find((s) => s.name === sheet.name)!.merges).toHaveLength(400);
  });

  it('a first read refused as too large is asked again with the protection check', async () => {
    const excel = new RichApiHost({ excelApi: '1.8' });
    uninstall = excel.install();
    const sheet = excel.addSheet('Events');
    sheet.put('A1', [['Event', 'Date', 'Notes']]);
    sheet.put('A2', Array.from({ length: 12000 }, (_, r) => [`Event ${r}`, `${(r % 28) + 1}/3/23`, 'n'.repeat(300)]));
    // A budget far too optimistic: Excel refuses the first reads, the adapter halves and retries.
    const host = createExcelHost({ retryDelayMs: 0, readBudgetBytes: 64_000_000 });
    const changes = Array.from({ length: 12000 }, (_, r) => ({ address: `C${r + 2}`, value: 'short' }));
    await host.writeValues('Events', changes);
    expect(sheet.at('C2').value).toBe('short');
    expect(excel.totals().refusals).toBeGreaterThan(0);
  });

  it('an earlier version\'s record of fills is put back through Office.js where the cells still show our colour (ExcelApi 1.8: cell by cell)', async () => {
    const { excel, host, sheet } = setup({ excelApi: '1.8' });
    events(sheet, 10);
    excel.settings.set('hsh.highlights:Events', { v: 1, fills: [{ fill: { color: '#00FF00' }, cells: 'B3' }], errors: 'B3,B4', warnings: 'C5' });
    sheet.at('B3').fill = { color: ERROR_FILL, pattern: 'Solid' };
    sheet.at('B4').fill = { color: ERROR_FILL, pattern: 'Solid' };
    sheet.at('C5').fill = { color: '#123456', pattern: 'Solid' };
    await host.clearHighlights('Events');
    expect([sheet.at('B3').fill?.color, sheet.at('B4').fill, sheet.at('C5').fill?.color]).toEqual(['#00FF00', null, '#123456']);
    expect(excel.settings.has('hsh.highlights:Events')).toBe(false);
  });

  it.each(['1.7', '1.18'])('ExcelApi %s: a highlight that fails halfway leaves no rule that Clear cannot find', async (api) => {
    const { excel, host, sheet } = setup({ excelApi: api });
    events(sheet, 10);
    sheet.rules.push({ id: 999, type: 'Custom', rects: [{ top: 1, left: 0, bottom: 5, right: 0 }], formula: '=A2>5', fill: '#00FF00', priority: 0 });
    for (let n = 1; n <= 8; n++) {
      excel.arm(n);
      await host.highlight('Events', [issue(3, 'B'), issue(4, 'C', 'warning')]).catch(() => undefined);
      excel.failAt = null;
      await host.clearHighlights('Events');
      // Only the partner's own rule is left, whichever operation failed.
      expect(sheet.rules.map((r) => r.id)).toEqual([999]);
      expect(sheet.cells.size).toBeGreaterThan(0);
      expect([...sheet.cells.values()].filter((c) => c.note !== undefined)).toEqual([]);
    }
  });

  it.each(['1.7', '1.18'])('ExcelApi %s: after a highlight that failed halfway, the next highlight of the same issues shows every one (no half-made rule is kept)', async (api) => {
    const { excel, host, sheet } = setup({ excelApi: api });
    events(sheet, 10);
    const issues = [issue(3, 'B'), issue(4, 'B'), issue(6, 'C', 'warning')];
    for (let n = 1; n <= 12; n++) {
      await host.clearHighlights('Events');
      excel.arm(n);
      await host.highlight('Events', issues).catch(() => undefined);
      excel.failAt = null;
      await host.highlight('Events', issues);
      expect({ n, shown: ['B3', 'B4', 'C6', 'B5'].map((a) => sheet.shown(a)) }).toEqual({ n, shown: [ERROR_FILL, ERROR_FILL, WARNING_FILL, null] });
      expect({ n, rules: sheet.rules.length }).toEqual({ n, rules: 2 });
    }
  });

  it('Excel.run releases no tracked ranges: Fix and Undo of 3,000 single cells send no release request', async () => {
    const { excel, host, sheet } = setup();
    events(sheet, 6000);
    const undo = await host.writeValues('Events', Array.from({ length: 3000 }, (_, i) => ({ address: `B${2 * i + 2}`, value: '2023-03-04' })));
    await host.undo(undo);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Before: each run's range was kept in Excel and released in one request at the end (about 290 bytes a range: 14 MB for 50,000).
    expect(excel.totals().releaseBytes).toBe(0);
    expect(sheet.at('B2').value).toBe('1/3/23');
  });

  it('an ExcelApi 1.8 host: Highlight and Clear of 10,000 scattered cells with a rule per rectangle, every request and response under 5 MB and none refused', async () => {
    const { excel, host, sheet } = setup({ excelApi: '1.8' });
    events(sheet, 20000);
    sheet.at('B4').fill = { color: '#00FF00', pattern: 'Solid' };
    const issues = Array.from({ length: 10000 }, (_, i) => issue(2 * i + 2, 'B'));
    const from = excel.stats.length;
    await host.highlight('Events', issues);
    expect(sheet.rules).toHaveLength(10000);
    expect([sheet.shown('B2'), sheet.shown('B3'), sheet.shown('B4')]).toEqual([ERROR_FILL, null, ERROR_FILL]);
    const highlight = excel.totals(from);
    // The rules load in pages within the response budget; the adds split by the request budget.
    await host.highlight('Events', issues);
    expect(sheet.rules).toHaveLength(10000);
    const clearFrom = excel.stats.length;
    await host.clearHighlights('Events');
    expect(sheet.rules).toEqual([]);
    expect(sheet.at('B4').fill).toEqual({ color: '#00FF00', pattern: 'Solid' });
    expect(excel.calls.get('RangeFill.Clear') ?? 0).toBe(0);
    expect(highlight.maxRequest).toBeLessThan(4_200_000);
    expect(excel.totals().maxRequest).toBeLessThan(4_200_000);
    expect(excel.totals().maxResponse).toBeLessThan(4_200_000);
    expect(excel.totals().refusals).toBe(0);
    expect(excel.totals(clearFrom).syncs).toBeLessThanOrEqual(4);
  });

  it('an ExcelApi 1.8 host with a small response budget: 3,000 rules are read in pages and every one is deleted', async () => {
    const excel = new RichApiHost({ excelApi: '1.8' });
    uninstall = excel.install();
    const sheet = excel.addSheet('Events');
    events(sheet, 6000);
    const host = createExcelHost({ retryDelayMs: 0, readBudgetBytes: 100_000 });
    await host.highlight('Events', Array.from({ length: 3000 }, (_, i) => issue(2 * i + 2, 'B')));
    expect(sheet.rules).toHaveLength(3000);
    const from = excel.stats.length;
    await host.clearHighlights('Events');
    expect(sheet.rules).toEqual([]);
    // 100 kB / 250 bytes a rule: 400 a page, 8 pages (the last one short), then the deletes and events back on.
    expect(excel.totals(from).syncs).toBeGreaterThanOrEqual(8);
    expect(excel.totals(from).maxResponse).toBeLessThan(100_000);
  });

  it('the partner renames the sheet after the check: Highlight, Fix, Undo and Clear still find it (by worksheet id)', async () => {
    const { host, sheet } = setup();
    events(sheet, 10);
    await host.readWorkbook();
    sheet.name = "Partner's events";
    await host.highlight('Events', [issue(3, 'B')]);
    const undo = await host.writeValues('Events', [{ address: 'B4', value: '2023-03-03' }]);
    sheet.at('B5').value = 'typed';
    await host.undo(undo);
    await host.clearHighlights('Events');
    expect(sheet.at('B4').value).toBe('3/3/23');
    expect(sheet.rules).toEqual([]);
    expect(sheet.at('B3').note).toBeUndefined();
  });

  it('Undo leaves a cell the partner typed into after the Fix, and a row a sort moved', async () => {
    const { host, sheet } = setup();
    events(sheet, 10);
    await host.readWorkbook();
    const undo = await host.writeValues('Events', [
      { address: 'B3', value: '2023-03-02' },
      { address: 'B4', value: '2023-03-03' },
      { address: 'B5', value: '2023-03-04' },
    ]);
    sheet.at('B3').value = 'the partner typed this';
    sheet.sortRows(3, 4, 0, true); // rows 4 and 5 swap
    // All three are left as they are, and Undo says so for the pane to tell.
    expect(await host.undo(undo)).toBe(3);
    expect(sheet.at('B3').value).toBe('the partner typed this');
    // B4 now holds row 5's fix, B5 row 4's: neither holds what the Fix wrote there, both stay.
    expect([sheet.at('B4').value, sheet.at('B5').value]).toEqual([44989, 44988]);
  });
});

