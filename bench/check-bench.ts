/**
 * `npm run bench:check`: how fast is a whole check of a large events workbook?
 *
 * Generates a 100,000-row, 11-column events workbook with exceljs (real date
 * cells, messy partner values) in a temp folder, then reports the median of a
 * few runs of:
 *   1. the whole check, readWorkbookFile + check(), against a bare exceljs
 *      streaming read of the same file (goal ≤ 1.2×);
 *   2. check() alone over rows already read, against a minimal hand-written
 *      loop that trims each cell and parses the date and numbers (goal ≤ 2×);
 *   3. peak memory (maxRSS of a fresh child process per task; the heap still
 *      held once the workbook is read and checked).
 *
 * Environment: BENCH_ROWS (100000), BENCH_REPEATS (5), BENCH_JSON=1 for one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { check } from '../src/core/check';
import { cellText, type Cell, type Sheet, type Workbook } from '../src/core/workbook';
import { readWorkbookFile } from '../src/io/readFile';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
const log = (s: string) => process.stderr.write(`${s}\n`);

/** A small seeded generator, so that every run checks the same workbook. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = ['Title', 'Date', 'Type', 'Description', 'Street', 'City', 'Zip', 'Audience', 'Engagement', 'Attendees', 'Notes'];
const TITLES = ['Story Time', 'Parent Café', 'Baby Brain Basics', 'Ready for K Workshop', 'Family Math Night', 'FFN Caregiver Playgroup', 'Diaper Drive', 'Back-to-School Backpack Giveaway', 'Ages & Stages Screening Day', 'Reading Buddies'];
const TYPES = ['Literacy', 'literacy ', 'Parenting', 'Child development', 'Child dev', 'Adult-child interaction', 'Health fair', 'Other', 'PARENTING', ''];
const DESCRIPTIONS = ['Parents read with their children at the library.', 'Guest speaker from the health department, Q&A afterwards.', '', 'Hands-on activities for toddlers and caregivers.', 'Make-up session after the snow day.'];
const STREETS = ['Woodward Ave', 'Gratiot Ave', 'Michigan Ave', 'Livernois Ave', 'Fort St', 'Mack Ave', 'Kercheval Ave', 'E Jefferson Ave'];
const CITIES = ['Detroit', 'Detroit', 'Detroit', 'detroit ', 'Highland Park', 'Hamtramck', 'DETROIT'];
const AUDIENCES = ['Parents', 'Parents & caregivers', 'Parent and child', 'Providers', 'Families with children', 'License-exempt caregivers', 'parents, providers', 'All'];
const LEVELS = ['Level 1', 'Level 2', 'L1', 'touch point', 'Touchpoint', 'level one', 'Day of the Young Child', 'L1/L2'];
const NOTES = ['', '', '', '', 'rain', 'moved indoors', 'see flyer', 'co-hosted with the library'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

async function generate(path: string, rows: number): Promise<void> {
  const rand = prng(2023);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('2023 Events');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const r = rand();
    // Mostly real date cells; some typed as text, a few missing or vague.
    const day = new Date(Date.UTC(2023, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    const date: Date | string | null =
      r < 0.85 ? day : r < 0.93 ? `${day.getUTCMonth() + 1}/${day.getUTCDate()}/2023` : r < 0.97 ? day.toISOString().slice(0, 10) : r < 0.99 ? 'TBD' : null;
    const zip = rand() < 0.8 ? 48201 + Math.floor(rand() * 40) : rand() < 0.5 ? `482${10 + Math.floor(rand() * 30)}-${1000 + Math.floor(rand() * 8999)}` : '4820';
    const a = rand();
    const attendees: number | string = a < 0.85 ? Math.floor(rand() * 120) : a < 0.9 ? `~${Math.floor(rand() * 60)}` : a < 0.95 ? `${Math.floor(rand() * 60)}+` : a < 0.98 ? 'about 40' : 'lots';
    const row = ws.addRow([
      rand() < 0.1 ? `  ${pick(rand, TITLES)} ` : `${pick(rand, TITLES)}${rand() < 0.3 ? ` (session ${1 + Math.floor(rand() * 6)})` : ''}`,
      date,
      pick(rand, TYPES),
      pick(rand, DESCRIPTIONS),
      rand() < 0.03 ? 'Virtual' : `${100 + Math.floor(rand() * 19900)} ${pick(rand, STREETS)}`,
      pick(rand, CITIES),
      zip,
      pick(rand, AUDIENCES),
      pick(rand, LEVELS),
      attendees,
      pick(rand, NOTES) || null,
    ]);
    if (date instanceof Date) row.getCell(2).numFmt = 'm/d/yyyy';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function exceljsStreamRead(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {});
  let rows = 0;
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  return rows;
}

async function wholeCheck(path: string): Promise<{ records: number; workbook: Workbook; report: unknown }> {
  const workbook = await readWorkbookFile(path);
  const report = check(workbook, { file: 'events.xlsx' });
  return { records: report.records.length, workbook, report };
}

/** The least any checker must do: trim every cell, read the date and the numbers. */
function minimalLoop(sheet: Sheet, date1904: boolean): number {
  let ok = 0;
  const rows = sheet.rows;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as Cell[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as Cell;
      const text = cellText(cell);
      if (text === '') continue;
      if (c === 1) {
        if (cell.kind === 'date' || cell.kind === 'number') {
          const ms = ((cell.value as number) + (date1904 ? 1462 : 0) - 25569) * 86_400_000;
          if (!Number.isNaN(new Date(ms).getTime())) ok++;
        } else {
          const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
          if (m) ok++;
        }
      } else if (c === 6 || c === 9) {
        if (Number.isFinite(Number(text.replace(/^[~]|[+]$/g, '')))) ok++;
      } else {
        ok++;
      }
    }
  }
  return ok;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface MemoryFigures {
  maxRssMB: number;
  heapHeldMB: number;
}

