import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { createExcelHost } from '../../src/excel';
import { DATA_SHEET, TABLE_HEADERS } from '../../src/excel/analysis';
import { fetchAggregate, fetchPopulation } from '../../src/taskpane/api';
import { auth, eventRows, makeApp, valuesPayload, type TestApp } from '../server/helpers';
import { RichApiHost } from './richApiHost';

/**
 * Analyst mode end to end: partners submit through the real server, the
 * taskpane's fetchAggregate reads GET /api/v1/aggregate page by page, and
 * the analysis is built through the real Office.js client; the table's sums
 * of Events and Attendees by engagement level are the server's indicator
 * (GET /api/v1/analysis), rows with errors and out-of-period rows included.
 */

let t: TestApp;
let analyst: string;
beforeAll(async () => {
  t = await makeApp('sqlite');
  analyst = (await t.analyst()).token;
  const alpha = await t.partner('Alpha Library');
  const beta = await t.partner('Beta Center');
  const post = (token: string, rows: unknown[][]) => t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) });
  expect((await post(alpha.token, eventRows(30))).statusCode).toBe(201);
  expect((await post(beta.token, eventRows(14, { bad: true, titlePrefix: 'Play group' }))).statusCode).toBe(201);
});
afterAll(async () => t.close());

/** fetch over app.inject: the server's real answers, without a socket. */
const injectFetch = (async (url: string, init: RequestInit) => {
  const res = await t.app.inject({ method: 'GET', url: url.replace(/^https?:\/\/[^/]+/, ''), headers: init.headers as Record<string, string> });
  return { status: res.statusCode, ok: res.statusCode < 300, headers: { get: (n: string) => (res.headers[n.toLowerCase()] as string | undefined) ?? null }, json: async () => res.json() } as unknown as Response;
}) as unknown as typeof fetch;

test('the table holds every aggregate record and its sums are the indicator', async () => {
  const { records, period } = await fetchAggregate(analyst, { baseUrl: 'http://server.test', fetch: injectFetch });
  expect(records).toHaveLength(30 + 14 + 3);
  expect(period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
  const excel = new RichApiHost({ excelApi: '1.18' });
  const uninstall = excel.install();
  try {
    excel.addSheet('Sheet1');
    const result = await createExcelHost({ retryDelayMs: 0 }).buildAnalysis(records, HSH_2023, period);
    expect(result.rows).toBe(47);
    const data = excel.sheet(DATA_SHEET);
    const col = (h: string) => TABLE_HEADERS.indexOf(h as (typeof TABLE_HEADERS)[number]);
    const sums: Record<string, { events: number; attendees: number }> = {};
    for (let r = 1; r <= 47; r++) {
      const level = String(data.get(r, col('Engagement'))?.value);
      const s = (sums[level] ??= { events: 0, attendees: 0 });
      s.events += Number(data.get(r, col('Events'))?.value);
      s.attendees += Number(data.get(r, col('Attendees'))?.value);
    }
    expect(data.get(48, 0)).toBeUndefined();
    const analysis = (await t.app.inject({ method: 'GET', url: '/api/v1/analysis', headers: auth(analyst) })).json();
    for (const [level, counts] of Object.entries(analysis.indicator as Record<string, { events: number; attendees: number }>)) expect(sums[level] ?? { events: 0, attendees: 0 }).toEqual(counts);
    // The out-of-period row is there, not counted.
    const counted = Array.from({ length: 47 }, (_, i) => String(data.get(i + 1, col('Counted'))?.value));
    expect(counted.filter((c) => c === 'no: dated outside the period')).toHaveLength(1);
    expect(excel.pivots.map((p) => p.rows)).toEqual([['Engagement', 'Audience'], ['Partner'], ['ZIP']]);
  } finally {
    uninstall();
  }
});

test('GET /api/v1/analysis/population: the population table for the add-in, analysts and signed partners only; the by-ZIP rates land in the workbook', async () => {
  expect(await fetchPopulation(analyst, { baseUrl: 'http://server.test', fetch: injectFetch })).toEqual(new Map());
  await t.app.repos.population.replace([{ zip: '48201', childrenUnder5: 4_000, source: 'ACS 2022 5-year, B01001', year: 2022 }]);
  const population = await fetchPopulation(analyst, { baseUrl: 'http://server.test', fetch: injectFetch });
  expect(population).toEqual(new Map([['48201', 4_000]]));
  const unsigned = (await t.partner('Unsigned Place', false)).token;
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/analysis/population', headers: auth(unsigned) })).statusCode).toBe(403);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/analysis/population' })).statusCode).toBe(401);

  const { records, period } = await fetchAggregate(analyst, { baseUrl: 'http://server.test', fetch: injectFetch });
  const excel = new RichApiHost({ excelApi: '1.18' });
  const uninstall = excel.install();
  try {
    excel.addSheet('Sheet1');
    await createExcelHost({ retryDelayMs: 0 }).buildAnalysis(records, HSH_2023, period, population);
    const summary = excel.sheet('Analysis summary');
    const at = [...summary.cells].find(([, c]) => c.value === 4_000);
    expect(at).toBeDefined();
    const row = Math.floor(at![0] / 16384);
    expect(summary.get(row, 0)?.value).toBe('48201');
    expect(summary.get(row, 4)?.formula).toBe(`=IF(N(D${row + 1})>0,ROUND(C${row + 1}/D${row + 1}*1000,1),"")`);
    // What the rate divides: the attendees of 48201 the indicator counts, as the server's gaps count them.
    const analysis = (await t.app.inject({ method: 'GET', url: '/api/v1/analysis', headers: auth(analyst) })).json();
    const gap = (analysis.gaps as { zip: string; attendees: number; perThousandChildren: number | null }[]).find((g) => g.zip === '48201')!;
    expect(gap.perThousandChildren).toBe(Math.round((gap.attendees / 4_000) * 10_000) / 10);
  } finally {
    uninstall();
  }
});
