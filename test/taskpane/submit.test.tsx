/** @jest-environment jsdom */
import '../setup-dom';
import './jsdomCodecs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Workbook } from '../../src/core/workbook';
import type { Choice, Mappings } from '../../src/taskpane/flow';
import { HostProvider } from '../../src/taskpane/HostContext';
import { Flow } from '../../src/taskpane/Flow';
import { valuesBody, valuesPayload } from '../../src/taskpane/steps/submit/payload';
import { fakeEngine, fakeHost, renderWithHost } from './fakes';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch that answers from a script, one reply per call, remembering each request. */
/** What GET /api/v1/me says of each token: any token is Pat Partner's, but "bad" and "expired". */
let identities: Record<string, unknown> = {};
const PAT = { person: 'Pat Partner', role: 'partner', org: { id: 'org_1', name: 'Eastside Family Hub', signed: true }, deadline: '2025-01-31', lastSubmission: null };

function scriptedFetch(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const meCalls: string[] = [];
  const fetch = jest.fn(async (url: string, init: RequestInit) => {
    if (url.endsWith('/api/v1/me')) {
      const token = (init.headers as Record<string, string>).Authorization?.replace(/^Bearer /, '') ?? '';
      meCalls.push(token);
      const ok = token !== 'bad' && token !== 'expired';
      const body = ok ? (identities[token] ?? PAT) : { error: { code: 'unauthorized', message: 'The token is not valid.' } };
      return { status: ok ? 200 : 401, ok, headers: { get: () => null }, json: async () => body } as unknown as Response;
    }
    calls.push({ url, init });
    const reply = replies.shift();
    if (!reply) throw new Error('no more replies scripted');
    if (reply instanceof Error) throw reply;
    return {
      status: reply.status,
      ok: reply.status >= 200 && reply.status < 300,
      headers: { get: (name: string) => reply.headers?.[name] ?? null },
      json: async () => reply.body,
      blob: async () => new Blob(['xlsx']),
    } as unknown as Response;
  });
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  return { fetch, calls, meCalls };
}

const RECEIPT = { id: 'sub_123', status: 'received', summary: { records: 4, errors: 1, warnings: 2 }, links: { report: '/api/v1/submissions/sub_123', annotated: '/api/v1/submissions/sub_123/annotated.xlsx' } };

function header(call: { init: RequestInit }, name: string): string | undefined {
  return (call.init.headers as Record<string, string>)[name];
}

async function toSubmit(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Next: columns' }));
  await user.click(await screen.findByRole('button', { name: 'Confirm and check' }));
  await user.click(await screen.findByRole('button', { name: 'Next: submit' }));
  await screen.findByRole('heading', { name: 'Submit' });
}

async function signIn(user: ReturnType<typeof userEvent.setup>, token = 'tok-1', remember = true) {
  await user.type(screen.getByLabelText(/Your sign-in token/), token);
  // Off unless asked: the pane is often open on a shared computer.
  if (remember) await user.click(screen.getByRole('checkbox', { name: /Remember me on this device/ }));
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  if (token !== 'bad' && token !== 'expired') await screen.findByText(/^Signed in as /);
}

beforeEach(() => {
  localStorage.clear();
  identities = {};
});

