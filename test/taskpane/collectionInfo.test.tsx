/** @jest-environment jsdom */
import '../setup-dom';
import { render, screen } from '@testing-library/react';
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

afterEach(() => document.head.querySelectorAll('meta[name="hsh-api-base"]').forEach((m) => m.remove()));

function expectInfo() {
  const link = screen.getByRole('link', { name: 'Download the events template (.xlsx)' });
  const line = link.closest('p')!;
  expect(line).toHaveTextContent('Events held January 1, 2023 to December 31, 2023, due by January 31, 2025. Download the events template (.xlsx)');
  return link;
}

test('the browser mode names the period and the deadline and links the template on this server', () => {
  render(<App mode={{ kind: 'browser' }} theme="light" />);
  const link = expectInfo();
  expect(link).toHaveAttribute('href', `${location.origin}/template.xlsx`);
  expect(link).toHaveAttribute('target', '_blank');
});

test('in Excel too, and the link follows the server the taskpane is told to use', async () => {
  const meta = document.createElement('meta');
  meta.name = 'hsh-api-base';
  meta.content = 'https://datashare.example.org/';
  document.head.appendChild(meta);
  const { host } = fakeHost();
  render(<App mode={{ kind: 'excel', host }} theme="light" />);
  await screen.findByRole('heading', { name: 'Where are your events?' });
  expect(expectInfo()).toHaveAttribute('href', 'https://datashare.example.org/template.xlsx');
});
