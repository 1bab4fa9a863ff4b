/**
 * The analyst panel of the task pane in Debian's chromium, inside a fake
 * Excel: the production task pane (webpack), served by the real server
 * (in-process, temp SQLite store), with Microsoft's own Excel library in the
 * page and every request it sends answered by the strict host of
 * test/excel/richApiHost.ts over a playwright binding. An analyst token
 * remembered on the device shows the panel on the first step; the build is
 * started from the keyboard and lands in the host's workbook (table,
 * PivotTables, charts, rates per 1,000 children from the server's population
 * table); a failure half way is told and leaves the workbook as it was.
 * Screenshots at 320 and 450 px, light and dark, land in
 * test-results/browser/analyst-*.png; axe finds no violation in any state.
 *
 * TASKPANE_DIST=dir reuses an existing build instead of building.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DATA_SHEET, PIVOT_SHEET, SUMMARY_SHEET } from '../../src/excel/analysis';
import { RichApiHost } from '../excel/richApiHost';
import { auth, eventRows, makeApp, valuesPayload, type TestApp } from '../server/helpers';
import { buildPages } from './build';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/browser');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const BUILD = 'Build the analysis in this workbook';

const available = existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED: the browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium).`);
const describeBrowser = available ? describe : describe.skip;

jest.setTimeout(400_000);

const buildTaskpane = (outDir: string): string => buildPages(outDir);

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** The partner's own sheet in the workbook the analyst has open. */
const OWN = [
  ['Event', 'Date', 'Audience', 'Engagement level', 'Attendees'],
  ['Story time', '2023-03-04', 'Parents', 'Level 1', 12],
  ['Play group', '2023-04-12', 'Caregivers', 'Level 2', 8],
];

