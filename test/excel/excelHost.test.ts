import { strToU8, zipSync } from 'fflate';
import type { Issue } from '../../src/core/report';
import { createExcelHost } from '../../src/excel';
import { ERROR_FILL, NOTE_MARKER, WARNING_FILL } from '../../src/excel/flags';
import type { WorkbookHost } from '../../src/taskpane/host';
import { FakeExcel, fillsOf, shownColor, type FakeOptions } from './fakeExcel';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function setup(options: FakeOptions = {}): { excel: FakeExcel; host: WorkbookHost } {
  const excel = new FakeExcel(options);
  uninstall = excel.install();
  return { excel, host: createExcelHost({ retryDelayMs: 0, debounceMs: 30 }) };
}

const issue = (row: number, column: string, severity: 'error' | 'warning' = 'error', message = `Problem in ${column}${row}.`): Issue => ({
  row,
  column,
  field: 'date',
  severity,
  code: severity === 'error' ? 'invalid_date' : 'unknown_event_type',
  message,
});

/** Counts the syncs and runs of one host call. */
async function measure<T>(excel: FakeExcel, action: () => Promise<T>): Promise<{ value: T; syncs: number; runs: number }> {
  const syncs = excel.syncs;
  const runs = excel.runs;
  const value = await action();
  return { value, syncs: excel.syncs - syncs, runs: excel.runs - runs };
}

describe('readWorkbook', () => {
  it('reads values, date formats, types, formulas and merges, at the used range’s offset', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.18' } });
    const sheet = excel.sheet('Events');
    sheet.put('B2', [['Family events 2023']]);
    sheet.merges.push('B2:D2');
    sheet.put('B4', [['Event', 'Date', 'Attendees', 'Double']]);
    sheet.put('B5', [['Story time', 44990, 12, '=D5*2']]);
    sheet.put('B6', [['Picnic', '3/4/2023', 40, null]]);
    sheet.mutable('C5').format = 'm/d/yyyy';
    sheet.mutable('E5').value = 24;
    Object.assign(sheet.mutable('D6'), { value: '#N/A', error: true });
    excel.sheet('Lists').visibility = 'Hidden';
    excel.sheet('Lists').put('A1', [['level_one']]);
    excel.sheet('Empty');

    const { value: workbook, syncs, runs } = await measure(excel, () => host.readWorkbook());
    expect(runs).toBe(1);
    expect(syncs).toBe(4); // sheets, used ranges, merged areas, one block
    expect(workbook.source).toBe('office');
    expect(workbook.sheets.map((s) => [s.name, Boolean(s.hidden)])).toEqual([
      ['Events', false],
      ['Lists', true],
      ['Empty', false],
    ]);
    const events = workbook.sheets[0]!;
    expect(events.rows[0]).toEqual([]);
    expect(events.rows[1]![0]).toEqual({ kind: 'empty', value: null });
    expect(events.rows[1]![1]).toMatchObject({ kind: 'text', value: 'Family events 2023' });
    expect(events.rows[3]![1]).toMatchObject({ kind: 'text', value: 'Event' });
    expect(events.rows[4]![2]).toEqual({ kind: 'date', value: 44990, format: 'm/d/yyyy' });
    expect(events.rows[4]![3]).toMatchObject({ kind: 'number', value: 12 });
    expect(events.rows[4]![4]).toMatchObject({ kind: 'number', value: 24, formula: 'D5*2' });
    expect(events.rows[5]![2]).toMatchObject({ kind: 'text', value: '3/4/2023' });
    expect(events.rows[5]![3]).toMatchObject({ kind: 'error', value: '#N/A' });
    expect(events.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(workbook.sheets[2]!.rows).toEqual([]);
  });

  it('reads a big sheet in row blocks within the response limit, in order', async () => {
    const { excel } = setup({ sets: { ExcelApi: '1.12' } });
    const rows = Array.from({ length: 5000 }, (_, i) => [`Event ${i + 1}`, 44927 + (i % 365), i % 50, 'level_one']);
    excel.sheet('Big').put('A1', rows);
    excel.responseCellLimit = 4 * 3000; // four arrays × 3,000 cells: our stand-in for 5 MB
    const host = createExcelHost({ retryDelayMs: 0, cellBudget: 3000 });
    const { value: workbook, syncs } = await measure(excel, () => host.readWorkbook());
    expect(excel.maxCellsPerSync).toBeLessThanOrEqual(excel.responseCellLimit);
    expect(syncs).toBe(2 + Math.ceil(20000 / 3000)); // no merges before ExcelApi 1.13
    const big = workbook.sheets[0]!;
    expect(big.rows).toHaveLength(5000);
    expect(big.rows.map((r) => r[0]!.value)).toEqual(rows.map((r) => r[0]));
  });

  it('halves the blocks when Excel says the response is too large', async () => {
    const { excel } = setup();
    const rows = Array.from({ length: 1000 }, (_, i) => [`Event ${i + 1}`, i]);
    excel.sheet('Big').put('A1', rows);
    excel.responseCellLimit = 4 * 300;
    const host = createExcelHost({ retryDelayMs: 0, cellBudget: 2000 });
    const workbook = await host.readWorkbook();
    expect(workbook.sheets[0]!.rows.map((r) => r[1]!.value)).toEqual(rows.map((r) => r[1]));
  });
});

