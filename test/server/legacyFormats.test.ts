import { PooledEngine } from '../../src/server/pool';
import { docx, encryptedXls, legacyWorkbook, wordTable } from '../io/fixtures';
import { auth, eventRows, HEADER, makeApp, type TestApp, uploadFile } from './helpers';

/**
 * .xls, .xlsb, .ods and .docx submissions go the way every file goes: read in
 * the server's worker pool (the real worker, under its deadline and memory
 * limit), checked, stored with their annotated workbook.
 */
describe('legacy formats through the worker pool', () => {
  let t: TestApp;
  let engine: PooledEngine;
  beforeAll(async () => {
    engine = new PooledEngine({ threads: 1, deadlineMs: 30_000, maxOldGenerationSizeMb: 512 });
    t = await makeApp('sqlite', { engine });
  });
  afterAll(async () => {
    await t.close();
    await engine.close();
  });

  const upload = (token: string, name: string, bytes: Uint8Array) => uploadFile(t, token, name, bytes);
  const rows = [['Our family events, 2023'], [], HEADER, ...eventRows(3)];

  test.each([
    ['events.xls', legacyWorkbook('biff8', [{ name: '2023 Events', rows }])],
    ['events95.xls', legacyWorkbook('biff5', [{ name: '2023 Events', rows }])],
    ['events.xlsb', legacyWorkbook('xlsb', [{ name: '2023 Events', rows }])],
    ['events.ods', legacyWorkbook('ods', [{ name: '2023 Events', rows }])],
  ])('%s is checked, stored and annotated', async (name, bytes) => {
    const p = await t.partner();
    const res = await upload(p.token, name, bytes);
    expect([res.statusCode, res.statusCode === 201 ? '' : res.body]).toEqual([201, '']);
    expect(res.json().summary).toMatchObject({ records: 3, errors: 0 });
    const annotated = await t.app.inject({ method: 'GET', url: res.json().links.annotated, headers: auth(p.token) });
    expect(annotated.statusCode).toBe(200);
    expect(annotated.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  test('a Word table of events is checked like a sheet', async () => {
    const p = await t.partner();
    const text = (v: unknown) => (v instanceof Date ? `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}` : String(v));
    const res = await upload(p.token, 'events.docx', docx(wordTable([HEADER, ...eventRows(2).map((r) => r.map(text))])));
    expect(res.statusCode).toBe(201);
    expect(res.json().summary).toMatchObject({ records: 2, errors: 0 });
  });

  test('a password-protected .xls is refused in one line', async () => {
    const p = await t.partner();
    const res = await upload(p.token, 'secret.xls', encryptedXls());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^This is an old Excel 97-2003 \.xls file protected with a password; [^\n]*$/);
  });
});
