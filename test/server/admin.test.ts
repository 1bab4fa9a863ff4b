import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../src/admin/cli';
import { hashToken } from '../../src/server/ids';
import { describeStores, makeStore, type TestStore } from './helpers';

async function admin(url: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAdmin([...argv, '--database-url', url], { env: {}, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function adminJson(url: string, ...argv: string[]): Promise<Record<string, unknown>> {
  const r = await admin(url, ...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.out) as Record<string, unknown>;
}

describeStores('admin command line', (kind) => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await makeStore(kind);
  });
  afterAll(async () => ts.cleanup());

  test('org add / sign / list, token issue / list / revoke, audit — one JSON object each', async () => {
    const org = await adminJson(ts.url, 'org', 'add', '--name', 'Eastside Center');
    expect(org).toMatchObject({ id: expect.stringMatching(/^org_/), name: 'Eastside Center', signed: null });
    const signed = await adminJson(ts.url, 'org', 'add', '--name', 'Signed Place', '--signed', '2024-02-01');
    expect(signed.signed).toBe('2024-02-01');
    expect(await adminJson(ts.url, 'org', 'sign', '--org', String(org.id), '--date', '2024-03-01')).toMatchObject({ id: org.id, signed: '2024-03-01' });
    const list = await adminJson(ts.url, 'org', 'list');
    expect((list.orgs as { name: string }[]).map((o) => o.name)).toEqual(['Eastside Center', 'Signed Place']);

    const partner = await adminJson(ts.url, 'token', 'issue', '--role', 'partner', '--org', String(org.id), '--name', 'Pat Partner', '--days', '30');
    expect(partner.token).toMatch(/^hsh_[A-Za-z0-9_-]{43}$/);
    expect(partner).toMatchObject({ role: 'partner', org: org.id, person: 'Pat Partner', revokedAt: null });
    const days = (Date.parse(String(partner.expiresAt)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const analyst = await adminJson(ts.url, 'token', 'issue', '--role', 'analyst', '--name', 'Ann Analyst');
    expect(analyst).toMatchObject({ role: 'analyst', org: null });
    expect((Date.parse(String(analyst.expiresAt)) - Date.now()) / 86_400_000).toBeGreaterThan(179);

    // Stored hashed only.
    const rows = await ts.store.db.selectFrom('tokens').selectAll().execute();
    expect(rows.map((r) => r.token_hash)).toEqual(expect.arrayContaining([hashToken(String(partner.token))]));
    expect(JSON.stringify(rows)).not.toContain(String(partner.token).slice(4));
    const tokens = await adminJson(ts.url, 'token', 'list', '--org', String(org.id));
    expect(JSON.stringify(tokens)).not.toContain(String(partner.token));
    expect((tokens.tokens as unknown[]).length).toBe(1);

    expect(await adminJson(ts.url, 'token', 'revoke', '--id', String(partner.id))).toMatchObject({ id: partner.id, revokedAt: expect.any(String) });
    expect(await adminJson(ts.url, 'token', 'revoke', '--token', String(analyst.token))).toMatchObject({ id: analyst.id, revokedAt: expect.any(String) });

    const audit = await adminJson(ts.url, 'audit', '--org', String(org.id));
    const actions = (audit.entries as { action: string; actor: { type: string } }[]).map((e) => e.action);
    expect(actions).toEqual(['token.revoke', 'token.issue', 'org.sign', 'org.add']);
    expect((audit.entries as { actor: { type: string } }[]).every((e) => e.actor.type === 'admin')).toBe(true);
    const text = await admin(ts.url, 'audit');
    expect(text.code).toBe(0);
    expect(text.out).toContain('token.issue ok');
  });

  test('mistakes: usage errors exit 2, refusals exit 1 with a JSON error', async () => {
    const usage = await admin(ts.url, 'org', 'add', '--json');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.out)).toEqual({ error: { code: 'usage', message: '--name is required' } });
    expect((await admin(ts.url, 'frobnicate')).code).toBe(2);
    expect((await admin(ts.url, 'org', 'add', '--nmae', 'x')).code).toBe(2);
    const noOrg = await admin(ts.url, 'token', 'issue', '--role', 'partner', '--org', 'org_nope', '--name', 'X', '--json');
    expect(noOrg.code).toBe(1);
    expect(JSON.parse(noOrg.out).error.code).toBe('not_found');
    const badDate = await admin(ts.url, 'org', 'add', '--name', 'Bad Date', '--signed', '2024-02-30', '--json');
    expect(badDate.code).toBe(1);
    expect(JSON.parse(badDate.out).error.message).toContain('2024-02-30');
    const twice = await admin(ts.url, 'org', 'add', '--name', 'Eastside Center', '--json');
    expect(JSON.parse(twice.out).error.code).toBe('duplicate');
    const partnerWithoutOrg = await admin(ts.url, 'token', 'issue', '--role', 'partner', '--name', 'X', '--json');
    expect(partnerWithoutOrg.code).toBe(1);
    const days = await admin(ts.url, 'token', 'issue', '--role', 'analyst', '--name', 'X', '--days', '0', '--json');
    expect(days.code).toBe(1);
  });
});

test('npm run --silent admin -- … --json prints exactly one JSON object', () => {
  const dir = mkdtempSync(join(tmpdir(), 'datashare-admin-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'a.db')}` };
  const run = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], { cwd: join(__dirname, '../..'), env, encoding: 'utf8', timeout: 60_000 });
  const add = run('org', 'add', '--name', 'Shell Org', '--signed', '2024-01-01', '--json');
  expect(add.status).toBe(0);
  const org = JSON.parse(add.stdout);
  expect(add.stdout.trim().split('\n')).toHaveLength(1);
  const issue = run('token', 'issue', '--role', 'partner', '--org', org.id, '--name', 'Shell Person', '--json');
  expect(issue.status).toBe(0);
  expect(JSON.parse(issue.stdout).token).toMatch(/^hsh_/);
});
