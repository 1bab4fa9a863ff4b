import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { connect } from 'node:net';
import { AuditRepository } from '../../src/server/repositories/audit';
import { auth, describeStores, eventRows, makeApp, multipart, readXlsx, valuesPayload, xlsxFixture, type TestApp } from './helpers';

/**
 * Bounds at the door: every number a request carries is within Excel's grid,
 * merges are clipped to what the sheet uses, padding counts against the cell
 * budget, a reused Idempotency-Key with another body is a conflict, malformed
 * requests are 400s (never 500s), and each organisation has a storage quota.
 */
describeStores('bounds at the door', (kind) => {
  let t: TestApp;
  let token: string;
  let orgId: string;
  let xlsx: Buffer;
  beforeAll(async () => {
    t = await makeApp(kind, {}, { maxCells: 200_000 });
    ({ token, orgId } = await t.partner('Bounded Library'));
    xlsx = await xlsxFixture(eventRows(8));
  });
  afterAll(async () => t.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: payload as object, headers: { ...auth(token), ...headers } });
  const upload = (fields: Record<string, string>, file: { name: string; bytes: Uint8Array } = { name: 'events.xlsx', bytes: xlsx }, headers: Record<string, string> = {}) => {
    const m = multipart(fields, file);
    return t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(token), ...headers } });
  };
  const expectRefused = (res: { statusCode: number; json: () => { error: { code: string; message: string } } }, status: number, words: RegExp) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(words);
  };

  test('a header row beyond Excel’s last row is a 400 that says the range, in a form field or in JSON', async () => {
    expectRefused(await upload({ headerRow: '1e300' }), 400, /headerRow.*1 to 1,048,576/);
    expectRefused(await upload({ headerRow: '1048577' }), 400, /1 to 1,048,576/);
    expectRefused(await upload({ headerRow: '3.5' }), 400, /headerRow/);
    expectRefused(await upload({ tables: JSON.stringify({ headerRows: { Events: 1e300 } }) }), 400, /1 to 1,048,576/);
    expectRefused(await post({ ...valuesPayload(eventRows(2)), headerRow: 1e300 }), 400, /headerRow/);
    expect((await upload({ headerRow: '3' })).statusCode).toBe(201);
  });

  test('an origin outside the grid, or rows that would run past column XFD from it, are a 400; the padding counts against the cell budget', async () => {
    expectRefused(await post({ ...valuesPayload(eventRows(25)), origin: { row: 0, col: 30_000_000 } }), 400, /origin/);
    expectRefused(await post({ ...valuesPayload(eventRows(25)), origin: { row: 2_000_000, col: 0 } }), 400, /origin/);
    expectRefused(await post({ ...valuesPayload(eventRows(25)), origin: { row: 0, col: 16_380 } }), 400, /past column XFD/);
    // 16,000 empty columns before each of 28 rows of 9 cells: 450,000 cells once padded, over the 200,000 budget.
    expectRefused(await post({ ...valuesPayload(eventRows(25)), origin: { row: 0, col: 16_000 } }), 413, /cells/);
    // A used range that starts at C5 is ordinary.
    const fine = await post({ ...valuesPayload(eventRows(3)), origin: { row: 4, col: 2 } });
    expect(fine.statusCode).toBe(201);
  });

  test('a merge over the whole sheet is clipped to the cells the sheet uses: stored, and its annotated workbook builds', async () => {
    const res = await post({ ...valuesPayload(eventRows(4)), merges: ['A1:XFD1048576', 'B30:C40', 'nonsense', 'A1:A2'] });
    expect(res.statusCode).toBe(201);
    const book = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}/annotated.xlsx`, headers: auth(token) });
    expect(book.statusCode).toBe(200);
    const ws = (await readXlsx(book.rawPayload)).worksheets[0]!;
    // No merge reaches past the last row or column with a value (row 7, column I).
    const merges = (ws as unknown as { _merges: Record<string, { model: { bottom: number; right: number } }> })._merges;
    for (const m of Object.values(merges)) {
      expect(m.model.bottom).toBeLessThanOrEqual(7);
      expect(m.model.right).toBeLessThanOrEqual(9);
    }
  });

  test('a workbook whose sheet declares a merge over the whole sheet is read with the merge clipped', async () => {
    const files = unzipSync(new Uint8Array(xlsx));
    const name = Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
    const xml = strFromU8(files[name]!);
    files[name] = strToU8(xml.replace(/<\/sheetData>/, '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>').replace(/<mergeCells count="\d+">(?=.*<mergeCells)/s, '<mergeCells>'));
    const res = await upload({}, { name: 'merged.xlsx', bytes: zipSync(files) });
    expect(res.statusCode).toBe(201);
    const book = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${res.json().id}/annotated.xlsx`, headers: auth(token) });
    expect(book.statusCode).toBe(200);
  });

  test('a mapping that names a column the sheet does not have is a 400 that says the sheet’s last column', async () => {
    expectRefused(await post({ ...valuesPayload(eventRows(2)), mapping: { Q: 'title' } }), 400, /column Q.*last column is I/);
    expectRefused(await post({ ...valuesPayload(eventRows(2)), mapping: { XFE: 'title' } }), 400, /XFE/);
    expectRefused(await upload({ mapping: JSON.stringify({ Z: 'title' }) }), 400, /column Z.*last column is I/);
    expectRefused(await upload({ tables: JSON.stringify({ mappings: { '2023 Events': { K: null } } }) }), 400, /column K/);
  });

  test('a reused Idempotency-Key with another body is a 409; with the same body it is the first receipt', async () => {
    const first = await upload({}, undefined, { 'idempotency-key': 'bounds-1' });
    expect(first.statusCode).toBe(201);
    const same = await upload({}, undefined, { 'idempotency-key': 'bounds-1' });
    expect(same.statusCode).toBe(200);
    expect(same.json().id).toBe(first.json().id);
    const other = await upload({}, { name: 'events.xlsx', bytes: await xlsxFixture(eventRows(9)) }, { 'idempotency-key': 'bounds-1' });
    expectRefused(other, 409, /Idempotency-Key.*another/);
    expect(other.json().error.code).toBe('idempotency_conflict');
    const otherOptions = await upload({ headerRow: '3' }, undefined, { 'idempotency-key': 'bounds-1' });
    expect(otherOptions.statusCode).toBe(409);
    const json = await post(valuesPayload(eventRows(2)), { 'idempotency-key': 'bounds-2' });
    expect(json.statusCode).toBe(201);
    expect((await post(valuesPayload(eventRows(2)), { 'idempotency-key': 'bounds-2' })).statusCode).toBe(200);
    expect((await post(valuesPayload(eventRows(3)), { 'idempotency-key': 'bounds-2' })).statusCode).toBe(409);
  });

  test('malformed requests are 400s, never 500s', async () => {
    for (const period of ['2023-12-31..2023-01-01', '2023-13-45..2023-14-01', 'yesterday']) {
      for (const url of [`/api/v1/submissions?period=${period}`, `/api/v1/aggregate?period=${period}`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: auth(token) });
        expect([res.statusCode, url, res.body.slice(0, 200)]).toEqual([400, url, expect.anything()]);
        expect(res.json().error.message).toMatch(/period/);
      }
    }
    for (const id of ['%00', 'abc%00def', '..%2F..%2Fetc', '%E2%80%AE']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, headers: auth(token) });
      expect([res.statusCode, id, res.body.slice(0,200)]).toEqual([400, id, expect.anything()]);
    }
    const analyst = await t.analyst();
    for (const url of ['/api/v1/submissions?org=%00', '/api/v1/aggregate?cursor=%00', '/api/v1/aggregate?cursor=zzz', '/api/v1/aggregate?limit=1e300']) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth(analyst.token) });
      expect([res.statusCode, url]).toEqual([400, url]);
    }
    // A multipart body cut off in the middle, and one whose boundary never comes.
    const m = multipart({ sheet: 'Events' }, { name: 'events.xlsx', bytes: xlsx });
    const cut = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload.subarray(0, 400), headers: { ...m.headers, ...auth(token) } });
    expect(cut.statusCode).toBe(400);
    const noBoundary = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xyz', ...auth(token) } });
    expect(noBoundary.statusCode).toBe(400);
    // Deeply nested JSON.
    const deep = `{"sheet":"S","rows":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}`;
    const nested = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: deep, headers: { 'content-type': 'application/json', ...auth(token) } });
    expect(nested.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  test('aggregate reads are audited against every organisation whose data they read', async () => {
    const analyst = await t.analyst();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/aggregate', headers: auth(analyst.token) });
    expect(res.statusCode).toBe(200);
    const entries = await new AuditRepository(t.ts.store.db).list({ orgId, limit: 50 });
    expect(entries.some((e) => e.action === 'aggregate.read' && e.targetOrgId === orgId)).toBe(true);
  });
});

