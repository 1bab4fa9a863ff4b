/** @jest-environment jsdom */
import '../setup-dom';
import { act, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { fakeHost } from './fakes';

// The browser mode's lazily loaded parts are not needed to show its first screen.
jest.mock('../../src/taskpane/lazy', () => ({
  loadGrid: async () => jest.requireActual('../../src/taskpane/browser/Grid'),
  loadAnnotate: async () => jest.requireActual('../../src/annotate/index'),
  loadReader: async () => jest.requireActual('../../src/io/readWorkbook'),
  loadExcelAdapter: async () => {
    throw new Error('not in Excel');
  },
}));

// jsdom has no fetch nor Response: a stand-in answering as the server does.
// The server's collection as GET /collection.json gives it, with a DEADLINE and PERIOD of its own (not the bundled collection's).
const served = { id: 'hsh-imperative2-2023', name: 'HSH', period: { start: '2023-01-01', end: '2023-12-31' }, deadline: '2025-02-28', fields: [{ id: 'title', label: 'Title/Event', requirement: 'required', kind: 'text' }], enumerations: {} };
const realFetch = globalThis.fetch;
let asked: string[];
beforeEach(() => {
  asked = [];
  globalThis.fetch = jest.fn(async (url: string | URL | Request) => {
    asked.push(String(url));
    return { ok: true, status: 200, json: async () => served } as Response;
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
  document.head.querySelectorAll('meta[name="hsh-api-base"]').forEach((m) => m.remove());
});

async function expectInfo() {
  const link = screen.getByRole('link', { name: 'Download the events template (.xlsx)' });
  const line = link.closest('p')!;
  await waitFor(() => expect(line).toHaveTextContent('Events held January 1, 2023 to December 31, 2023, due by February 28, 2025. Download the events template (.xlsx)'));
  return link;
}

test('the browser mode names the period and the deadline the server publishes and links the template on this server', async () => {
  render(<App mode={{ kind: 'browser' }} theme="light" />);
  const link = await expectInfo();
  expect(link).toHaveAttribute('href', `${location.origin}/template.xlsx`);
  expect(link).toHaveAttribute('target', '_blank');
  // The same server: a relative address.
  expect(asked).toEqual(['/collection.json']);
});

test('a server that does not answer: the template link, and no deadline from a copy', async () => {
  globalThis.fetch = jest.fn(async () => ({ ok: false, status: 503, json: async () => null }) as unknown as Response) as typeof fetch;
  render(<App mode={{ kind: 'browser' }} theme="light" />);
  const line = screen.getByRole('link', { name: 'Download the events template (.xlsx)' }).closest('p')!;
  await waitFor(() => expect(globalThis.fetch).toHaveBeenCalled());
  await act(async () => undefined);
  expect(line).toHaveTextContent(/^Download the events template \(\.xlsx\)$/);
  expect(line).not.toHaveTextContent('due by');
});

test('in Excel too, and the link follows the server the taskpane is told to use', async () => {
  const meta = document.createElement('meta');
  meta.name = 'hsh-api-base';
  meta.content = 'https://datashare.example.org/';
  document.head.appendChild(meta);
  const { host } = fakeHost();
  render(<App mode={{ kind: 'excel', host }} theme="light" />);
  await screen.findByRole('heading', { name: 'Where are your events?' });
  expect(await expectInfo()).toHaveAttribute('href', 'https://datashare.example.org/template.xlsx');
  expect(asked).toEqual(['https://datashare.example.org/collection.json']);
});
