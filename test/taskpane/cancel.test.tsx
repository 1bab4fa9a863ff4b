/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { CheckClient } from '../../src/taskpane/worker/client';
import { FakeWorker } from './fakeWorker';

// The grid and the fallbacks are loaded through lazy.ts, whose import() Jest cannot resolve.
jest.mock('../../src/taskpane/lazy', () => ({
  loadGrid: async () => jest.requireActual('../../src/taskpane/browser/Grid'),
  loadReader: async () => jest.requireActual('../../src/io/readWorkbook'),
  loadAnnotate: async () => jest.requireActual('../../src/annotate/index'),
}));

const CSV = 'Event Name,Date,Audience,Engagement level,Number of attendees\nStory time,3/4/2023,Parents,Level 1,~25\nPlay group,TBD,Caregivers,Level 2,12\n';

beforeEach(() => localStorage.clear());

test('the browser mode over the check worker: reading, a check and a fix can each be cancelled, and the pane is as it was', async () => {
  const user = userEvent.setup();
  const workers: FakeWorker[] = [];
  let holdNew = true;
  const client = new CheckClient({
    spawn: () => {
      const w = new FakeWorker();
      w.hold = holdNew;
      workers.push(w);
      return w;
    },
  });
  render(<App mode={{ kind: 'browser' }} theme="light" checks={client} />);
  const upload = () => user.upload(screen.getByLabelText('Workbook file'), new File([CSV], 'events.csv', { type: 'text/csv' }));

  // Reading: Cancel goes back to the first screen, and ends the worker.
  await upload();
  expect(await screen.findByText('Reading events.csv…')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.getByText('Opening cancelled. Open the file again when you are ready.')).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Check your events workbook' })).toBeInTheDocument();
  expect(workers[0]!.terminated).toBe(true);

  // A fresh worker next time.
  holdNew = false;
  await upload();
  expect(await screen.findByRole('heading', { name: 'Where are your events?' })).toBeInTheDocument();
  expect(workers).toHaveLength(2);

  // A check that takes a while shows "Checking…" with Cancel; cancelled, the step stays as it was.
  workers[1]!.hold = true;
  await user.click(screen.getByRole('button', { name: 'Next: columns' }));
  expect(await screen.findByText('Checking…')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(await screen.findByText(/^Check cancelled: nothing has changed\./)).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Where are your events?' })).toBeInTheDocument();
  expect(screen.queryByText('Checking…')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Next: columns' })).toBeEnabled();

  await user.click(screen.getByRole('button', { name: 'Next: columns' }));
  await screen.findByRole('heading', { name: 'Which column is which?' });
  expect(workers).toHaveLength(3);
  const confirmAll = screen.queryByRole('button', { name: 'Confirm all' });
  if (confirmAll) await user.click(confirmAll);
  await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });
  const cell = () => document.querySelector('[data-address="E2"]');
  await waitFor(() => expect(cell()).toHaveTextContent('~25'));

  // A fix whose check is cancelled is undone.
  workers[2]!.hold = true;
  await user.click(screen.getByRole('button', { name: /^Fix \d+ values?$/ }));
  await waitFor(() => expect(cell()).toHaveTextContent(/^25$/));
  await user.click(await screen.findByRole('button', { name: 'Cancel' }));
  expect(await screen.findByText('Fix cancelled: the values are as they were.')).toBeInTheDocument();
  expect(cell()).toHaveTextContent('~25');
  expect(screen.queryByRole('button', { name: 'Undo fix' })).not.toBeInTheDocument();
  // And done again, it holds.
  await user.click(screen.getByRole('button', { name: /^Fix \d+ values?$/ }));
  expect(await screen.findByText(/^Fixed \d+ values?: /)).toBeInTheDocument();
  expect(cell()).toHaveTextContent(/^25$/);
  expect(workers).toHaveLength(4);
});
