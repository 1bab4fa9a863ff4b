import fs from 'node:fs';
import path from 'node:path';
import { runCli, SHARED } from './runCli';

/**
 * Golden test: the command line on every workbook of ../shared/corpus/dev,
 * compared with its truth file (sheet, header row, mapping, which rows are
 * events, normalised values, and the errors).
 */

const DEV = path.join(SHARED, 'corpus/dev');
const present = fs.existsSync(DEV);
if (!present) console.warn(`SKIPPED: the dev corpus is absent (${DEV}); golden CLI tests did not run.`);

interface Truth {
  file: string;
  sheet: string | null;
  headerRow: number;
  columns: Record<string, string | null>;
  records: Record<string, Record<string, unknown>>;
  errors: { row: number; field: string; code: string }[];
  ambiguous?: { row: number; field: string; scope: string }[];
}

const truths: Truth[] = present
  ? fs.readdirSync(DEV).filter((f) => f.endsWith('.truth.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')) as Truth)
  : [];

(present ? describe : describe.skip)('check on the dev corpus', () => {
  test.each(truths.map((t) => [t.file, t] as const))('%s', async (_name, truth) => {
    const run = await runCli([path.join(DEV, truth.file), '--json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(truth.errors.length > 0 ? 1 : 0);
    expect({ sheet: report.sheet, headerRow: report.headerRow }).toEqual({ sheet: truth.sheet, headerRow: truth.headerRow });
    const mapping = Object.fromEntries(report.columns.filter((c: { column: string }) => c.column in truth.columns).map((c: { column: string; field: string | null }) => [c.column, c.field]));
    expect(mapping).toEqual(truth.columns);
    expect(report.records.map((r: { row: number }) => r.row)).toEqual(Object.keys(truth.records).map(Number).sort((a, b) => a - b));

    for (const rec of report.records as { row: number; values: Record<string, unknown> }[]) {
      const expected = truth.records[String(rec.row)]!;
      for (const [field, value] of Object.entries(expected)) {
        const got = rec.values[field];
        if (field === 'audience') expect({ row: rec.row, [field]: [...(got as string[])].sort() }).toEqual({ row: rec.row, [field]: [...(value as string[])].sort() });
        else expect({ row: rec.row, [field]: got }).toEqual({ row: rec.row, [field]: value });
      }
    }

    const ignored = new Set((truth.ambiguous ?? []).filter((a) => a.scope === 'cell').map((a) => `${a.row}:${a.field}`));
    const reported = (report.issues as { row?: number; field: string; severity: string; code: string }[])
      .filter((i) => i.severity === 'error' && i.row !== undefined && !ignored.has(`${i.row}:${i.field}`))
      .map((i) => `${i.row}:${i.field}:${i.code}`);
    expect([...new Set(reported)].sort()).toEqual(truth.errors.map((e) => `${e.row}:${e.field}:${e.code}`).sort());
  });
});
