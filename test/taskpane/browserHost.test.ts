/** @jest-environment jsdom */
import '../setup-dom';
import { BrowserHost } from '../../src/taskpane/browser/BrowserHost';
import type { Issue } from '../../src/core/report';
import { eventsWorkbook } from './fakes';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

const file = { name: 'events.xlsx', bytes: new Uint8Array([1, 2, 3]) };

describe('BrowserHost', () => {
  test('writes values in memory, as Excel would store them, and undoes exactly', async () => {
    const host = new BrowserHost(eventsWorkbook(), file, memoryStorage());
    const before = await host.readWorkbook();
    const record = await host.writeValues('Events', [
      { address: 'E3', value: 25 },
      { address: 'B4', value: '2023-04-01' },
      { address: 'H9', value: 'new' },
    ]);
    const after = (await host.readWorkbook()).sheets[1]!;
    expect(after.rows[2]![4]).toEqual({ kind: 'number', value: 25 });
    expect(after.rows[3]![1]).toEqual({ kind: 'date', value: 45017, format: 'yyyy-mm-dd' });
    expect(after.rows[8]![7]).toEqual({ kind: 'text', value: 'new' });
    expect(host.originalFile()).toBeNull();
    expect(host.getSnapshot().changed).toBe(true);

    await host.undo(record);
    const undone = (await host.readWorkbook()).sheets[1]!;
    expect(undone.rows[2]![4]).toEqual(before.sheets[1]!.rows[2]![4]);
    expect(undone.rows[3]![1]).toEqual({ kind: 'text', value: 'TBD' });
    expect(undone.rows[8]![7]).toEqual({ kind: 'empty', value: null });
    expect(host.originalFile()).toBe(file);
    // The workbook read before the write is untouched: snapshots are immutable.
    expect(before.sheets[1]!.rows[2]![4]).toEqual({ kind: 'text', value: '~25' });
  });

  test('highlights one mark per cell, errors winning, with every message; clear removes them', async () => {
    const host = new BrowserHost(eventsWorkbook(), file, memoryStorage());
    const listener = jest.fn();
    host.subscribe(listener);
    const issues: Issue[] = [
      { row: 3, column: 'E', field: 'attendees', severity: 'warning', code: 'approximate_attendees', message: 'About 25.' },
      { row: 3, column: 'E', field: 'attendees', severity: 'error', code: 'invalid_attendees', message: 'Not a count.' },
      { field: 'zip', severity: 'error', code: 'unmapped_required_field', message: 'No zip.' },
    ];
    await expect(host.highlight('Events', issues)).resolves.toEqual({ cells: 1, notes: 'notes' });
    expect(host.getSnapshot().marks.get('Events')?.get('E3')).toEqual({ severity: 'error', notes: ['About 25.', 'Not a count.'] });
    expect(host.getSnapshot().activeSheet).toBe('Events');
    await host.clearHighlights('Events');
    expect(host.getSnapshot().marks.has('Events')).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  test('goes to cells, refusing unknown sheets and bad addresses', async () => {
    const host = new BrowserHost(eventsWorkbook(), file, memoryStorage());
    await host.goTo('Events', 'C4');
    expect(host.getSnapshot().selected).toMatchObject({ sheet: 'Events', address: 'C4' });
    await expect(host.goTo('Nope', 'A1')).rejects.toThrow('There is no sheet “Nope”.');
    await expect(host.goTo('Events', 'x')).rejects.toThrow('not a cell address');
  });

  test('remembers mappings per file and sheet', async () => {
    const storage = memoryStorage();
    const host = new BrowserHost(eventsWorkbook(), file, storage);
    await host.saveMapping('Events', { sheet: 'Events', headerRow: 2, columns: { A: 'title' } });
    const again = new BrowserHost(eventsWorkbook(), file, storage);
    await expect(again.loadMapping('Events')).resolves.toMatchObject({ columns: { A: 'title' } });
    await expect(new BrowserHost(eventsWorkbook(), { ...file, name: 'other.xlsx' }, storage).loadMapping('Events')).resolves.toBeNull();
  });
});
