/** @jest-environment jsdom */
import '../setup-dom';
import { chooseMode, forcedTheme } from '../../src/taskpane/startup';
import { officeThemeName } from '../../src/taskpane/theme';

const excelHost = { kind: 'excel' };
jest.mock('../../src/taskpane/lazy', () => ({
  loadExcelAdapter: jest.fn(async () => ({ createExcelHost: () => excelHost })),
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, to change its behaviour per test
const lazy = require('../../src/taskpane/lazy') as { loadExcelAdapter: jest.Mock };

/** A stand-in for the Office.js global, as much of it as the start-up reads. */
function fakeOffice(onReady: () => Promise<{ host: string | null }>, theme?: { bodyBackgroundColor: string }) {
  (globalThis as { Office?: unknown }).Office = {
    onReady,
    HostType: { Excel: 'Excel', Word: 'Word' },
    context: theme ? { officeTheme: theme } : {},
  };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete window.hshOfficeJs;
  document.body.innerHTML = '';
});

describe('start-up', () => {
  test('without office.js (missing or blocked): the browser mode', async () => {
    await expect(chooseMode()).resolves.toEqual({ kind: 'browser' });
  });

  test('inside Excel: the Excel adapter', async () => {
    fakeOffice(async () => ({ host: 'Excel' }));
    await expect(chooseMode()).resolves.toEqual({ kind: 'excel', host: excelHost });
  });

  test('office.js in an ordinary browser, or in another Office application: the browser mode', async () => {
    fakeOffice(async () => ({ host: null }));
    await expect(chooseMode()).resolves.toEqual({ kind: 'browser' });
    fakeOffice(async () => ({ host: 'Word' }));
    await expect(chooseMode()).resolves.toEqual({ kind: 'browser' });
  });

  test('office.js still loading (it no longer blocks the page): waits for it, then the Excel adapter', async () => {
    window.hshOfficeJs = new Promise((resolve) =>
      setTimeout(() => {
        fakeOffice(async () => ({ host: 'Excel' }));
        resolve(true);
      }, 30),
    );
    await expect(chooseMode(1000, 5000)).resolves.toEqual({ kind: 'excel', host: excelHost });
  });

  test('office.js that never loads (a slow or blocked CDN): the loading line says so, then the browser mode', async () => {
    jest.useFakeTimers();
    try {
      document.body.innerHTML = '<div id="root"><p class="boot">Loading…</p></div>';
      window.hshOfficeJs = new Promise(() => undefined);
      const mode = chooseMode(1000, 8000);
      await jest.advanceTimersByTimeAsync(2000);
      expect(document.querySelector('.boot')?.textContent).toMatch(/Connecting to Excel is taking a while; without it this page opens in browser mode/);
      await jest.advanceTimersByTimeAsync(6000);
      await expect(mode).resolves.toEqual({ kind: 'browser' });
    } finally {
      jest.useRealTimers();
    }
  });

  test('office.js that failed to load: the browser mode at once', async () => {
    window.hshOfficeJs = Promise.resolve(false);
    await expect(chooseMode(1000, 60_000)).resolves.toEqual({ kind: 'browser' });
  });

  test('Office.onReady that never answers: the browser mode after a while', async () => {
    fakeOffice(() => new Promise(() => undefined));
    await expect(chooseMode(20)).resolves.toEqual({ kind: 'browser' });
  });

  test('an Excel adapter that fails to load: the browser mode still works', async () => {
    fakeOffice(async () => ({ host: 'Excel' }));
    lazy.loadExcelAdapter.mockRejectedValueOnce(new Error('chunk failed'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(chooseMode()).resolves.toEqual({ kind: 'browser' });
    error.mockRestore();
  });

  test("Office's theme decides light or dark; ?theme= forces one", () => {
    fakeOffice(async () => ({ host: 'Excel' }), { bodyBackgroundColor: '#262626' });
    expect(officeThemeName()).toBe('dark');
    fakeOffice(async () => ({ host: 'Excel' }), { bodyBackgroundColor: '#FFFFFF' });
    expect(officeThemeName()).toBe('light');
    delete (globalThis as { Office?: unknown }).Office;
    expect(officeThemeName()).toBeNull();
    expect(forcedTheme('?theme=dark')).toBe('dark');
    expect(forcedTheme('?theme=blue')).toBeUndefined();
  });
});
