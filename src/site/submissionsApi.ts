import { errorFor, SubmitError, type ApiOptions } from '../taskpane/api';

/** One of the organisation's submissions, as GET /api/v1/submissions lists it. */
export interface SubmissionItem {
  id: string;
  org: { id: string; name: string };
  submittedBy: string;
  receivedAt: string;
  source: string;
  fileName: string;
  sheet: string | null;
  period: { start: string; end: string };
  status: 'accepted' | 'flagged' | 'withdrawn' | string;
  withdrawnAt: string | null;
  purgedAt: string | null;
  summary: { records?: number; errors?: number; warnings?: number };
  links: { report: string; annotated: string };
}

/** The organisation's submissions, newest first (the server lists a partner's own only). */
export async function listSubmissions(token: string, options: ApiOptions): Promise<SubmissionItem[]> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl.replace(/\/+$/, '')}/api/v1/submissions?limit=1000`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  } catch {
    throw new SubmitError('offline', 'Could not reach the server. Check your connection and reload the page.');
  }
  const data = (await response.json().catch(() => null)) as { submissions?: unknown; error?: { message?: string; code?: string } } | null;
  if (!response.ok) throw errorFor(response.status, data?.error?.message ?? null, response.headers.get('Retry-After'), data?.error?.code ?? null);
  if (!data || !Array.isArray(data.submissions)) throw new SubmitError('unexpected', 'The server answered, but not with your submissions. Reload the page in a minute.');
  return data.submissions as SubmissionItem[];
}

/**
 * The submission that counts in the data set for a period: the newest that
 * is neither withdrawn nor deleted under the retention rule (as the
 * aggregate chooses it).
 */
export function latestThatCounts(items: SubmissionItem[], period?: { start: string; end: string }): SubmissionItem | undefined {
  return items
    .filter((s) => s.status !== 'withdrawn' && !s.purgedAt && (!period || (s.period.start === period.start && s.period.end === period.end)))
    .reduce<SubmissionItem | undefined>((best, s) => (!best || s.receivedAt > best.receivedAt ? s : best), undefined);
}
