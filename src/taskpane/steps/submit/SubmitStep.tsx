import { useEffect, useId, useMemo, useRef, useState, type Dispatch } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { whoAmI, type Identity } from '../../api';
import { errorMessage } from '../../errors';
import { sheetsRead, type FlowAction, type FlowState } from '../../flow';
import { useHostServices } from '../../HostContext';
import { apiBaseUrl, forgetToken, loadToken, saveToken } from '../../session';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';
import { buildPayload } from './payload';
import { AnalystPanel } from './AnalystPanel';
import { Receipt } from './Receipt';
import { formatWhen } from './when';
import { SignIn } from './SignIn';
import { useSubmission } from './useSubmission';
import { useRecheck } from '../check/useRecheck';
import { focusQuietly } from '../../focus';

type SubmitState = Extract<FlowState, { step: 'submit' }>;

const useStyles = makeStyles({
  signedIn: { ':focus': { outline: 'none' }, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Step 4: sign in, send, and keep the receipt. */
export function SubmitStep({ state, dispatch, baseUrl }: { state: SubmitState; dispatch: Dispatch<FlowAction>; baseUrl?: string }) {
  const { originalFile, submissionBody } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const api = useMemo(() => ({ baseUrl: baseUrl ?? apiBaseUrl() }), [baseUrl]);
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [signInNote, setSignInNote] = useState<string | null>(null);
  const { state: submission, send } = useSubmission(api);
  // Sign in and Sign out replace the controls that were pressed: focus goes to what replaced them.
  const signedInRef = useRef<HTMLParagraphElement>(null);
  const signInId = useId();
  const [focusAfter, setFocusAfter] = useState<null | 'signedIn' | 'signedOut'>(null);
  useEffect(() => {
    if (focusAfter === 'signedIn' && identity) focusQuietly(signedInRef.current);
    if (focusAfter === 'signedOut') focusQuietly(document.getElementById(signInId));
  }, [focusAfter, identity, signInId]);
  // A token remembered from an earlier visit is checked again: it may have expired or been revoked since.
  useEffect(() => {
    if (!token || identity) return;
    let live = true;
    whoAmI(token, api).then(
      (who) => live && setIdentity(who),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof Error && 'kind' in error && error.kind === 'unauthorised') {
          forgetToken();
          setToken(null);
          setSignInNote('Your saved sign-in is no longer valid (expired or withdrawn). Sign in again with the token the data team sent you.');
        } else {
          setSignInNote(`Could not confirm your sign-in: ${errorMessage(error)}`);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [token, identity, api]);
  const { report } = state;
  // Edits in Excel while on this step are checked too: what is sent is what the summary says.
  useRecheck(state.choice, state.mapping, sheetsRead(report, state.choice.sheet), dispatch);
  const { errors, warnings, records } = report.summary;

  /** Checks the token with the server first: resolves with the message to show when it is refused. */
  async function signIn(value: string, remember: boolean): Promise<string | null> {
    try {
      const who = await whoAmI(value, api);
      if (remember) saveToken(value);
      else forgetToken();
      setSignInNote(null);
      setIdentity(who);
      setToken(value);
      setFocusAfter('signedIn');
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  function signOut() {
    forgetToken();
    setToken(null);
    setIdentity(null);
    setFocusAfter('signedOut');
  }

  async function go() {
    if (!token) return;
    const result = await send(
      report,
      async () => {
        const original = originalFile?.() ?? null;
        // The cells, when they are sent: serialised in the worker (50,000 rows held the page a third of a second).
        if (original || !submissionBody) return buildPayload(state.workbook, state.choice, state.mapping, original);
        return { kind: 'json', body: await submissionBody(state.workbook, state.choice, state.mapping) };
      },
      token,
    );
    // An expired or revoked token: ask for a new one; the retry keeps the same key.
    if (result.status === 'failed' && result.error.kind === 'unauthorised') signOut();
  }

  const failed = submission.status === 'failed' ? submission.error : null;

  const sending = submission.status === 'sending';
  const sent = submission.status === 'sent' ? submission.receipt : null;

  return (
    <StepSection title="Submit">
      {!sent && (
        <p className={step.intro}>
          {records.toLocaleString('en-US')} events from “{state.choice.sheet}”
          {errors + warnings > 0
            ? `, with ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}. You can submit now and send a corrected workbook later: the data team sees what still needs fixing.`
            : ', with no issues.'}
        </p>
      )}
      {failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not submitted</MessageBarTitle>
            {failed.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {signInNote && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{signInNote}</MessageBarBody>
        </MessageBar>
      )}
      {!token ? (
        <SignIn onSignIn={signIn} titleId={signInId} />
      ) : (
        !sent && (
          <>
            <p className={styles.signedIn} role="status" ref={signedInRef} tabIndex={-1}>
              <span>{identity ? `Signed in as ${identity.person}${identity.org ? `, ${identity.org.name}` : ' (data team)'}.` : 'Checking your sign-in…'}</span>
              <Button size="small" appearance="subtle" onClick={signOut} disabled={sending}>
                Sign out
              </Button>
            </p>
            {identity?.role === 'analyst' && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>This is a data team token: only a partner organisation's token can submit events.</MessageBarBody>
              </MessageBar>
            )}
            {identity?.role === 'analyst' && token && <AnalystPanel token={token} api={api} />}
            {identity?.lastSubmission && (
              <p className={step.intro}>
                You last submitted on {formatWhen(identity.lastSubmission.receivedAt)} ({identity.lastSubmission.records.toLocaleString('en-US')} events from “{identity.lastSubmission.fileName}”). A new submission replaces it: the latest one counts.
              </p>
            )}
          </>
        )
      )}
      {sending && (
        <div className={styles.progress} role="status" aria-live="polite">
          <ProgressBar aria-label="Sending" />
          <span>Sending {records.toLocaleString('en-US')} events…</span>
        </div>
      )}
      {sent && token && <Receipt receipt={sent} token={token} baseUrl={api.baseUrl} deadline={identity?.deadline} />}
      {sent && (
        <div className={step.actions}>
          <Button onClick={() => dispatch({ type: 'back' })}>Back to the check</Button>
        </div>
      )}
      {!sent && (
        <div className={step.actions}>
          <Button onClick={() => dispatch({ type: 'back' })} disabledFocusable={sending}>
            Back
          </Button>
          <Button appearance="primary" onClick={() => void go()} disabled={!token} disabledFocusable={sending}>
            {failed?.retryable || failed?.kind === 'unauthorised' ? 'Try again' : 'Submit'}
          </Button>
        </div>
      )}
    </StepSection>
  );
}
