/**
 * The partners' site in Debian's chromium driven by playwright-core: the
 * landing page at / at 390 px (a phone) and 1280 px, light and dark, with
 * axe-core finding no violation and every control reachable from the
 * keyboard; and My submissions, for a partner whose organisation has sent a
 * workbook through the API, showing its own submissions only, downloading a
 * checked workbook and sending a corrected file that becomes the latest.
 * Screenshots land in test-results/browser/site-*.png.
 *
 * TASKPANE_DIST=dir reuses an existing build instead of building (faster reruns).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { OrgRepository } from '../../src/server/repositories/orgs';
import { TokenRepository } from '../../src/server/repositories/tokens';
import { openStore, type Store } from '../../src/server/store/connect';
import { eventRows, xlsxFixture } from '../server/helpers';
import { buildPages } from './build';

// ESM-only packages that Jest's CommonJS cannot load (the server tests do the same).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories run before imports
jest.mock('cookie', () => require('../server/esmShims').cookie);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories run before imports
jest.mock('content-disposition', () => require('../server/esmShims').contentDisposition);

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/browser');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

const available = existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED: the site's browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium).`);
const describeBrowser = available ? describe : describe.skip;

jest.setTimeout(300_000);


interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describeBrowser('the partners’ site in chromium', () => {
  let tmp: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let token: string;
  let otherToken: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'site-browser-'));
    mkdirSync(SHOTS, { recursive: true });
    const dist = buildPages(join(tmp, 'dist'));
    store = openStore(`sqlite:${join(tmp, 'store.db')}`);
    await store.migrate();
    const orgs = new OrgRepository(store.db);
    const tokens = new TokenRepository(store.db);
    const org = await orgs.add('Eastside Family Hub', '2024-01-02');
    ({ token } = await tokens.issue({ role: 'partner', orgId: org.id, person: 'Pat Partner' }));
    const other = await orgs.add('Westside Library', '2024-01-02');
    ({ token: otherToken } = await tokens.issue({ role: 'partner', orgId: other.id, person: 'Lee Librarian' }));
    const config = { ...loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }, ROOT), taskpaneDir: dist, rateLimit: { max: 10_000, windowMs: 60_000 } };
    app = await buildApp({ config, store, logStream: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** The whole page, and the same in slices of 900 px that are easier to look at; `view` only what is on the screen. */
  async function shot(name: string, view = false) {
    await page.screenshot({ path: join(SHOTS, `site-${name}.png`), fullPage: !view });
    if (view) return;
    const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
    for (let y = 0, n = 1; y < height && height > 1000; y += 900, n++) {
      await page.screenshot({ path: join(SHOTS, `site-${name}.part${n}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
    }
  }

  async function expectNoSidewaysScroll(width: number) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  /** axe-core's violations on the page as it is (evaluated over the DevTools protocol, so the page's CSP does not apply). */
  async function axeViolations(): Promise<string[]> {
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run(document)).violations;
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** What the landing page must say, from the collection the server checks against. */
  async function expectLandingContent() {
    await page.getByRole('heading', { level: 1, name: 'Share your events with Hope Starts Here' }).waitFor();
    await page.getByRole('heading', { level: 3, name: HSH_2023.fields[0]!.label }).waitFor();
    for (const f of HSH_2023.fields) {
      const section = page.getByRole('region', { name: f.label, exact: true });
      expect(await section.count()).toBe(1);
      expect(await section.textContent()).toContain(f.definition);
    }
    const text = (await page.locator('main').textContent()) ?? '';
    for (const o of [...HSH_2023.enumerations.engagement!, ...HSH_2023.enumerations.audience!]) expect(text).toContain(o.definition);
    for (const o of HSH_2023.enumerations.event_type!) expect(text).toContain(o.label);
    expect(text).toContain('January 1 to December 31, 2023');
    expect(text).toContain('January 31, 2025');
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of ['/template.xlsx', '/manifest.xml', '/taskpane.html', '/my-submissions']) expect(hrefs).toContain(href);
    // Adding the add-in, for each Excel: the web's upload, Windows' shared-folder catalog, the Mac's wef folder.
    const ways = await page.getByRole('list', { name: 'Adding the add-in, by Excel' }).getByRole('listitem').allInnerTexts();
    expect(ways).toHaveLength(3);
    expect(ways[0]).toMatch(/^Excel on the web: .*Upload My Add-in/);
    expect(ways[1]).toMatch(/^Excel for Windows .*\\\\your-pc\\addins.*Trusted Add-in Catalogs.*Catalog Url.*Show in Menu.*Shared Folder/);
    expect(ways[2]).toMatch(/^Excel for Mac: .*~\/Library\/Containers\/com\.microsoft\.Excel\/Data\/Documents\/.*wef.*Developer Add-ins/);
  }

  test('/ at 390 px, a phone: what is asked, why, by when, how; nothing wider than the screen (nor at 320 px); axe finds nothing', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/`);
    await expectLandingContent();
    await expectNoSidewaysScroll(390);
    await shot('landing-390-light');
    expect(await axeViolations()).toEqual([]);
    await page.goto(`${base}/?theme=dark`);
    await expectLandingContent();
    await shot('landing-390-dark');
    expect(await axeViolations()).toEqual([]);
    // The narrowest phones too.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(320);
  });

  test('/ at 1280 px, light and dark; axe finds nothing', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const theme of ['light', 'dark']) {
      await page.goto(`${base}/?theme=${theme}`);
      await expectLandingContent();
      await expectNoSidewaysScroll(1280);
      await shot(`landing-1280-${theme}`);
      expect(await axeViolations()).toEqual([]);
    }
  });

  test('the keyboard: a skip link first, then every link and button in order; a contents link moves to its section', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/`);
    await expectLandingContent();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return { tag: e?.tagName ?? '', text: (e?.textContent ?? '').trim(), href: e?.getAttribute('href') ?? null };
      });
    expect(await focused()).toMatchObject({ text: 'Skip to the content', href: '#content' });
    await expect(page.getByText('Skip to the content').isVisible()).resolves.toBe(true);
    await shot('keyboard-1-skip', true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');

    // From the content, Tab visits every link and button of the page, in the order they are read.
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.tag === 'BODY' || seen.includes(f.href ?? f.text)) break;
      seen.push(f.href ?? f.text);
    }
    const inMain = await page.locator('main a[href], main button').evaluateAll((es) => es.map((e) => e.getAttribute('href') ?? (e.textContent ?? '').trim()));
    expect(seen.slice(0, new Set(inMain).size)).toEqual([...new Set(inMain)]);

    await page.goto(`${base}/`);
    await expectLandingContent();
    // Tab to the last contents link, as a keyboard user gets there, and follow it.
    for (let i = 0; i < 30 && (await focused()).href !== '#stewardship'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'How the data is looked after', href: '#stewardship' });
    await shot('keyboard-2-focus', true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#stewardship');
    const top = await page.getByRole('heading', { level: 2, name: 'How the data is looked after' }).evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeLessThan(200);
  });

  test('My submissions: a partner signs in and sees its own, downloads a checked workbook, sends a corrected file that becomes the latest', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // One submission each, through the API, as the add-in or curl sends them.
    const post = async (t: string, name: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const res = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${t}` }, body: form });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; summary: { records: number; errors: number; warnings: number } };
    };
    const sent = await post(token, 'eastside-events.xlsx', await xlsxFixture(eventRows(10, { bad: true })));
    await post(otherToken, 'westside-private.xlsx', await xlsxFixture(eventRows(4)));

    await page.goto(`${base}/my-submissions`);
    await page.getByRole('heading', { level: 1, name: 'My submissions' }).waitFor();
    await shot('mine-1-signin');
    expect(await axeViolations()).toEqual([]);
    // Signed in from the keyboard: the token, then Enter.
    await page.getByLabel(/Your sign-in token/).focus();
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as Pat Partner, Eastside Family Hub').waitFor();
    const list = page.getByRole('list', { name: 'Your organisation’s submissions' });
    await list.getByRole('heading', { name: 'eastside-events.xlsx' }).waitFor();
    const items = list.getByRole('listitem');
    expect(await items.count()).toBe(1);
    const item = (await items.first().textContent()) ?? '';
    expect(item).toContain('Sent byPat Partner');
    expect(item).toContain(`Records${sent.summary.records}`);
    expect(item).toContain(`Errors${sent.summary.errors}`);
    expect(item).toContain(`Warnings${sent.summary.warnings}`);
    expect(item).toContain('Has errors to correct');
    expect(item).toContain('Latest: this one counts');
    expect(await page.locator('main').textContent()).not.toContain('westside');
    await expectNoSidewaysScroll(390);
    await shot('mine-2-list');
    expect(await axeViolations()).toEqual([]);

    const download = page.waitForEvent('download');
    await items.first().getByRole('button', { name: 'Download the checked workbook' }).click();
    const file = await (await download).path();
    expect(readFileSync(file!).subarray(0, 2).toString()).toBe('PK');

    // The corrected file, sent from the page.
    const fixedPath = join(tmp, 'eastside-events-fixed.xlsx');
    writeFileSync(fixedPath, await xlsxFixture(eventRows(11)));
    await page.getByLabel('Corrected file', { exact: true }).setInputFiles(fixedPath);
    await page.getByRole('button', { name: 'Send the corrected file' }).click();
    await page.getByText('11 records, 0 errors, 0 warnings. It is now your latest submission.').waitFor();
    await list.getByRole('heading', { name: 'eastside-events-fixed.xlsx' }).waitFor();
    expect(await items.count()).toBe(2);
    const [newest, older] = [(await items.nth(0).textContent()) ?? '', (await items.nth(1).textContent()) ?? ''];
    expect(newest).toContain('eastside-events-fixed.xlsx');
    expect(newest).toContain('Latest: this one counts');
    expect(newest).toContain('Accepted');
    expect(older).not.toContain('Latest');
    await shot('mine-3-corrected');
    expect(await axeViolations()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot('mine-4-corrected-1280');

    // The server agrees: the corrected file is the organisation's latest.
    const me = await (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(me.lastSubmission.fileName).toBe('eastside-events-fixed.xlsx');

    // Signing out forgets the token; the page asks again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel(/Your sign-in token/).waitFor();
  });
});
