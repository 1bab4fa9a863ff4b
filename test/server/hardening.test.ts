import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { inProcessEngine } from '../../src/server/jobs';
import { auth, eventRows, logCapture, makeApp, multipart, valuesPayload, xlsxFixture, type TestApp } from './helpers';

/** Hostile input and the HTTP surface (store-independent: SQLite only). */
describe('HTTP hardening', () => {
  let t: TestApp;
  let taskpaneDir: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datashare-static-'));
    taskpaneDir = join(dir, 'taskpane');
    mkdirSync(taskpaneDir);
    writeFileSync(join(taskpaneDir, 'taskpane.html'), '<!doctype html><title>taskpane</title>');
    writeFileSync(join(taskpaneDir, 'taskpane.js'), 'console.log(1)');
    writeFileSync(join(dir, 'manifest.xml'), '<?xml version="1.0"?><OfficeApp/>');
    t = await makeApp('sqlite', {}, {
      taskpaneDir,
      manifestFile: join(dir, 'manifest.xml'),
      corsOrigins: ['https://localhost:3000'],
      maxUploadBytes: 200_000,
      maxCells: 5_000,
    });
  });
  afterAll(async () => t.close());

  test('serves the taskpane and the manifest', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/taskpane.html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>taskpane</title>');
    expect((await t.app.inject({ method: 'GET', url: '/taskpane.js' })).statusCode).toBe(200);
    const manifest = await t.app.inject({ method: 'GET', url: '/manifest.xml' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toContain('application/xml');
    expect((await t.app.inject({ method: 'GET', url: '/../../etc/passwd' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/%2e%2e/%2e%2e/etc/passwd' })).statusCode).toBe(404);
  });

  test('security headers: the taskpane may be framed by Office only; the API by nobody', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/taskpane.html' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self' https://*.officeapps.live.com");
    expect(csp).toContain('script-src \'self\' https://appsforoffice.microsoft.com');
    expect(csp).toContain("object-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBeUndefined();
    const p = await t.partner();
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth(p.token) });
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });

  test('CORS only for the taskpane’s origin', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/submissions',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
    const ok = await preflight('https://localhost:3000');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(String(ok.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    const evil = await preflight('https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const p = await t.partner();
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: { ...auth(p.token), origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('too large: an upload over the limit is a 413, and so is a sheet with too many cells', async () => {
    const p = await t.partner();
    const big = await xlsxFixture(eventRows(5));
    const padded = Buffer.concat([big, Buffer.alloc(250_000)]);
    const m = multipart({}, { name: 'big.xlsx', bytes: padded });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(p.token) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_large');
    const cells = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(600)), headers: auth(p.token) });
    expect(cells.statusCode).toBe(413);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      payload: JSON.stringify({ sheet: 'x', rows: [['x'.repeat(300_000)]] }),
      headers: { ...auth(p.token), 'content-type': 'application/json' },
    });
    expect(json.statusCode).toBe(413);
    expect(json.json().error.code).toBe('too_large');
    // The server is still fine.
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  test('errors are JSON {"error": {code, message}}, also for unknown routes and bad JSON', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const p = await t.partner();
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: '{"sheet":', headers: { ...auth(p.token), 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    const type = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: 'x', headers: { ...auth(p.token), 'content-type': 'text/plain' } });
    expect(type.statusCode).toBe(415);
    expect(type.json().error).toBeDefined();
  });
});

test('a zip bomb is refused (413) and the server goes on', async () => {
  const t = await makeApp('sqlite');
  try {
    const p = await t.partner();
    // A workbook-shaped zip whose sheet unpacks to 400 MB of spaces.
    const huge = new Uint8Array(400_000_000).fill(32);
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': huge,
    }, { level: 9 });
    const m = multipart({}, { name: 'bomb.xlsx', bytes: bomb });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: m.payload, headers: { ...m.headers, ...auth(p.token) } });
    expect([413, 422]).toContain(res.statusCode);
    expect(res.json().error.message.length).toBeGreaterThan(10);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  } finally {
    await t.close();
  }
});

test('rate limit per token: 429 with Retry-After; another token is not held back', async () => {
  const t = await makeApp('sqlite', {}, { rateLimit: { max: 3, windowMs: 60_000 } });
  try {
    const a = await t.partner();
    const b = await t.partner();
    const hit = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth(token) });
    for (let i = 0; i < 3; i++) expect((await hit(a.token)).statusCode).toBe(200);
    const limited = await hit(a.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await hit(b.token)).statusCode).toBe(200);
  } finally {
    await t.close();
  }
});

test('guessing tokens from one address is cut off after a few failures', async () => {
  const t = await makeApp('sqlite', {}, { maxAuthFailures: 5 });
  try {
    const p = await t.partner();
    const guess = (i: number) => t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth(`hsh_guess${i}`) });
    for (let i = 0; i < 5; i++) expect((await guess(i)).statusCode).toBe(401);
    const blocked = await guess(99);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // A good token from the same address (colleagues behind one router) still works.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth(p.token) })).statusCode).toBe(200);
  } finally {
    await t.close();
  }
});

test('no token and no partner data in the logs', async () => {
  const logs = logCapture();
  const t = await makeApp('sqlite', { logStream: logs.stream }, { logLevel: 'debug' });
  try {
    const p = await t.partner('Secret Org Name');
    const rows = eventRows(3, { titlePrefix: 'ConfidentialTitle' });
    const xlsx = await xlsxFixture(rows);
    const m = multipart({}, { name: 'partner-private.xlsx', bytes: xlsx });
    const key = 'idem-key-should-not-be-logged';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions?x=private-query', payload: m.payload, headers: { ...m.headers, ...auth(p.token), 'idempotency-key': key } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(p.token) });
    await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}`, headers: auth(p.token) });
    await t.app.inject({ method: 'GET', url: `/api/v1/submissions/${id}/annotated.xlsx`, headers: auth(p.token) });
    await t.app.inject({ method: 'GET', url: '/api/v1/submissions', headers: auth('hsh_wrongTokenValue123456789012345678901234') });
    await t.app.inject({ method: 'GET', url: '/api/v1/aggregate', headers: auth(p.token) });
    const text = logs.text();
    expect(text).toContain('"statusCode":201');
    expect(text).toContain('/api/v1/submissions');
    for (const secret of [p.token, p.token.slice(4), 'hsh_wrongTokenValue', 'ConfidentialTitle', 'Secret Org Name', 'partner-private', 'private-query', key, 'Detroit', '48201']) {
      expect(text).not.toContain(secret);
    }
  } finally {
    await t.close();
  }
});

test('an engine failure is a 500 without partner data in the log, and the server goes on', async () => {
  const logs = logCapture();
  const t = await makeApp('sqlite', {
    logStream: logs.stream,
    engine: {
      ...inProcessEngine,
      check: async () => {
        throw new Error('cannot handle ConfidentialValue');
      },
    },
  });
  try {
    const p = await t.partner();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(eventRows(2)), headers: auth(p.token) });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
    expect(logs.text()).toContain('request failed');
    expect(logs.text()).not.toContain('ConfidentialValue');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  } finally {
    await t.close();
  }
});
