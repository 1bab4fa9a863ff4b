/** @jest-environment jsdom */
import '../setup-dom';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { check } from '../../src/core/check';
import { Flow } from '../../src/taskpane/Flow';
import { eventsWorkbook, fakeHost, renderWithHost } from './fakes';

// The same steps over the real check engine: what it detects, and that its fixes survive a second check.
test('with the real engine: detect, map, check, fix every messy value, and nothing is left to fix', async () => {
  const user = userEvent.setup();
  const fake = fakeHost(eventsWorkbook());
  renderWithHost(<Flow />, fake.host, (wb, o) => check(wb, { ...o, fixes: true }));
  expect(await screen.findByRole('spinbutton', { name: 'Row with the column headings on “Events”' })).toHaveValue(2);
  expect(screen.getByRole('switch', { name: 'Events' })).toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Next: columns' }));
  expect(await screen.findByRole('combobox', { name: 'Field for column E' })).toHaveTextContent('Number of attendees');
  expect(screen.getByRole('combobox', { name: 'Field for column F' })).toHaveTextContent('No field');
  // “How many” does not name the field; only its values fit, so the person confirms it before the check.
  expect(screen.getByRole('button', { name: 'Confirm and check' })).toHaveAttribute('aria-disabled', 'true');
  await user.click(screen.getByRole('button', { name: 'Confirm column E: Number of attendees' }));
  await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });

  const list = screen.getByRole('list', { name: 'Issues' });
  expect(within(list).getByRole('button', { name: /Go to B4 · Date of event \(error\) “TBD” is not a date/ })).toBeInTheDocument();

  // "Fix" writes only the flagged cells; "Tidy" the valid values that are not in the agreed wording.
  await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
  expect(fake.host.writeValues).toHaveBeenLastCalledWith('Events', [
    { address: 'E3', value: 25 },
    { address: 'E5', value: 40 },
  ]);
  expect(await screen.findByText('Fixed 2 values: 2 issues resolved. Still to fix: 1 error (Not a date).')).toHaveFocus();
  const tidy = screen.getByRole('button', { name: /^Tidy \d+ values to the agreed wording$/ });
  const count = Number(/\d+/.exec(tidy.textContent ?? '')![0]);
  await user.click(tidy);
  expect(fake.host.writeValues).toHaveBeenLastCalledWith('Events', expect.arrayContaining([
    { address: 'C3', value: 'Engagement level one' },
    { address: 'B3', value: '2023-03-04' },
  ]));
  expect(fake.host.writeValues.mock.lastCall![1]).toHaveLength(count);
  await screen.findByText(`Tidied ${count} values to the agreed wording; they were valid, so no issue changed. Still to fix: 1 error (Not a date).`);
  // What was written reads back as the same clean values: nothing more to fix or tidy, only the real error left.
  expect(screen.queryByRole('button', { name: /^(Fix|Tidy) \d+ value/ })).not.toBeInTheDocument();
  expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('1 error');
  expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 warnings');
  // Undo takes back the latest write first.
  await user.click(screen.getByRole('button', { name: 'Undo tidy' }));
  expect(await screen.findByRole('button', { name: `Tidy ${count} values to the agreed wording` })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Undo fix' }));
  expect(await screen.findByRole('button', { name: 'Fix 2 values' })).toBeInTheDocument();
  expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('2 warnings');
  await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
  await user.click(await screen.findByRole('button', { name: `Tidy ${count} values to the agreed wording` }));
  await screen.findByText(/^Tidied /);
  const table = screen.getByRole('table', { name: 'The indicator' });
  expect(within(table).getByRole('row', { name: /Level one/ })).toHaveTextContent('125');
});

test('Fix says which cells it left because they hold a formula, and does not count them as fixed', async () => {
  const user = userEvent.setup();
  const fake = fakeHost(eventsWorkbook());
  const write = fake.host.writeValues.getMockImplementation()!;
  // As Excel does (src/excel/write.ts): one of the two cells holds a formula, so it is left and counted apart.
  fake.host.writeValues.mockImplementationOnce(async (sheet, changes) => ({ ...(await write(sheet, changes.slice(1))), formulas: 1 }));
  renderWithHost(<Flow />, fake.host, (wb, o) => check(wb, { ...o, fixes: true }));
  await user.click(await screen.findByRole('button', { name: 'Next: columns' }));
  await user.click(await screen.findByRole('button', { name: 'Confirm column E: Number of attendees' }));
  await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });
  await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
  expect(await screen.findByText(/^Fixed 1 value: 1 issue resolved\. 1 cell holds a formula and was left as it is: change its formula or its source cells\./)).toHaveFocus();
});
