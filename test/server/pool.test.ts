import { join } from 'node:path';
import { runAdmin } from '../../src/admin/cli';
import { JobLimitError, type Engine } from '../../src/server/engine';
import { check } from '../../src/core/check';
import { sheetFromValues } from '../../src/core/fromValues';
import { inProcessEngine, validReport } from '../../src/server/jobs';
import { PooledEngine } from '../../src/server/pool';
import { auth, describeStores, eventRows, makeApp, readXlsx, valuesPayload, xlsxFixture, type TestApp, uploadFile } from './helpers';

const HOSTILE_WORKER = join(__dirname, 'fixtures/hostile-worker.cjs');

/** An in-process engine that counts the jobs it runs. */
function countingEngine(overrides: Partial<Engine> = {}) {
  const calls = { check: 0, annotate: 0, aggregate: 0, analysis: 0, template: 0 };
  const engine: Engine = {
    check: (job) => (calls.check++, (overrides.check ?? inProcessEngine.check)(job)),
    annotate: (job) => (calls.annotate++, (overrides.annotate ?? inProcessEngine.annotate)(job)),
    aggregateWorkbook: (job) => (calls.aggregate++, (overrides.aggregateWorkbook ?? inProcessEngine.aggregateWorkbook)(job)),
    analysis: (job) => (calls.analysis++, (overrides.analysis ?? inProcessEngine.analysis)(job)),
    template: (job) => (calls.template++, (overrides.template ?? inProcessEngine.template)(job)),
    close: () => inProcessEngine.close(),
  };
  return { engine, calls };
}

describe('worker pool: a job past its deadline or its memory is ended, and the server goes on', () => {
  let t: TestApp;
  let engine: PooledEngine;
  beforeAll(async () => {
    // One worker: a normal submission after a hostile one passes only if the pool replaced it. The deadline leaves
    // a replaced worker time to start on a loaded machine (CI beside other jobs): this is no speed test.
    engine = new PooledEngine({ filename: HOSTILE_WORKER, threads: 1, deadlineMs: 10_000, maxOldGenerationSizeMb: 128 });
    t = await makeApp('sqlite', { engine }, { checkConcurrency: 1 });
  });
  afterAll(async () => {
    await t.close();
    await engine.close();
  });

  const upload = (token: string, name: string, bytes: Uint8Array) => uploadFile(t, token, name, bytes);

  test('a check that never ends: /healthz answers meanwhile, then 422 check_timeout; the next submission is checked', async () => {
    const p = await t.partner();
    const order: string[] = [];
    const stuck = upload(p.token, 'spin.csv', Buffer.from('a,b\n1,2\n')).then((res) => (order.push('upload'), res));
    await new Promise((r) => setTimeout(r, 300));
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    order.push('healthz');
    expect(health.statusCode).toBe(200);
    const res = await stuck;
    expect(order).toEqual(['healthz', 'upload']);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({ code: 'check_timeout', message: expect.stringMatching(/took longer than 10 s.*Split it into smaller files/) });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth(p.token) });
    expect(list.json().submissions).toHaveLength(0);

    const ok = await upload(p.token, 'events.xlsx', await xlsxFixture(eventRows(3)));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().summary.records).toBe(3);
  });

  test('a check that exhausts its memory: 413 too_complex; the next submission is checked', async () => {
    const p = await t.partner();
    const res = await upload(p.token, 'oom.csv', Buffer.from('a,b\n1,2\n'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'too_complex', message: expect.stringMatching(/more memory to check than the server allows.*\(128 MB\)/) });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) });
    expect(ok.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('the annotated workbook is built once, when the submission is stored', () => {
  test('GET and HEAD serve the stored workbook; one stored before that is built on first request, once', async () => {
    const { engine, calls } = countingEngine();
    const t = await makeApp('sqlite', { engine });
    try {
      const p = await t.partner('Once Built');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(4, { bad: true })), headers: auth(p.token) });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      expect(calls).toMatchObject({ check: 1, annotate: 1 });
      const url = `/api/v1/submissions/${id}/annotated.xlsx`;
      const first = await t.app.inject({ method: 'GET', url, headers: auth(p.token) });
      const second = await t.app.inject({ method: 'GET', url, headers: auth(p.token) });
      const head = await t.app.inject({ method: 'HEAD', url, headers: auth(p.token) });
      expect([first.statusCode, second.statusCode, head.statusCode]).toEqual([200, 200, 200]);
      expect(calls.annotate).toBe(1);
      expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
      expect(head.headers['content-length']).toBe(String(first.rawPayload.length));
      const wb = await readXlsx(first.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).toContain('Issues');
      expect(wb.keywords).toContain(`submission:${id}`);

      // As if stored before migration 0002: no workbook yet.
      await t.ts.store.db.deleteFrom('submission_annotated').where('submission_id', '=', id).execute();
      const rebuilt = await t.app.inject({ method: 'GET', url, headers: auth(p.token) });
      expect(rebuilt.statusCode).toBe(200);
      await t.app.inject({ method: 'GET', url, headers: auth(p.token) });
      expect(calls.annotate).toBe(2);
    } finally {
      await t.close();
    }
  });

  test('a workbook too big to annotate: the submission is stored (201), its annotated workbook answers 422 too_complex, never retried', async () => {
    const { engine, calls } = countingEngine({
      annotate: async () => {
        throw new JobLimitError('annotate', 'memory', 512);
      },
    });
    const t = await makeApp('sqlite', { engine });
    try {
      const p = await t.partner();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) });
      expect(res.statusCode).toBe(201);
      for (let i = 0; i < 2; i++) {
        const got = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}/annotated.xlsx`, headers: auth(p.token) });
        expect(got.statusCode).toBe(422);
        expect(got.json().error).toEqual({ code: 'too_complex', message: expect.stringMatching(/annotated workbook .* too large to build \(it needed more than 512 MB\)/) });
      }
      expect(calls.annotate).toBe(1);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}`, headers: auth(p.token) })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

