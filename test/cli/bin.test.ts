import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { checkReportSchema } from '../../src/core/report';
import { ROOT } from './runCli';

const eventCsv = () =>
  'Event name,Date of event,Type of event,Street address,City,Zip,Target audience,Engagement level,Number of attendees\n' +
  'Story time,3/4/2023,Literacy,1 Main St,Detroit,48201,Parents,Level 1,12\n' +
  'Provider cafe,4/5/2023,Business support,2 Main St,Detroit,48202,Center directors,Level 2,8\n';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS JavaScript
const builder = require('../../scripts/build.cjs') as {
  CLI: { outfile: string };
  isStale(target: unknown): boolean;
  build(target: unknown): Promise<unknown>;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-bin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line runs built JavaScript', () => {
  test('npm run check is a launcher that runs dist/cli/check.js, the bundle rebuilt when it is stale; stdout stays the report', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin).toEqual({ 'hsh-check': 'dist/cli/check.js' });
    expect(pkg.scripts.check).toBe('node scripts/check.cjs');
    expect(pkg.scripts.prepare).toContain('scripts/build.cjs');

    const file = join(dir, 'events.csv');
    writeFileSync(file, eventCsv());
    // An old bundle is rebuilt before it runs.
    const old = new Date(Date.UTC(2001, 0, 1));
    spawnSync(process.execPath, ['scripts/check.cjs', '--help'], { cwd: ROOT });
    utimesSync(builder.CLI.outfile, old, old);
    expect(builder.isStale(builder.CLI)).toBe(true);
    const r = spawnSync(process.execPath, ['scripts/check.cjs', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(checkReportSchema.parse(JSON.parse(r.stdout)).summary.records).toBe(2);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(statSync(builder.CLI.outfile).mtimeMs).toBeGreaterThan(old.getTime());
    expect(builder.isStale(builder.CLI)).toBe(false);
  });

  test('the hsh-check bin is a bootstrap (a shebang, executable, no tsx) that runs the bundle from a V8 code cache it keeps', () => {
    spawnSync(process.execPath, ['scripts/check.cjs', '--help'], { cwd: ROOT });
    const bin = join(ROOT, 'dist/cli/check.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    accessSync(bin, constants.X_OK);
    expect(readFileSync(bin, 'utf8')).not.toMatch(/require\(["']tsx/);
    expect(readFileSync(builder.CLI.outfile, 'utf8')).not.toMatch(/require\(["']tsx/);
    const file = join(dir, 'bin.csv');
    writeFileSync(file, eventCsv());
    // The cache is named after a digest of the bundle (src/cli/boot.cjs; test/cli/codeCache.test.ts).
    const digest = createHash('sha1').update(readFileSync(builder.CLI.outfile, 'utf8')).digest('hex').slice(0, 12);
    const cache = `${builder.CLI.outfile}.small.${digest}.v8cache`;
    rmSync(cache, { force: true });
    for (const state of ['none', 'accepted', 'accepted']) {
      // The first run writes the cache, the next run from it (V8 accepts it): the same report.
      const r = spawnSync(bin, [file, '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'hsh-check' } });
      expect(r.stderr).toMatch(new RegExp(`^HSH-CHECK \\d+: code cache engine\\.js\\.small\\.${digest}\\.v8cache ${state}\\n$`));
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).file).toBe('bin.csv');
      expect(statSync(cache).size).toBeGreaterThan(0);
    }
    // Without NODE_DEBUG, nothing on standard error.
    expect(spawnSync(bin, [file, '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: '' } }).stderr).toBe('');
  });

  test('SheetJS is bundled apart (dist/cli/vendor.js), required only for a legacy format: an .xls is read as before', () => {
    spawnSync(process.execPath, ['scripts/check.cjs', '--help'], { cwd: ROOT });
    const bundle = readFileSync(builder.CLI.outfile, 'utf8');
    expect(bundle).toContain('require("./vendor.js")');
    expect(bundle.length).toBeLessThan(readFileSync(join(ROOT, 'dist/cli/vendor.js'), 'utf8').length);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(eventCsv().trim().split('\n').map((line) => line.split(','))), 'Events');
    const file = join(dir, 'events.xls');
    writeFileSync(file, XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    const r = spawnSync(join(ROOT, 'dist/cli/check.js'), [file, '--json'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(checkReportSchema.parse(JSON.parse(r.stdout)).summary.records).toBe(2);
  });

  test('a bundle is stale when one of its inputs is newer or gone', async () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, 'export const answer: number = 42;\n');
    utimesSync(entry, new Date(Date.now() - 20_000), new Date(Date.now() - 20_000));
    const target = { name: 'probe', outfile: join(dir, 'out/probe.js'), options: { bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent', metafile: true, write: false, absWorkingDir: dir, entryPoints: [entry] } };
    expect(builder.isStale(target)).toBe(true);
    await builder.build(target);
    expect(builder.isStale(target)).toBe(false);
    const later = new Date(Date.now() + 10_000);
    utimesSync(entry, later, later);
    expect(builder.isStale(target)).toBe(true);
    writeFileSync(entry, 'export const answer: number = 43;\n');
    // (An edit in the very millisecond a build starts counts as newer: rebuilt once more, never stale.)
    const earlier = new Date(Date.now() - 10_000);
    utimesSync(entry, earlier, earlier);
    await builder.build(target);
    expect(builder.isStale(target)).toBe(false);
    expect(readFileSync(target.outfile, 'utf8')).toContain('43');
    unlinkSync(entry);
    expect(builder.isStale(target)).toBe(true);
  });
});
