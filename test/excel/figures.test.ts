import type { Issue } from '../../src/core/report';
import { createExcelHost } from '../../src/excel';
import { FakeExcel } from './fakeExcel';

/**
 * The figures of issue 9: request and response bytes (as the fake estimates
 * Office.js's JSON) and syncs of Highlight, Clear, Fix and Undo for 1,000,
 * 10,000 and 50,000 flagged cells on a 50,000 × 15 sheet. Slow (a minute):
 * run with HSH_FIGURES=1 npx jest test/excel/figures.
 */
const run = process.env.HSH_FIGURES === '1' ? describe : describe.skip;

run('figures', () => {
  it('prints bytes and syncs per action', async () => {
    const lines: string[] = ['| flagged | action | syncs | request bytes (total) | largest request | response bytes (total) | largest response |', '|---|---|---|---|---|---|---|'];
    for (const n of [1000, 10000, 50000]) {
      const excel = new FakeExcel({ sets: { ExcelApi: '1.18' } });
      const uninstall = excel.install();
      try {
        const sheet = excel.sheet('Events');
        sheet.put('A1', [Array.from({ length: 15 }, (_, c) => `Heading ${c + 1}`)]);
        sheet.put('A2', Array.from({ length: 50000 }, (_, r) => Array.from({ length: 15 }, (_, c) => (c === 1 ? `${(r % 28) + 1}/3/23` : `Value ${r}-${c}`))));
        // Worst case for rectangles: three columns, every other row.
        const cols = ['B', 'E', 'H'];
        const cells = Array.from({ length: n }, (_, i) => ({ row: 2 + 2 * Math.floor(i / 3) - (Math.floor(i / 3) >= 25000 ? 49999 : 0), col: cols[i % 3]! }));
        const issues: Issue[] = cells.map(({ row, col }) => ({ row, column: col, field: 'date', severity: 'error', code: 'invalid_date', message: `Not a date: ${col}${row}.` }));
        const changes = cells.map(({ row, col }) => ({ address: `${col}${row}`, value: '2023-03-04' }));
        const host = createExcelHost({ retryDelayMs: 0 });
        const measure = async (action: string, call: () => Promise<unknown>): Promise<unknown> => {
          const before = { syncs: excel.syncs, req: excel.requestBytes, res: excel.responseBytes };
          excel.maxRequestBytes = 0;
          excel.maxResponseBytes = 0;
          const value = await call();
          lines.push(
            `| ${n.toLocaleString('en')} | ${action} | ${excel.syncs - before.syncs} | ${(excel.requestBytes - before.req).toLocaleString('en')} | ${excel.maxRequestBytes.toLocaleString('en')} | ${(excel.responseBytes - before.res).toLocaleString('en')} | ${excel.maxResponseBytes.toLocaleString('en')} |`,
          );
          expect(excel.refusals).toBe(0);
          return value;
        };
        await measure('Highlight', () => host.highlight('Events', issues));
        await measure('Clear', () => host.clearHighlights('Events'));
        const undo = await measure('Fix', () => host.writeValues('Events', changes));
        await measure('Undo', () => host.undo(undo as Awaited<ReturnType<typeof host.writeValues>>));
      } finally {
        uninstall();
      }
    }
    console.log(lines.join('\n'));
  }, 600_000);
});
