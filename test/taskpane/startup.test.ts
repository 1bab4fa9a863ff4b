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
