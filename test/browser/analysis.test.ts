/**
 * The analysts' page (/analysis) in Debian's chromium, driven by playwright-core,
 * over the real server (in-process, temp SQLite store, worker pool): three
 * signed partners have submitted, a fourth has not. The analyst signs in and
 * sees the tracker with the non-submitter, tiles equal to the indicator, the
 * map and every chart's table; sorts and exports the tracker from the
 * keyboard; axe finds no violation; a partner sees no tracker; an unsigned
 * partner is told why not. Screenshots at 1280, 800 and 320 px land in
 * test-results/browser/analysis-*.png.
 *
 * ANALYSIS_DIST=dir (or TASKPANE_DIST=dir) reuses a build instead of building.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { auth, eventRows, makeApp, uploadFile, valuesPayload, type TestApp } from '../server/helpers';
import { buildPages } from './build';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/browser');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const CORPUS = resolve(ROOT, '../shared/corpus/dev');
const CORPUS_FILES = ['01-eastside-family-hub.xlsx', '03-southwest-parent-network.xlsx', '08-hamtramck-family-center.xlsx'];

const available = existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED: the browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium).`);
const describeBrowser = available ? describe : describe.skip;

jest.setTimeout(400_000);

/** Rows of eventRows with zips taken in turn from `zips`. */
const rowsIn = (count: number, zips: string[], prefix: string) => eventRows(count, { titlePrefix: prefix }).map((r, i) => r.map((v, c) => (c === 5 ? zips[i % zips.length] : v)));

const build = (outDir: string): string => buildPages(outDir, process.env.ANALYSIS_DIST ?? process.env.TASKPANE_DIST);

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

