/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildTemplate } from '../../src/annotate/template';
import { check } from '../../src/core/check';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { Flow } from '../../src/taskpane/Flow';
import { fakeHost, renderWithHost } from './fakes';

// The blank template opened in the taskpane, over the real engine: the Events sheet, its columns certain, and one finding.
test('the blank template: Events read, Examples not, every column taken, and "no events yet" about the whole sheet', async () => {
  const user = userEvent.setup();
  const workbook = await readWorkbookBytes(await buildTemplate(), 'template.xlsx');
  const fake = fakeHost(workbook);
  renderWithHost(<Flow />, fake.host, (wb, o) => check(wb, { ...o, fixes: true }));
  expect(await screen.findByRole('switch', { name: 'Events' }, { timeout: 15_000 })).toBeChecked();
  expect(screen.getByRole('switch', { name: 'Examples' })).not.toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Next: columns' }));
  // The compact mapping: one line per column, folded when certain.
  expect(await screen.findByRole('button', { name: /^Column A: / })).toHaveTextContent(/Title\/Event.*Title\/Event/);
  expect(screen.getByRole('button', { name: /^Column J: / })).toHaveTextContent(/Number of attendees.*Number of attendees/);
  // Nothing to confirm: the headings are the agreed ones.
  await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });
  const list = screen.getByRole('list', { name: 'Issues' });
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  expect(list).toHaveTextContent('Whole sheet (error) The sheet “Events” has the headings but no events under them yet.');
});
