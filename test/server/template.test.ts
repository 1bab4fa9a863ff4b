import { Workbook as XlsxWorkbook } from 'exceljs';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { inProcessEngine } from '../../src/server/jobs';
import type { Engine } from '../../src/server/engine';
import { makeApp, type TestApp } from './helpers';

describe('GET /template.xlsx', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp('sqlite', {}, { deadline: '2025-02-14' });
  });
  afterAll(async () => t.close());
  const get = (method: 'GET' | 'HEAD' = 'GET') => t.app.inject({ method, url: '/template.xlsx' });

  test('a workbook, as an attachment, to anyone (no token: it holds no partner\'s data)', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${HSH_2023.id} events template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${HSH_2023.id} events template.xlsx`)}`);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = new XlsxWorkbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Events', 'Instructions', 'Legend', 'Examples', 'Lists']);
    expect((book.getWorksheet('Events')!.getRow(1).values as unknown[]).slice(1)).toEqual(HSH_2023.fields.map((f) => f.label));
    // The deadline is the server's (DEADLINE), not only the collection's.
    const instructions: string[] = [];
    book.getWorksheet('Instructions')!.eachRow((row) => instructions.push(String(row.getCell(1).value)));
    expect(instructions).toContain('Deadline: please send your events by 2/14/2025.');
  });

  test('built once: the same bytes every time; HEAD has the headers and no body', async () => {
    const a = await get();
    const b = await get();
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    const head = await get('HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe(a.headers['content-type']);
    expect(head.rawPayload.length).toBe(0);
  });
});

test('built once by the engine (the worker pool in the server), then served from memory; a failed build is tried again', async () => {
  let calls = 0;
  let fail = true;
  const engine: Engine = {
    ...inProcessEngine,
    template: async (job) => {
      calls++;
      if (fail) {
        fail = false;
        throw new Error('worker gone');
      }
      return inProcessEngine.template(job);
    },
  };
  const t = await makeApp('sqlite', { engine });
  try {
    expect((await t.app.inject({ method: 'GET', url: '/template.xlsx' })).statusCode).toBe(500);
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ method: 'GET', url: '/template.xlsx' })).statusCode).toBe(200);
    expect(calls).toBe(2);
  } finally {
    await t.close();
  }
});
