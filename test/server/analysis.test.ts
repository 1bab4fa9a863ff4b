import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../src/admin/cli';
import { AuditRepository } from '../../src/server/repositories/audit';
import { auth, describeStores, eventRows, makeApp, readXlsx, valuesPayload, type TestApp } from './helpers';

/** Rows of eventRows with another zip and title. */
const rowsAt = (count: number, zip: string, prefix: string) => eventRows(count, { titlePrefix: prefix }).map((r) => r.map((v, i) => (i === 5 ? zip : v)));

describeStores('the analysis', (kind) => {
  let t: TestApp;
  let analyst: string;
  let partner: { token: string; orgId: string };
  let quiet: { orgId: string };
  beforeAll(async () => {
    t = await makeApp(kind);
    analyst = (await t.analyst()).token;
    partner = await t.partner('Alpha Library');
    const beta = await t.partner('Beta Center');
    const gamma = await t.partner('Gamma Clinic');
    quiet = await t.partner('Quiet House');
    const post = (token: string, rows: unknown[][]) => t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) });
    // Alpha and Beta both serve parents in 48201 every month; Gamma serves 48205, and has rows with errors.
    expect((await post(partner.token, rowsAt(24, '48201', 'Story time'))).statusCode).toBe(201);
    expect((await post(beta.token, rowsAt(12, '48201', 'Play group'))).statusCode).toBe(201);
    expect((await post(gamma.token, [...rowsAt(6, '48205', 'Clinic day'), ...eventRows(0, { bad: true })])).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  const get = (token: string, url = '/api/v1/analysis') => t.app.inject({ method: 'GET', url, headers: auth(token) });

  test('the analyst sees who has not submitted, breakdowns that add up to the indicator, and two partners in one zip and month', async () => {
    const res = await get(analyst);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.period).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(a.deadline).toBe('2025-01-31');
    const tracker = Object.fromEntries(a.partners.map((p: { name: string; submitted: boolean }) => [p.name, p.submitted]));
    expect(tracker).toMatchObject({ 'Alpha Library': true, 'Beta Center': true, 'Gamma Clinic': true, 'Quiet House': false });
    expect(a.partners.find((p: { org: string }) => p.org === quiet.orgId)).toMatchObject({ submissionId: null, records: 0 });

    const sum = (xs: { events: number; attendees: number }[]) => xs.reduce((s, x) => ({ events: s.events + x.events, attendees: s.attendees + x.attendees }), { events: 0, attendees: 0 });
    const indicator = sum(Object.values(a.indicator));
    expect(indicator.events).toBeGreaterThan(40);
    expect(sum(a.byMonth)).toEqual(indicator);
    expect(sum(Object.values(a.byEventType))).toEqual(indicator);
    expect(sum(a.byZip)).toEqual(indicator);
    // The same indicator as the aggregate's, which the engine counted submission by submission.
    const aggregate = (await get(analyst, '/api/v1/aggregate')).json();
    expect(a.indicator).toEqual(aggregate.totals.byEngagement);

    const march = a.overlap.find((o: { zip: string; month: string }) => o.zip === '48201' && o.month === '2023-03');
    expect(march).toMatchObject({ audience: 'parent_family', partners: ['Alpha Library', 'Beta Center'] });
    expect(a.overlap.some((o: { zip: string }) => o.zip === '48205')).toBe(false);
    const gap = a.gaps.find((g: { zip: string }) => g.zip === '48208');
    expect(gap).toMatchObject({ events: 0, attendees: 0, partners: 0 });
    expect(a.gaps[a.gaps.length - 1].zip).toBe('48201');
  });

  test('a signed partner sees the analysis without the tracker; an unsigned one is refused; every read is audited per organisation', async () => {
    const mine = await get(partner.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().partners).toBeUndefined();
    expect(mine.json().indicator).toBeDefined();
    const unsigned = await t.partner('Unsigned Org', false);
    const refused = await get(unsigned.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('agreement_not_signed');
    const trail = await new AuditRepository(t.ts.store.db).list({ orgId: partner.orgId, limit: 500 });
    expect(trail.filter((e) => e.action === 'analysis.read' && e.targetOrgId === partner.orgId && e.actor.role === 'analyst').length).toBeGreaterThan(0);
    expect((await get(analyst, '/api/v1/analysis?period=2023-12-31..2023-01-01')).statusCode).toBe(400);
  });

  test('the aggregate workbook has a Summary sheet: the indicator, breakdowns, the tracker with the partner who has not submitted, the overlap and the gaps', async () => {
    const res = await get(analyst, '/api/v1/aggregate.xlsx');
    expect(res.statusCode).toBe(200);
    const book = await readXlsx(res.rawPayload);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Indicator', 'Summary', 'Partners', 'Records']);
    const ws = book.getWorksheet('Summary')!;
    const rows: string[] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))).join('|')));
    const a = (await get(analyst)).json();
    const events = Object.values(a.indicator as Record<string, { events: number; attendees: number }>).reduce((n, c) => n + c.events, 0);
    expect(rows).toContain(`Total|${events}|${Object.values(a.indicator as Record<string, { attendees: number }>).reduce((n, c) => n + c.attendees, 0)}`);
    expect(rows.some((r) => /^Quiet House\|no\|/.test(r))).toBe(true);
    expect(rows.some((r) => /^48201\|2023-03\|Parent/.test(r) && r.includes('Alpha Library, Beta Center'))).toBe(true);
    expect(rows.some((r) => /^Gaps: the service area/.test(r))).toBe(true);
  });

  test('the Summary as an analyst opens it: numbers under headings at their side, every breakdown totalled to the indicator, long texts wrapped in rows tall enough, times as times', async () => {
    const book = await readXlsx((await get(analyst, '/api/v1/aggregate.xlsx')).rawPayload);
    const ws = book.getWorksheet('Summary')!;
    const a = (await get(analyst)).json();
    const sum = (xs: { events: number; attendees: number }[]) => xs.reduce((t, x) => [t[0]! + x.events, t[1]! + x.attendees], [0, 0]);
    const indicator = sum(Object.values(a.indicator));
    // The indicator's table and the by-type table both end in the indicator's total, in bold.
    const totals: number[][] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value !== 'Total') return;
      totals.push([row.getCell(2).value as number, row.getCell(3).value as number]);
      expect(row.getCell(2).font?.bold).toBe(true);
    });
    expect(totals).toEqual([indicator, indicator]);
    const find = (text: string) => {
      let at = 0;
      ws.eachRow((row, r) => {
        if (!at && row.getCell(1).value === text) at = r;
      });
      expect(at).toBeGreaterThan(0);
      return ws.getRow(at);
    };
    // Headings of number columns are right-aligned, over their numbers; text headings left.
    const head = find('Engagement level');
    expect([1, 2, 3].map((c) => head.getCell(c).alignment?.horizontal)).toEqual(['left', 'right', 'right']);
    // The by-month table names the months without a readable date in words, as the other tables do.
    let unknown = false;
    ws.eachRow((row) => (unknown ||= row.getCell(1).value === 'unknown'));
    expect(unknown).toBe(false);
    // The tracker's times are times (a Date Excel formats), not 24-character text cut by the next column.
    const tracker = find('Alpha Library');
    expect(tracker.getCell(3).value).toBeInstanceOf(Date);
    expect(tracker.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    // The overlap's list of partners wraps, and its row is two lines tall.
    const overlap = find('48201');
    const partners = overlap.getCell(4);
    expect(partners.value).toBe('Alpha Library, Beta Center');
    expect(partners.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // The counting rule under the title, wrapped over A:F, in a row tall enough for it.
    expect(ws.getCell('A2').alignment).toMatchObject({ wrapText: true });
    const across = [1, 2, 3, 4, 5, 6].reduce((w, c) => w + (ws.getColumn(c).width ?? 9), 0);
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(Math.ceil(String(ws.getCell('A2').value).length / (across * 1.25)) * 15);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    // The Indicator sheet's first column fits the partners, not the title above the table.
    const first = book.getWorksheet('Indicator')!;
    expect(first.getColumn(1).width).toBeLessThan(String(first.getCell('A1').value).length);
  });

  test('with a population table imported, the gaps carry attendees per 1,000 children under 5', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'population-'));
    const file = join(dir, 'children.csv');
    writeFileSync(file, 'ZCTA,Children under 5,Source,Year\n48201,"2,000",ACS 5-year B01001,2022\n48205,3100,ACS 5-year B01001,2022\n');
    let err = '';
    expect(await runAdmin(['population', 'import', file, '--database-url', t.ts.url], { env: {}, out: () => undefined, err: (s) => (err += s) })).toBe(0);
    expect(err).toBe('');
    const a = (await get(analyst)).json();
    const z = a.gaps.find((g: { zip: string }) => g.zip === '48201');
    expect(z.childrenUnder5).toBe(2000);
    expect(z.perThousandChildren).toBeCloseTo((z.attendees / 2000) * 1000, 1);
    // A bad file imports nothing and says which lines.
    writeFileSync(file, 'zip,children under 5,source,year\n4820,12,x,2022\n48202,-3,x,2022\n');
    let bad = '';
    expect(await runAdmin(['population', 'import', file, '--database-url', t.ts.url], { env: {}, out: () => undefined, err: (s) => (bad += s) })).toBe(1);
    expect(bad).toMatch(/line 2: "4820" is not a 5-digit zip code; line 3: the children under 5 must be a whole number/);
    expect((await get(analyst)).json().gaps.find((g: { zip: string }) => g.zip === '48201').childrenUnder5).toBe(2000);
  });
});

