import { auth, describeStores, eventRows, makeApp, valuesPayload, type TestApp } from './helpers';

describeStores('GET /api/v1/me', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp(kind);
  });
  afterAll(async () => t.close());
  const me = (token?: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: token ? auth(token) : {} });

  test('a partner: who, which organisation, its agreement, the period and deadline, and its latest submission', async () => {
    const p = await t.partner('Eastside Family Hub');
    const before = await me(p.token);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      role: 'partner', org: { id: p.orgId, name: 'Eastside Family Hub', signed: true }, period: { start: '2023-01-01', end: '2023-12-31' },
      deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), lastSubmission: null,
    });
    const sent = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) });
    expect(sent.statusCode).toBe(201);
    const after = (await me(p.token)).json();
    expect(after.lastSubmission).toMatchObject({ id: sent.json().id, receivedAt: expect.any(String), records: 2 });
  });

  test('an analyst has no organisation', async () => {
    const a = await t.analyst('Ann Analyst');
    expect((await me(a.token)).json()).toMatchObject({ person: 'Ann Analyst', role: 'analyst', org: null, lastSubmission: null });
  });

  test('an unsigned organisation says so', async () => {
    const p = await t.partner('Unsigned Org', false);
    expect((await me(p.token)).json().org).toMatchObject({ name: 'Unsigned Org', signed: false });
  });

  test('no token or a wrong one: 401, nothing about anyone', async () => {
    for (const token of [undefined, 'hsh_not-a-real-token-000000000000000000000000']) {
      const res = await me(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toMatch(/unauthori[sz]ed|invalid_token|missing_token/);
    }
  });
});
