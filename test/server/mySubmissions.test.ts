import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { AuditRepository } from '../../src/server/repositories/audit';
import { auth, describeStores, eventRows, makeApp, uploadFile, valuesPayload, xlsxFixture, type TestApp } from './helpers';

interface Item {
  id: string;
  org: { id: string; name: string };
  submittedBy: string;
  receivedAt: string;
  fileName: string;
  status: string;
  summary: { records: number; errors: number; warnings: number };
  links: { report: string; annotated: string };
}

/** "My submissions": the list a partner's page shows, its own organisation's only. */
describeStores('My submissions: GET /api/v1/submissions for a partner', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(kind);
  });
  afterAll(async () => t.close());

  const list = (token: string, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/submissions${query}`, headers: auth(token) });
  const items = async (token: string, query = '') => (await list(token, query)).json().submissions as Item[];

  describe('two organisations, one of which sends a corrected file', () => {
    let a: Awaited<ReturnType<TestApp['partner']>>;
    let b: Awaited<ReturnType<TestApp['partner']>>;
    let first: string;
    let corrected: string;
    let other: string;
    beforeAll(async () => {
      a = await t.partner('Eastside Family Hub');
      b = await t.partner('Westside Library');
      const sent = await uploadFile(t, a.token, 'events.xlsx', await xlsxFixture(eventRows(6, { bad: true })));
      expect(sent.statusCode).toBe(201);
      first = sent.json().id;
      const again = await uploadFile(t, a.token, 'events fixed.xlsx', await xlsxFixture(eventRows(7, { titlePrefix: 'Fixed story time' })));
      expect(again.statusCode).toBe(201);
      corrected = again.json().id;
      other = (await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(3)), headers: auth(b.token) })).json().id;
    });

    test('every submission of its own organisation, newest first: time, who, status, records, errors, warnings, the annotated workbook', async () => {
      const mine = await items(a.token);
      expect(mine.map((s) => s.id)).toEqual([corrected, first]);
      expect(mine[1]).toMatchObject({
        org: { id: a.orgId, name: 'Eastside Family Hub' },
        submittedBy: 'Staff of Eastside Family Hub',
        fileName: 'events.xlsx',
        status: 'flagged',
        summary: { records: 9, errors: expect.any(Number), warnings: expect.any(Number) },
        links: { annotated: `/api/v1/submissions/${first}/annotated.xlsx` },
      });
      expect(mine[1]!.summary.errors).toBeGreaterThanOrEqual(3);
      expect(mine[0]).toMatchObject({ status: 'accepted', summary: { records: 7, errors: 0 } });
      expect(Date.parse(mine[0]!.receivedAt)).toBeGreaterThanOrEqual(Date.parse(mine[1]!.receivedAt));
      for (const s of mine) {
        const annotated = await t.app.inject({ method: 'GET', url: s.links.annotated, headers: auth(a.token) });
        expect(annotated.statusCode).toBe(200);
        expect(annotated.rawPayload.subarray(0, 2).toString()).toBe('PK');
      }
    });

    test("never another organisation's: not listed, not when asked for by id or by ?org=, and not its workbook", async () => {
      expect((await items(a.token)).map((s) => s.id)).not.toContain(other);
      expect((await items(b.token)).map((s) => s.id)).toEqual([other]);
      const asked = await items(a.token, `?org=${b.orgId}`);
      expect(asked.every((s) => s.org.id === a.orgId)).toBe(true);
      expect(asked.map((s) => s.id)).not.toContain(other);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${other}/annotated.xlsx`, headers: auth(a.token) })).statusCode).toBe(404);
      expect(JSON.stringify(await items(b.token))).not.toContain('Eastside');
    });

    test('the corrected file is the latest: the one /me names and the aggregate counts', async () => {
      const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth(a.token) })).json();
      expect(me.lastSubmission).toMatchObject({ id: corrected, records: 7 });
      const analyst = await t.analyst();
      const aggregate = (await t.app.inject({ method: 'GET', url: '/api/v1/aggregate', headers: auth(analyst.token) })).json();
      const titles = aggregate.records.filter((r: { orgId: string }) => r.orgId === a.orgId).map((r: { values: { title: string } }) => r.values.title);
      expect(titles).toHaveLength(7);
      expect(titles.every((x: string) => x.startsWith('Fixed story time'))).toBe(true);
    });

    test('each listing is audited against the organisation it shows', async () => {
      await list(a.token, `?org=${b.orgId}`);
      const [last] = await new AuditRepository(t.ts.store.db).list({ orgId: a.orgId, limit: 1 });
      expect(last).toMatchObject({ action: 'submission.list', outcome: 'ok', targetOrgId: a.orgId, actor: { orgId: a.orgId } });
      const ofB = await new AuditRepository(t.ts.store.db).list({ orgId: b.orgId, limit: 100 });
      expect(ofB.some((e) => e.action === 'submission.list' && e.actor.orgId === a.orgId)).toBe(false);
    });
  });

  test('an organisation whose agreement is not signed lists its own (none), and cannot add to it', async () => {
    const p = await t.partner('Unsigned Org', false);
    const res = await list(p.token);
    expect(res.statusCode).toBe(200);
    expect(res.json().submissions).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) })).statusCode).toBe(403);
    expect(await items(p.token)).toEqual([]);
  });

  test('an agreement withdrawn later: what was sent is still listed for the organisation', async () => {
    const p = await t.partner('Leaving Org');
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) })).json().id;
    await t.orgs.setSigned(p.orgId, null);
    expect((await items(p.token)).map((s) => s.id)).toEqual([id]);
  });

  test('no token, a wrong one, an expired or a revoked one: 401 and no list', async () => {
    const p = await t.partner();
    await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(1)), headers: auth(p.token) });
    const statuses = async (headers: Record<string, string>) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers });
      expect(res.json().submissions).toBeUndefined();
      return [res.statusCode, res.json().error.code];
    };
    expect(await statuses({})).toEqual([401, 'unauthorized']);
    expect(await statuses(auth('hsh_not-a-real-token-000000000000000000000000'))).toEqual([401, 'unauthorized']);
    const expired = await t.partner();
    await t.ts.store.db.updateTable('tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.tokenId).execute();
    expect(await statuses(auth(expired.token))).toEqual([401, 'unauthorized']);
    await t.tokens.revoke(p.tokenId);
    expect(await statuses(auth(p.token))).toEqual([401, 'unauthorized']);
  });
});