describe('highlight and clear', () => {
  function partnerSheet(excel: FakeExcel) {
    const sheet = excel.sheet('Events');
    sheet.put('A1', [['Event', 'Date', 'Type', 'Attendees']]);
    for (let r = 2; r <= 9; r++) sheet.put(`A${r}`, [[`Event ${r}`, 44990, 'Story', 10]]);
    Object.assign(sheet.mutable('B2').fill, { color: '#C6EFCE', pattern: 'Solid' });
    sheet.mutable('B3').fill = { color: '#DDEBF7', pattern: 'Gray25', patternColor: '#FF0000', patternTintAndShade: -0.25 };
    sheet.mutable('B4').fill = { color: '#4472C4', pattern: 'Solid', tintAndShade: 0.4 };
    sheet.notes.set('C2', 'Ask Maria about this one');
    return sheet;
  }
  const issues = [issue(2, 'B'), issue(3, 'B', 'warning'), issue(4, 'B'), issue(4, 'B', 'warning', 'Also odd.'), issue(5, 'C', 'warning'), issue(2, 'C')];

  it('paints errors and warnings, notes every issue, and Clear restores the partner’s fills exactly', async () => {
    const { excel, host } = setup();
    const sheet = partnerSheet(excel);
    const before = fillsOf(sheet);

    const { value: result, runs } = await measure(excel, () => host.highlight('Events', issues));
    expect(runs).toBe(1);
    expect(result).toEqual({ cells: 5, notes: 'notes' });
    // Our own conditional formats show the colours; the partner's fills are never written.
    expect(['B2', 'B3', 'B4', 'C5', 'C2', 'A2'].map((a) => shownColor(sheet, a))).toEqual([ERROR_FILL, WARNING_FILL, ERROR_FILL, WARNING_FILL, ERROR_FILL, undefined]);
    expect(fillsOf(sheet)).toEqual(before);
    expect(excel.fillWrites).toBe(0);
    expect(sheet.notes.get('B4')).toBe(`${NOTE_MARKER}\n• Error: Problem in B4.\n• Warning: Also odd.`);
    // The partner's own note is left alone.
    expect(sheet.notes.get('C2')).toBe('Ask Maria about this one');
    expect(excel.enableEvents).toBe(true);
    expect(excel.writesWithEventsOn).toBe(1); // only turning events back on
    expect(excel.maxRequestBytes).toBeLessThan(10_000);

    await host.clearHighlights('Events');
    expect(fillsOf(sheet)).toEqual(before);
    expect(sheet.conditionalFormats).toEqual([]);
    expect([...sheet.notes]).toEqual([['C2', 'Ask Maria about this one']]);
  });

  it('a re-check replaces the highlights; cells no longer flagged get their own fill back', async () => {
    const { excel, host } = setup();
    const sheet = partnerSheet(excel);
    const before = fillsOf(sheet);
    await host.highlight('Events', issues);
    await host.highlight('Events', [issue(3, 'B'), issue(9, 'D', 'warning')]);
    expect(shownColor(sheet, 'B2')).toBe('#C6EFCE');
    expect(shownColor(sheet, 'B4')).toBe('#4472C4');
    expect(shownColor(sheet, 'B3')).toBe(ERROR_FILL);
    expect(shownColor(sheet, 'D9')).toBe(WARNING_FILL);
    expect(sheet.conditionalFormats).toHaveLength(2);
    expect(sheet.notes.has('B2')).toBe(false);
    expect(sheet.notes.get('B3')).toContain('Error: Problem in B3.');
    expect(sheet.notes.has('D9')).toBe(true);
    await host.clearHighlights('Events');
    expect(fillsOf(sheet)).toEqual(before);
  });

  it('leaves a fill the partner changed after we painted it', async () => {
    const { excel, host } = setup();
    const sheet = partnerSheet(excel);
    await host.highlight('Events', issues);
    sheet.mutable('C5').fill = { color: '#00B050', pattern: 'Solid' };
    await host.clearHighlights('Events');
    expect(sheet.cell('C5').fill).toEqual({ color: '#00B050', pattern: 'Solid' });
    expect(sheet.cell('B2').fill).toEqual({ color: '#C6EFCE', pattern: 'Solid' });
  });

  it('fills an earlier version painted and recorded in the settings are put back, where they still show our colour, and the record goes', async () => {
    const { excel, host } = setup();
    const sheet = partnerSheet(excel);
    // What an earlier version left: B2 and C5 painted, B2's own fill recorded.
    excel.settings.set('hsh.highlights:Events', { v: 1, fills: [{ fill: { color: '#C6EFCE', pattern: 'Solid' }, cells: 'B2' }], errors: 'B2', warnings: 'C5' });
    sheet.mutable('B2').fill = { color: ERROR_FILL, pattern: 'Solid' };
    sheet.mutable('C5').fill = { color: '#00B050', pattern: 'Solid' }; // refilled by the partner since
    await host.highlight('Events', [issue(3, 'B')]);
    expect(sheet.cell('B2').fill).toEqual({ color: '#C6EFCE', pattern: 'Solid' });
    expect(sheet.cell('C5').fill).toEqual({ color: '#00B050', pattern: 'Solid' });
    expect(excel.settings.has('hsh.highlights:Events')).toBe(false);
    const saves = excel.settingsSaves;
    // With no record left, a highlight saves no settings at all.
    await host.highlight('Events', [issue(4, 'B')]);
    await host.clearHighlights('Events');
    expect(excel.settingsSaves).toBe(saves);
  });

  it('falls back to threaded comments before ExcelApi 1.18, never doubling a partner’s comment', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.12' } });
    const sheet = partnerSheet(excel);
    sheet.notes.clear();
    sheet.comments.set('theirs', { address: 'B3', content: 'Checked with Sam' });
    const result = await host.highlight('Events', issues);
    expect(result.notes).toBe('comments');
    const ours = [...sheet.comments.values()].filter((c) => c.content.startsWith(NOTE_MARKER));
    expect(ours.map((c) => c.address).sort()).toEqual(['B2', 'B4', 'C2', 'C5']);
    await host.highlight('Events', issues); // again: ours replaced, not duplicated
    expect(sheet.comments.size).toBe(5);
    await host.clearHighlights('Events');
    expect([...sheet.comments.values()]).toEqual([{ address: 'B3', content: 'Checked with Sam' }]);
  });

  it('highlights without notes before ExcelApi 1.10 (the task pane list carries the reasons)', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.9' } });
    const sheet = partnerSheet(excel);
    const before = fillsOf(sheet);
    expect(await host.highlight('Events', issues)).toEqual({ cells: 5, notes: 'none' });
    expect(shownColor(sheet, 'B2')).toBe(ERROR_FILL);
    await host.clearHighlights('Events');
    expect(fillsOf(sheet)).toEqual(before);
    expect(shownColor(sheet, 'B2')).toBe('#C6EFCE');
  });

  it('works on ExcelApi 1.7 hosts: one rule per rectangle (no RangeAreas, no cell properties, no event switch)', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.7' } });
    const sheet = excel.sheet('Events');
    sheet.put('A1', [['x', 'y']]);
    sheet.mutable('B1').fill = { color: '#C6EFCE', pattern: 'Solid' };
    await host.highlight('Events', [issue(1, 'A'), issue(2, 'A'), issue(1, 'B', 'warning')]);
    expect(excel.getRangesCalls).toBe(0);
    expect(sheet.conditionalFormats).toHaveLength(2);
    expect(['A1', 'A2', 'B1'].map((a) => shownColor(sheet, a))).toEqual([ERROR_FILL, ERROR_FILL, WARNING_FILL]);
    expect(excel.fillWrites).toBe(0);
    await host.clearHighlights('Events');
    expect(sheet.conditionalFormats).toEqual([]);
    expect(fillsOf(sheet)).toEqual({ B1: { color: '#C6EFCE', pattern: 'Solid' } });
  });
});

