/**
 * `npm run bench:hostile`: four pathological uploads at once against the
 * built server (dist/server/server.js, as `npm run serve` runs it), while a
 * client polls /healthz every 20 ms:
 *
 *   1. a 360 KB CSV whose second line opens a quote that never closes
 *   2. a workbook with one merge over the whole sheet (A1:XFD1048576)
 *   3. a 600,000-row JSON submission from the add-in (within the cell limit)
 *   4. a zip bomb: an .xlsx whose sheet inflates to 1.6 GB
 *
 * Reports /healthz p50/p99/max (goal p99 < 100 ms), each upload's answer and
 * time, the server's peak RSS (goal < 1.5 GB; worker threads included, it is
 * one process) and whether the server still answers a normal submission
 * afterwards. The files are generated here, in a temp folder. Loopback only.
 *
 * Environment: BENCH_DATABASE_URL (default a temp SQLite file), BENCH_ONLY=quote,merge,rows,bomb
 * (a subset, to see what each costs), BENCH_JSON=1 for one JSON line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';
import { OrgRepository } from '../src/server/repositories/orgs';
import { TokenRepository } from '../src/server/repositories/tokens';
import { openStore } from '../src/server/store/connect';

const ROOT = resolve(__dirname, '..');
const DEADLINE_MS = 10 * 60_000;
const log = (s: string) => process.stderr.write(`${s}\n`);
const HEADER = ['Event name', 'Date', 'Type of event', 'Street address', 'City', 'Zip', 'Target audience', 'Engagement level', 'Number of attendees'];

/** 1. The header, then a line that opens a quote and never closes it: the rest of the file is one cell. */
function unterminatedQuoteCsv(bytes = 360 * 1024): Buffer {
  const head = `${HEADER.join(',')}\n"Story time, 3/4/2023, Literacy, 1 Main St, Detroit, 48201, Parents, Level 1, 12\n`;
  const line = 'Story time,3/4/2023,Literacy,1 Main St,Detroit,48201,Parents & caregivers,Level 1,12\n';
  return Buffer.from(head + line.repeat(Math.ceil((bytes - head.length) / line.length)));
}