async function admin(url: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runAdmin([...argv, '--database-url', url, '--json'], { env: {}, out: (s) => (out += s), err: (s) => (err += s) });
  return { code, json: out ? (JSON.parse(out) as Record<string, unknown>) : null, err };
}

describeStores('the aggregate: paged, cached per version, withdrawals', (kind) => {
  let t: TestApp;
  let calls: ReturnType<typeof countingEngine>['calls'];
  let analyst: string;
  let a: { orgId: string; token: string };
  let b: { orgId: string; token: string };
  let c: { orgId: string; token: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const counting = countingEngine();
    calls = counting.calls;
    t = await makeApp(kind, { engine: counting.engine });
    analyst = (await t.analyst()).token;
    a = await t.partner('Alpha Center');
    b = await t.partner('Beta House');
    c = await t.partner('Gamma Library');
    const post = async (token: string, rows: unknown[][]) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) })).json().id as string;
    ids.aOld = await post(a.token, eventRows(2, { titlePrefix: 'Alpha old' }));
    await new Promise((r) => setTimeout(r, 5));
    ids.a = await post(a.token, eventRows(5, { titlePrefix: 'Alpha' }));
    ids.b = await post(b.token, eventRows(3, { titlePrefix: 'Beta' }));
    ids.c = await post(c.token, eventRows(4, { titlePrefix: 'Gamma' }));
  });
  afterAll(async () => {
    await t.close();
    await inProcessEngine.close();
  });

  const get = (url: string, token = analyst) => t.app.inject({ method: 'GET', url, headers: auth(token) });
  const titles = (records: { values: { title: string } }[]) => records.map((r) => r.values.title);

  test('pages of ?limit= records follow one another through page.next, in partner then row order', async () => {
    const whole = (await get('/api/v1/aggregate')).json();
    expect(whole.page).toEqual({ limit: 5000, count: 12, next: null });
    expect(whole.totals.records).toBe(12);
    const seen: { values: { title: string } }[] = [];
    let url = '/api/v1/aggregate?limit=4';
    let pages = 0;
    for (;;) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.partners).toEqual(whole.partners);
      expect(body.records.length).toBeLessThanOrEqual(4);
      seen.push(...body.records);
      pages++;
      if (!body.page.next) break;
      url = `/api/v1/aggregate?limit=4&cursor=${body.page.next}`;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(titles(seen)).toEqual(titles(whole.records));
    expect(titles(seen).slice(0, 6)).toEqual(['Alpha 1', 'Alpha 2', 'Alpha 3', 'Alpha 4', 'Alpha 5', 'Beta 1']);
    expect(seen[0]).toMatchObject({ partner: 'Alpha Center', orgId: a.orgId, submissionId: ids.a, row: 4, flagged: false });
  });

  test('a cursor from another version of the data is a 409; a made-up one a 400', async () => {
    const first = (await get('/api/v1/aggregate?limit=2')).json();
    const d = await t.partner('Delta Hub');
    await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(1)), headers: auth(d.token) });
    const stale = await get(`/api/v1/aggregate?limit=2&cursor=${first.page.next}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('aggregate_changed');
    expect((await get('/api/v1/aggregate?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await get('/api/v1/aggregate?limit=0')).statusCode).toBe(400);
  });

  test('the workbook is built once per version: again after a submission is stored or withdrawn', async () => {
    const before = calls.aggregate;
    const one = await get('/api/v1/aggregate.xlsx');
    const two = await get('/api/v1/aggregate.xlsx', b.token);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(calls.aggregate).toBe(before + 1);
    expect(Buffer.compare(one.rawPayload, two.rawPayload)).toBe(0);

    await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2, { titlePrefix: 'Beta new' })), headers: auth(b.token) });
    const three = await get('/api/v1/aggregate.xlsx');
    expect(calls.aggregate).toBe(before + 2);
    const records = (await readXlsx(three.rawPayload)).getWorksheet('Records')!;
    expect(records.getColumn(1).values).toContain('Beta House');

    const w = await admin(t.ts.url, 'submission', 'withdraw', ids.c!);
    expect(w.code).toBe(0);
    await get('/api/v1/aggregate.xlsx');
    await get('/api/v1/aggregate.xlsx');
    expect(calls.aggregate).toBe(before + 3);
  });

  test('admin submission withdraw: out of the aggregate (the previous one counts again), kept, audited, listed as withdrawn', async () => {
    const w = await admin(t.ts.url, 'submission', 'withdraw', ids.a!);
    expect(w.err).toBe('');
    expect(w.code).toBe(0);
    expect(w.json).toMatchObject({ id: ids.a, org: a.orgId, orgName: 'Alpha Center', withdrawnAt: expect.any(String), changed: true });

    const data = (await get('/api/v1/aggregate')).json();
    const alpha = data.partners.find((p: { name: string }) => p.name === 'Alpha Center');
    expect(alpha.submissionId).toBe(ids.aOld);
    expect(titles(data.records).filter((x) => x.startsWith('Alpha'))).toEqual(['Alpha old 1', 'Alpha old 2']);
    expect(data.partners.map((p: { submissionId: string }) => p.submissionId)).not.toContain(ids.a);

    const list = (await get('/api/v1/submissions', a.token)).json().submissions;
    expect(list.find((s: { id: string }) => s.id === ids.a)).toMatchObject({ status: 'withdrawn', withdrawnAt: w.json!.withdrawnAt });
    expect(list.find((s: { id: string }) => s.id === ids.aOld)).toMatchObject({ status: 'accepted', withdrawnAt: null });
    // Kept: its report and annotated workbook are still there for the partner.
    expect((await get(`/api/v1/submissions/${ids.a}`, a.token)).json().submission.status).toBe('withdrawn');
    expect((await get(`/api/v1/submissions/${ids.a}/annotated.xlsx`, a.token)).statusCode).toBe(200);

    const again = await admin(t.ts.url, 'submission', 'withdraw', ids.a!);
    expect(again.json).toMatchObject({ changed: false });
    const audit = await admin(t.ts.url, 'audit', '--org', a.orgId);
    const withdrawals = (audit.json!.entries as { action: string; submissionId: string; actor: { type: string } }[]).filter((e) => e.action === 'submission.withdraw');
    expect(withdrawals).toEqual([expect.objectContaining({ submissionId: ids.a, actor: expect.objectContaining({ type: 'admin' }) })]);

    const missing = await admin(t.ts.url, 'submission', 'withdraw', 'sub_nope');
    expect(missing.code).toBe(1);
    expect(missing.json).toEqual({ error: { code: 'not_found', message: 'There is no submission sub_nope.' } });
    expect((await admin(t.ts.url, 'submission', 'withdraw')).code).toBe(2);
  });
});

describe('validReport', () => {
  test('checks every record against the contract, a slice at a time, and returns the report itself', () => {
    const p = valuesPayload(eventRows(3));
    const report = check({ sheets: [sheetFromValues({ name: p.sheet, values: p.rows, numberFormats: p.numberFormats })], date1904: false, source: 'office' }, {});
    expect(validReport(report)).toBe(report);
    const padded = { ...report, records: [...Array.from({ length: 12_000 }, () => report.records[0]!), { ...report.records[0]!, row: -1 }] };
    expect(() => validReport(padded)).toThrow();
  });
});

test('an aggregate workbook too big to build: 413 too_complex, said at once until the data changes', async () => {
  const { engine, calls } = countingEngine({
    aggregateWorkbook: async () => {
      throw new JobLimitError('aggregate', 'time', 30);
    },
  });
  const t = await makeApp('sqlite', { engine });
  try {
    const analyst = (await t.analyst()).token;
    const p = await t.partner();
    await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) });
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/aggregate.xlsx', headers: auth(analyst) });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toEqual({ code: 'too_complex', message: expect.stringMatching(/more than 30 s.*page through GET \/api\/v1\/aggregate/) });
    }
    expect(calls.aggregate).toBe(1);
    await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(3)), headers: auth(p.token) });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/aggregate.xlsx', headers: auth(analyst) })).statusCode).toBe(413);
    expect(calls.aggregate).toBe(2);
    // The JSON pages are unaffected.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/aggregate', headers: auth(analyst) })).json().records).toHaveLength(3);
  } finally {
    await t.close();
  }
});