describe('the partners’ site: GET /collection.json and the pages', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'datashare-site-'));
    const pages = join(dir, 'taskpane');
    mkdirSync(pages);
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>site</title>');
    writeFileSync(join(pages, 'taskpane.html'), '<!doctype html><title>taskpane</title>');
    t = await makeApp('sqlite', {}, { taskpaneDir: pages, deadline: '2025-02-14', period: { start: '2023-01-01', end: '2023-12-31' } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/collection.json, without a token: the fields, their definitions and options as the engine has them, the period and the deadline', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/collection.json' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: HSH_2023.id, name: HSH_2023.name, period: { start: '2023-01-01', end: '2023-12-31' }, deadline: '2025-02-14' });
    expect(body.fields).toEqual(HSH_2023.fields.map((f) => ({ id: f.id, label: f.label, definition: f.definition, requirement: f.requirement, kind: f.kind, ...(f.enumeration ? { enumeration: f.enumeration } : {}) })));
    expect(body.fields.every((f: { definition?: string }) => typeof f.definition === 'string' && f.definition.length > 10)).toBe(true);
    expect(body.enumerations.engagement).toEqual(HSH_2023.enumerations.engagement!.map((o) => ({ id: o.id, label: o.label, definition: o.definition })));
    expect(body.enumerations.audience.map((o: { definition: string }) => o.definition)).toEqual(HSH_2023.enumerations.audience!.map((o) => o.definition));
    // The engine's vocabulary stays on the server.
    expect(res.body).not.toMatch(/aliases|synonyms|excludeWords|"role"/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  test('the site at / and /my-submissions; the taskpane stays at /taskpane.html', async () => {
    for (const url of ['/', '/my-submissions']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>site</title>');
    }
    expect((await t.app.inject({ method: 'GET', url: '/taskpane.html' })).body).toContain('<title>taskpane</title>');
    expect((await t.app.inject({ method: 'GET', url: '/index.html' })).statusCode).toBe(200);
  });
});
