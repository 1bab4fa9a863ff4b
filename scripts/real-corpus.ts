/**
 * Runs the check command line on every file of ../shared/corpus/real, as a
 * user would, and reports per file: exit status, seconds, peak memory, and
 * whether anything but one clean line reached standard error.
 *   npx tsx scripts/real-corpus.ts [DIR] [--json]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.resolve(ROOT, '../shared/corpus/real');
const files = fs.readdirSync(dir).filter((f) => f !== 'MANIFEST.tsv').sort();
const rows: { file: string; code: number | null; seconds: number; mb: number; stderr: string; ok: boolean }[] = [];
for (const file of files) {
  const started = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--import', 'tsx', path.join(ROOT, 'src/cli/check.ts'), path.join(dir, file), '--json'], {
    cwd: ROOT, timeout: 30_000, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8',
  });
  const seconds = (Date.now() - started) / 1000;
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Command exited with non-zero status'));
  const mb = Number(lines.pop()) / 1024;
  const stderr = lines.join('\n');
  const code = r.status;
  const clean = !/\n\s+at |Error:|TypeError|RangeError/.test(stderr) && lines.length <= 1;
  const ok = (code === 0 || code === 1 || code === 2) && clean && seconds < 30 && mb < 1536 && (code === 2 || isJsonObject(r.stdout));
  rows.push({ file, code, seconds, mb, stderr, ok });
  process.stderr.write(`${ok ? 'ok ' : 'BAD'} ${String(code).padStart(4)} ${seconds.toFixed(1).padStart(5)}s ${mb.toFixed(0).padStart(5)}MB ${file} ${stderr.slice(0, 150)}\n`);
}
const bad = rows.filter((r) => !r.ok);
const byCode = (c: number): number => rows.filter((r) => r.code === c).length;
const slowest = rows.reduce((a, b) => (b.seconds > a.seconds ? b : a));
const biggest = rows.reduce((a, b) => (b.mb > a.mb ? b : a));
const summary = `${rows.length} files: exit 0 ${byCode(0)}, exit 1 ${byCode(1)}, exit 2 ${byCode(2)}, bad ${bad.length}; slowest ${slowest.seconds.toFixed(1)} s (${slowest.file}); peak ${biggest.mb.toFixed(0)} MB (${biggest.file})`;
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ rows, summary }) + '\n');
else process.stdout.write(`${summary}\n${bad.map((b) => `BAD ${b.file}: exit ${b.code}, ${b.seconds}s, ${b.mb}MB, ${b.stderr}`).join('\n')}\n`);

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}
