import { checkReportSchema } from '../../src/core/report';
import { hashToken } from '../../src/server/ids';
import { auth, describeStores, eventRows, makeApp, multipart, readXlsx, valuesPayload, xlsxFixture, type TestApp } from './helpers';

describeStores('submission API', (kind) => {
  let t: TestApp;
  let xlsx: Buffer;
  beforeAll(async () => {
    t = await makeApp(kind);
    xlsx = await xlsxFixture(eventRows(12, { bad: true }));
  });
  afterAll(async () => t.close());

  const submitFile = (token: string, bytes: Uint8Array = xlsx, name = 'events.xlsx', fields: Record<string, string> = {}, key?: string) => {
    const m = multipart(fields, { name, bytes });
    return t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(token), ...(key ? { 'idempotency-key': key } : {}) } });
  };
  const count = async (table: 'submissions' | 'records' | 'issues' | 'submission_files') =>
    Number((await t.ts.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('GET /healthz answers 200', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  describe('a partner submits a workbook', () => {
    let partner: Awaited<ReturnType<TestApp['partner']>>;
    let id: string;
    beforeAll(async () => {
      partner = await t.partner('Westside Library');
    });

    test('201 with the receipt; data errors flag the submission, never reject it', async () => {
      const res = await submitFile(partner.token);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      id = body.id;
      expect(body).toMatchObject({
        status: 'flagged',
        summary: { records: 15 },
        links: { report: `/api/v1/submissions/${id}`, annotated: `/api/v1/submissions/${id}/annotated.xlsx` },
      });
      expect(body.summary.errors).toBeGreaterThanOrEqual(3);
    });

    test('GET the report: the check report of the contract, plus the submission', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, headers: auth(partner.token) });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(() => checkReportSchema.parse(report)).not.toThrow();
      expect(report).toMatchObject({ file: 'events.xlsx', sheet: '2023 Events', headerRow: 3 });
      expect(report.records).toHaveLength(15);
      expect(report.records[0]).toMatchObject({ row: 4, values: { title: 'Story time 1', date: '2023-01-01', engagement: 'touchpoint', attendees: 10 } });
      expect(report.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['invalid_date', 'date_out_of_period', 'invalid_attendees', 'invalid_zip']));
      expect(report.submission).toMatchObject({ id, org: { id: partner.orgId, name: 'Westside Library' }, status: 'flagged' });
      expect(res.headers['cache-control']).toBe('no-store');
    });

    test('the original file, the records and the issues are stored', async () => {
      const file = await t.ts.store.db.selectFrom('submission_files').selectAll().where('submission_id', '=', id).executeTakeFirstOrThrow();
      expect(Buffer.from(file.bytes).equals(xlsx)).toBe(true);
      const records = await t.ts.store.db.selectFrom('records').selectAll().where('submission_id', '=', id).execute();
      expect(records).toHaveLength(15);
      expect(records.filter((r) => Number(r.flagged) === 1).length).toBeGreaterThanOrEqual(3);
      const issues = await t.ts.store.db.selectFrom('issues').selectAll().where('submission_id', '=', id).execute();
      expect(issues.length).toBeGreaterThanOrEqual(4);
    });

    test('GET the annotated workbook', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}/annotated.xlsx`, headers: auth(partner.token) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(`events checked ${id}.xlsx`);
      const wb = await readXlsx(res.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['2023 Events', 'Clean records', 'Issues', 'Mapping', 'Summary', 'Lists']);
      expect(wb.getWorksheet('2023 Events')!.getCell('A3').value).toBe('Event Name');
      expect(wb.getWorksheet('2023 Events')!.getCell('A18').value).toBe('=1+1');
      expect(wb.getWorksheet('2023 Events')!.getCell('A18').formula).toBeUndefined();
      expect(wb.subject).toBe('Westside Library');
      expect(wb.keywords).toContain(`submission:${id}`);
    });

    test('GET /submissions lists the organisation’s own', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth(partner.token) });
      expect(res.statusCode).toBe(200);
      expect(res.json().submissions.map((s: { id: string }) => s.id)).toEqual([id]);
    });
  });

  test('JSON from the add-in: a value merged down over two rows belongs to both', async () => {
    const p = await t.partner();
    const payload = {
      sheet: 'Log',
      rows: [
        ['Event', 'Date', 'Level', 'Audience', 'Attendees'],
        ['Story time', '3/4/2023', 'L1', 'Parents', 5],
        ['Play day', '', 'L2', 'Parents', 7],
      ],
      merges: ['B2:B3'],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload, headers: auth(p.token) });
    expect(res.statusCode).toBe(201);
    const report = (await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}`, headers: auth(p.token) })).json();
    expect(report.records.map((r: { values: { date?: string } }) => r.values.date)).toEqual(['2023-03-04', '2023-03-04']);
  });

  test('JSON from the add-in: the cells as Office.js returns them', async () => {
    const p = await t.partner();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(8)), headers: auth(p.token) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'accepted', summary: { records: 8, errors: 0 } });
    const id = res.json().id;
    const report = (await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, headers: auth(p.token) })).json();
    expect(report.records[1]).toMatchObject({ row: 5, values: { date: '2023-02-02', engagement: 'level_one' } });
    expect(report.submission.source).toBe('office');
    const annotated = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}/annotated.xlsx`, headers: auth(p.token) });
    expect(annotated.statusCode).toBe(200);
    const wb = await readXlsx(annotated.rawPayload);
    expect((wb.getWorksheet('2023 Events')!.getCell('B4').value as Date).toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });

  test('JSON from the add-in with several sheets: every sheet is read; parts of a field and per-sheet choices are taken, bad ones refused', async () => {
    const p = await t.partner();
    const head = ['Event', 'Date', 'Level', 'Audience', 'Adults', 'Children'];
    const payload = {
      sheet: 'Jan',
      rows: [head, ['Story time', '1/4/2023', 'L1', 'Parents', 5, 7]],
      sheets: [
        { name: 'Read me', rows: [['One sheet per month']] },
        { name: 'Jan', rows: [head, ['Story time', '1/4/2023', 'L1', 'Parents', 5, 7]] },
        { name: 'Feb', rows: [head, ['Play day', '2/8/2023', 'L2', 'Parents', 3, 4]] },
      ],
      mapping: { E: { field: 'attendees', combine: 'sum' }, F: { field: 'attendees', combine: 'sum' } },
      mappings: { Feb: { E: { field: 'attendees', combine: 'sum' }, F: { field: 'attendees', combine: 'sum' } } },
      leaveOut: ['Read me'],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload, headers: auth(p.token) });
    expect(res.statusCode).toBe(201);
    const report = (await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}`, headers: auth(p.token) })).json();
    // Not restricted to the top-level sheet: the engine saw the whole workbook.
    expect(report.tables.length).toBeGreaterThanOrEqual(1);
    const annotated = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}/annotated.xlsx`, headers: auth(p.token) });
    expect(annotated.statusCode).toBe(200);

    const bad = async (extra: Record<string, unknown>) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { ...payload, ...extra }, headers: auth(p.token) }));
    const sumOfText = await bad({ mapping: { A: { field: 'title', combine: 'sum' } } });
    expect(sumOfText.statusCode).toBe(400);
    expect(sumOfText.json().error.message).toMatch(/only a count/);
    const markOfNoOption = await bad({ mappings: { Feb: { F: { field: 'audience', combine: 'mark', option: 'grandparents' } } } });
    expect(markOfNoOption.statusCode).toBe(400);
    expect(markOfNoOption.json().error.message).toMatch(/needs an option of Target Audience/);
    // A tick column whose option is not chosen yet is taken: its ticks are not counted, and every such row says so.
    const markNotChosen = await bad({ mappings: { Feb: { F: { field: 'audience', combine: 'mark' } } } });
    expect(markNotChosen.statusCode).toBe(201);
    expect((await bad({ headerRows: { Jan: 0 } })).statusCode).toBe(400);
  });

  test('a JSON body that is not a sheet is a 400', async () => {
    const p = await t.partner();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { rows: 'nope' }, headers: auth(p.token) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { ...valuesPayload(eventRows(1)), mapping: { A: 'no_such_field' } }, headers: auth(p.token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_mapping');
  });

  describe('Idempotency-Key', () => {
    test('the same key from the same organisation returns the same submission (200) and stores nothing new', async () => {
      const p = await t.partner();
      const first = await submitFile(p.token, xlsx, 'events.xlsx', {}, 'key-1');
      expect(first.statusCode).toBe(201);
      const before = await count('submissions');
      const again = await submitFile(p.token, xlsx, 'events.xlsx', {}, 'key-1');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      expect(await count('submissions')).toBe(before);
    });

    test('concurrent retries with one key store one submission', async () => {
      const p = await t.partner();
      const before = await count('submissions');
      const results = await Promise.all(Array.from({ length: 6 }, () => submitFile(p.token, xlsx, 'events.xlsx', {}, 'same-key')));
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
      expect(await count('submissions')).toBe(before + 1);
    });

    test('the same key from another organisation is another submission', async () => {
      const a = await t.partner();
      const b = await t.partner();
      const ra = await submitFile(a.token, xlsx, 'events.xlsx', {}, 'shared-key');
      const rb = await submitFile(b.token, xlsx, 'events.xlsx', {}, 'shared-key');
      expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
      expect(ra.json().id).not.toBe(rb.json().id);
    });
  });

  describe('unreadable uploads', () => {
    let token: string;
    beforeAll(async () => {
      token = (await t.partner()).token;
    });

    test('not a spreadsheet: 415 with the reason', async () => {
      const before = await count('submissions');
      const res = await submitFile(token, Buffer.from('%PDF-1.7 this is not a workbook'), 'events.xlsx');
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('unsupported_format');
      expect(res.json().error.message.length).toBeGreaterThan(5);
      expect(await count('submissions')).toBe(before);
    });

    test('damaged: 422', async () => {
      const damaged = Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(300, 7)]);
      const res = await submitFile(token, damaged, 'events.xlsx');
      expect(res.statusCode).toBe(422);
      expect(typeof res.json().error.message).toBe('string');
    });

    test('empty: 422', async () => {
      const res = await submitFile(token, Buffer.alloc(0), 'events.xlsx');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('empty');
    });

    test('a sheet the workbook does not have: 422 naming its sheets', async () => {
      const res = await submitFile(token, xlsx, 'events.xlsx', { sheet: 'Nope' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'sheet_not_found' });
      expect(res.json().error.message).toContain('"2023 Events"');
    });

    test('no file: 400', async () => {
      const m = multipart({ sheet: 'x' });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(token) } });
      expect(res.statusCode).toBe(400);
    });
  });

  test('a chosen sheet and a confirmed mapping are used', async () => {
    const p = await t.partner();
    const two = await xlsxFixture(eventRows(3), { extraSheets: ['Cover'] });
    const res = await submitFile(p.token, two, 'two.xlsx', { sheet: '2023 Events', mapping: JSON.stringify({ D: null }) });
    expect(res.statusCode).toBe(201);
    const report = (await t.app.inject({ method: 'GET', url: res.json().links.report, headers: auth(p.token) })).json();
    expect(report.sheet).toBe('2023 Events');
    expect(report.columns.find((c: { column: string }) => c.column === 'D').field).toBeNull();
    expect(report.records[0].values.street).toBeUndefined();
  });

  test('tokens are stored hashed, never in clear', async () => {
    const p = await t.partner();
    const rows = await t.ts.store.db.selectFrom('tokens').selectAll().execute();
    const row = rows.find((r) => r.id === p.tokenId)!;
    expect(row.token_hash).toBe(hashToken(p.token));
    expect(JSON.stringify(rows)).not.toContain(p.token);
    expect(JSON.stringify(rows)).not.toContain(p.token.slice(4, 24));
  });
});
