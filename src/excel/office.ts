/**
 * Feature detection for the Office.js host. Everything here must work when
 * office.js is absent or failed to load (the browser mode): then nothing is
 * supported and `detectOffice` reports 'none'.
 */

/** True when Office.js is loaded and the host supports this ExcelApi version. */
export function excelApi(version: string): boolean {
  return isSetSupported('ExcelApi', version);
}

export function isSetSupported(name: string, version?: string): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    return Boolean(Office.context?.requirements?.isSetSupported(name, version));
  } catch {
    return false;
  }
}

/**
 * Waits for Office.onReady and tells whether we run inside Excel. Resolves
 * 'none' when office.js is missing (blocked CDN, plain browser) or does not
 * answer within `timeoutMs`, so the taskpane can fall back to the browser mode.
 */
export async function detectOffice(timeoutMs = 3000): Promise<'excel' | 'none'> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'none';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'none'>((resolve) => {
    timer = setTimeout(() => resolve('none'), timeoutMs);
  });
  try {
    const ready = Office.onReady().then((info) => (info?.host === Office.HostType.Excel && typeof Excel !== 'undefined' ? 'excel' : 'none') as 'excel' | 'none');
    return await Promise.race([ready, timeout]);
  } catch {
    return 'none';
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
