import { latestThatCounts, listSubmissions, type SubmissionItem } from '../../src/site/submissionsApi';

const item = (id: string, receivedAt: string, extra: Partial<SubmissionItem> = {}): SubmissionItem => ({
  id,
  org: { id: 'org_1', name: 'Eastside Family Hub' },
  submittedBy: 'Pat Partner',
  receivedAt,
  source: 'file',
  fileName: `${id}.xlsx`,
  sheet: null,
  period: { start: '2023-01-01', end: '2023-12-31' },
  status: 'accepted',
  withdrawnAt: null,
  purgedAt: null,
  summary: { records: 1, errors: 0, warnings: 0 },
  links: { report: `/api/v1/submissions/${id}`, annotated: `/api/v1/submissions/${id}/annotated.xlsx` },
  ...extra,
});

describe('the submission that counts', () => {
  const period = { start: '2023-01-01', end: '2023-12-31' };
  test('the newest of the period', () => {
    expect(latestThatCounts([item('b', '2025-01-02T10:00:00Z'), item('a', '2025-01-01T10:00:00Z')], period)?.id).toBe('b');
  });
  test('not a withdrawn one, nor one whose data was deleted, nor another period’s: the previous one counts again', () => {
    const list = [
      item('d', '2025-01-04T10:00:00Z', { period: { start: '2024-01-01', end: '2024-12-31' } }),
      item('c', '2025-01-03T10:00:00Z', { status: 'withdrawn', withdrawnAt: '2025-01-05T00:00:00Z' }),
      item('b', '2025-01-02T10:00:00Z', { purgedAt: '2025-01-06T00:00:00Z' }),
      item('a', '2025-01-01T10:00:00Z', { status: 'flagged' }),
    ];
    expect(latestThatCounts(list, period)?.id).toBe('a');
    expect(latestThatCounts(list)?.id).toBe('d');
  });
  test('none when nothing counts', () => {
    expect(latestThatCounts([], period)).toBeUndefined();
  });
});

describe('listSubmissions', () => {
  const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  test('sends the token and returns the list', async () => {
    let seen: RequestInit | undefined;
    const list = await listSubmissions('tok', {
      baseUrl: 'https://example.org/',
      fetch: (async (url: string, init: RequestInit) => {
        expect(url).toBe('https://example.org/api/v1/submissions?limit=1000');
        seen = init;
        return answer(200, { submissions: [item('a', '2025-01-01T00:00:00Z')] })();
      }) as unknown as typeof fetch,
    });
    expect(list.map((s) => s.id)).toEqual(['a']);
    expect((seen?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });
  test('a refused token says what to do; no server says so too', async () => {
    await expect(listSubmissions('bad', { baseUrl: '', fetch: answer(401, { error: { code: 'unauthorized', message: 'The token has expired.' } }) as unknown as typeof fetch })).rejects.toMatchObject({
      kind: 'unauthorised',
      message: expect.stringContaining('sign in again'),
    });
    await expect(
      listSubmissions('t', {
        baseUrl: '',
        fetch: (async () => {
          throw new TypeError('fetch failed');
        }) as unknown as typeof fetch,
      }),
    ).rejects.toMatchObject({ kind: 'offline' });
    await expect(listSubmissions('t', { baseUrl: '', fetch: answer(200, { nope: 1 }) as unknown as typeof fetch })).rejects.toMatchObject({ kind: 'unexpected' });
  });
});