describeStores('storage quota', (kind) => {
  let t: TestApp;
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await xlsxFixture(eventRows(8));
    // Room for two copies of the file, not three.
    t = await makeApp(kind, {}, { orgQuotaBytes: Math.floor(xlsx.length * 2.5) });
  });
  afterAll(async () => t.close());

  test('an organisation over its quota gets a 413 that says so; another organisation is not held back', async () => {
    const a = await t.partner();
    const b = await t.partner();
    const send = (token: string) => {
      const m = multipart({}, { name: 'events.xlsx', bytes: xlsx });
      return t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(token) } });
    };
    expect((await send(a.token)).statusCode).toBe(201);
    expect((await send(a.token)).statusCode).toBe(201);
    const over = await send(a.token);
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe('quota_exceeded');
    expect(over.json().error.message).toMatch(/data team/);
    expect((await send(b.token)).statusCode).toBe(201);
  });
});

test('a connection that sends its request too slowly is closed by the server', async () => {
  const t = await makeApp('sqlite', {}, { requestTimeoutMs: 300, connectionTimeoutMs: 300 });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const closed = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc'));
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(false);
      }, 5000);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.on('error', () => undefined);
      socket.resume();
    });
    expect(closed).toBe(true);
  } finally {
    await t.close();
  }
});
