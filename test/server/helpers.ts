import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Workbook as XlsxWorkbook } from 'exceljs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import { loadConfig, type ServerConfig } from '../../src/server/config';
import { newId } from '../../src/server/ids';
import { OrgRepository } from '../../src/server/repositories/orgs';
import { TokenRepository } from '../../src/server/repositories/tokens';
import { openStore, type Store } from '../../src/server/store/connect';

// ESM-only dependencies of app.inject and @fastify/static: see esmShims.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories run before imports
jest.mock('cookie', () => require('./esmShims').cookie);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories run before imports
jest.mock('content-disposition', () => require('./esmShims').contentDisposition);

export type StoreKind = 'sqlite' | 'postgres';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgChecked: boolean | undefined;
/** Whether PostgreSQL answers (checked once, synchronously, so describe() can decide). */
export function pgReachable(): boolean {
  if (pgChecked === undefined) {
    const probe = `const {Client}=require('pg');const c=new Client({connectionString:process.env.U,connectionTimeoutMillis:3000});c.connect().then(()=>c.query('select 1')).then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`;
    const r = spawnSync(process.execPath, ['-e', probe], { env: { ...process.env, U: PG_URL }, timeout: 8000, cwd: join(__dirname, '../..') });
    pgChecked = r.status === 0;
  }
  return pgChecked;
}

/** describe on PostgreSQL when it answers; otherwise skipped, and said so. */
export function describeStores(name: string, fn: (kind: StoreKind) => void): void {
  describe(`${name} (SQLite)`, () => fn('sqlite'));
  if (pgReachable()) {
    describe(`${name} (PostgreSQL)`, () => fn('postgres'));
  } else {
    console.warn(`PostgreSQL is not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')}: skipping "${name}" on PostgreSQL`);
    describe.skip(`${name} (PostgreSQL: not reachable)`, () => fn('postgres'));
  }
}

export interface TestStore {
  store: Store;
  url: string;
  /** Opens another connection to the same store (e.g. after a crash). */
  reopen(): Store;
  cleanup(): Promise<void>;
}

/** A fresh store: a temp SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function makeStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'datashare-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const store = openStore(url);
    await store.migrate();
    return {
      store,
      url,
      reopen: () => openStore(url),
      cleanup: async () => {
        await store.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = newId('t', 10).replace(/[^a-z0-9_]/g, '_');
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const store = openStore(url);
  await store.migrate();
  return {
    store,
    url,
    reopen: () => openStore(url),
    cleanup: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db).catch(() => undefined);
      await store.close().catch(() => undefined);
    },
  };
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }, '/nonexistent-dir'),
    rateLimit: { max: 100_000, windowMs: 60_000 },
    maxAuthFailures: 1000,
    ...overrides,
  };
}

/** Collects log lines in memory. */
export function logCapture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export interface TestApp {
  app: FastifyInstance;
  ts: TestStore;
  orgs: OrgRepository;
  tokens: TokenRepository;
  /** A signed (or unsigned) organisation and a partner token for it. */
  partner(name?: string, signed?: boolean): Promise<{ orgId: string; token: string; tokenId: string }>;
  analyst(name?: string): Promise<{ token: string; tokenId: string }>;
  close(): Promise<void>;
}

export async function makeApp(kind: StoreKind, options: Partial<AppOptions> = {}, config: Partial<ServerConfig> = {}): Promise<TestApp> {
  const ts = await makeStore(kind);
  const app = await buildApp({ config: testConfig(config), store: ts.store, logStream: false, ...options });
  await app.ready();
  const orgs = new OrgRepository(ts.store.db);
  const tokens = new TokenRepository(ts.store.db);
  let n = 0;
  return {
    app,
    ts,
    orgs,
    tokens,
    async partner(name = `Partner ${++n} ${newId('x', 4)}`, signed = true) {
      const org = await orgs.add(name, signed ? '2024-01-02' : undefined);
      const { token, info } = await tokens.issue({ role: 'partner', orgId: org.id, person: `Staff of ${name}` });
      return { orgId: org.id, token, tokenId: info.id };
    },
    async analyst(name = 'Ann Analyst') {
      const { token, info } = await tokens.issue({ role: 'analyst', person: name });
      return { token, tokenId: info.id };
    },
    async close() {
      await app.close();
      await ts.cleanup();
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A multipart/form-data body for app.inject. */
export function multipart(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----datashare${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const HEADER = ['Event Name', 'Date', 'Type of event', 'Street address', 'City', 'Zip', 'Target audience', 'Engagement level', 'Number of attendees'];

/** Event rows: good ones, and (with bad=true) a few with data errors. */
export function eventRows(count: number, opts: { bad?: boolean; titlePrefix?: string } = {}): unknown[][] {
  const rows: unknown[][] = [];
  const levels = ['Touchpoint', 'Level 1', 'Level 2', 'Day of the Young Child'];
  for (let i = 0; i < count; i++) {
    const month = (i % 12) + 1;
    const day = (i % 27) + 1;
    rows.push([
      `${opts.titlePrefix ?? 'Story time'} ${i + 1}`,
      new Date(Date.UTC(2023, month - 1, day)),
      'Literacy',
      `${100 + i} Main St`,
      'Detroit',
      '48201',
      'Parents',
      levels[i % 4],
      10 + (i % 20),
    ]);
  }
  if (opts.bad) {
    rows.push(['Bad date', 'TBD', 'Literacy', '1 Main St', 'Detroit', '48201', 'Parents', 'Level 1', 5]);
    rows.push(['Old event', new Date(Date.UTC(2022, 11, 15)), 'Literacy', '2 Main St', 'Detroit', '48201', 'Parents', 'Level 1', 'lots']);
    rows.push(['=1+1', new Date(Date.UTC(2023, 5, 1)), 'Literacy', '3 Main St', 'Detroit', '4820', 'Parents', 'Level 1', 7]);
  }
  return rows;
}

/** A partner workbook made with exceljs: a title line, then the header on row 3, then the rows. */
export async function xlsxFixture(rows: unknown[][], opts: { sheet?: string; extraSheets?: string[] } = {}): Promise<Buffer> {
  const wb = new XlsxWorkbook();
  for (const name of opts.extraSheets ?? []) wb.addWorksheet(name).getCell('A1').value = 'notes';
  const ws = wb.addWorksheet(opts.sheet ?? '2023 Events');
  ws.getCell('A1').value = 'Our family events, 2023';
  ws.getRow(3).values = HEADER;
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = r as never;
    const d = ws.getCell(4 + i, 2);
    if (d.value instanceof Date) d.numFmt = 'm/d/yyyy';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same sheet as the add-in posts it: values as Office.js returns them (dates as serials with a date format). */
export function valuesPayload(rows: unknown[][], sheet = '2023 Events') {
  const toSerial = (d: Date) => d.getTime() / 86_400_000 + 25569;
  const grid: unknown[][] = [['Our family events, 2023'], [], HEADER, ...rows.map((r) => r.map((v) => (v instanceof Date ? toSerial(v) : v)))];
  const formats = grid.map((r) => r.map((v, c) => (c === 1 && typeof v === 'number' ? 'm/d/yyyy' : 'General')));
  return { sheet, rows: grid, numberFormats: formats, date1904: false };
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxWorkbook> {
  const wb = new XlsxWorkbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** POST one file as multipart/form-data, as the taskpane's browser mode and curl send it. */
export function uploadFile(t: TestApp, token: string, name: string, bytes: Uint8Array) {
  const m = multipart({}, { name, bytes });
  return t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(token) } });
}
