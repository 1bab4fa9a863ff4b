/**
 * The partner's sign-in token, remembered on this device when they ask for it.
 * localStorage can be missing or throw (private windows, locked-down Office);
 * then the token lives for this session only.
 */
const TOKEN_KEY = 'hsh-datashare.token';

export function loadToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    globalThis.localStorage?.setItem(TOKEN_KEY, token);
  } catch {
    // Not remembered; the person signs in again next time.
  }
}

export function forgetToken(): void {
  try {
    globalThis.localStorage?.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored.
  }
}

/** The server's address: a <meta name="hsh-api-base"> in the page, else the page's own origin. */
export function apiBaseUrl(): string {
  if (typeof document === 'undefined') return '';
  const meta = document.querySelector('meta[name="hsh-api-base"]');
  return meta?.getAttribute('content')?.trim() ?? '';
}