describe('a fixed number of syncs however many cells', () => {
  /** Every other row of three columns: single cells that cannot merge into rectangles. */
  function scattered(n: number): Issue[] {
    const out: Issue[] = [];
    for (let i = 0; out.length < n; i++) {
      out.push(issue(2 + 2 * Math.floor(i / 3), ['B', 'D', 'F'][i % 3]!, i % 4 === 0 ? 'warning' : 'error'));
    }
    return out;
  }

  it.each([
    ['notes', { ExcelApi: '1.18' }],
    ['comments', { ExcelApi: '1.12' }],
  ])('10,000 cells take the same few syncs as 10 (%s)', async (mode, sets) => {
    const { excel, host } = setup({ sets });
    excel.sheet('Events').put('A1', [['Event']]);
    excel.sheet('Events').comments.set('theirs', { address: 'A1', content: 'a comment of their own' });

    const small = await measure(excel, () => host.highlight('Events', scattered(10)));
    await host.clearHighlights('Events');
    const big = await measure(excel, () => host.highlight('Events', scattered(10000)));
    expect(big.value.cells).toBe(10000);
    expect(big.runs).toBe(1);
    expect(big.syncs).toBeLessThanOrEqual(5);
    expect(big.syncs).toBe(small.syncs);
    // read, (comments: where the partner's comment is), rules, notes, events back on
    expect(big.syncs).toBe(mode === 'notes' ? 4 : 5);
    const clear = await measure(excel, () => host.clearHighlights('Events'));
    // Our 10,000 notes are found in pages sized by the response budget (a full page, then the empty
    // one after it) and deleted in two requests (about 400 bytes each in Office.js's JSON).
    expect(clear.syncs).toBeLessThanOrEqual(5);
    expect(fillsOf(excel.sheet('Events'))).toEqual({});
  });

  it('a partner’s own note costs one more sync (where is it?), still at most five', async () => {
    const { excel, host } = setup();
    excel.sheet('Events').notes.set('B2', 'Ask Maria');
    const { syncs, value } = await measure(excel, () => host.highlight('Events', scattered(10000)));
    expect(syncs).toBe(5);
    expect(value.cells).toBe(10000);
    expect(excel.sheet('Events').notes.get('B2')).toBe('Ask Maria');
    expect(excel.sheet('Events').notes.size).toBe(10000);
  });

  it('splits only a write batch too large for one request, and still restores exactly', async () => {
    const { excel } = setup({ sets: { ExcelApi: '1.12' } });
    const host = createExcelHost({ retryDelayMs: 0, writeBudgetBytes: 100_000 });
    const sheet = excel.sheet("Partner's events");
    sheet.put('A1', [['Event']]);
    sheet.mutable('B2').fill = { color: '#C6EFCE', pattern: 'Solid' };
    const before = fillsOf(sheet);
    const { syncs } = await measure(excel, () => host.highlight("Partner's events", scattered(2000)));
    expect(syncs).toBeGreaterThan(4);
    expect(sheet.comments.size).toBe(2000);
    expect(excel.enableEvents).toBe(true);
    await host.clearHighlights("Partner's events");
    expect(fillsOf(sheet)).toEqual(before);
    expect(sheet.comments.size).toBe(0);
  });

  it('sends the 10,000 addresses as RangeAreas in strings short enough that Excel’s own form of them (the sheet before each area) stays under 8,192 characters', async () => {
    const { excel, host } = setup();
    excel.sheet('Events');
    await host.highlight('Events', scattered(10000));
    // Up to 6 characters an area, and 11 for "'Events'!" and ", " in Excel's form.
    expect(excel.maxAddressLength).toBeGreaterThan(2500);
    expect(excel.maxAddressLength).toBeLessThan(8000 * (7 / 17) + 10);
    // 10,000 single cells: a few dozen strings, not 10,000 writes.
    expect(excel.getRangesCalls).toBeLessThan(40);
    expect(shownColor(excel.sheet('Events'), 'B2')).toBe(WARNING_FILL);
    expect(shownColor(excel.sheet('Events'), 'D2')).toBe(ERROR_FILL);
  });
});

