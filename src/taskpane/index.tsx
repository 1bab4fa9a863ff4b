import { createRoot } from 'react-dom/client';
import { App, type AppMode } from './App';
import type { ThemeName } from './theme';
import { loadExcelAdapter } from './lazy';

/** How long to wait for Office.onReady before assuming an ordinary browser. */
const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * Inside Excel: the Office.js adapter. Anywhere else (office.js missing,
 * blocked, or loaded outside Office): the browser mode.
 */
async function chooseMode(): Promise<AppMode> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'browser' };
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
  ]);
  if (!info || info.host !== Office.HostType.Excel) return { kind: 'browser' };
  const { createExcelHost } = await loadExcelAdapter();
  return { kind: 'excel', host: await createExcelHost() };
}

/** ?theme=dark or ?theme=light forces a theme (screenshots, and people who want one). */
function forcedTheme(): ThemeName | undefined {
  const t = new URLSearchParams(location.search).get('theme');
  return t === 'dark' || t === 'light' ? t : undefined;
}

async function start() {
  const element = document.getElementById('root');
  if (!element) return;
  const root = createRoot(element);
  let mode: AppMode;
  try {
    mode = await chooseMode();
  } catch (error) {
    // The Excel adapter failed to load: the browser mode still works.
    console.error('Excel adapter unavailable, using the browser mode', error);
    mode = { kind: 'browser' };
  }
  root.render(<App mode={mode} theme={forcedTheme()} />);
}

void start();
