import { runAdmin } from '../../src/admin/cli';
import { auth, describeStores, eventRows, makeApp, valuesPayload, type TestApp } from './helpers';

async function admin(url: string, ...argv: string[]): Promise<{ code: number; json: Record<string, unknown> | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAdmin([...argv, '--database-url', url, '--json'], { env: {}, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err, json: out.trim() ? (JSON.parse(out) as Record<string, unknown>) : undefined };
}

/** The retention rule: `admin submission purge --before DATE` deletes the data of submissions that no longer count. */
describeStores('retention', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(kind);
  });
  afterAll(async () => t.close());

  const submit = async (token: string, titlePrefix: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2, { titlePrefix })), headers: auth(token) });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: auth(token) });
  const count = async (table: 'records' | 'issues' | 'submission_files' | 'submission_annotated', id: string) =>
    Number((await t.ts.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('submission_id', '=', id).executeTakeFirstOrThrow()).n);

  test('replaced and withdrawn submissions lose their data; the one that counts keeps it; receipts stay; audited; dry run first', async () => {
    const a = await t.partner('Keeper Org');
    const b = await t.partner('Withdrawn Org');
    const old = await submit(a.token, 'Old');
    const current = await submit(a.token, 'Current');
    const withdrawn = await submit(b.token, 'Gone');
    const bOnly = await submit(b.token, 'Stays');
    expect((await admin(t.ts.url, 'submission', 'withdraw', bOnly)).code).toBe(0);
    // b's earlier submission counts again after the withdrawal: it must not be purged. Withdraw it too, then b has none that counts.
    expect((await admin(t.ts.url, 'submission', 'withdraw', withdrawn)).code).toBe(0);
    const analyst = (await t.analyst()).token;
    const before = (await get(analyst, '/api/v1/aggregate')).json();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

    const dry = await admin(t.ts.url, 'submission', 'purge', '--before', tomorrow, '--dry-run');
    expect(dry.code).toBe(0);
    const planned = (dry.json!.purged as { id: string; why: string }[]).map((p) => [p.id, p.why]);
    expect(planned).toEqual(expect.arrayContaining([[old, 'replaced'], [withdrawn, 'withdrawn'], [bOnly, 'withdrawn']]));
    expect(planned.map(([id]) => id)).not.toContain(current);
    expect(await count('records', old)).toBe(2);

    const done = await admin(t.ts.url, 'submission', 'purge', '--before', tomorrow);
    expect(done.code).toBe(0);
    expect((done.json!.purged as { id: string }[]).map((p) => p.id).sort()).toEqual(planned.map(([id]) => id).sort());
    for (const id of [old, withdrawn, bOnly]) {
      for (const table of ['records', 'issues', 'submission_files', 'submission_annotated'] as const) expect(await count(table, id)).toBe(0);
    }
    expect(await count('records', current)).toBe(2);
    expect(await count('submission_files', current)).toBe(1);

    // The receipt is listed, with when its data went; its report and workbook answer 410 saying why.
    const list = (await get(a.token, '/api/v1/submissions')).json().submissions as { id: string; purgedAt: string | null }[];
    expect(list.find((s) => s.id === old)!.purgedAt).toEqual(expect.any(String));
    expect(list.find((s) => s.id === current)!.purgedAt).toBeNull();
    for (const url of [`/api/v1/submissions/${old}`, `/api/v1/submissions/${old}/annotated.xlsx`]) {
      const res = await get(a.token, url);
      expect(res.statusCode).toBe(410);
      expect(res.json().error).toEqual({ code: 'purged', message: expect.stringMatching(/was deleted on \d{4}-\d{2}-\d{2} under the data-retention rule/) });
    }
    expect((await get(a.token, `/api/v1/submissions/${current}/annotated.xlsx`)).statusCode).toBe(200);

    // The aggregate is what it was: only data that no longer counted went.
    const after = (await get(analyst, '/api/v1/aggregate')).json();
    expect(after.records).toEqual(before.records);

    const audit = await admin(t.ts.url, 'audit', '--org', a.orgId);
    expect((audit.json!.entries as { action: string; submissionId: string }[]).filter((e) => e.action === 'submission.purge').map((e) => e.submissionId)).toEqual([old]);

    // Twice is nothing more.
    const again = await admin(t.ts.url, 'submission', 'purge', '--before', tomorrow);
    expect(again.json).toMatchObject({ purged: [], bytes: 0 });
  });

  test('a purged submission never counts again, even when the one that replaced it is withdrawn', async () => {
    const p = await t.partner('Careful Org');
    const first = await submit(p.token, 'First');
    const second = await submit(p.token, 'Second');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await admin(t.ts.url, 'submission', 'purge', '--before', tomorrow);
    await admin(t.ts.url, 'submission', 'withdraw', second);
    const analyst = (await t.analyst()).token;
    const data = (await get(analyst, '/api/v1/aggregate')).json();
    expect(data.partners.map((x: { submissionId: string }) => x.submissionId)).not.toContain(first);
    expect(data.records.filter((r: { partner: string }) => r.partner === 'Careful Org')).toEqual([]);
  });

  test('usage: --before is required and a date; no id', async () => {
    expect((await admin(t.ts.url, 'submission', 'purge')).code).toBe(2);
    expect((await admin(t.ts.url, 'submission', 'purge', '--before', 'last year')).code).toBe(2);
    expect((await admin(t.ts.url, 'submission', 'purge', 'sub_x', '--before', '2024-01-01')).code).toBe(2);
  });
});