describeStores('events marked as not held', (kind) => {
  let t: TestApp;
  afterAll(async () => t?.close());

  test('stay the partner\'s records, flagged notHeld in the aggregate, and are counted neither in the analysis nor in the aggregate totals', async () => {
    t = await makeApp(kind);
    const analyst = (await t.analyst()).token;
    const partner = await t.partner('Delta Family Center');
    const rows = eventRows(4, { titlePrefix: 'Story walk' });
    rows[2]![0] = 'CANCELLED: Story walk 3';
    const posted = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(partner.token) });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().summary.records).toBe(4);
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: auth(analyst) });
    const a = (await get('/api/v1/analysis')).json();
    expect(a.notCounted).toEqual({ outOfPeriod: 0, noEngagement: 0, notHeld: 1 });
    const events = Object.values(a.indicator as Record<string, { events: number }>).reduce((n, c) => n + c.events, 0);
    expect(events).toBe(3);
    const aggregate = (await get('/api/v1/aggregate')).json();
    expect(a.indicator).toEqual(aggregate.totals.byEngagement);
    expect(aggregate.records.filter((r: { notHeld?: boolean }) => r.notHeld).map((r: { values: { title: string } }) => r.values.title)).toEqual(['CANCELLED: Story walk 3']);
  });
});
