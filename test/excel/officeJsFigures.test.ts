import type { Issue } from '../../src/core/report';
import { createExcelHost } from '../../src/excel';
import type { UndoRecord } from '../../src/taskpane/host';
import { FIVE_MB, RichApiHost } from './richApiHost';

/**
 * The figures of issue 9, measured on the JSON Microsoft's own client sends
 * (richApiHost.ts): request and response bytes and syncs of Highlight, Clear,
 * Fix and Undo for 1,000, 10,000 and 50,000 flagged cells on a 50,000 × 15
 * sheet, on a current host (ExcelApi 1.18: conditional formats and notes) and
 * on an ExcelApi 1.8 host (a rule per rectangle, no notes). Slow: HSH_FIGURES=1 npx jest
 * test/excel/officeJsFigures. Every request and response must stay under 5 MB,
 * the release request Excel.run sends at its end included.
 */
const run = process.env.HSH_FIGURES === '1' ? describe : describe.skip;

const mb = (n: number): string => (n / 1e6).toFixed(2);

run('figures through Office.js', () => {
  for (const api of ['1.18', '1.8']) {
    it(`ExcelApi ${api}`, async () => {
      const lines = [
        `ExcelApi ${api}`,
        '| flagged | action | syncs | request MB (total) | largest request MB | response MB (total) | largest response MB | release MB |',
        '|---|---|---|---|---|---|---|---|',
      ];
      for (const n of (process.env.HSH_FIGURES_N ?? '1000,10000,50000').split(',').map(Number)) {
        const excel = new RichApiHost({ excelApi: api });
        const uninstall = excel.install();
        try {
          const sheet = excel.addSheet('Events');
          sheet.put('A1', [Array.from({ length: 15 }, (_, c) => `Heading ${c + 1}`)]);
          sheet.put('A2', Array.from({ length: 50000 }, (_, r) => Array.from({ length: 15 }, (_, c) => (c === 1 ? `${(r % 28) + 1}/3/23` : `Value ${r}-${c}`))));
          // Worst case for rectangles: three columns, every other row.
          const cols = ['B', 'E', 'H'];
          const cells = Array.from({ length: n }, (_, i) => ({ row: 2 + 2 * Math.floor(i / 3) - (Math.floor(i / 3) >= 25000 ? 49999 : 0), col: cols[i % 3]! }));
          const issues: Issue[] = cells.map(({ row, col }) => ({ row, column: col, field: 'date', severity: 'error', code: 'invalid_date', message: `Not a date: ${col}${row}.` }));
          const changes = cells.map(({ row, col }) => ({ address: `${col}${row}`, value: '2023-03-04' }));
          const host = createExcelHost({ retryDelayMs: 0 });
          const measure = async <T>(action: string, call: () => Promise<T>): Promise<T> => {
            const from = excel.stats.length;
            const value = await call();
            // The release request goes after Excel.run resolves.
            await new Promise((resolve) => setTimeout(resolve, 20));
            const t = excel.totals(from);
            lines.push(`| ${n.toLocaleString('en')} | ${action} | ${t.syncs} | ${mb(t.requestBytes)} | ${mb(t.maxRequest)} | ${mb(t.responseBytes)} | ${mb(t.maxResponse)} | ${mb(t.releaseBytes)} |`);
            expect(t.refusals).toBe(0);
            expect(t.maxRequest).toBeLessThan(FIVE_MB);
            expect(t.maxResponse).toBeLessThan(FIVE_MB);
            return value;
          };
          await measure('Highlight', () => host.highlight('Events', issues));
          // The automatic re-highlight after a re-check that changed nothing: reads, no writes.
          await measure('Highlight again', () => host.highlight('Events', issues));
          await measure('Clear', () => host.clearHighlights('Events'));
          const undo: UndoRecord = await measure('Fix', () => host.writeValues('Events', changes));
          await measure('Undo', () => host.undo(undo));
        } finally {
          uninstall();
        }
      }
      console.log(lines.join('\n'));
    }, 900_000);
  }
});
