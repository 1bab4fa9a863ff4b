import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventRows, valuesPayload } from './helpers';
import { OrgRepository } from '../../src/server/repositories/orgs';
import { TokenRepository } from '../../src/server/repositories/tokens';
import { openStore } from '../../src/server/store/connect';

const ROOT = join(__dirname, '../..');

/** `npm run serve` runs the esbuild bundle: dist/server/server.js, whose pool loads dist/server/worker.js. */
describe('the bundled server', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'datashare-dist-'));
    const built = spawnSync(process.execPath, ['scripts/build.cjs', '--if-stale', 'server', 'worker'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('checks, stores and annotates a submission in its bundled worker', async () => {
    expect(existsSync(join(ROOT, 'dist/server/worker.js'))).toBe(true);
    const databaseUrl = `sqlite:${join(dir, 'dist.db')}`;
    const store = openStore(databaseUrl);
    await store.migrate();
    const org = await new OrgRepository(store.db).add('Bundle Partner', '2024-01-01');
    const { token } = await new TokenRepository(store.db).issue({ role: 'partner', orgId: org.id, person: 'Bo Bundle' });
    await store.close();

    child = spawn(process.execPath, ['dist/server/server.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', TLS_CERT: '', TLS_KEY: '', TASKPANE_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"ready"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const res = await fetch(`${url}/api/v1/submissions`, { method: 'POST', headers, body: JSON.stringify(valuesPayload(eventRows(3))) });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { id: string; summary: { records: number }; links: { annotated: string } };
    expect(receipt.summary.records).toBe(3);
    const annotated = await fetch(`${url}${receipt.links.annotated}`, { headers });
    expect(annotated.status).toBe(200);
    expect(Buffer.from(await annotated.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect(out).not.toMatch(/"level":50/);
  });
});
