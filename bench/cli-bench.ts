/**
 * `npm run bench:cli`: how fast does the command line start on a small file?
 *
 * Runs `node -e 0` and the `hsh-check` bin (dist/cli/check.js, built first if
 * stale) on small files, interleaved so that both see the same machine load,
 * and reports the median wall time of each and the ratio check / node -e 0
 * (goal ≤ 3×). The files: a generated 50-row CSV and .xlsx (always), and the
 * dev corpus's first CSV and first .xlsx when ../shared/corpus/dev is there.
 * The first run of each file is not counted (it may write the code cache).
 *
 * Environment: BENCH_RUNS (15), BENCH_JSON=1 for one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = resolve(__dirname, '..');
const DEV = resolve(ROOT, '../shared/corpus/dev');
const BIN = join(ROOT, 'dist/cli/check.js');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 15));
const GOAL = 3;
const log = (s: string) => process.stderr.write(`${s}\n`);

const HEADER = ['Event name', 'Date of event', 'Type of event', 'Street address', 'City', 'Zip', 'Target audience', 'Engagement level', 'Number of attendees'];
const TYPES = ['Literacy', 'Parenting', 'Child development', 'Health fair', 'Other'];
const AUDIENCES = ['Parents', 'Parents & caregivers', 'Parent and child', 'Center directors', 'Families with children'];
const LEVELS = ['Level 1', 'Level 2', 'Touchpoint', 'level one', 'L2'];

function rows(n: number): (string | number | Date)[][] {
  return Array.from({ length: n }, (_, i) => [
    `Story time ${i + 1}`, new Date(Date.UTC(2023, i % 12, 1 + (i % 27))), TYPES[i % TYPES.length]!, `${100 + i} Woodward Ave`,
    'Detroit', 48201 + (i % 30), AUDIENCES[i % AUDIENCES.length]!, LEVELS[i % LEVELS.length]!, 5 + ((i * 7) % 40),
  ]);
}

async function smallFiles(dir: string): Promise<string[]> {
  const data = rows(50);
  const csv = join(dir, 'small-50-rows.csv');
  const cell = (v: string | number | Date) => (v instanceof Date ? `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}` : String(v));
  writeFileSync(csv, [HEADER, ...data].map((r) => r.map(cell).join(',')).join('\n') + '\n');
  const xlsx = join(dir, 'small-50-rows.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Events');
  ws.addRow(HEADER);
  for (const r of data) ws.addRow(r);
  await wb.xlsx.writeFile(xlsx);
  const files = [csv, xlsx];
  if (existsSync(DEV)) {
    const names = readdirSync(DEV).sort();
    for (const ext of ['.csv', '.xlsx']) {
      const first = names.find((n) => n.endsWith(ext));
      if (first) files.push(join(DEV, first));
    }
  } else {
    log(`(${DEV} not found: the dev corpus's files are left out)`);
  }
  return files;
}

function wall(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  // 0: no errors, 1: the sheet has errors; anything else is a failed run, not a time.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.cjs'), 'cli', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build of the command line failed');
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  try {
    const files = await smallFiles(dir);
    const node: number[] = [];
    const times = new Map<string, number[]>(files.map((f) => [f, []]));
    for (const f of files) wall([BIN, f, '--json']);
    for (let i = 0; i < RUNS; i++) {
      node.push(wall(['-e', '0']));
      for (const f of files) times.get(f)!.push(wall([BIN, f, '--json']));
    }
    const base = median(node);
    const results = files.map((f) => {
      const ms = median(times.get(f)!);
      return { file: f.startsWith(DEV) ? `dev/${f.slice(DEV.length + 1)}` : f.slice(dir.length + 1), ms: Math.round(ms), ratio: Math.round((ms / base) * 100) / 100 };
    });
    if (process.env.BENCH_JSON === '1') {
      process.stdout.write(`${JSON.stringify({ runs: RUNS, nodeMs: Math.round(base), results, goal: GOAL })}\n`);
      return;
    }
    log(`hsh-check start-up, median of ${RUNS} runs; node -e 0: ${base.toFixed(0)} ms`);
    for (const r of results) log(`  ${r.file.padEnd(48)} ${String(r.ms).padStart(6)} ms  ${r.ratio.toFixed(2)}× node -e 0  ${r.ratio <= GOAL ? 'within' : 'over'} the goal (≤ ${GOAL}×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(`bench:cli failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
