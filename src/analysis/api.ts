import type { AnalysisView } from './types';

/**
 * The analysis from the server, with the analyst's (or a partner's) token.
 * Every failure is an AnalysisError whose message says what to do.
 */
export type AnalysisErrorKind = 'offline' | 'unauthorised' | 'forbidden' | 'busy' | 'server' | 'unexpected';

export class AnalysisError extends Error {
  constructor(
    readonly kind: AnalysisErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

export interface AnalysisApi {
  /** Origin (and path prefix) of the server; '' for the page's own origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function fetchAnalysis(token: string, api: AnalysisApi): Promise<AnalysisView> {
  const doFetch = api.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), api.timeoutMs ?? 120_000);
  let response: Response;
  try {
    response = await doFetch(`${api.baseUrl.replace(/\/+$/, '')}/api/v1/analysis`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: controller.signal,
    });
  } catch (error) {
    throw error instanceof DOMException && error.name === 'AbortError'
      ? new AnalysisError('offline', 'The server did not answer in time. Try again in a minute.')
      : new AnalysisError('offline', 'Could not reach the server. Check your connection and try again.');
  } finally {
    clearTimeout(timer);
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // Not JSON: the status says enough.
  }
  if (response.ok) {
    if (!isAnalysis(data)) throw new AnalysisError('unexpected', 'The server answered, but not with an analysis. Try again in a minute.', response.status);
    return data;
  }
  throw analysisErrorFor(response.status, serverMessage(data));
}

/** The message for an HTTP error status. */
export function analysisErrorFor(status: number, message: string | null): AnalysisError {
  const detail = message ? ` The server says: “${message.replace(/\s+$/, '')}”` : '';
  if (status === 401) return new AnalysisError('unauthorised', 'Your sign-in token is not valid or has expired. Ask the data team for a new token and sign in again.', status);
  if (status === 403) {
    return new AnalysisError(
      'forbidden',
      `This token cannot see the analysis: only the data team and partners whose organisation has signed the data-sharing agreement can.${detail}`,
      status,
    );
  }
  if (status === 503 || status === 429) return new AnalysisError('busy', `The server is busy. Wait a minute and try again.${detail}`, status);
  if (status >= 500 || status === 413) return new AnalysisError('server', `The server could not build the analysis (error ${status}).${detail}`, status);
  return new AnalysisError('unexpected', `The server refused the request (error ${status}).${detail}`, status);
}

function serverMessage(data: unknown): string | null {
  if (!data || typeof data !== 'object' || !('error' in data)) return null;
  const error = (data as { error: unknown }).error;
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' ? error.message : null;
}

function isAnalysis(data: unknown): data is AnalysisView {
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  return typeof d.indicator === 'object' && Array.isArray(d.byMonth) && Array.isArray(d.byZip) && Array.isArray(d.gaps) && Array.isArray(d.overlap);
}
