/** @jest-environment jsdom */
import '../setup-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';

// The lazily loaded parts, loaded eagerly here; the reader is replaced by one that returns a known workbook.
jest.mock('../../src/taskpane/lazy', () => ({
  loadGrid: async () => jest.requireActual('../../src/taskpane/browser/Grid'),
  loadAnnotate: async () => jest.requireActual('../../src/annotate/index'),
  loadReader: async () => ({
    readWorkbookBytes: async (_bytes: Uint8Array, name: string) => {
      if (name.startsWith('broken')) throw new Error('This file is not a workbook: it may be damaged.');
      return jest.requireActual('./fakes').eventsWorkbook();
    },
  }),
  loadExcelAdapter: async () => {
    throw new Error('not in Excel');
  },
}));

beforeEach(() => localStorage.clear());

async function openWorkbook(user: ReturnType<typeof userEvent.setup>, name = 'events.xlsx') {
  const input = screen.getByLabelText('Workbook file');
  await user.upload(input, new File([new Uint8Array([80, 75, 3, 4])], name));
}

test('opens a file, checks it, shows flagged cells in the grid with their notes, and downloads the annotated workbook', async () => {
  const user = userEvent.setup();
  const created: Blob[] = [];
  URL.createObjectURL = jest.fn((b: Blob) => {
    created.push(b);
    return 'blob:annotated';
  });
  URL.revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

  render(<App mode={{ kind: 'browser' }} theme="light" />);
  expect(screen.getByRole('heading', { name: 'Check your events workbook' })).toBeInTheDocument();
  await openWorkbook(user);
  expect(await screen.findByText('events.xlsx')).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Next: columns' }));
  await user.click(await screen.findByRole('button', { name: 'Confirm column E: Number of attendees' }));
  await user.click(await screen.findByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });

  const grid = await screen.findByRole('region', { name: /Sheet Events, 6 rows/ });
  // Highlighted from the start in the browser mode.
  expect(screen.getByRole('button', { name: 'Highlight again' })).toBeInTheDocument();
  await waitFor(() => expect(grid.querySelector('[data-address="B4"]')).toHaveAttribute('data-mark', 'error'));
  expect(grid.querySelector('[data-address="E3"]')).toHaveAttribute('data-mark', 'warning');
  expect(grid.querySelector('[data-address="B4"]')!.getAttribute('title')).toMatch(/^TBD\n• “TBD” is not a date/);
  expect(screen.getByRole('list', { name: 'Highlighted cells' })).toHaveTextContent('Errors: 1 cell');
  await user.click(screen.getByRole('button', { name: 'Clear' }));
  expect(grid.querySelector('[data-mark]')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Highlight cells' }));
  await waitFor(() => expect(grid.querySelector('[data-address="B4"]')).toHaveAttribute('data-mark', 'error'));

  // Going to a cell selects it in the grid and says why it is flagged.
  await user.click(within(screen.getByRole('list', { name: 'Issues' })).getByRole('button', { name: /Go to B4/ }));
  expect(screen.getByTestId('cell-details')).toHaveTextContent('B4: TBD Error: “TBD” is not a date');
  expect(grid.querySelector('[data-address="B4"]')).toHaveAttribute('aria-current', 'true');
  // Arrow keys move the selection.
  grid.focus();
  await user.keyboard('{ArrowRight}');
  expect(screen.getByTestId('cell-details')).toHaveTextContent('C4: level 2');

  // Fixing changes the grid's cells, and the original file is no longer what gets submitted.
  await user.click(screen.getByRole('button', { name: /^Fix \d+ values$/ }));
  await screen.findByText(/^Fixed \d+ values?: /);
  await user.click(screen.getByRole('button', { name: /^Tidy \d+ values to the agreed wording$/ }));
  await screen.findByText(/^Tidied \d+ values?/);
  expect(grid.querySelector('[data-address="C3"]')).toHaveTextContent('Engagement level one');
  expect(grid.querySelector('[data-address="E3"]')).not.toHaveAttribute('data-mark');

  // The error left is corrected in its cell, in the grid, and checked again at once.
  await user.click(within(screen.getByRole('list', { name: 'Issues' })).getByRole('button', { name: /Go to B4/ }));
  const edit = screen.getByRole('textbox', { name: 'New value for B4' });
  expect(edit).toHaveValue('TBD');
  await user.clear(edit);
  await user.type(edit, '4/1/2023{Enter}');
  await waitFor(() => expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 errors'));
  expect(grid.querySelector('[data-address="B4"]')).toHaveTextContent('4/1/2023');
  expect(grid.querySelector('[data-address="B4"]')).not.toHaveAttribute('data-mark');
  expect(edit).toHaveFocus();

  // Changed here: what downloads is the corrected workbook.
  await user.click(screen.getByRole('button', { name: 'Download corrected workbook' }));
  await screen.findByText(/^The corrected workbook is in your downloads/);
  expect(click).toHaveBeenCalled();
  expect(created[0]!.size).toBeGreaterThan(1000);
  click.mockRestore();
});

test('a file that cannot be read says why, and another can be tried', async () => {
  // As if dropped: the picker's own filter does not apply.
  const user = userEvent.setup({ applyAccept: false });
  render(<App mode={{ kind: 'browser' }} theme="light" />);
  await openWorkbook(user, 'broken.xlsx');
  expect(await screen.findByText('That file could not be opened')).toBeInTheDocument();
  expect(screen.getByText('This file is not a workbook: it may be damaged.')).toBeInTheDocument();
  await openWorkbook(user, 'notes.txt');
  expect(await screen.findByText(/“notes.txt” is not a workbook \(.xlsx, .xlsm, .xls, .xlsb, .ods\), a CSV file or a Word document/)).toBeInTheDocument();
  await openWorkbook(user);
  expect(await screen.findByRole('button', { name: 'Next: columns' })).toBeInTheDocument();
});

test('follows the system theme outside Office', () => {
  const matchMedia = window.matchMedia;
  window.matchMedia = ((query: string) => ({ ...matchMedia(query), matches: query.includes('dark') })) as typeof window.matchMedia;
  const { container } = render(<App mode={{ kind: 'browser' }} />);
  expect(container.querySelector('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  window.matchMedia = matchMedia;
});