/** Runs one task in a fresh process (same loader flags) and reads its peak RSS. */
function measureInChild(task: 'ours' | 'exceljs' | 'idle', path: string): MemoryFigures | null {
  const res = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', __filename, '--child', task, path], { encoding: 'utf8', timeout: 300_000 });
  const line = (res.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as MemoryFigures;
  } catch {
    log(`memory child ${task} failed: ${res.stderr?.slice(0, 300)}`);
    return null;
  }
}

async function child(task: string, path: string): Promise<void> {
  let keep: unknown;
  if (task === 'ours') keep = await wholeCheck(path);
  else if (task === 'exceljs') keep = await exceljsStreamRead(path);
  gc();
  const heapHeldMB = process.memoryUsage().heapUsed / 1e6;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ maxRssMB, heapHeldMB, kept: keep !== undefined })}\n`);
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] ?? '', process.argv[4] ?? '');

  const dir = mkdtempSync(join(tmpdir(), 'datashare-check-bench-'));
  try {
    const path = join(dir, 'events.xlsx');
    log(`generating ${ROWS.toLocaleString('en-US')} rows with exceljs…`);
    const [genMs] = await timed(() => generate(path, ROWS));
    const size = statSync(path).size;
    log(`  ${(size / 1e6).toFixed(1)} MB in ${fmt(genMs)}`);

    // 1. Whole check against a bare exceljs streaming read, alternating, after one warm-up of each.
    await wholeCheck(path);
    await exceljsStreamRead(path);
    const ours: number[] = [];
    const bare: number[] = [];
    let records = 0;
    let exceljsRows = 0;
    for (let i = 0; i < REPEATS; i++) {
      gc();
      const [a, out] = await timed(() => wholeCheck(path));
      records = out.records;
      gc();
      const [b, n] = await timed(() => exceljsStreamRead(path));
      exceljsRows = n;
      ours.push(a);
      bare.push(b);
      log(`  run ${i + 1}: read+check ${fmt(a)}, exceljs stream ${fmt(b)}`);
    }

    // 2. The core alone over rows already read, against the minimal loop.
    const workbook = await readWorkbookFile(path);
    const sheet = workbook.sheets[0] as Sheet;
    const core: number[] = [];
    const loop: number[] = [];
    const readOnly: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      gc();
      core.push((await timed(() => check(workbook)))[0]);
      loop.push((await timed(() => minimalLoop(sheet, workbook.date1904)))[0]);
      gc();
      readOnly.push((await timed(() => readWorkbookFile(path)))[0]);
    }

    // 3. Memory, each task in a fresh process.
    const memOurs = measureInChild('ours', path);
    const memExceljs = measureInChild('exceljs', path);
    const memIdle = measureInChild('idle', path);

    const result = {
      rows: ROWS,
      fileMB: +(size / 1e6).toFixed(2),
      repeats: REPEATS,
      records,
      exceljsRows,
      wholeCheckMs: Math.round(median(ours)),
      readOnlyMs: Math.round(median(readOnly)),
      exceljsStreamMs: Math.round(median(bare)),
      wholeRatio: +(median(ours) / median(bare)).toFixed(2),
      coreMs: Math.round(median(core)),
      loopMs: Math.round(median(loop)),
      coreRowsPerSec: Math.round(ROWS / (median(core) / 1000)),
      loopRowsPerSec: Math.round(ROWS / (median(loop) / 1000)),
      coreRatio: +(median(core) / median(loop)).toFixed(2),
      memory: { ours: memOurs, exceljs: memExceljs, idle: memIdle },
    };
    if (process.env.BENCH_JSON === '1') {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const mem = (m: MemoryFigures | null) => (m ? `peak RSS ${m.maxRssMB.toFixed(0)} MB, heap held ${m.heapHeldMB.toFixed(0)} MB` : 'n/a');
    const lines = [
      `check bench: ${ROWS.toLocaleString('en-US')} rows × 11 columns, ${result.fileMB} MB .xlsx, median of ${REPEATS}`,
      `1. whole check (readWorkbookFile + check): ${fmt(result.wholeCheckMs)} (read alone ${fmt(result.readOnlyMs)}) vs exceljs streaming read ${fmt(result.exceljsStreamMs)} → ${result.wholeRatio}× (goal ≤ 1.2×) ${result.wholeRatio <= 1.2 ? 'OK' : 'OVER'}`,
      `   ${records.toLocaleString('en-US')} records checked; exceljs saw ${exceljsRows.toLocaleString('en-US')} rows`,
      `2. core over read rows: check() ${fmt(result.coreMs)} (${result.coreRowsPerSec.toLocaleString('en-US')} rows/s) vs minimal loop ${fmt(result.loopMs)} (${result.loopRowsPerSec.toLocaleString('en-US')} rows/s) → ${result.coreRatio}× (goal ≤ 2×) ${result.coreRatio <= 2 ? 'OK' : 'OVER'}`,
      `3. memory: read+check ${mem(memOurs)}; exceljs stream ${mem(memExceljs)}; idle process ${mem(memIdle)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