describe('step 4: submit', () => {
  test('signs in, remembers the token, submits the checked values and shows the receipt', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 201, body: RECEIPT });
    const { host } = fakeHost();
    const view = renderWithHost(<Flow />, host);
    await toSubmit(user);
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    await signIn(user);
    expect(localStorage.getItem('hsh-datashare.token')).toBe('tok-1');
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Submitted')).toBeInTheDocument();
    const receipt = screen.getByLabelText('Receipt');
    expect(receipt).toHaveTextContent('sub_123');
    expect(screen.getByRole('button', { name: 'Download the annotated workbook' })).toBeInTheDocument();

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.url).toBe('/api/v1/submissions');
    expect(header(call!, 'Authorization')).toBe('Bearer tok-1');
    expect(header(call!, 'Idempotency-Key')).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(header(call!, 'Content-Type')).toBe('application/json');
    const body = JSON.parse(String(call!.init.body));
    expect(body).toMatchObject({ sheet: 'Events', headerRow: 2, date1904: false, mapping: { A: 'title', B: 'date', F: null } });
    expect(body.rows[1]).toEqual(['Event', 'When', 'Level', 'Who', 'How many', 'Staff']);
    expect(body.rows[2]).toEqual(['Story time', '3/4/23', 'L1', 'parents', '~25', 'AB']);
    expect(body.numberFormats).toHaveLength(body.rows.length);

    // Remembered: a new taskpane skips the sign-in.
    view.unmount();
    renderWithHost(<Flow />, host);
    await toSubmit(user);
    expect(screen.queryByLabelText(/Your sign-in token/)).not.toBeInTheDocument();
    // The remembered token is checked with the server again, and says whose it is.
    expect(await screen.findByText('Signed in as Pat Partner, Eastside Family Hub.')).toBeInTheDocument();
  });

  test('a token the server refuses does not sign in: the form stays, with the reason, and nothing is remembered', async () => {
    const user = userEvent.setup();
    const { calls, meCalls } = scriptedFetch();
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await signIn(user, 'bad', true);
    expect(await screen.findByText(/Your sign-in token is not valid or has expired/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Your sign-in token/)).toBeInTheDocument();
    expect(screen.queryByText(/^Signed in as /)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    expect(localStorage.getItem('hsh-datashare.token')).toBeNull();
    expect(meCalls).toEqual(['bad']);
    expect(calls).toHaveLength(0);
  });

  test('"Remember me" is off until the person ticks it', async () => {
    const user = userEvent.setup();
    scriptedFetch();
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    expect(screen.getByRole('checkbox', { name: /Remember me on this device/ })).not.toBeChecked();
  });

  test('a remembered token that has expired since is forgotten, and the person is asked to sign in again', async () => {
    const user = userEvent.setup();
    scriptedFetch();
    localStorage.setItem('hsh-datashare.token', 'expired');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    expect(await screen.findByText(/Your saved sign-in is no longer valid/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Your sign-in token/)).toBeInTheDocument();
    expect(localStorage.getItem('hsh-datashare.token')).toBeNull();
  });

  test('the last submission is named before sending again; the receipt has its date and what happens next', async () => {
    const user = userEvent.setup();
    identities['tok-9'] = { ...PAT, lastSubmission: { id: 'sub_old', receivedAt: '2024-03-04T15:05:00Z', fileName: 'events.xlsx', records: 12 } };
    scriptedFetch({ status: 201, body: { ...RECEIPT, receivedAt: '2024-05-06T10:00:00Z' } });
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await signIn(user, 'tok-9', false);
    expect(screen.getByText(/^You last submitted on March 4, 2024 at .* \(12 events from “events\.xlsx”\)\. A new submission replaces it/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const receipt = await screen.findByLabelText('Receipt');
    expect(receipt).toHaveTextContent(/ReceivedMay 6, 2024 at/);
    expect(screen.getByText(/^What happens next: the data team reads every submission after the deadline, January 31, 2025/)).toBeInTheDocument();
  });

  test('a token the person asks not to remember is not stored', async () => {
    const user = userEvent.setup();
    scriptedFetch();
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await signIn(user, 'tok-2', false);
    expect(localStorage.getItem('hsh-datashare.token')).toBeNull();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
  });

  test('a retry after a server error reuses the Idempotency-Key and the body', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 502, body: { error: { code: 'bad_gateway', message: 'Down for a moment' } } }, { status: 201, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText(/The server had a problem \(error 502\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Submitted')).toBeInTheDocument();
    expect(calls).toHaveLength(2);
    expect(header(calls[1]!, 'Idempotency-Key')).toBe(header(calls[0]!, 'Idempotency-Key'));
    expect(calls[1]!.init.body).toBe(calls[0]!.init.body);
  });

  test('offline: says so, and the retry keeps the key', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch(new TypeError('Failed to fetch'), { status: 200, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText(/Could not reach the server\. Check your connection/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    // 200: the server already had it (the first request did arrive).
    expect(await screen.findByText('Already received')).toBeInTheDocument();
    expect(header(calls[1]!, 'Idempotency-Key')).toBe(header(calls[0]!, 'Idempotency-Key'));
  });

  test('going back and submitting the same data again keeps the key; new data gets a new one', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 500 }, { status: 201, body: RECEIPT }, { status: 201, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByText(/error 500/);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(await screen.findByRole('button', { name: 'Next: submit' }));
    await user.click(await screen.findByRole('button', { name: 'Submit' }));
    await screen.findByText('Submitted');
    expect(header(calls[1]!, 'Idempotency-Key')).toBe(header(calls[0]!, 'Idempotency-Key'));

    // Fixing values changes the data: a new submission, with a new key.
    await user.click(screen.getByRole('button', { name: 'Back to the check' }));
    await user.click(await screen.findByRole('button', { name: 'Fix 2 values' }));
    await screen.findByText(/^Fixed 2 values: 2 issues resolved\./);
    await user.click(screen.getByRole('button', { name: 'Next: submit' }));
    await user.click(await screen.findByRole('button', { name: 'Submit' }));
    await screen.findByText('Submitted');
    expect(calls).toHaveLength(3);
    expect(header(calls[2]!, 'Idempotency-Key')).not.toBe(header(calls[0]!, 'Idempotency-Key'));
    expect(JSON.parse(String(calls[2]!.init.body)).rows[2][4]).toBe(25);
  });

  test('an expired token: asks to sign in again, then retries with the same key', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 401, body: { error: { code: 'unauthorised', message: 'Token expired' } } }, { status: 201, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'old');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText(/Your sign-in token is not valid or has expired/)).toBeInTheDocument();
    expect(localStorage.getItem('hsh-datashare.token')).toBeNull();
    await signIn(user, 'new');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Submitted');
    expect(header(calls[1]!, 'Authorization')).toBe('Bearer new');
    expect(header(calls[1]!, 'Idempotency-Key')).toBe(header(calls[0]!, 'Idempotency-Key'));
  });

  test.each([
    [403, { error: { code: 'agreement_not_signed', message: 'The data-sharing agreement is not signed' } }, /has not signed the data-sharing agreement.*The data-sharing agreement is not signed/],
    [413, { error: { code: 'too_large', message: 'Too large' } }, /too large to submit/],
    [422, { error: { code: 'unreadable', message: 'The file is not a workbook' } }, /could not read the workbook: The file is not a workbook/],
    [429, { error: { code: 'rate_limited', message: 'Slow down' } }, /Too many submissions in a short time\. Wait a minute/],
    [500, undefined, /The server had a problem \(error 500\)/],
  ])('HTTP %i gives a clear message', async (status, body, message) => {
    const user = userEvent.setup();
    scriptedFetch({ status, body });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const bar = await screen.findByText('Not submitted');
    expect(bar.parentElement).toHaveTextContent(message);
  });

  test('the browser mode sends the original file while it is unchanged', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 201, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    const bytes = new Uint8Array([80, 75, 3, 4]);
    renderWithHost(<Flow />, fakeHost().host, undefined, () => ({ name: 'events.xlsx', bytes }));
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByText('Submitted');
    const form = calls[0]!.init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get('file') as File).name).toBe('events.xlsx');
    // No sheet: the server reads every table, as the check here did.
    expect(form.get('sheet')).toBeNull();
    expect(form.get('headerRow')).toBe('2');
    expect(JSON.parse(String(form.get('mapping')))).toMatchObject({ A: 'title' });
    expect(header(calls[0]!, 'Content-Type')).toBeUndefined();
  });

  test('an edit in Excel on this step is checked, and then sent as new data', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 201, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    const fake = fakeHost();
    renderWithHost(<Flow />, fake.host);
    await toSubmit(user);
    expect(screen.getByText(/with 1 error and 2 warnings/)).toBeInTheDocument();
    fake.edit('Events', 'B4', '4/1/2023');
    expect(await screen.findByText(/with 0 errors and 2 warnings/, undefined, { timeout: 3000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByText('Submitted');
    expect(JSON.parse(String(calls[0]!.init.body)).rows[3][1]).toBe('4/1/2023');
  });

  test('with the check worker at hand, the values are serialised there: the body it made is sent as it is', async () => {
    const user = userEvent.setup();
    const { calls } = scriptedFetch({ status: 201, body: RECEIPT });
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    const made: Uint8Array[] = [];
    const submissionBody = jest.fn(async (workbook: Workbook, choice: Choice, mapping: Mappings) => {
      made.push(new TextEncoder().encode(valuesBody(valuesPayload(workbook, choice, mapping))));
      return made[made.length - 1]!;
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <HostProvider host={fakeHost().host} engine={fakeEngine} submissionBody={submissionBody}>
          <Flow />
        </HostProvider>
      </FluentProvider>,
    );
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByText('Submitted');
    expect(submissionBody).toHaveBeenCalledTimes(1);
    expect(calls[0]!.init.body).toBe(made[0]);
    expect(header(calls[0]!, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(made[0]))).toMatchObject({ sheet: 'Events', headerRow: 2, mapping: { A: 'title' } });
  });

  test('signing out forgets the token', async () => {
    const user = userEvent.setup();
    scriptedFetch();
    localStorage.setItem('hsh-datashare.token', 'tok-1');
    renderWithHost(<Flow />, fakeHost().host);
    await toSubmit(user);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(localStorage.getItem('hsh-datashare.token')).toBeNull();
    expect(within(screen.getByRole('form', { name: 'Sign in' })).getByLabelText(/Your sign-in token/)).toBeInTheDocument();
  });
});