describeBrowser('the analysts\' page in chromium', () => {
  let tmp: string;
  let dist: string;
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let analyst: string;
  let partner: string;
  let unsigned: string;
  /** Every URL the page asked for: the map needs no tiles and nothing from the internet. */
  const requests: string[] = [];
  let analysis: {
    indicator: Record<string, { events: number; attendees: number }>;
    overlap: unknown[];
    overlapMatrix: { partners: string[]; shared: number[][] };
    byZip: { zip: string }[];
    gaps: { zip: string; events: number; childrenUnder5: number | null; perThousandChildren: number | null }[];
  };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'analysis-browser-'));
    mkdirSync(SHOTS, { recursive: true });
    dist = build(join(tmp, 'dist'));
    t = await makeApp('sqlite', {}, { taskpaneDir: dist });
    analyst = (await t.analyst('Ann Analyst')).token;
    const alpha = await t.partner('Alpha Library');
    const beta = await t.partner('Beta Center');
    const gamma = await t.partner('Gamma Clinic');
    await t.partner('Quiet House');
    partner = alpha.token;
    unsigned = (await t.partner('Unsigned Org', false)).token;
    const post = async (token: string, rows: unknown[][]) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) });
      expect(res.statusCode).toBe(201);
    };
    // Alpha and Beta both serve parents in 48201 and 48207; Gamma serves 48205, Royal Oak (outside the city) and Grand Rapids (off the map), with rows in error.
    await post(alpha.token, rowsIn(36, ['48201', '48207', '48202', '48212'], 'Story time'));
    await post(beta.token, rowsIn(24, ['48201', '48207'], 'Play group'));
    await post(gamma.token, [...rowsIn(10, ['48205', '48205', '48067', '49503'], 'Clinic day'), ...eventRows(0, { bad: true })]);
    // Children under 5 in two ZIP codes: their rates per 1,000 in the gaps list and in the by-ZIP table.
    await t.app.repos.population.replace([
      { zip: '48201', childrenUnder5: 2_400, source: 'ACS 2022 5-year, B01001', year: 2022 },
      { zip: '48205', childrenUnder5: 3_100, source: 'ACS 2022 5-year, B01001', year: 2022 },
    ]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analysis', headers: auth(analyst) });
    expect(res.statusCode).toBe(200);
    analysis = res.json();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await t?.close().catch(() => undefined);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** axe-core run in the page (evaluated over the devtools protocol, so the page's CSP stays as served). */
  async function axe(): Promise<AxeResult['violations']> {
    const has = await page.evaluate(() => 'axe' in window);
    if (!has) await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;0`);
    const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as AxeResult;
    return result.violations;
  }

  async function expectNoAxeViolations(what: string) {
    const violations = await axe();
    const text = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n  ')}`).join('\n');
    if (violations.length) console.error(`axe on ${what}:\n${text}`);
    expect(text).toBe('');
  }

  async function signIn(token: string, query = '', remember = false) {
    await page.goto(`${base}/analysis${query}`);
    await page.getByLabel('Your sign-in token').fill(token);
    if (remember) await page.getByLabel(/Remember me/).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Your sign-in token').waitFor();
  }

  /** The whole page, then each part on its own. */
  async function shots(width: number) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300); // the charts redraw at the new width (ResizeObserver)
    await page.screenshot({ path: join(SHOTS, `analysis-${width}.png`), fullPage: true });
    const parts = page.locator('main section');
    for (let i = 0, n = await parts.count(); i < n; i++) {
      await parts.nth(i).screenshot({ path: join(SHOTS, `analysis-${width}-part${i + 1}.png`) });
    }
  }

  test('the page\'s first download stays within its budget', () => {
    const html = readFileSync(join(dist, 'analysis.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]+src="?([^" >]+\.js)"?/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const gz = scripts.reduce((n, src) => n + gzipSync(readFileSync(join(dist, src))).length, 0);
    expect(gz).toBeLessThan(250 * 1024);
  });

  test('the analyst sees who has not submitted, tiles equal to the indicator, the map, the tables, and axe finds nothing', async () => {
    await signIn(analyst);
    const tracker = page.getByTestId('tracker');
    await tracker.waitFor();
    await page.getByText('Signed in as Ann Analyst (data team).').waitFor();
    // Who has not submitted comes first, marked so.
    const quiet = tracker.getByRole('row').filter({ hasText: 'Quiet House' });
    await expect(quiet.textContent()).resolves.toMatch(/not submitted/);
    await expect(tracker.getByRole('row').nth(1).textContent()).resolves.toMatch(/^Quiet House/);
    for (const name of ['Alpha Library', 'Beta Center', 'Gamma Clinic']) {
      await expect(tracker.getByRole('row').filter({ hasText: name }).textContent()).resolves.toMatch(/submitted.*\d/);
    }
    await expect(page.getByTestId('tracker-summary').textContent()).resolves.toMatch(/3 of 4 signed partners have submitted\..*Not yet submitted: Quiet House\./);

    // The tiles are the indicator, level by level.
    for (const [level, c] of Object.entries(analysis.indicator)) {
      await expect(page.getByTestId(`tile-${level}-events`).textContent()).resolves.toBe(c.events.toLocaleString('en-US'));
      await expect(page.getByTestId(`tile-${level}-attendees`).textContent()).resolves.toBe(c.attendees.toLocaleString('en-US'));
    }

    // The map: a circle for every service-area zip and every event zip near it; Grand Rapids is named as off the map.
    const map = page.getByTestId('zip-map');
    await map.waitFor();
    const circles = await map.locator('circle[data-zip]').evaluateAll((els) => els.map((e) => e.getAttribute('data-zip')));
    for (const g of analysis.gaps) expect(circles).toContain(g.zip);
    expect(circles).toContain('48067');
    expect(circles).not.toContain('49503');
    await page.getByText(/Not on the map: .*49503/).waitFor();
    expect(await map.locator('circle[data-zip="48208"]').getAttribute('aria-label')).toMatch(/^48208: 0 events/);

    expect(requests.filter((u) => !u.startsWith(base) && !/^(data|blob):/.test(u))).toEqual([]);

    // The trend chart draws a line per engagement level.
    expect(await page.getByTestId('trend-chart').locator('path').count()).toBe(Object.keys(analysis.indicator).length);

    // Overlap: as many rows as the analysis has cells (up to the first 25), and the matrix counts Alpha × Beta.
    const overlap = page.getByRole('table', { name: 'Cells served by two or more partners' });
    expect(analysis.overlap.length).toBeGreaterThan(0);
    expect(await overlap.getByRole('row').count()).toBe(1 + Math.min(25, analysis.overlap.length));
    const m = analysis.overlapMatrix;
    const [a, b] = [m.partners.indexOf('Alpha Library'), m.partners.indexOf('Beta Center')];
    expect(m.shared[a]![b]).toBeGreaterThan(0);
    const alphaRow = page.getByTestId('overlap-matrix').getByRole('row').filter({ hasText: /^Alpha Library/ });
    await expect(alphaRow.textContent()).resolves.toContain(String(m.shared[a]![b]));

    // Gaps: the least served first, zips with no event marked.
    const gaps = page.getByRole('table', { name: 'Service-area ZIP codes, least served first' });
    await expect(gaps.getByRole('row').nth(1).textContent()).resolves.toMatch(new RegExp(`^${analysis.gaps[0]!.zip}`));
    expect(await gaps.getByText('no events').count()).toBe(analysis.gaps.filter((g) => g.events === 0).length);

    await expectNoAxeViolations('the analyst\'s page');
    await shots(1280);
    await shots(800);

    // Every chart's numbers are one click away.
    for (const figure of ['Month by month', 'By audience', 'By event type', 'Where: ZIP codes']) {
      const section = page.getByRole('region', { name: figure, exact: true });
      await section.getByRole('button', { name: 'Table' }).click();
      await section.getByRole('table').first().waitFor();
    }
    const byZip = page.getByRole('table', { name: 'Events and attendees by ZIP code' });
    expect(await byZip.getByRole('row').count()).toBe(1 + analysis.byZip.length + 1);
    expect(await byZip.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Children under 5', 'Attendees per 1,000 children']));
    const g201 = analysis.gaps.find((g) => g.zip === '48201')!;
    expect(g201.perThousandChildren).not.toBeNull();
    const row201 = await byZip.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '48201' }) }).or(byZip.getByRole('row').filter({ has: page.getByRole('cell', { name: '48201', exact: true }) })).first().allInnerTexts();
    expect(row201.join(' ')).toContain('2,400');
    expect(row201.join(' ')).toContain(g201.perThousandChildren!.toLocaleString('en-US'));
    const byType = page.getByRole('table', { name: 'By event type: events and attendees' });
    const total = Object.values(analysis.indicator).reduce((n, c) => n + c.events, 0);
    await expect(byType.getByRole('row').last().textContent()).resolves.toContain(total.toLocaleString('en-US'));
    await expectNoAxeViolations('the tables');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, 'analysis-1280-tables.png'), fullPage: true });
  });

  test('from the keyboard: the tracker sorts and exports, the tabs switch, the map\'s circles say their numbers', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(analyst);
    await page.getByTestId('tracker').waitFor();
    await page.locator('body').focus();
    /** Presses Tab until `match` holds for the focused element (at most `limit` times). */
    const tabTo = async (match: (el: { text: string; role: string | null; label: string | null }) => boolean, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          return { text: (e?.textContent ?? '').trim(), role: e?.getAttribute('role') ?? null, label: e?.getAttribute('aria-label') ?? null };
        });
        if (match(el)) return el;
      }
      throw new Error('not reached from the keyboard');
    };
    await tabTo((e) => e.text === 'Partner');
    await page.keyboard.press('Enter');
    const header = page.getByTestId('tracker').getByRole('columnheader', { name: 'Partner' });
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(page.getByTestId('tracker').getByRole('row').nth(1).textContent()).resolves.toMatch(/^Alpha Library/);
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(page.getByTestId('tracker').getByRole('row').nth(1).textContent()).resolves.toMatch(/^Quiet House/);

    // Export, from the keyboard: the CSV has the order shown and names who has not submitted.
    await page.getByRole('button', { name: 'Export as CSV' }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Partner,Organisation id,Submitted,Submitted at,/);
    expect(lines[1]).toMatch(/^Quiet House,org_\w+,no,,,0,0,0,-?\d+,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Quiet House', 'Gamma Clinic', 'Beta Center', 'Alpha Library']);

    // The trend's tabs: arrow to Table, and the table is there.
    await tabTo((e) => e.text === 'Table');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /by month and engagement level/ }).waitFor();

    // The map's circles take the focus and say their numbers.
    const circle = await tabTo((e) => e.role === 'img' && /^\d{5}/.test(e.label ?? ''), 200);
    await page.getByText(circle.label!, { exact: true }).last().waitFor();
  });

  test('at 320 px nothing scrolls sideways, and axe finds nothing', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await signIn(analyst);
    await page.getByTestId('tracker').waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations('the page at 320 px');
    await shots(320);
  });

  test('in the dark theme too, axe finds nothing', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(analyst, '?theme=dark');
    await page.getByTestId('zip-map').waitFor();
    expect(await page.locator('[data-theme="dark"]').count()).toBe(1);
    await expectNoAxeViolations('the dark theme');
    await page.screenshot({ path: join(SHOTS, 'analysis-1280-dark.png'), fullPage: true });
  });

  test('a partner sees the analysis without the tracker; an unsigned partner is told why not', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(partner, '', true);
    await page.getByTestId('zip-map').waitFor();
    // Remembered: the page opens signed in, the token checked again.
    await page.reload();
    await page.getByTestId('zip-map').waitFor();
    await page.getByText('Signed in as Staff of Alpha Library, Alpha Library.').waitFor();
    await page.getByText(/signed in as a partner/).waitFor();
    expect(await page.getByTestId('tracker').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Who has submitted' }).count()).toBe(0);
    const [level, c] = Object.entries(analysis.indicator)[0]!;
    await expect(page.getByTestId(`tile-${level}-events`).textContent()).resolves.toBe(c.events.toLocaleString('en-US'));
    await expectNoAxeViolations('the partner\'s page');
    await page.screenshot({ path: join(SHOTS, 'analysis-partner-1280.png') });

    await signOut();
    await signIn(unsigned);
    const error = page.getByTestId('analysis-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/Not open to this sign-in.*only the data team and partners whose organisation has signed the data-sharing agreement/);
    await page.getByText('Signed in as Staff of Unsigned Org, Unsigned Org.').waitFor();
    await expectNoAxeViolations('the refusal');
    await page.screenshot({ path: join(SHOTS, 'analysis-refused-1280.png') });

    await signOut();
    await page.getByLabel('Your sign-in token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/not valid or has expired/).waitFor();
  });

  test('as the analyst sees it with three dev-corpus workbooks submitted and a fourth partner silent', async () => {
    if (!CORPUS_FILES.every((f) => existsSync(join(CORPUS, f)))) {
      console.warn(`SKIPPED: the dev corpus is not at ${CORPUS}`);
      return;
    }
    const c = await makeApp('sqlite', {}, { taskpaneDir: dist });
    try {
      const token = (await c.analyst('Dee Data')).token;
      for (const file of CORPUS_FILES) {
        const p = await c.partner(file.replace(/^\d+-|\.xlsx$/g, '').replace(/-/g, ' '));
        const res = await uploadFile(c, p.token, file, new Uint8Array(readFileSync(join(CORPUS, file))));
        expect(res.statusCode).toBe(201);
      }
      await c.partner('Silent Partner');
      const a = (await c.app.inject({ method: 'GET', url: '/api/v1/analysis', headers: auth(token) })).json();
      const url = await c.app.listen({ port: 0, host: '127.0.0.1' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${url}/analysis`);
      await page.getByLabel('Your sign-in token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const tracker = page.getByTestId('tracker');
      await tracker.waitFor();
      await expect(tracker.getByRole('row').nth(1).textContent()).resolves.toMatch(/^Silent Partnernot submitted/);
      for (const [level, n] of Object.entries(a.indicator as Record<string, { events: number }>)) {
        await expect(page.getByTestId(`tile-${level}-events`).textContent()).resolves.toBe(n.events.toLocaleString('en-US'));
      }
      const placed = await page.getByTestId('zip-map').locator('circle[data-zip]').count();
      expect(placed).toBeGreaterThanOrEqual(a.gaps.length);
      await expectNoAxeViolations('the dev corpus');
      await page.screenshot({ path: join(SHOTS, 'analysis-dev-corpus-1280.png'), fullPage: true });
    } finally {
      await c.close();
    }
  });
});
