import type { AppMode } from './App';
import { loadExcelAdapter } from './lazy';
import type { ThemeName } from './theme';

/** How long office.js (loaded without blocking the page, taskpane.html) may take before the browser mode starts without it. */
export const OFFICE_LOAD_TIMEOUT_MS = 8000;

declare global {
  interface Window {
    /** Set by taskpane.html: resolves true when office.js has loaded, false when it failed. */
    hshOfficeJs?: Promise<boolean>;
  }
}

/** Waits for the page's office.js script, at most `ms`; says on the loading line what it waits for. */
async function officeJsLoaded(ms: number): Promise<void> {
  const loading = typeof window !== 'undefined' ? window.hshOfficeJs : undefined;
  if (!loading) return;
  const line = typeof document !== 'undefined' ? document.querySelector('#root .boot') : null;
  const slow = setTimeout(() => {
    if (line) line.textContent = 'Loading… Connecting to Excel is taking a while; without it this page opens in browser mode in a few seconds.';
  }, 1500);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([loading, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  clearTimeout(slow);
}

/** How long to wait for Office.onReady before assuming an ordinary browser. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * Inside Excel: the Office.js adapter. Anywhere else (office.js missing,
 * blocked, loaded outside Office, or another Office application): the browser mode.
 */
export async function chooseMode(timeoutMs = OFFICE_READY_TIMEOUT_MS, loadMs = OFFICE_LOAD_TIMEOUT_MS): Promise<AppMode> {
  await officeJsLoaded(loadMs);
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'browser' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (!info || info.host !== Office.HostType.Excel) return { kind: 'browser' };
  try {
    const { createExcelHost } = await loadExcelAdapter();
    return { kind: 'excel', host: await createExcelHost() };
  } catch (error) {
    // The Excel adapter failed to load: the browser mode still works.
    console.error('The Excel adapter could not start; using the browser mode.', error);
    return { kind: 'browser' };
  }
}

/** ?theme=dark or ?theme=light forces a theme (screenshots, and people who want one). */
export function forcedTheme(search: string): ThemeName | undefined {
  const t = new URLSearchParams(search).get('theme');
  return t === 'dark' || t === 'light' ? t : undefined;
}
