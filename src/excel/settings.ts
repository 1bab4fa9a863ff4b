import type { SavedMapping } from '../taskpane/host';

/**
 * What the add-in remembers. Inside the workbook: Office's document settings
 * (they travel with the file). Per partner: localStorage, keyed by Office's
 * partition key when the host partitions storage.
 */

const MAPPING_PREFIX = 'hsh.mapping:';

function documentSettings(): Office.Settings | null {
  try {
    if (typeof Office === 'undefined') return null;
    return Office.context?.document?.settings ?? null;
  } catch {
    return null;
  }
}

export function getSetting<T>(key: string): T | null {
  const settings = documentSettings();
  if (!settings) return null;
  try {
    const value = settings.get(key) as unknown;
    return value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

/** Sets (or, with null, removes) a document setting and saves the settings. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const settings = documentSettings();
  if (!settings) return;
  if (value === null) settings.remove(key);
  else settings.set(key, value);
  await new Promise<void>((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? 'could not save the workbook settings'));
      else resolve();
    });
  });
}

/** localStorage key: the partition key first when Office gives one (Excel on the web, new Outlook…). */
export function storageKey(key: string): string {
  let partition: string | undefined;
  try {
    partition = typeof Office !== 'undefined' ? Office.context?.partitionKey : undefined;
  } catch {
    partition = undefined;
  }
  return partition ? `${partition}${key}` : key;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); remembering is then best effort.
    return null;
  }
}

function isSavedMapping(value: unknown): value is SavedMapping {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SavedMapping>;
  return typeof v.sheet === 'string' && typeof v.headerRow === 'number' && typeof v.columns === 'object' && v.columns !== null;
}

/** The workbook's own memory wins over the partner's: it was confirmed for this very file. */
export function loadMapping(sheetKey: string): SavedMapping | null {
  const fromWorkbook = getSetting<unknown>(MAPPING_PREFIX + sheetKey);
  const parsed = typeof fromWorkbook === 'string' ? safeParse(fromWorkbook) : fromWorkbook;
  if (isSavedMapping(parsed)) return parsed;
  const raw = storage()?.getItem(storageKey(MAPPING_PREFIX + sheetKey));
  const local = raw ? safeParse(raw) : null;
  return isSavedMapping(local) ? local : null;
}

export async function saveMapping(sheetKey: string, mapping: SavedMapping): Promise<void> {
  try {
    storage()?.setItem(storageKey(MAPPING_PREFIX + sheetKey), JSON.stringify(mapping));
  } catch {
    // Quota or privacy mode: the workbook settings below still remember it.
  }
  await setSetting(MAPPING_PREFIX + sheetKey, mapping);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
