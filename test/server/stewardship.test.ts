import { AuditRepository } from '../../src/server/repositories/audit';
import { auth, describeStores, eventRows, makeApp, readXlsx, valuesPayload, type TestApp } from './helpers';

/** The data-stewardship policy, one rule at a time. */
describeStores('stewardship rules', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(kind);
  });
  afterAll(async () => t.close());

  const submit = (token: string, rows = eventRows(4)) =>
    t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) });
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: auth(token) });
  const submissionCount = async () =>
    Number((await t.ts.store.db.selectFrom('submissions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('an organisation whose agreement is not signed', () => {
    test('cannot submit: 403 naming the agreement, nothing stored', async () => {
      const p = await t.partner('Unsigned Org', false);
      const before = await submissionCount();
      const res = await submit(p.token);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('agreement_not_signed');
      expect(res.json().error.message).toMatch(/Unsigned Org has not signed the .*data-sharing agreement/);
      expect(await submissionCount()).toBe(before);
    });

    test('cannot read the aggregate (JSON or .xlsx): 403 naming the agreement', async () => {
      const p = await t.partner('Unsigned Reader', false);
      for (const url of ['/api/v1/aggregate', '/api/v1/aggregate.xlsx']) {
        const res = await get(p.token, url);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'agreement_not_signed' });
        expect(res.json().error.message).toContain('data-sharing agreement');
      }
    });

    test('an agreement dated in the future is not signed yet', async () => {
      const p = await t.partner('Future Org', false);
      await t.orgs.setSigned(p.orgId, '2999-01-01');
      expect((await submit(p.token)).statusCode).toBe(403);
    });

    test('a withdrawn agreement stops submissions and drops the partner from the aggregate', async () => {
      const p = await t.partner('Withdrawing Org');
      expect((await submit(p.token)).statusCode).toBe(201);
      const analyst = await t.analyst();
      const names = async () => (await get(analyst.token, '/api/v1/aggregate')).json().partners.map((x: { name: string }) => x.name);
      expect(await names()).toContain('Withdrawing Org');
      await t.orgs.setSigned(p.orgId, null);
      expect((await submit(p.token)).statusCode).toBe(403);
      expect(await names()).not.toContain('Withdrawing Org');
    });
  });

  describe("a partner reads only its own organisation's data", () => {
    let a: Awaited<ReturnType<TestApp['partner']>>;
    let b: Awaited<ReturnType<TestApp['partner']>>;
    let idA: string;
    beforeAll(async () => {
      a = await t.partner('Org A');
      b = await t.partner('Org B');
      idA = (await submit(a.token)).json().id;
      await submit(b.token);
    });

    test("another organisation's submission, report and annotated workbook: 404", async () => {
      for (const url of [`/api/v1/submissions/${idA}`, `/api/v1/submissions/${idA}/annotated.xlsx`]) {
        const res = await get(b.token, url);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
        // The same answer as for an id that does not exist.
        const none = await get(b.token, url.replace(idA, 'sub_doesnotexist000000'));
        expect(none.json()).toEqual(res.json());
      }
    });

    test('the list holds only its own, even when it asks for another org', async () => {
      const list = (await get(b.token, `/api/v1/submissions?org=${a.orgId}`)).json().submissions;
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((s: { org: { id: string } }) => s.org.id === b.orgId)).toBe(true);
    });

    test('another person of the same organisation reads it', async () => {
      const { token } = await t.tokens.issue({ role: 'partner', orgId: a.orgId, person: 'Second staff member' });
      expect((await get(token, `/api/v1/submissions/${idA}`)).statusCode).toBe(200);
    });

    test('signed partners read the aggregate data set', async () => {
      const res = await get(b.token, '/api/v1/aggregate');
      expect(res.statusCode).toBe(200);
      expect(res.json().partners.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['Org A', 'Org B']));
    });

    test('analysts read everything', async () => {
      const analyst = await t.analyst();
      const all = (await get(analyst.token, '/api/v1/submissions')).json().submissions;
      const orgs = new Set(all.map((s: { org: { id: string } }) => s.org.id));
      expect(orgs.has(a.orgId) && orgs.has(b.orgId)).toBe(true);
      const onlyA = (await get(analyst.token, `/api/v1/submissions?org=${a.orgId}`)).json().submissions;
      expect(onlyA.every((s: { org: { id: string } }) => s.org.id === a.orgId)).toBe(true);
      expect((await get(analyst.token, `/api/v1/submissions/${idA}`)).statusCode).toBe(200);
      expect((await get(analyst.token, `/api/v1/submissions/${idA}/annotated.xlsx`)).statusCode).toBe(200);
      expect((await get(analyst.token, '/api/v1/aggregate.xlsx')).statusCode).toBe(200);
    });

    test('nobody reports on behalf of an organisation not their own: an analyst cannot submit', async () => {
      const analyst = await t.analyst();
      const res = await submit(analyst.token);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    });
  });

  describe('tokens: one person each, expiring, revocable; no token or a bad one is a 401', () => {
    const expect401 = async (headers: Record<string, string>) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="datashare"/);
      return res.json().error.message as string;
    };

    test('no token', async () => {
      expect(await expect401({})).toContain('Authorization');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(1)) });
      expect(res.statusCode).toBe(401);
    });

    test('a malformed header or an unknown token', async () => {
      await expect401({ authorization: 'Basic dXNlcjpwYXNz' });
      await expect401({ authorization: 'Bearer ' });
      await expect401(auth('hsh_thisIsNotARealTokenAtAll0000000000000000000'));
      await expect401(auth('not-even-our-prefix'));
    });

    test('an expired token', async () => {
      const p = await t.partner();
      expect((await get(p.token, '/api/v1/submissions')).statusCode).toBe(200);
      await t.ts.store.db.updateTable('tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', p.tokenId).execute();
      expect(await expect401(auth(p.token))).toContain('expired');
    });

    test('a revoked token (by id or by the token itself)', async () => {
      const p = await t.partner();
      await t.tokens.revoke(p.tokenId);
      expect(await expect401(auth(p.token))).toContain('revoked');
      const q = await t.partner();
      await t.tokens.revoke(q.token);
      expect(await expect401(auth(q.token))).toContain('revoked');
    });

    test('each token names one person, who is who the audit log records', async () => {
      const p = await t.partner('Person Org');
      const { token } = await t.tokens.issue({ role: 'partner', orgId: p.orgId, person: 'Maria Lopez' });
      await get(token, '/api/v1/submissions');
      const [last] = await new AuditRepository(t.ts.store.db).list({ orgId: p.orgId, limit: 1 });
      expect(last!.actor).toMatchObject({ person: 'Maria Lopez', role: 'partner', orgId: p.orgId });
    });
  });

  test('every read and write of data lands in the audit log: who, what, when', async () => {
    const p = await t.partner('Audited Org');
    const analyst = await t.analyst('Ann Analyst');
    const started = new Date().toISOString();
    const id = (await submit(p.token)).json().id;
    await get(p.token, '/api/v1/submissions');
    await get(p.token, `/api/v1/submissions/${id}`);
    await get(p.token, `/api/v1/submissions/${id}/annotated.xlsx`);
    await get(p.token, '/api/v1/aggregate');
    await get(analyst.token, `/api/v1/submissions/${id}`);
    const other = await t.partner('Nosy Org');
    await get(other.token, `/api/v1/submissions/${id}`);

    const all = await new AuditRepository(t.ts.store.db).list({ orgId: p.orgId, limit: 1000 });
    // One aggregate read is one entry per organisation whose data it read (each partner's trail shows it); here, this one's.
    const reads = all.filter((e) => e.action === 'aggregate.read');
    expect(reads.length).toBe((await get(p.token, '/api/v1/aggregate')).json().partners.length);
    expect(new Set(reads.map((e) => e.targetOrgId)).size).toBe(reads.length);
    const entries = all.filter((e) => e.action !== 'aggregate.read' || e.targetOrgId === p.orgId);
    const seen = entries.map((e) => `${e.actor.person}: ${e.action} ${e.outcome}`).reverse();
    expect(seen).toEqual([
      `Staff of Audited Org: submission.create ok`,
      `Staff of Audited Org: submission.list ok`,
      `Staff of Audited Org: submission.read ok`,
      `Staff of Audited Org: submission.annotated ok`,
      `Staff of Audited Org: aggregate.read ok`,
      `Ann Analyst: submission.read ok`,
      `Staff of Nosy Org: submission.read not_found`,
    ]);
    for (const e of entries) {
      expect(e.at >= started).toBe(true);
      expect(e.actor.tokenId).toMatch(/^tok_/);
    }
    expect(entries.find((e) => e.action === 'submission.create')!.submissionId).toBe(id);
  });

  test('the aggregate: each signed partner’s latest submission, records with the partner’s name, indicator totals', async () => {
    const fresh = await makeApp(kind);
    try {
      const a = await fresh.partner('Alpha Center');
      const b = await fresh.partner('Beta House');
      const analyst = await fresh.analyst();
      const post = (token: string, rows: unknown[][]) =>
        fresh.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) });
      await post(a.token, eventRows(5, { titlePrefix: 'Old' }));
      await new Promise((r) => setTimeout(r, 5));
      const latestA = (await post(a.token, eventRows(8, { titlePrefix: 'New' }))).json().id;
      const latestB = (await post(b.token, eventRows(3, { titlePrefix: 'Beta' }))).json().id;

      const data = (await fresh.app.inject({ method: 'GET', url: '/api/v1/aggregate', headers: auth(analyst.token) })).json();
      expect(data.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
      expect(data.partners.map((p: { name: string; submissionId: string }) => [p.name, p.submissionId])).toEqual([
        ['Alpha Center', latestA],
        ['Beta House', latestB],
      ]);
      expect(data.records).toHaveLength(11);
      expect(data.records.filter((r: { values: { title: string } }) => r.values.title.startsWith('Old'))).toHaveLength(0);
      expect(data.records[0]).toMatchObject({ partner: 'Alpha Center', orgId: a.orgId, submissionId: latestA, row: 4, values: { title: 'New 1' } });
      // eventRows cycles touchpoint, level one, level two, Day of the Young Child; attendees 10, 11, 12...
      expect(data.totals).toEqual({
        partners: 2,
        records: 11,
        byEngagement: {
          touchpoint: { events: 2 + 1, attendees: 10 + 14 + 10 },
          level_one: { events: 2 + 1, attendees: 11 + 15 + 11 },
          level_two: { events: 2 + 1, attendees: 12 + 16 + 12 },
          day_of_young_child: { events: 2, attendees: 13 + 17 },
        },
      });

      const xlsx = await fresh.app.inject({ method: 'GET', url: '/api/v1/aggregate.xlsx', headers: auth(b.token) });
      expect(xlsx.statusCode).toBe(200);
      const wb = await readXlsx(xlsx.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Indicator', 'Summary', 'Partners', 'Records']);
      expect(wb.getWorksheet('Records')!.actualRowCount).toBe(12);
      expect(wb.getWorksheet('Records')!.getCell('A2').value).toBe('Alpha Center');
      const total = wb.getWorksheet('Indicator')!.getRow(7).values as unknown[];
      expect(total.slice(1)).toEqual(['All partners', 3, 34, 3, 37, 3, 40, 2, 30]);
    } finally {
      await fresh.close();
    }
  });
});
