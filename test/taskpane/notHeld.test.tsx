/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { check } from '../../src/core/check';
import type { Cell, Workbook } from '../../src/core/workbook';
import { Flow } from '../../src/taskpane/Flow';
import { fakeHost, renderWithHost } from './fakes';

const cell = (v: string | number): Cell => (typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v });

// A month sheet with a cancelled event and a sheet of all the events, over the real engine.
test('a copy of the month sheets is listed as not read with its reason; an event marked cancelled is told on its row', async () => {
  const user = userEvent.setup();
  const head = ['Event', 'Date', 'Audience', 'Level', 'Attendees', 'Status'];
  const events = [1, 2, 3].map((d) => [`Story time ${d}`, `3/${d}/2023`, 'Parents', 'Level 1', 5 + d, d === 3 ? 'Cancelled' : 'Held']);
  const february = [1, 2].map((d) => [`Music ${d}`, `2/${d}/2023`, 'Parents', 'Level 1', 4 + d, 'Held']);
  const workbook: Workbook = {
    date1904: false,
    source: 'xlsx',
    sheets: [
      { name: 'All events', rows: [head, ...february, ...events].map((r) => r.map(cell)), merges: [] },
      { name: 'February', rows: [head, ...february].map((r) => r.map(cell)), merges: [] },
      { name: 'March', rows: [head, ...events].map((r) => r.map(cell)), merges: [] },
    ],
  };
  renderWithHost(<Flow />, fakeHost(workbook).host, (wb, o) => check(wb, { ...o, fixes: true }));
  expect(await screen.findByRole('switch', { name: 'March' }, { timeout: 15_000 })).toBeChecked();
  expect(screen.getByRole('switch', { name: 'All events' })).not.toBeChecked();
  expect(screen.getByText(/its 5 events are all on the sheets “February”, “March” too: read there, not twice/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Next: columns' }));
  await user.click(await screen.findByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });
  const list = screen.getByRole('list', { name: 'Issues' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  expect(list).toHaveTextContent('March F4 · Whole row (warning) This row is marked “Cancelled”, so it is kept as your row but not counted as an event held');
  expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('5 events');
});