describeBrowser('the analyst panel in the task pane, in chromium inside a fake Excel', () => {
  let tmp: string;
  let dist: string;
  let t: TestApp;
  let base: string;
  let analyst: string;
  let records: number;
  let context: BrowserContext;
  let page: Page;
  /** The workbook the page's Excel talks to; a fresh one per test. */
  let excel: RichApiHost;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'analyst-browser-'));
    mkdirSync(SHOTS, { recursive: true });
    dist = buildTaskpane(join(tmp, 'dist'));
    t = await makeApp('sqlite', {}, { taskpaneDir: dist });
    analyst = (await t.analyst('Ann Analyst')).token;
    const alpha = await t.partner('Alpha Library');
    const beta = await t.partner('Beta Center');
    for (const [token, rows] of [
      [alpha.token, eventRows(30)],
      [beta.token, eventRows(14, { bad: true, titlePrefix: 'Play group' })],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: valuesPayload(rows), headers: auth(token) });
      expect(res.statusCode).toBe(201);
    }
    records = 30 + 14 + 3;
    await t.app.repos.population.replace([
      { zip: '48201', childrenUnder5: 2_400, source: 'ACS 2022 5-year, B01001', year: 2022 },
      { zip: '48205', childrenUnder5: 3_100, source: 'ACS 2022 5-year, B01001', year: 2022 },
    ]);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
      viewport: { width: 320, height: 800 },
    });
    // office.js from "Microsoft's CDN" is Microsoft's Excel library with this test's Office around it.
    await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: excel.browserScript() }));
    await context.exposeBinding('__richApi', async (_source, message: string) => JSON.stringify(await excel.answer(JSON.parse(message) as unknown[])));
    await context.addInitScript(`try { localStorage.setItem('hsh-datashare.token', ${JSON.stringify(analyst)}); } catch (e) {}`);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterEach(() => {
    // Nothing thrown in the page, nothing logged as an error.
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await t?.close().catch(() => undefined);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  function freshWorkbook(excelApi = '1.18'): RichApiHost {
    excel = new RichApiHost({ excelApi });
    excel.addSheet('Events').put('A1', OWN);
    return excel;
  }

  async function open(width: number, theme: 'light' | 'dark') {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${base}/taskpane.html?theme=${theme}`);
    await page.getByRole('heading', { name: 'Where are your events?' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'For the data team: the analysis' }).waitFor();
  }

  const panel = () => page.locator('section[aria-labelledby="analyst-title"]');

  async function shot(name: string) {
    await page.screenshot({ path: join(SHOTS, `analyst-${name}.png`), fullPage: true });
    await panel().screenshot({ path: join(SHOTS, `analyst-${name}-panel.png`) });
  }

  async function axe(what: string) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;0`);
    const violations = (await page.evaluate(`axe.run(document).then(function (r) { return r.violations; })`)) as AxeViolation[];
    const text = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n  ')}`).join('\n');
    if (text) console.error(`axe on ${what}:\n${text}`);
    expect(text).toBe('');
  }

  async function expectNoSidewaysScroll() {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  /** Tabs from the top of the page to the build button; every stop is in view and never <body>. */
  async function tabToBuild(): Promise<string[]> {
    await page.locator('body').focus();
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el?.getBoundingClientRect();
        return { text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 80), body: !el || el === document.body, visible: !!r && r.width > 0 && r.height > 0 };
      });
      expect(at.body).toBe(false);
      expect(at.visible).toBe(true);
      stops.push(at.text);
      if (at.text === BUILD) return stops;
    }
    throw new Error(`the build button was not reached by Tab: ${stops.join(' | ')}`);
  }

  for (const width of [320, 450]) {
    for (const theme of ['light', 'dark'] as const) {
      test(`at ${width} px, ${theme}: the panel, built from the keyboard into the workbook; axe finds nothing before or after`, async () => {
        freshWorkbook();
        await open(width, theme);
        await shot(`${width}-${theme}-1-ready`);
        await expectNoSidewaysScroll();
        await axe(`the ready panel at ${width} px, ${theme}`);

        await tabToBuild();
        await page.keyboard.press('Enter');
        await page.getByText('Analysis built').waitFor({ timeout: 60_000 });
        await shot(`${width}-${theme}-2-built`);
        await expectNoSidewaysScroll();
        await axe(`the built panel at ${width} px, ${theme}`);
        // The keyboard stayed on the button while it worked; it now builds again, beside the first.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Build again on new sheets');
        const said = await panel().innerText();
        expect(said).toContain(`${records} records`);
        expect(said).toContain('attendees per 1,000 children under 5');

        expect(excel.sheets.map((s) => s.name)).toEqual(['Events', DATA_SHEET, SUMMARY_SHEET, PIVOT_SHEET]);
        expect(excel.tables).toHaveLength(1);
        expect(excel.tables[0]!.rect.bottom).toBe(records);
        expect(excel.pivots).toHaveLength(3);
        expect(excel.charts.map((c) => c.categoryAxis.categoryType ?? null)).toEqual(['DateAxis', null]);
        const summary = excel.sheet(SUMMARY_SHEET);
        const children = [...summary.cells.values()].filter((c) => c.value === 2_400);
        expect(children).toHaveLength(1);
      });
    }
  }

  test('a build that fails half way says so, and the workbook is as it was; the next try builds it (320 px, light and dark)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      freshWorkbook();
      await open(320, theme);
      // Fail the 40th operation from the click: the data sheet and its rows are written by then.
      const button = page.getByRole('button', { name: BUILD });
      excel.arm(40);
      await button.click();
      await page.getByText('Analysis not built').waitFor({ timeout: 60_000 });
      expect(await panel().innerText()).toContain('the workbook is as it was');
      expect(excel.sheets.map((s) => s.name)).toEqual(['Events']);
      expect([excel.tables.length, excel.pivots.length, excel.charts.length]).toEqual([0, 0, 0]);
      await shot(`320-${theme}-3-failed`);
      await axe(`the failed panel, ${theme}`);
      await button.click();
      await page.getByText('Analysis built').waitFor({ timeout: 60_000 });
      expect(excel.sheets.map((s) => s.name)).toEqual(['Events', DATA_SHEET, SUMMARY_SHEET, PIVOT_SHEET]);
    }
  });

  test('at ExcelApi 1.7 the panel says the breakdowns are formulas (320 px)', async () => {
    freshWorkbook('1.7');
    await open(320, 'light');
    await page.getByRole('button', { name: BUILD }).click();
    await page.getByText('Analysis built').waitFor({ timeout: 60_000 });
    expect(await panel().innerText()).toMatch(/no PivotTables/);
    expect(excel.pivots).toEqual([]);
    await shot('320-light-4-formulas');
    await axe('the 1.7 panel');
  });
});
