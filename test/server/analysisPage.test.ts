import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeApp, type TestApp } from './helpers';

/** /analysis serves the built analysts' page beside the taskpane, under the same security headers. */
describe('the analysts\' page route', () => {
  const apps: TestApp[] = [];
  afterAll(async () => Promise.all(apps.map((t) => t.close())));

  async function appWith(files: Record<string, string>) {
    const dir = join(mkdtempSync(join(tmpdir(), 'datashare-analysis-page-')), 'taskpane');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const t = await makeApp('sqlite', {}, { taskpaneDir: dir });
    apps.push(t);
    return t;
  }

  test('serves analysis.html at /analysis, with the page\'s CSP', async () => {
    const t = await appWith({ 'index.html': '<title>site</title>', 'taskpane.html': '<title>taskpane</title>', 'analysis.html': '<title>analysis</title>' });
    const page = await t.app.inject({ method: 'GET', url: '/analysis' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>analysis</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    // The partners' site stays at /, the taskpane at /taskpane.html.
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).toContain('<title>site</title>');
    expect((await t.app.inject({ method: 'GET', url: '/taskpane.html' })).body).toContain('<title>taskpane</title>');
  });

  test('without a built page, /analysis is a plain 404', async () => {
    const t = await appWith({ 'taskpane.html': '<title>taskpane</title>' });
    expect((await t.app.inject({ method: 'GET', url: '/analysis' })).statusCode).toBe(404);
  });
});
