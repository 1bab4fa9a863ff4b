/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fetchAggregate, type AggregateRecordJson } from '../../src/taskpane/api';
import { createExcelHost } from '../../src/excel';
import { DATA_SHEET, PIVOT_SHEET } from '../../src/excel/analysis';
import { AnalystPanel, RememberedAnalyst } from '../../src/taskpane/steps/submit/AnalystPanel';
import { Flow } from '../../src/taskpane/Flow';
import { RichApiHost } from '../excel/richApiHost';
import { fakeHost, renderWithHost } from './fakes';

/**
 * Analyst mode in the taskpane: the records fetched page by page from
 * GET /api/v1/aggregate and built into the workbook through the real
 * Office.js client (test/excel/richApiHost.ts).
 */

const record = (i: number): AggregateRecordJson => ({
  orgId: `org_${i % 2}`,
  partner: i % 2 ? 'Org B' : 'Org A',
  flagged: false,
  values: { date: `2023-0${(i % 9) + 1}-10`, engagement: 'touchpoint', audience: ['parent_family'], event_type: 'literacy', zip: '48201', attendees: 3 },
});

/** The server's pages: `pages[i]` records, each page's next cursor "c<i+1>"; one 409 first when `changedOnce`. */
function aggregateFetch(pages: number[], changedOnce = false, population: unknown = [{ zip: '48201', childrenUnder5: 1_500, source: 'ACS', year: 2022 }]) {
  const urls: string[] = [];
  let n = 0;
  let changed = changedOnce;
  globalThis.fetch = jest.fn(async (url: string, init: RequestInit) => {
    urls.push(url);
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer an-1');
    if (url.endsWith('/api/v1/me')) {
      return { status: 200, ok: true, headers: { get: () => null }, json: async () => ({ person: 'Ana Analyst', role: 'analyst', org: null, lastSubmission: null }) } as unknown as Response;
    }
    if (url.endsWith('/api/v1/analysis/population')) {
      if (population === 500) return { status: 500, ok: false, headers: { get: () => null }, json: async () => ({ error: { code: 'internal', message: 'Boom.' } }) } as unknown as Response;
      return { status: 200, ok: true, headers: { get: () => null }, json: async () => ({ population }) } as unknown as Response;
    }
    const cursor = /cursor=c(\d+)/.exec(url);
    const index = cursor ? Number(cursor[1]) : 0;
    if (changed && index === 1) {
      changed = false;
      return { status: 409, ok: false, headers: { get: () => null }, json: async () => ({ error: { code: 'aggregate_changed', message: 'The aggregate changed.' } }) } as unknown as Response;
    }
    const records = Array.from({ length: pages[index]! }, () => record(n++));
    const next = index + 1 < pages.length ? `c${index + 1}` : null;
    return { status: 200, ok: true, headers: { get: () => null }, json: async () => ({ records, page: { limit: 5000, count: records.length, next } }) } as unknown as Response;
  }) as unknown as typeof globalThis.fetch;
  return urls;
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  localStorage.clear();
});

describe('fetchAggregate', () => {
  test('follows page.next until the last page', async () => {
    const urls = aggregateFetch([3, 3, 2]);
    const { records } = await fetchAggregate('an-1', { baseUrl: 'https://server.test/' });
    expect(records).toHaveLength(8);
    expect(urls).toEqual(['https://server.test/api/v1/aggregate?limit=5000', 'https://server.test/api/v1/aggregate?limit=5000&cursor=c1', 'https://server.test/api/v1/aggregate?limit=5000&cursor=c2']);
  });

  test('starts over once when the aggregate changed while reading, never mixing versions', async () => {
    const urls = aggregateFetch([2, 2], true);
    const { records } = await fetchAggregate('an-1', { baseUrl: '' });
    expect(urls.map((u) => u.replace(/^.*\?/, ''))).toEqual(['limit=5000', 'limit=5000&cursor=c1', 'limit=5000', 'limit=5000&cursor=c1']);
    expect(records).toHaveLength(4);
  });
});