/** A zip (stored or deflated entries) written by hand, so nothing here ever holds an inflated bomb. */
function zip(entries: { name: string; data: Buffer; crc: number; size: number; method: 0 | 8 }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    central.push(dir, name);
    offset += local.length + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const deflated = (name: string, text: string) => {
  const data = Buffer.from(text);
  return { name, data: deflateRawSync(data), crc: crc32(data), size: data.length, method: 8 as const };
};

function xlsx(sheetXml: { name: string; data: Buffer; crc: number; size: number; method: 0 | 8 }): Buffer {
  return zip([
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflated(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Events" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheetXml,
  ]);
}

const cell = (ref: string, v: string | number) =>
  typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const letters = 'ABCDEFGHI';

/** 2. A small events sheet with one merge over the whole grid. */
function wholeSheetMerge(): Buffer {
  const rows = [HEADER, ...Array.from({ length: 20 }, (_, i) => [`Story time ${i + 1}`, 44990 + i, 'Literacy', `${i + 1} Main St`, 'Detroit', '48201', 'Parents', 'Level 1', 10 + i])];
  const xml = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(`${letters[c]}${i + 1}`, v)).join('')}</row>`).join('');
  return xlsx(
    deflated(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
    ),
  );
}

/** 4. A sheet that inflates to `size` bytes (spaces inside an element), deflated in a stream. */
async function zipBomb(size = 1.6e9): Promise<Buffer> {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => deflate.on('end', r));
  let crc = crc32(head);
  deflate.write(head);
  let left = size - head.length - tail.length;
  while (left > 0) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
    left -= piece.length;
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  return xlsx({ name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, size, method: 8 });
}

/** 3. The add-in's JSON for a 600,000-row sheet, 3 columns (1.8 M cells, under the 2 M limit). */
function bigJson(rows = 600_000): string {
  const parts = ['{"sheet":"Events","rows":[["Event name","Date","Engagement level"]'];
  for (let i = 0; i < rows; i++) parts.push(`,["E${i}",${44927 + (i % 365)},"L${1 + (i % 2)}"]`);
  parts.push(']}');
  return parts.join('');
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'datashare-hostile-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
  const store = openStore(databaseUrl);
  await store.migrate();
  const orgs = new OrgRepository(store.db);
  const tokens = new TokenRepository(store.db);
  const stamp = Date.now().toString(36);
  const tokenFor = async (name: string) => {
    const org = await orgs.add(`${name} ${stamp}`, '2024-01-01');
    return (await tokens.issue({ role: 'partner', orgId: org.id, person: `${name} person` })).token;
  };
  const names = ['quote', 'merge', 'rows', 'bomb', 'normal'];
  const tok: Record<string, string> = {};
  for (const n of names) tok[n] = await tokenFor(`Hostile ${n}`);
  await store.close();

  const g0 = performance.now();
  const files = {
    quote: unterminatedQuoteCsv(),
    merge: wholeSheetMerge(),
    rows: bigJson(),
    bomb: await zipBomb(),
  };
  log(
    `generated in ${((performance.now() - g0) / 1000).toFixed(1)} s: quote CSV ${(files.quote.length / 1024).toFixed(0)} KiB, merge xlsx ${(files.merge.length / 1024).toFixed(1)} KiB, ` +
      `600k-row JSON ${(files.rows.length / 1e6).toFixed(1)} MB, zip bomb ${(files.bomb.length / 1e6).toFixed(2)} MB (inflates to 1.6 GB)`,
  );

  const built = spawnSync(process.execPath, ['scripts/build.cjs', '--if-stale', 'server', 'worker'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the server failed');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/server/server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', TLS_CERT: '', TLS_KEY: '', RATE_LIMIT_MAX: '100000', TASKPANE_DIR: '/nonexistent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const deadline = setTimeout(() => {
    log('bench: deadline reached, stopping');
    child.kill('SIGKILL');
    process.exit(2);
  }, DEADLINE_MS);
  try {
    await waitHealthy(base);
    let peakRss = rssMb(child.pid!);
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(child.pid!) || 0)), 25);

    const health: number[] = [];
    let healthFailures = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const s = performance.now();
        try {
          const res = await fetch(`${base}/healthz`);
          await res.arrayBuffer();
          if (!res.ok) healthFailures++;
        } catch {
          healthFailures++;
        }
        health.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const send = async (label: string, body: () => { body: BodyInit; headers: Record<string, string> }) => {
      const s = performance.now();
      try {
        const { body: payload, headers } = body();
        const res = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${tok[label]}`, ...headers }, body: payload });
        const json = (await res.json()) as { error?: { code: string; message: string }; id?: string; summary?: { records: number } };
        return {
          upload: label,
          status: res.status,
          answer: json.error ? `${json.error.code}: ${json.error.message}` : `${json.id} (${json.summary?.records} records)`,
          seconds: Number(((performance.now() - s) / 1000).toFixed(2)),
          id: json.id,
        };
      } catch (e) {
        return { upload: label, status: 0, answer: `network: ${e instanceof Error ? e.message : String(e)}`, seconds: Number(((performance.now() - s) / 1000).toFixed(2)), id: undefined };
      }
    };
    const form = (name: string, bytes: Buffer) => () => {
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(bytes)]), name);
      return { body: f, headers: {} };
    };
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    const only = process.env.BENCH_ONLY?.split(',');
    const all = {
      quote: () => send('quote', form('unterminated-quote.csv', files.quote)),
      merge: () => send('merge', form('whole-sheet-merge.xlsx', files.merge)),
      rows: () => send('rows', () => ({ body: files.rows, headers: { 'content-type': 'application/json' } })),
      bomb: () => send('bomb', form('zip-bomb.xlsx', files.bomb)),
    };
    const uploads = await Promise.all(Object.entries(all).filter(([k]) => !only || only.includes(k)).map(([, run]) => run()));
    const hostileSeconds = (performance.now() - t0) / 1000;
    // The merge workbook's annotated workbook (built once at submission, or refused) must not hurt either.
    const merged = uploads.find((u) => u.upload === 'merge');
    let annotatedMerge = 'not stored';
    if (merged?.id) {
      const s = performance.now();
      const res = await fetch(`${base}/api/v1/submissions/${merged.id}/annotated.xlsx`, { headers: { authorization: `Bearer ${tok.merge}` } });
      annotatedMerge = `HTTP ${res.status} ${(await res.arrayBuffer()).byteLength} bytes in ${((performance.now() - s) / 1000).toFixed(2)} s`;
    }
    polling = false;
    await poller;
    clearInterval(rssTimer);

    const normal = await send('normal', () => ({
      body: JSON.stringify({
        sheet: 'Events',
        rows: [HEADER, ['Story time', 45000, 'Literacy', '1 Main St', 'Detroit', '48201', 'Parents', 'Level 1', 12]],
      }),
      headers: { 'content-type': 'application/json' },
    }));
    const sorted = [...health].sort((a, b) => a - b);
    const result = {
      healthz: { polls: health.length, failures: healthFailures, p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? NaN) },
      uploads: uploads.map(({ id: _id, ...u }) => u),
      annotatedMerge,
      hostileSeconds: Number(hostileSeconds.toFixed(1)),
      peakRssMb: Math.round(peakRss),
      serverUp: exited === undefined,
      normalAfterwards: { status: normal.status, seconds: normal.seconds },
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    };
    const ok = result.serverUp && normal.status === 201 && result.healthz.p99 < 100 && result.peakRssMb < 1536 && healthFailures === 0;
    if (process.env.BENCH_JSON === '1') process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          'hostile bench: 4 pathological uploads at once, /healthz polled every 20 ms, built server, default limits',
          `  /healthz      p50 ${result.healthz.p50} ms, p99 ${result.healthz.p99} ms (goal < 100), max ${result.healthz.max} ms, ${result.healthz.polls} polls, ${healthFailures} failed`,
          ...result.uploads.map((u) => `  ${u.upload.padEnd(6)}        HTTP ${u.status} in ${u.seconds} s: ${u.answer.slice(0, 160)}`),
          `  merge annotated ${annotatedMerge}`,
          `  peak RSS      ${result.peakRssMb} MB (goal < 1536)`,
          `  afterwards    server ${result.serverUp ? 'up' : `DOWN (exit ${exited})`}, a normal submission answered HTTP ${normal.status} in ${normal.seconds} s`,
          `  ${ok ? 'all goals met' : 'GOALS MISSED'}`,
          '',
        ].join('\n'),
      );
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    if (exited === undefined) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
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
