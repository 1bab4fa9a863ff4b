import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check } from '../../src/core/check';
import { checkReportSchema } from '../../src/core/report';
import { ReadError } from '../../src/io/errors';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { runCli, SHARED } from './runCli';

/**
 * The whole check over ../shared/corpus/real (237 files written by Excel,
 * LibreOffice, Google Sheets, Numbers, POI, openpyxl and fuzzers): the engine
 * never throws on what the reader gives it and always returns a report of the
 * contract; the command line ends in 0, 1 or 2 with no stack trace.
 */
const REAL = path.join(SHARED, 'corpus/real');
const present = existsSync(REAL);
if (!present) console.warn(`SKIPPED: the real-world corpus is absent (${REAL}); the engine's robustness over it did not run.`);
const files = present ? readdirSync(REAL).filter((f) => f !== 'MANIFEST.tsv').sort() : [];

(present ? describe : describe.skip)('the check over corpus/real', () => {
  test('every readable file gets a report of the contract', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const file of files) {
      let workbook;
      try {
        workbook = await readWorkbookBytes(new Uint8Array(readFileSync(path.join(REAL, file))), file);
      } catch (e) {
        if (e instanceof ReadError) continue;
        failures.push(`${file}: reader threw ${String(e)}`);
        continue;
      }
      try {
        checkReportSchema.parse(check(workbook, { file }));
        checked++;
      } catch (e) {
        failures.push(`${file}: check threw ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  }, 300_000);

  // The command line itself on the hostile ones: refusals and oddities end in one clean line.
  const hostile = files.filter((f) => /bomb|encrypt|pass|OOM|dos|fuzz|crash|invalid|bad|null|empty|bigfoot|1842|large/i.test(f)).slice(0, 16);
  test.each(hostile)('%s: exit 0, 1 or 2 without a stack trace', async (file) => {
    const run = await runCli([path.join(REAL, file), '--json'], 30_000);
    expect([0, 1, 2]).toContain(run.code);
    expect(run.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|internal error/);
    if (run.code === 2) expect(run.stderr.trim().split('\n')).toHaveLength(1);
    else expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});
