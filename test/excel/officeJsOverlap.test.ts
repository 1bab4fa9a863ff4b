import type { Issue } from '../../src/core/report';
import { createExcelHost } from '../../src/excel';
import { RichApiHost } from './richApiHost';

/**
 * Overlapping work through Microsoft's own client library: an automatic
 * highlight, a Fix and the re-checks they cause, all asked for at once while
 * the partner is typing in a cell, run one after the other in the order asked,
 * re-checks waiting together are one read, and nothing is left half done.
 */

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const issue = (row: number, column: string): Issue => ({ row, column, field: 'date', severity: 'error', code: 'invalid_date', message: `Problem in ${column}${row}.` });

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(done()).toBe(true);
}

describe('overlapping work through the real Office.js client', () => {
  it('highlight, Fix and two re-checks asked for at once run in turn, the re-checks as one read that sees the fix', async () => {
    const excel = new RichApiHost();
    uninstall = excel.install();
    const sheet = excel.addSheet('Events');
    sheet.put('A1', [['Name', 'Date'], ['Ana', 'TBD'], ['Ben', '3/2/23']]);
    const host = createExcelHost({ retryDelayMs: 0, debounceMs: 30 });
    await host.readWorkbook();

    excel.startCellEdit(); // the partner is typing: everything waits for them
    const order: string[] = [];
    const painted = host.highlight('Events', [issue(2, 'B')]).then((r) => (order.push('highlight'), r));
    const fixed = host.writeValues('Events', [{ address: 'B2', value: '2023-03-01' }]).then((r) => (order.push('fix'), r));
    const first = host.readWorkbook().then((w) => (order.push('read'), w));
    const second = host.readWorkbook().then((w) => (order.push('read'), w));
    await until(() => excel.waiting > 0);
    expect(excel.waiting).toBe(1); // one call at a time reaches Excel
    excel.endCellEdit();
    // Held requests go on as the partner pressed Enter; later ones find Excel free.
    const [result, undo, a, b] = await Promise.all([painted, fixed, first, second]);
    expect(order).toEqual(['highlight', 'fix', 'read', 'read']);
    expect(host.queue.joined).toBe(1);
    expect(a).toBe(b);
    expect(a.sheets[0]!.rows[1]![1]).toMatchObject({ value: 44986 });
    expect(result.cells).toBe(1);
    expect(excel.cellEditRefusals).toBe(0);
    expect(excel.valueWritesWithEvents).toBe(0);

    // Nothing half done: Undo puts the value back and Clear removes every mark.
    expect(await host.undo(undo)).toBe(0);
    await host.clearHighlights('Events');
    expect(sheet.at('B2').value).toBe('TBD');
    expect(sheet.rules).toEqual([]);
    expect(sheet.at('B2').note).toBeUndefined();
  });
});
