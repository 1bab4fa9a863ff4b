/** @jest-environment jsdom */
import '../setup-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { Flow } from '../../src/taskpane/Flow';
import { check } from '../../src/core/check';
import { fakeEngine, fakeHost, monthlyWorkbook, openColumn, renderWithHost, sheetOf } from './fakes';

async function toMapping(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: 'Where are your events?' });
  await user.click(screen.getByRole('button', { name: 'Next: columns' }));
  await screen.findByRole('heading', { name: 'Which column is which?' });
}

async function toCheck(user: ReturnType<typeof userEvent.setup>) {
  await toMapping(user);
  await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
  await screen.findByRole('heading', { name: 'Check' });
}

describe('loading', () => {
  test('in Excel: the flow over the Excel host, without the browser-mode grid', async () => {
    const { host } = fakeHost();
    render(<App mode={{ kind: 'excel', host }} theme="light" />);
    await screen.findByRole('heading', { name: 'Where are your events?' });
    expect(host.readWorkbook).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region', { name: /^Sheet / })).not.toBeInTheDocument();
  });

  test('a workbook that cannot be read says why and can be tried again', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    fake.host.readWorkbook.mockRejectedValueOnce(new Error('Excel is busy: close the cell you are editing.'));
    renderWithHost(<Flow />, fake.host);
    expect(await screen.findByText('The workbook could not be read')).toBeInTheDocument();
    expect(screen.getByText(/Excel is busy/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Where are your events?' })).toBeInTheDocument();
  });
});

describe('step 1: the tables of events and the sheets skipped', () => {
  test('lists each table found (sheet, header row, rows, events) and each sheet skipped with its reason', async () => {
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await screen.findByRole('heading', { name: 'Where are your events?' });
    const read = screen.getByRole('list', { name: 'Read as events' });
    expect(within(read).getByRole('switch', { name: 'Events' })).toBeChecked();
    expect(read).toHaveTextContent('Rows 3–6, 4 events');
    expect(within(read).getByRole('spinbutton', { name: 'Row with the column headings on “Events”' })).toHaveValue(2);
    const skipped = screen.getByRole('list', { name: 'Not read' });
    expect(within(skipped).getByRole('switch', { name: 'Notes' })).not.toBeChecked();
    expect(skipped).toHaveTextContent('No row of headings: instructions or notes, not events.');
    expect(screen.getByRole('navigation', { name: 'Steps' }).querySelector('[aria-current="step"]')).toHaveTextContent('Sheets');
  });

  test('a workbook kept one sheet per month: every month listed; leaving one out and including a skipped sheet go to the engine', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost(monthlyWorkbook());
    const engine = jest.fn(fakeEngine);
    renderWithHost(<Flow />, host, engine);
    await screen.findByRole('heading', { name: 'Where are your events?' });
    expect(screen.getByText('We found 3 tables of events. Switch off any sheet that does not hold your events, or on one we skipped.')).toBeInTheDocument();
    const read = screen.getByRole('list', { name: 'Read as events' });
    expect(within(read).getAllByRole('switch')).toHaveLength(3);
    expect(read).toHaveTextContent('Rows 3–4, 2 events');
    // Keyboard: focus the switch and press space.
    within(read).getByRole('switch', { name: 'Feb' }).focus();
    await user.keyboard(' ');
    expect(engine).toHaveBeenLastCalledWith(expect.anything(), { leaveOut: ['Feb'] });
    const skipped = screen.getByRole('list', { name: 'Not read' });
    expect(within(skipped).getByRole('switch', { name: 'Feb' })).not.toBeChecked();
    expect(within(skipped).getByRole('switch', { name: 'Feb' }).closest('li')).toHaveTextContent('Left out by you.');
    await user.click(within(skipped).getByRole('switch', { name: 'Read me' }));
    expect(engine).toHaveBeenLastCalledWith(expect.anything(), { leaveOut: ['Feb'], include: ['Read me'] });
    expect(within(screen.getByRole('list', { name: 'Read as events' })).getByRole('switch', { name: 'Read me' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Next: columns' }));
    await screen.findByRole('heading', { name: 'Which column is which?' });
    expect(engine).toHaveBeenLastCalledWith(expect.anything(), { leaveOut: ['Feb'], include: ['Read me'] });
  });

  test('changing a table\'s header row goes to the engine for that sheet', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    const engine = jest.fn(fakeEngine);
    renderWithHost(<Flow />, host, engine);
    const row = await screen.findByRole('spinbutton', { name: 'Row with the column headings on “Events”' });
    await user.clear(row);
    await user.type(row, '1');
    expect(engine).toHaveBeenLastCalledWith(expect.anything(), { headerRows: { Events: 1 } });
    await user.click(screen.getByRole('button', { name: 'Next: columns' }));
    await screen.findByRole('heading', { name: 'Which column is which?' });
    expect(screen.getByRole('heading', { name: /^Column A: Eastside events 2023 to / })).toBeInTheDocument();
  });

  test('with every sheet switched off there is nothing to check, and the step says so', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await user.click(await screen.findByRole('switch', { name: 'Events' }));
    expect(screen.getByRole('button', { name: 'Next: columns' })).toBeDisabled();
    expect(screen.getByText('Switch on at least one sheet with your events.')).toBeInTheDocument();
  });

  test('asks about the 1904 date system only when the host cannot tell', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost(undefined, { date1904: 'unknown' });
    const engine = jest.fn(fakeEngine);
    renderWithHost(<Flow />, host, engine);
    const box = await screen.findByRole('checkbox', { name: /1904 date system/ });
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Next: columns' }));
    await screen.findByRole('heading', { name: 'Which column is which?' });
    expect(engine.mock.lastCall?.[0].date1904).toBe(true);
  });
});