describe('writeValues and undo', () => {
  it('writes normalised values as Excel would keep them, leaves formulas, and undo restores values and formats', async () => {
    const { excel, host } = setup();
    const sheet = excel.sheet('Events');
    sheet.put('A2', [['3/4/23', 'forty', '=D2*2', 2134, '00123']]);
    sheet.mutable('D2').format = '0';
    sheet.mutable('C2').value = 0;
    sheet.mutable('E2').format = 'General'; // text typed with an apostrophe
    const snapshot = JSON.stringify([...sheet.cells]);

    const { value: undo, syncs } = await measure(excel, () =>
      host.writeValues('Events', [
        { address: 'A2', value: '2023-03-04' },
        { address: 'B2', value: 40 },
        { address: 'C2', value: 7 },
        { address: 'D2', value: '02134' },
        { address: 'E2', value: 'level_one' },
      ]),
    );
    expect(syncs).toBe(3); // read, write, events back on
    expect(sheet.cell('A2')).toMatchObject({ value: 44989, format: 'yyyy-mm-dd' });
    expect(sheet.cell('B2').value).toBe(40);
    // A formula is the partner's to change: the fix would put a constant in its place.
    expect(sheet.cell('C2')).toMatchObject({ formula: '=D2*2', value: 0 });
    expect(sheet.cell('D2')).toMatchObject({ value: '02134', format: '@' });
    expect(undo.previous.map((p) => p.address)).toEqual(['A2', 'B2', 'D2', 'E2']);

    await host.undo(undo);
    expect(JSON.stringify([...sheet.cells])).toBe(snapshot);
  });

  it('keeps the partner’s own date format', async () => {
    const { excel, host } = setup();
    excel.sheet('Events').put('A2', [['4 March']]);
    excel.sheet('Events').mutable('A2').format = 'd mmm yyyy';
    await host.writeValues('Events', [{ address: 'A2', value: '2023-03-04' }]);
    expect(excel.sheet('Events').cell('A2')).toMatchObject({ value: 44989, format: 'd mmm yyyy' });
  });
});