describe('the analyst panel', () => {
  test('inside Excel: fetches every page and builds table, PivotTables and charts in the workbook', async () => {
    const user = userEvent.setup();
    const excel = new RichApiHost({ excelApi: '1.18' });
    uninstall = excel.install();
    excel.addSheet('Sheet1');
    aggregateFetch([4, 3]);
    renderWithHost(<AnalystPanel token="an-1" api={{ baseUrl: '' }} />, createExcelHost({ retryDelayMs: 0 }));
    await user.click(screen.getByRole('button', { name: 'Build the analysis in this workbook' }));
    expect(await screen.findByText('Analysis built', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/7 records on “Analysis data”; 3 PivotTables on “Analysis pivots”/)).toBeInTheDocument();
    expect(excel.sheet(DATA_SHEET).get(7, 0)?.value).toBe('Org A');
    expect(excel.sheet(DATA_SHEET).get(8, 0)).toBeUndefined();
    expect(excel.pivots.map((p) => p.sheet.name)).toEqual([PIVOT_SHEET, PIVOT_SHEET, PIVOT_SHEET]);
    expect(excel.charts).toHaveLength(2);
    // The population table's 48201: its children under 5 and the rate, on the summary.
    expect(screen.getByText(/with attendees per 1,000 children under 5 by ZIP\./)).toBeInTheDocument();
    expect([...excel.sheet('Analysis summary').cells.values()].filter((c) => c.value === 1_500)).toHaveLength(1);
  });

  test('without a population table, or when it cannot be fetched, the analysis is built and the panel says there are no rates', async () => {
    for (const [population, said] of [
      [[], /No rates per 1,000 children: the server has no population table loaded\./],
      [500, /No rates per 1,000 children: the population table could not be fetched/],
    ] as const) {
      const user = userEvent.setup();
      const excel = new RichApiHost({ excelApi: '1.18' });
      uninstall = excel.install();
      excel.addSheet('Sheet1');
      aggregateFetch([3], false, population);
      const view = renderWithHost(<AnalystPanel token="an-1" api={{ baseUrl: '' }} />, createExcelHost({ retryDelayMs: 0 }));
      await user.click(screen.getByRole('button', { name: 'Build the analysis in this workbook' }));
      expect(await screen.findByText(said, {}, { timeout: 10_000 })).toBeInTheDocument();
      expect(excel.tables).toHaveLength(1);
      view.unmount();
      uninstall();
      uninstall = null;
    }
  });

  test('at ExcelApi 1.7 it says the breakdowns are formulas', async () => {
    const user = userEvent.setup();
    const excel = new RichApiHost({ excelApi: '1.7' });
    uninstall = excel.install();
    excel.addSheet('Sheet1');
    aggregateFetch([5]);
    renderWithHost(<AnalystPanel token="an-1" api={{ baseUrl: '' }} />, createExcelHost({ retryDelayMs: 0 }));
    await user.click(screen.getByRole('button', { name: 'Build the analysis in this workbook' }));
    expect(await screen.findByText(/no PivotTables \(they need ExcelApi 1.8\), so the breakdowns are formulas/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(excel.pivots).toEqual([]);
  });

  test('an empty aggregate is said in words and nothing is written', async () => {
    const user = userEvent.setup();
    const excel = new RichApiHost();
    uninstall = excel.install();
    excel.addSheet('Sheet1');
    aggregateFetch([0]);
    renderWithHost(<AnalystPanel token="an-1" api={{ baseUrl: '' }} />, createExcelHost({ retryDelayMs: 0 }));
    await user.click(screen.getByRole('button', { name: 'Build the analysis in this workbook' }));
    expect(await screen.findByText(/no signed partner has submitted/)).toBeInTheDocument();
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('an analyst signed in at the submit step gets the panel; in the browser it points to the analysis page', async () => {
    const user = userEvent.setup();
    localStorage.setItem('hsh-datashare.token', 'an-1');
    aggregateFetch([1]);
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await user.click(await screen.findByRole('button', { name: 'Next: columns' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm and check' }));
    await user.click(await screen.findByRole('button', { name: 'Next: submit' }));
    expect(await screen.findByRole('heading', { name: 'For the data team: the analysis' })).toBeInTheDocument();
    expect(screen.getByText(/Open this add-in in Excel to build the analysis/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Build the analysis in this workbook' })).toBeNull();
  });

  test('on the first step, inside Excel, a remembered analyst token offers the build at once', async () => {
    const user = userEvent.setup();
    const excel = new RichApiHost();
    uninstall = excel.install();
    excel.addSheet('Sheet1');
    localStorage.setItem('hsh-datashare.token', 'an-1');
    aggregateFetch([2]);
    renderWithHost(<RememberedAnalyst baseUrl="" />, createExcelHost({ retryDelayMs: 0 }));
    await user.click(await screen.findByRole('button', { name: 'Build the analysis in this workbook' }));
    expect(await screen.findByText('Analysis built', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(excel.tables).toHaveLength(1);
  });

  test('a remembered partner token shows nothing of it', async () => {
    const excel = new RichApiHost();
    uninstall = excel.install();
    localStorage.setItem('hsh-datashare.token', 'an-1');
    const me = jest.fn(async () => ({ status: 200, ok: true, headers: { get: () => null }, json: async () => ({ person: 'Pat', role: 'partner', org: { id: 'o', name: 'Org', signed: true }, lastSubmission: null }) }) as unknown as Response);
    globalThis.fetch = me as unknown as typeof fetch;
    renderWithHost(<RememberedAnalyst baseUrl="" />, createExcelHost({ retryDelayMs: 0 }));
    await waitFor(() => expect(me).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('heading', { name: 'For the data team: the analysis' })).toBeNull();
  });
});