describe('step 2: mapping', () => {
  test('one line per column, "When → Date of event ✓"; a folded line opens to show sample values, the confidence and the reason', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toMapping(user);
    const columns = screen.getByRole('list', { name: 'Your columns' });
    const toggle = within(columns).getByRole('button', { name: 'Column B: When to Date of event' });
    expect(toggle).toHaveTextContent(/B: When →(to)? Date of event ✓$/);
    // Sure of it: folded, no field list until opened.
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('combobox', { name: 'Field for column B' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const when = toggle.closest('li')!;
    expect(when).toHaveTextContent('e.g. “3/4/23”, “TBD”, “5/6/2023”');
    expect(when).toHaveTextContent('90% sure');
    expect(when).toHaveTextContent('The heading “When” names this field.');
    expect(within(when).getByRole('combobox', { name: 'Field for column B' })).toHaveTextContent('Date of event');
    expect(screen.getByText('Every required field has a column.')).toBeInTheDocument();
  });

  test('the column without a field comes first and open; the others keep the sheet order', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toMapping(user);
    const toggles = within(screen.getByRole('list', { name: 'Your columns' })).getAllByRole('button', { name: /^Column / });
    expect(toggles.map((t) => [t.textContent?.match(/^[▸▾]Column ([A-Z]+)/)?.[1], t.getAttribute('aria-expanded')])).toEqual([
      ['F', 'true'], ['A', 'false'], ['B', 'false'], ['C', 'false'], ['D', 'false'], ['E', 'false'],
    ]);
    expect(toggles[0]).toHaveTextContent(/F: Staff →(to)? No field\s*not sent$/);
  });

  test('unmapping a required field lists it, and the override changes the check', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    const engine = jest.fn(fakeEngine);
    renderWithHost(<Flow />, host, engine);
    await toMapping(user);
    await openColumn(user, 'B');
    await user.click(screen.getByRole('combobox', { name: 'Field for column B' }));
    await user.click(screen.getByRole('option', { name: 'No field (not sent)' }));
    expect(screen.getByText('Required fields without a column')).toBeInTheDocument();
    expect(screen.getByText(/Date of event\. Pick the column/)).toBeInTheDocument();
    expect(screen.getByText(/Changed by you; we suggested “Date of event”/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
    await screen.findByRole('heading', { name: 'Check' });
    expect(engine).toHaveBeenLastCalledWith(expect.anything(), {
      mapping: { A: 'title', B: null, C: 'engagement', D: 'audience', E: 'attendees', F: null },
    });
    // Without a date column: no "TBD" error, but the date field is reported unmapped.
    expect(screen.queryByRole('button', { name: /Go to B4/ })).not.toBeInTheDocument();
    expect(screen.getByText('No column is date.')).toBeInTheDocument();
    expect(host.saveMapping).toHaveBeenCalledWith('Events', expect.objectContaining({ headerRow: 2, columns: expect.objectContaining({ B: null }) }));
  });

  test('two columns on one field: both lines say so, and the action bar names them while Confirm is held back', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toMapping(user);
    await user.click(screen.getByRole('combobox', { name: 'Field for column F' }));
    await user.click(screen.getByRole('option', { name: 'Title/Event (required)' }));
    const confirm = screen.getByRole('button', { name: 'Confirm and check' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).toHaveAccessibleDescription('Columns A and F are both “Title/Event”: choose one.');
    // Column A was folded: it opens by itself to show the clash.
    expect(screen.getByRole('button', { name: 'Column A: Event to Title/Event (same field as column F)' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Column F: Staff to Title/Event (same field as column A)' })).toHaveTextContent('✗ also A');
    await user.click(confirm);
    expect(screen.queryByRole('heading', { name: 'Check' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Field for column F' }));
    await user.click(screen.getByRole('option', { name: 'Description of Event' }));
    expect(confirm).not.toHaveAttribute('aria-disabled');
    expect(screen.getByText('Ready: every column has its field.')).toBeInTheDocument();
  });

  test('a mapping confirmed earlier is offered again', async () => {
    const user = userEvent.setup();
    const { host, saved } = fakeHost();
    saved.set('Events', { sheet: 'Events', headerRow: 2, columns: { A: 'title', B: 'date', C: 'engagement', D: 'audience', E: 'attendees', F: 'description' } });
    renderWithHost(<Flow />, host);
    await toMapping(user);
    expect(screen.getByText(/We used the columns you confirmed last time/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Column F: Staff to Description of Event/ })).toBeInTheDocument();
  });
});

describe('step 3: check', () => {
  test('counts issues by kind, filters them, and goes to a cell', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toCheck(user);
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('4 events');
    expect(summary).toHaveTextContent('1 error');
    expect(summary).toHaveTextContent('2 warnings');
    const kinds = screen.getByRole('list', { name: 'Kinds of issue' });
    expect(within(kinds).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Not a date: 1 error',
      'Approximate number of attendees: 2 warnings',
    ]);
    expect(within(screen.getByRole('list', { name: 'Issues' })).getAllByRole('button')).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Errors 1' }));
    expect(within(screen.getByRole('list', { name: 'Issues' })).getAllByRole('button')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'All 3' }));
    await user.click(within(kinds).getByRole('button', { name: /Approximate/ }));
    const list = screen.getByRole('list', { name: 'Issues' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringContaining('E3 · Number of attendees'),
      expect.stringContaining('E5 · Number of attendees'),
    ]);

    await user.click(within(list).getByRole('button', { name: /Go to E5/ }));
    expect(host.goTo).toHaveBeenCalledWith('Events', 'E5');
  });

  test('Highlight and Clear call the host; highlights follow the issues after a fix', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toCheck(user);
    await user.click(screen.getByRole('button', { name: 'Highlight cells' }));
    expect(host.highlight).toHaveBeenCalledWith('Events', expect.arrayContaining([expect.objectContaining({ code: 'invalid_date' })]));
    expect(await screen.findByText('Highlighted 3 cells with notes.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    await screen.findByText(/^Fixed 2 values: 2 issues resolved\./);
    await waitFor(() => expect(host.highlight).toHaveBeenCalledTimes(2));
    expect(host.highlight.mock.lastCall?.[1]).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(host.clearHighlights).toHaveBeenCalledWith('Events');
    expect(await screen.findByText(/Highlights cleared/)).toBeInTheDocument();
  });

  test('Fix N values writes the normalised values back and Undo puts them back', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    const { host } = fake;
    renderWithHost(<Flow />, host);
    await toCheck(user);
    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    expect(host.writeValues).toHaveBeenCalledWith('Events', [
      { address: 'E3', value: 25 },
      { address: 'E5', value: 40 },
    ]);
    await screen.findByText(/^Fixed 2 values: 2 issues resolved\./);
    // Checked again: the warnings are gone, the fix button with them.
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 warnings');
    expect(screen.queryByRole('button', { name: /^Fix/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo fix' }));
    expect(host.undo).toHaveBeenCalledWith({ sheet: 'Events', previous: [{ address: 'E3', value: '~25', fixed: 25 }, { address: 'E5', value: 'about 40', fixed: 40 }] });
    await screen.findByText(/^Put back 2 values as they were\./);
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('2 warnings');
    expect(fake.workbook().sheets[1]!.rows[2]![4]).toEqual({ kind: 'text', value: '~25' });
  });

  test('Undo leaves the cells the partner changed since the fix, and says how many', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    renderWithHost(<Flow />, fake.host);
    await toCheck(user);
    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    await screen.findByText(/^Fixed 2 values/);
    fake.edit('Events', 'E3', 30);
    await user.click(screen.getByRole('button', { name: 'Undo fix' }));
    expect(await screen.findByText(/^Put back 1 value as they were\. 1 cell you changed since the fix was left as it is\./)).toBeInTheDocument();
    expect(fake.workbook().sheets[1]!.rows[2]![4]).toMatchObject({ value: 30 });
    expect(fake.workbook().sheets[1]!.rows[4]![4]).toEqual({ kind: 'text', value: 'about 40' });
  });

  test('an automatic re-check that fails says the report may be out of date and checks again on request', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    renderWithHost(<Flow />, fake.host);
    await toCheck(user);
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('1 error');
    fake.host.readWorkbook.mockRejectedValueOnce(new Error('Excel could not read the workbook while you are typing in a cell. Press Enter or Esc to finish editing, then try again.'));
    fake.edit('Events', 'B4', '4/1/2023');
    expect(await screen.findByText(/This report may be out of date: your latest edits could not be checked\. Excel could not read the workbook while you are typing/, {}, { timeout: 3000 })).toBeInTheDocument();
    // The old report is still shown, not silently replaced nor silently kept.
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('1 error');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 errors'));
    expect(screen.queryByText(/may be out of date/)).not.toBeInTheDocument();
  });

  test('a re-check that ends after a newer one began is dropped: a slow one cannot bring back an old report', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    renderWithHost(<Flow />, fake.host);
    await toCheck(user);
    const old = fake.workbook();
    let answerSlow: (() => void) | null = null;
    fake.host.readWorkbook.mockImplementationOnce(() => new Promise((resolve) => (answerSlow = () => resolve(old))));
    fake.edit('Events', 'C3', 'L1'); // an automatic re-check, slow to answer
    await waitFor(() => expect(answerSlow).not.toBeNull(), { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    await screen.findByText(/^Fixed 2 values/);
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 warnings');
    await act(async () => answerSlow!());
    expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 warnings');
  });

  test('the automatic highlight after a fix is work in progress: the buttons wait for it', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    renderWithHost(<Flow />, fake.host);
    await toCheck(user);
    await user.click(screen.getByRole('button', { name: 'Highlight cells' }));
    await screen.findByText(/^Highlighted/);
    let paint: (() => void) | null = null;
    fake.host.highlight.mockImplementationOnce(() => new Promise((resolve) => (paint = () => resolve({ cells: 1, notes: 'notes' }))));
    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    await waitFor(() => expect(paint).not.toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Updating the highlights…');
    // Held back but still focusable (Fluent's disabledFocusable): aria-disabled.
    expect(screen.getByRole('button', { name: 'Undo fix' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Clear' })).toHaveAttribute('aria-disabled', 'true');
    await act(async () => paint!());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo fix' })).not.toHaveAttribute('aria-disabled', 'true'));
    expect(screen.getByRole('status')).toHaveTextContent(/^Fixed 2 values/);
  });

  test('an edit in the sheet is checked again after a pause', async () => {
    const user = userEvent.setup();
    const fake = fakeHost();
    renderWithHost(<Flow />, fake.host);
    await toCheck(user);
    expect(fake.host.onEdit).toHaveBeenCalledWith('Events', expect.any(Function));
    fake.edit('Events', 'B4', '4/1/2023');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Summary' })).toHaveTextContent('0 errors'), { timeout: 3000 });
  });

  test('the indicator preview shows events and attendees per engagement level', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toCheck(user);
    const table = screen.getByRole('table', { name: 'The indicator' });
    const rows = within(table).getAllByRole('row').map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent));
    expect(rows.slice(1, 6)).toEqual([
      ['1', '40'],
      ['1', '25'],
      ['1', '12'],
      ['1', '60'],
      ['4', '137'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Day of the Young Child' })).toBeInTheDocument();
  });

  test('moving to another step puts the focus on its heading', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toMapping(user);
    expect(screen.getByRole('heading', { name: 'Which column is which?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
    expect(await screen.findByRole('heading', { name: 'Check' })).toHaveFocus();
  });

  test('the steps work from the keyboard alone', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await screen.findByRole('heading', { name: 'Where are your events?' });
    act(() => screen.getByRole('button', { name: 'Next: columns' }).focus());
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Which column is which?' });
    // Change column F's field with the keyboard: open, move, choose.
    act(() => screen.getByRole('combobox', { name: 'Field for column F' }).focus());
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.getByRole('combobox', { name: 'Field for column F' })).toHaveTextContent('Description of Event');
    act(() => screen.getByRole('button', { name: 'Confirm and check' }).focus());
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Check' });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Highlight cells' })).toHaveFocus();
    act(() => within(screen.getByRole('list', { name: 'Issues' })).getByRole('button', { name: /Go to B4/ }).focus());
    await user.keyboard('{Enter}');
    expect(host.goTo).toHaveBeenCalledWith('Events', 'B4');
  });

  test('Back returns to the mapping as confirmed', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toMapping(user);
    await user.click(screen.getByRole('combobox', { name: 'Field for column F' }));
    await user.click(screen.getByRole('option', { name: 'Description of Event' }));
    await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
    await screen.findByRole('heading', { name: 'Check' });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('button', { name: /^Column F: Staff to Description of Event/ })).toBeInTheDocument();
  });
});

describe('several tables on one sheet', () => {
  test('blocks stacked under other headings each get their own mapping, sent per table', async () => {
    const user = userEvent.setup();
    const spring = [['Program', 'Date', 'Type', 'Audience', 'Level', '# Attended'], ...[1, 2, 3].map((d) => [`Lapsit ${d}`, `3/${d}/2023`, 'Literacy', 'Parents', 'Level 1', 8 + d])];
    const fall = [['Program', 'Date', 'Audience', 'Engagement', 'Adults', 'Kids'], ...[1, 2, 3].map((d) => [`Family night ${d}`, `9/${d}/2023`, 'Parents', 'Touchpoint', 10 + d, 5])];
    const { host } = fakeHost({ date1904: false, source: 'xlsx', sheets: [sheetOf('Programs', [...spring, [], ['FALL'], ...fall])] });
    const engine = jest.fn(check);
    renderWithHost(<Flow />, host, engine);
    await toMapping(user);
    expect(screen.getByRole('region', { name: 'Sheet “Programs”, headings in row 1' })).toBeInTheDocument();
    const fallRegion = screen.getByRole('region', { name: 'Sheet “Programs”, headings in row 7' });
    expect(within(fallRegion).getByRole('heading', { name: 'Column E: Adults to Number of attendees (added up)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
    await screen.findByRole('heading', { name: 'Check' });
    const options = engine.mock.calls[engine.mock.calls.length - 1]![1]!;
    expect(Object.keys(options.mappings ?? {})).toEqual(['Programs!7']);
    expect(options.mapping).toMatchObject({ F: 'attendees' });
  });
});

describe('several tables: one sheet per month', () => {
  test('tables with the same headings share one mapping; another table gets its own, with parts of a field', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost(monthlyWorkbook());
    const engine = jest.fn(fakeEngine);
    renderWithHost(<Flow />, host, engine);
    await toMapping(user);
    expect(screen.getByRole('heading', { name: 'Applies to “Jan” and “Feb”' })).toBeInTheDocument();
    const mar = screen.getByRole('region', { name: 'Sheet “Mar”' });
    expect(within(mar).getByRole('heading', { name: 'Column E: # Adults to Number of attendees (added up)' })).toBeInTheDocument();
    expect(within(mar).getByRole('heading', { name: 'Column F: # Children to Number of attendees (added up)' })).toBeInTheDocument();
    expect(within(mar).getByRole('heading', { name: 'Column G: Teachers to Target Audience: Teachers/educator (marked)' })).toBeInTheDocument();
    // Two parts of one field are not two columns on one field.
    expect(within(mar).queryByText(/are both/)).not.toBeInTheDocument();
    // The person can make a column a part too.
    await openColumn(user, 'G', within(mar));
    await user.click(within(mar).getByRole('combobox', { name: 'Field for column G' }));
    await user.click(screen.getByRole('option', { name: 'Target Audience: Caregivers (marked)' }));
    expect(within(mar).getByRole('heading', { name: /Column G: Teachers to Target Audience: Caregivers \(marked\) \(chosen by you\)/ })).toBeInTheDocument();
  });

  test('a column the engine is unsure of comes first and must be confirmed before checking', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost(monthlyWorkbook());
    const engine = jest.fn(fakeEngine);
    renderWithHost(<Flow />, host, engine);
    await toMapping(user);
    const confirm = screen.getByRole('button', { name: 'Confirm and check' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Confirm column D: we are unsure of it.')).toBeInTheDocument();
    expect(confirm).toHaveAccessibleDescription('Confirm column D: we are unsure of it.');
    const mar = within(screen.getByRole('list', { name: 'Columns: Sheet “Mar”' }));
    expect(mar.getAllByRole('heading')[0]).toHaveTextContent('Column D: Group');
    await user.click(mar.getByRole('button', { name: 'Confirm column D: Target Audience' }));
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(confirm);
    await screen.findByRole('heading', { name: 'Check' });
    expect(engine).toHaveBeenLastCalledWith(expect.anything(), {
      mapping: { A: 'title', B: 'date', C: 'engagement', D: 'audience', E: 'attendees', F: null },
      mappings: {
        Mar: {
          A: 'title', B: 'date', C: 'engagement', D: 'audience',
          E: { field: 'attendees', combine: 'sum' }, F: { field: 'attendees', combine: 'sum' }, G: { field: 'audience', combine: 'mark', option: 'teacher_educator' },
        },
      },
    });
  });

  test('"Confirm all" confirms every doubtful column at once', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost(monthlyWorkbook());
    renderWithHost(<Flow />, host);
    await toMapping(user);
    await user.click(screen.getByRole('button', { name: 'Confirm all' }));
    expect(screen.getByText('Confirmed by you.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm and check' })).not.toHaveAttribute('aria-disabled');
  });

  test('issues name their sheet; go-to, highlights and fixes address each issue\'s own sheet', async () => {
    const user = userEvent.setup();
    const fake = fakeHost(monthlyWorkbook());
    renderWithHost(<Flow />, fake.host);
    await toMapping(user);
    await user.click(screen.getByRole('button', { name: 'Confirm all' }));
    await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
    await screen.findByRole('heading', { name: 'Check' });
    const list = screen.getByRole('list', { name: 'Issues' });
    await user.click(within(list).getByRole('button', { name: /Go to Feb B3 · Date of event/ }));
    expect(fake.host.goTo).toHaveBeenLastCalledWith('Feb', 'B3');
    await user.click(within(list).getByRole('button', { name: /Go to Mar B3 · Date of event/ }));
    expect(fake.host.goTo).toHaveBeenLastCalledWith('Mar', 'B3');

    await user.click(screen.getByRole('button', { name: 'Highlight cells' }));
    const sheets = fake.host.highlight.mock.calls.map(([sheet, issues]) => [sheet, issues.map((i) => `${i.column}${i.row}`)]);
    expect(sheets).toEqual([['Jan', ['E3']], ['Feb', ['B3', 'E4']], ['Mar', ['B3']]]);
    expect(await screen.findByText('Highlighted 4 cells with notes.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    expect(fake.host.writeValues.mock.calls).toEqual([['Jan', [{ address: 'E3', value: 12 }]], ['Feb', [{ address: 'E4', value: 30 }]]]);
    await user.click(await screen.findByRole('button', { name: 'Undo fix' }));
    expect(fake.host.undo.mock.calls.map(([r]) => r.sheet)).toEqual(['Feb', 'Jan']);
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(fake.host.clearHighlights.mock.calls.map(([s]) => s)).toEqual(['Jan', 'Feb', 'Mar']);
  });

  test('an edit on any sheet read is checked again', async () => {
    const user = userEvent.setup();
    const fake = fakeHost(monthlyWorkbook());
    renderWithHost(<Flow />, fake.host);
    await toMapping(user);
    await user.click(screen.getByRole('button', { name: 'Confirm all' }));
    await user.click(screen.getByRole('button', { name: 'Confirm and check' }));
    await screen.findByRole('heading', { name: 'Check' });
    await waitFor(() => expect(fake.host.onEdit.mock.calls.map(([s]) => s)).toEqual(['Jan', 'Feb', 'Mar']));
  });
});

describe('focus follows every action', () => {
  test('Fix and Undo: focus on the status line, beside Undo, whatever button was pressed', async () => {
    const user = userEvent.setup();
    const { host } = fakeHost();
    renderWithHost(<Flow />, host);
    await toCheck(user);
    await user.click(screen.getByRole('button', { name: 'Fix 2 values' }));
    await screen.findByText(/^Fixed 2 values: 2 issues resolved\./);
    // The Fix button is gone (nothing left to fix): focus is not lost to <body>.
    await waitFor(() => expect(screen.getByText(/^Fixed 2 values:/)).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Undo fix' }));
    await waitFor(() => expect(screen.getByText(/^Put back 2 values as they were\./)).toHaveFocus());
  });

  test('a long list of issues comes 50 to a page, with a skip link past it; turning a page puts focus on its top', async () => {
    const user = userEvent.setup();
    const rows = Array.from({ length: 120 }, (_, i) => [`Event ${i + 1}`, 'TBD', 'L1', 'parents', 10, 'AB']);
    const { host } = fakeHost({
      date1904: false,
      source: 'xlsx',
      sheets: [sheetOf('Events', [['Event', 'When', 'Level', 'Who', 'How many', 'Staff'], ...rows])],
    });
    renderWithHost(<Flow />, host);
    await toCheck(user);
    const list = screen.getByRole('list', { name: 'Issues' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByText('Issues 1–50 of 120')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pages of issues' });
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Issues 51–100 of 120')).toHaveFocus();
    expect(within(screen.getByRole('list', { name: 'Issues' })).getAllByRole('button')[0]).toHaveTextContent(/^Go to B52 /);
    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(within(screen.getByRole('list', { name: 'Issues' })).getAllByRole('listitem')).toHaveLength(20);
    expect(within(pages).getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    // The skip link goes past all 120 to the indicator.
    const skip = screen.getByRole('link', { name: 'Skip the 120 issues' });
    await user.click(skip);
    expect(screen.getByRole('table', { name: 'The indicator' }).parentElement).toHaveFocus();
  });
});