describe('cell-edit mode', () => {
  it('retries once when Excel is busy editing a cell', async () => {
    const { excel, host } = setup();
    excel.sheet('Events');
    excel.cellEditFailures = 1;
    const { runs } = await measure(excel, () => host.goTo('Events', 'C7'));
    expect(runs).toBe(2);
    expect(excel.selection).toEqual({ sheet: 'Events', address: 'C7' });
    expect(excel.activeSheet).toBe('Events');
  });

  it('gives up after the one retry with Excel’s error', async () => {
    const { excel, host } = setup();
    excel.sheet('Events');
    excel.cellEditFailures = 2;
    await expect(host.goTo('Events', 'C7')).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(excel.runs).toBe(2);
  });

  it('does not retry other errors', async () => {
    const { excel, host } = setup();
    await expect(host.goTo('Nope', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(excel.runs).toBe(1);
  });
});

describe('onEdit', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reports the edited rows once, debounced, and stops after unsubscribing', async () => {
    const { excel, host } = setup();
    excel.sheet('Events').put('A1', Array.from({ length: 20 }, () => ['x']));
    await host.readWorkbook();
    const calls: number[][] = [];
    const off = await host.onEdit('Events', (rows) => calls.push(rows));
    excel.userEdit('Events', 'C7', 'a');
    excel.userEdit('Events', 'B3', 'b');
    await wait(5);
    excel.userEdit('Events', 'C7', 'c');
    await wait(80);
    expect(calls).toEqual([[3, 7]]);

    excel.userEdit('Events', 'A5', 1, 'RowInserted');
    await wait(80);
    expect(calls[1]).toEqual(Array.from({ length: 16 }, (_, i) => i + 5));

    off();
    await wait(5);
    excel.userEdit('Events', 'C9', 'd');
    await wait(80);
    expect(calls).toHaveLength(2);
  });

  it('is not triggered by our own highlighting, Fix or Undo (the taskpane re-checks after those once itself), only by the partner', async () => {
    const { excel, host } = setup();
    excel.sheet('Events').put('A1', [['x']]);
    const calls: number[][] = [];
    await host.onEdit('Events', (rows) => calls.push(rows));
    await host.highlight('Events', [issue(1, 'A')]);
    const undo = await host.writeValues('Events', [{ address: 'A1', value: 'y' }]);
    await host.undo(undo);
    await wait(80);
    expect(calls).toEqual([]);
    expect(excel.enableEvents).toBe(true);
    excel.userEdit('Events', 'A1', 'z');
    await wait(80);
    expect(calls).toEqual([[1]]);
  });
});

