import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
// helpers first: it stands in for ESM-only modules before the app loads them.
import { auth, describeStores, eventRows, makeStore, testConfig, valuesPayload, type TestStore } from './helpers';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/connect';
import { OrgRepository } from '../../src/server/repositories/orgs';
import { TokenRepository } from '../../src/server/repositories/tokens';

const ROOT = join(__dirname, '../..');

/** Starts src/server/server.ts in a child process; resolves with its URL once it is ready. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', TASKPANE_DIR: '/nonexistent', MANIFEST_FILE: '/nonexistent.xml', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"ready"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function counts(store: Store) {
  const n = async (table: 'submissions' | 'submission_files' | 'records' | 'issues') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = await store.db.selectFrom('audit_log').select('action').where('action', '=', 'submission.create').where('outcome', '=', 'ok').execute();
  return { submissions: await n('submissions'), files: await n('submission_files'), records: await n('records'), issues: await n('issues'), audited: audits.length };
}

describeStores('a kill -9 in the middle of a submission', (kind) => {
  let ts: TestStore;
  let token: string;
  beforeAll(async () => {
    ts = await makeStore(kind);
    const org = await new OrgRepository(ts.store.db).add('Crash Test Org', '2024-01-01');
    token = (await new TokenRepository(ts.store.db).issue({ role: 'partner', orgId: org.id, person: 'Tester' })).token;
  });
  afterAll(async () => ts.cleanup());

  test('leaves no half submission, keeps the committed ones, and the retry goes through', async () => {
    // One committed submission first.
    const app = await buildApp({ config: testConfig(), store: ts.store, logStream: false });
    const first = await app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(4, { bad: true })), headers: auth(token) });
    expect(first.statusCode).toBe(201);
    await app.close();
    const before = await counts(ts.store);
    expect(before).toMatchObject({ submissions: 1, files: 1, records: 7, audited: 1 });
    expect(before.issues).toBeGreaterThan(0);

    const marker = join(mkdtempSync(join(tmpdir(), 'datashare-kill-')), 'paused');
    const server = await startServer({ DATABASE_URL: ts.url, DATASHARE_TEST_PAUSE_IN_TX: marker });
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? 9 : null)));
    const request = fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json', 'idempotency-key': 'killed-once' },
      body: JSON.stringify(valuesPayload(eventRows(50, { bad: true }))),
    }).then(
      (r) => r.status,
      () => 'connection lost',
    );
    // The server is now inside the transaction: submission, file and records written, not committed.
    await waitFor(() => existsSync(marker), 20_000);
    server.child.kill('SIGKILL');
    expect(await exited).toBe(9);
    expect(await request).toBe('connection lost');

    const reopened = ts.reopen();
    try {
      await reopened.migrate();
      expect(await counts(reopened)).toEqual(before);
      if (kind === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(reopened.db);
        expect(check.rows[0]!.integrity_check).toBe('ok');
      }
      // The partner's retry with the same key is a new, complete submission.
      const again = await buildApp({ config: testConfig(), store: reopened, logStream: false });
      const retry = await again.inject({
        method: 'POST',
        url: '/api/v1/submissions',
        payload: valuesPayload(eventRows(50, { bad: true })),
        headers: { ...auth(token), 'idempotency-key': 'killed-once' },
      });
      expect(retry.statusCode).toBe(201);
      await again.close();
      expect(await counts(reopened)).toMatchObject({ submissions: 2, files: 2, records: 7 + 53, audited: 2 });
    } finally {
      await reopened.close();
    }
  });

  test('SIGTERM stops the server cleanly', async () => {
    const server = await startServer({ DATABASE_URL: ts.url });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
