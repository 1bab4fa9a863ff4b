/**
 * `npm run bench:server`: 20 signed partners submit a 1,000-row workbook at
 * once, for a few rounds, to the real server on a free loopback port with a
 * temporary SQLite store. Reports throughput, p50/p99 latency and errors, and
 * checks that every accepted submission can be read back (report and
 * annotated workbook). Loopback traffic only; bounded in count and time.
 *
 * Environment: BENCH_PARTNERS (20), BENCH_ROWS (1000), BENCH_ROUNDS (3),
 * BENCH_DATABASE_URL (default: a temp SQLite file), BENCH_JSON=1 for one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Workbook as XlsxWorkbook } from 'exceljs';
import { OrgRepository } from '../src/server/repositories/orgs';
import { TokenRepository } from '../src/server/repositories/tokens';
import { openStore } from '../src/server/store/connect';

const ROOT = resolve(__dirname, '..');
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 20);
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DEADLINE_MS = 10 * 60_000;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function workbook(rows: number): Promise<Buffer> {
  const wb = new XlsxWorkbook();
  const ws = wb.addWorksheet('2023 Events');
  ws.addRow(['Event Name', 'Date', 'Type of event', 'Street address', 'City', 'Zip', 'Target audience', 'Engagement level', 'Number of attendees']);
  const levels = ['Touchpoint', 'L1', 'Level 2', 'Day of the Young Child'];
  const types = ['Literacy', 'Parenting', 'Child development', 'Instruction'];
  for (let i = 0; i < rows; i++) {
    const row = ws.addRow([
      `Event ${i + 1}`,
      new Date(Date.UTC(2023, i % 12, (i % 28) + 1)),
      types[i % 4],
      `${100 + i} Woodward Ave`,
      'Detroit',
      i % 50 === 0 ? '4820' : '48201',
      i % 3 === 0 ? 'Parents & caregivers' : 'Teachers',
      levels[i % 4],
      i % 97 === 0 ? 'about 20' : 5 + (i % 40),
    ]);
    row.getCell(2).numFmt = 'm/d/yyyy';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'datashare-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
  const store = openStore(databaseUrl);
  await store.migrate();
  const orgs = new OrgRepository(store.db);
  const tokens = new TokenRepository(store.db);
  const partners: string[] = [];
  const stamp = Date.now().toString(36);
  for (let i = 0; i < PARTNERS; i++) {
    const org = await orgs.add(`Bench partner ${i + 1} ${stamp}`, '2024-01-01');
    partners.push((await tokens.issue({ role: 'partner', orgId: org.id, person: `Bench person ${i + 1}` })).token);
  }
  const analyst = (await tokens.issue({ role: 'analyst', person: 'Bench analyst' })).token;
  const warmOrg = await orgs.add(`Bench warm-up ${stamp}`, '2024-01-01');
  const warmUp = (await tokens.issue({ role: 'partner', orgId: warmOrg.id, person: 'Warm-up' })).token;
  await store.close();
  const file = await workbook(ROWS);
  log(`workbook: ${ROWS} rows, ${(file.length / 1024).toFixed(0)} KiB; ${PARTNERS} partners x ${ROUNDS} rounds; store ${store.location}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', TLS_CERT: '', TLS_KEY: '', RATE_LIMIT_MAX: '100000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = setTimeout(() => {
    log('bench: deadline reached, stopping');
    child.kill('SIGKILL');
    process.exit(2);
  }, DEADLINE_MS);
  try {
    await waitHealthy(base);
    // One untimed submission first, so the figures are not about module loading and JIT warm-up.
    const warm = new FormData();
    warm.append('file', new Blob([new Uint8Array(file)]), 'warm-up.xlsx');
    const warmed = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${warmUp}` }, body: warm });
    if (warmed.status !== 201) throw new Error(`warm-up submission answered ${warmed.status}`);
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const accepted: { id: string; token: string }[] = [];
    const roundTimes: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const t0 = performance.now();
      await Promise.all(
        partners.map(async (token, i) => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(file)]), `partner-${i + 1}.xlsx`);
          const s = performance.now();
          try {
            const res = await fetch(`${base}/api/v1/submissions`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${stamp}-${round}-${i}` },
              body: form,
            });
            const body = (await res.json()) as { id?: string };
            latencies.push(performance.now() - s);
            if (res.status === 201 && body.id) accepted.push({ id: body.id, token });
            else errors[`HTTP ${res.status}`] = (errors[`HTTP ${res.status}`] ?? 0) + 1;
          } catch (e) {
            errors[e instanceof Error ? e.message : 'network'] = (errors[e instanceof Error ? e.message : 'network'] ?? 0) + 1;
          }
        }),
      );
      roundTimes.push(performance.now() - t0);
      log(`round ${round}: ${PARTNERS} submissions in ${(roundTimes.at(-1)! / 1000).toFixed(2)} s`);
    }
    const total = PARTNERS * ROUNDS;
    const wall = roundTimes.reduce((a, b) => a + b, 0) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);

    // Every accepted submission is readable afterwards: its report (with all records) and its annotated workbook.
    let readable = 0;
    const unreadable: string[] = [];
    const queue = [...accepted];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const report = await fetch(`${base}/api/v1/submissions/${next.id}`, { headers: { authorization: `Bearer ${next.token}` } });
          const json = report.ok ? ((await report.json()) as { records?: unknown[] }) : null;
          const annotated = await fetch(`${base}/api/v1/submissions/${next.id}/annotated.xlsx`, { headers: { authorization: `Bearer ${analyst}` } });
          const bytes = annotated.ok ? (await annotated.arrayBuffer()).byteLength : 0;
          if (json?.records?.length === ROWS && bytes > 0) readable++;
          else unreadable.push(`${next.id} (report ${report.status}, annotated ${annotated.status})`);
        }
      }),
    );
    const aggregate = await fetch(`${base}/api/v1/aggregate`, { headers: { authorization: `Bearer ${analyst}` } });
    const agg = (await aggregate.json()) as { partners?: unknown[]; records?: unknown[]; totals?: { records: number } };

    const result = {
      partners: PARTNERS,
      rows: ROWS,
      rounds: ROUNDS,
      submissions: total,
      accepted: accepted.length,
      errors,
      throughputPerSecond: Number((total / wall).toFixed(2)),
      latencyMs: { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? NaN) },
      readableAfterwards: readable,
      unreadable,
      aggregate: { status: aggregate.status, partners: agg.partners?.length ?? 0, records: agg.totals?.records ?? 0, firstPage: agg.records?.length ?? 0 },
      store: store.dialect,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    };
    if (process.env.BENCH_JSON === '1') process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          `server bench: ${PARTNERS} partners x ${ROUNDS} rounds, ${ROWS}-row workbooks, ${store.dialect} store`,
          `  submissions   ${accepted.length}/${total} accepted, errors ${JSON.stringify(errors)}`,
          `  throughput    ${result.throughputPerSecond} submissions/s`,
          `  latency       p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
          `  read back     ${readable}/${accepted.length} (report with ${ROWS} records + annotated workbook)${unreadable.length ? ` FAILED: ${unreadable.join(', ')}` : ''}`,
          `  aggregate     HTTP ${aggregate.status}, ${result.aggregate.partners} partners (with the warm-up one), ${result.aggregate.records} records (${result.aggregate.firstPage} on the first page)`,
          '',
        ].join('\n'),
      );
    }
    process.exitCode = accepted.length === total && readable === accepted.length && Object.keys(errors).length === 0 ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (!process.env.BENCH_DATABASE_URL) rmSync(dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function waitHealthy(base: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('the server did not become healthy in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch((e: unknown) => {
  log(`bench failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