describe('mapping memory', () => {
  const mapping = { sheet: 'Events', headerRow: 3, columns: { A: 'title', B: 'date', F: null } };

  it('remembers in the workbook settings and per partner under the partition key', async () => {
    const { excel, host } = setup({ partitionKey: 'p-123' });
    await host.saveMapping('events-v1', mapping);
    expect(excel.settings.get('hsh.mapping:events-v1')).toEqual(mapping);
    expect(JSON.parse(excel.storage.get('p-123hsh.mapping:events-v1')!)).toEqual(mapping);
    expect(await createExcelHost().loadMapping('events-v1')).toEqual(mapping);

    // Another workbook, same partner: the local storage remembers.
    excel.settings.clear();
    expect(await host.loadMapping('events-v1')).toEqual(mapping);
    expect(await host.loadMapping('other')).toBeNull();
  });

  it('uses plain local storage keys where Office has no partition key', async () => {
    const { excel, host } = setup();
    await host.saveMapping('k', mapping);
    expect(excel.storage.has('hsh.mapping:k')).toBe(true);
  });
});

describe('detectDate1904', () => {
  const xlsx = (workbookPr: string) =>
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${workbookPr}<sheets/></workbook>`),
    });
  const dates = (serials: number[], texts: string[] = []) => ({
    sheets: [
      {
        name: 'Events',
        merges: [],
        rows: [
          ...serials.map((value) => [{ kind: 'date' as const, value, format: 'm/d/yyyy' }]),
          ...texts.map((value) => [{ kind: 'text' as const, value }]),
        ],
      },
    ],
    date1904: false,
  });

  it('reads workbookPr date1904 from the file and closes it', async () => {
    const { excel, host } = setup({ sets: { ExcelApi: '1.18', CompressedFile: '1.1' }, file: xlsx('<workbookPr date1904="1" defaultThemeVersion="164011"/>') });
    expect(await host.detectDate1904(dates([]))).toBe(true);
    expect(excel.fileClosed).toBe(1);
    expect(excel.fileOpen).toBe(false);
  });

  it('a file without the attribute is a 1900 workbook', async () => {
    const { host } = setup({ sets: { ExcelApi: '1.18', CompressedFile: '1.1' }, file: xlsx('<workbookPr defaultThemeVersion="164011"/>') });
    // Even with dates that look four years early: the file decides.
    expect(await host.detectDate1904(dates([43466 + 60]))).toBe(false);
  });

  it('without the file, looks at the dates', async () => {
    const { host } = setup({ sets: { ExcelApi: '1.18' } });
    const mar2023 = 44989;
    expect(await host.detectDate1904(dates([mar2023, mar2023 + 10]))).toBe(false);
    expect(await host.detectDate1904(dates([mar2023 - 1462, mar2023 - 1452], ['3/4/2023']))).toBe(true);
    expect(await host.detectDate1904(dates([mar2023 - 1462, mar2023 - 1452]))).toBe('unknown');
  });
});
