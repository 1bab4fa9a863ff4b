/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { check } from '../../src/core/check';
import type { Sheet } from '../../src/core/workbook';
import { BrowserHost } from '../../src/taskpane/browser/BrowserHost';
import { applyEdits, emptyEdits, pushEdit, type Edits } from '../../src/taskpane/worker/edits';
import { CheckClient } from '../../src/taskpane/worker/client';
import { FakeWorker } from './fakeWorker';
import { eventsWorkbook, sheetOf } from './fakes';

const file = { name: 'events.xlsx', bytes: new Uint8Array([1, 2, 3]) };
const noStorage = { getItem: () => null, setItem: () => undefined };

test('edits written into a sheet: each row copied once, the sheet given untouched, short rows padded', () => {
  const sheet = sheetOf('Events', [['a', 'b'], ['c']]);
  const edits = emptyEdits();
  pushEdit(edits, 0, 1, { kind: 'number', value: 2 });
  pushEdit(edits, 1, 3, { kind: 'date', value: 45017, format: 'yyyy-mm-dd' });
  pushEdit(edits, 0, 1, { kind: 'text', value: 'last wins' });
  pushEdit(edits, 3, 0, { kind: 'empty', value: null, format: 'General' });
  const out = applyEdits(sheet, edits);
  expect(out.rows[0]).toEqual([{ kind: 'text', value: 'a' }, { kind: 'text', value: 'last wins' }]);
  expect(out.rows[1]).toEqual([{ kind: 'text', value: 'c' }, { kind: 'empty', value: null }, { kind: 'empty', value: null }, { kind: 'date', value: 45017, format: 'yyyy-mm-dd' }]);
  expect(out.rows[3]).toEqual([{ kind: 'empty', value: null, format: 'General' }]);
  expect(sheet.rows).toEqual(sheetOf('Events', [['a', 'b'], ['c']]).rows);
});

describe('the browser mode’s writes, told to the check client', () => {
  /** A host whose writes are recorded as the client would be told of them. */
  function recorded() {
    const told: { from: Sheet; to: Sheet; edits: Edits }[] = [];
    const host = new BrowserHost(eventsWorkbook(), file, noStorage, (from, to, edits) => told.push({ from, to, edits }));
    return { host, told };
  }

  test('every write, undo and typed edit names the sheet it started from and its cells: written there, they make the new sheet', async () => {
    const { host, told } = recorded();
    const record = await host.writeValues('Events', [
      { address: 'E3', value: 25 },
      { address: 'B4', value: '2023-04-01' },
      { address: 'E3', value: 26 },
    ]);
    await host.undo(record);
    await host.editCell('Events', 'C5', 'Level 1');
    expect(told).toHaveLength(3);
    for (const { from, to, edits } of told) expect(applyEdits(from, edits)).toEqual(to);
    expect(told[1]!.from).toBe(told[0]!.to);
    expect(told[1]!.to.rows[2]![4]).toEqual({ kind: 'text', value: '~25' });
    expect((await host.readWorkbook()).sheets[1]).toBe(told[2]!.to);
  });

  test('a long write comes out as a short one does, cell for cell, and writes one after another', async () => {
    const rows = [['Event', 'How many'], ...Array.from({ length: 20_000 }, (_, i) => [`Story time ${i}`, `~${i}`])];
    const host = new BrowserHost({ date1904: false, sheets: [sheetOf('Events', rows)] }, file, noStorage);
    const changes = rows.slice(1).map((_, i) => ({ address: `B${i + 2}`, value: i }));
    // Started together: the second starts from the first's result.
    const [first] = await Promise.all([host.writeValues('Events', changes), host.writeValues('Events', [{ address: 'B2', value: 'again' }])]);
    const sheet = (await host.readWorkbook()).sheets[0]!;
    expect(sheet.rows[20_000]![1]).toEqual({ kind: 'number', value: 19_999 });
    expect(sheet.rows[1]![1]).toEqual({ kind: 'text', value: 'again' });
    expect(first.previous).toHaveLength(20_000);
    expect(first.previous[5]).toEqual({ address: 'B7', value: '~5', format: undefined });
  });

  test('the client sends a written sheet as its cells while the worker keeps the one it came from; the check is of the sheet written', async () => {
    const workers: FakeWorker[] = [];
    const client = new CheckClient({
      spawn: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    const host = new BrowserHost(eventsWorkbook(), file, noStorage, client.derive);
    await client.check(await host.readWorkbook());
    await host.writeValues('Events', [{ address: 'E3', value: 25 }, { address: 'C3', value: 'Level 1' }]);
    const written = await host.readWorkbook();
    const report = await client.check(written);
    expect(report.summary).toEqual(check(written, { fixes: true }).summary);
    expect(report.issues.some((i) => i.row === 3 && i.column === 'E')).toBe(false);
    const sent = workers[0]!.received.filter((m) => m.type === 'check').at(-1)!;
    expect(sent.type === 'check' && sent.workbook.sheets.map((s) => [s.sheet !== undefined, s.from?.edits.rows])).toEqual([
      [false, undefined],
      [false, [2, 2]],
    ]);

    // A worker that lost the sheet it came from is sent the sheet itself.
    workers[0]!.forget();
    await host.writeValues('Events', [{ address: 'E4', value: 13 }]);
    const again = await host.readWorkbook();
    expect((await client.check(again)).summary).toEqual(check(again, { fixes: true }).summary);
    const [lost, full] = workers[0]!.received.filter((m) => m.type === 'check').slice(-2);
    expect(lost!.type === 'check' && lost!.workbook.sheets[1]!.from).toBeDefined();
    expect(full!.type === 'check' && full!.workbook.sheets.every((s) => s.sheet !== undefined && s.from === undefined)).toBe(true);
  });
});
