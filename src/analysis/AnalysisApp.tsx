import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { whoAmI, type Identity } from '../taskpane/api';
import { errorMessage } from '../taskpane/errors';
import { apiBaseUrl, forgetToken, loadToken, saveToken } from '../taskpane/session';
import { SignIn } from '../taskpane/steps/submit/SignIn';
import { themeFor, useThemeName, type ThemeName } from '../taskpane/theme';
import { AnalysisError, fetchAnalysis } from './api';
import { Dashboard } from './Dashboard';
import type { AnalysisView } from './types';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    padding: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalXL,
    paddingRight: tokens.spacingHorizontalXL,
    '@media (max-width: 480px)': { padding: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  },
  page: { maxWidth: '1400px', margin: '0 auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  brand: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  who: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  signIn: { maxWidth: '480px', padding: tokens.spacingVerticalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge },
});

type Load = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; analysis: AnalysisView; at: Date } | { status: 'failed'; error: AnalysisError | Error };

/**
 * The analysts' page: sign in with a token (the same one, remembered the same
 * way, as the taskpane's), then the analysis of the data set. A partner's
 * token sees it without the tracker; a token the server refuses is told why.
 */
export function AnalysisApp({ theme, baseUrl }: { theme?: ThemeName; baseUrl?: string }) {
  const styles = useStyles();
  const followed = useThemeName(false);
  const name = theme ?? followed;
  const api = useMemo(() => ({ baseUrl: baseUrl ?? apiBaseUrl() }), [baseUrl]);
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // A remembered token is checked again on arrival (it may have expired since): loading from the start.
  const [load, setLoad] = useState<Load>(() => (token ? { status: 'loading' } : { status: 'idle' }));
  /** Bumped to fetch again (Refresh, Try again, a new sign-in). */
  const [attempt, setAttempt] = useState(0);

  const signOut = useCallback((why?: string) => {
    forgetToken();
    setToken(null);
    setIdentity(null);
    setLoad({ status: 'idle' });
    setNote(why ?? null);
  }, []);

  const reload = () => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  useEffect(() => {
    if (!token) return undefined;
    let live = true;
    // Who is signed in is shown even when the analysis is refused (a partner whose organisation has not signed).
    whoAmI(token, api).then(
      (who) => live && setIdentity(who),
      () => undefined, // the analysis's own answer says what went wrong
    );
    fetchAnalysis(token, api).then(
      (analysis) => live && setLoad({ status: 'loaded', analysis, at: new Date() }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof AnalysisError && error.kind === 'unauthorised') {
          signOut('Your sign-in is no longer valid (expired or withdrawn). Sign in again with the token the data team sent you.');
          return;
        }
        setLoad({ status: 'failed', error: error instanceof Error ? error : new Error(errorMessage(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, [token, attempt, api, signOut]);

  async function signIn(value: string, remember: boolean): Promise<string | null> {
    try {
      const who = await whoAmI(value, api);
      if (remember) saveToken(value);
      else forgetToken();
      setNote(null);
      setIdentity(who);
      setToken(value);
      reload();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  const failed = load.status === 'failed' ? load.error : null;
  return (
    <FluentProvider theme={themeFor(name)} data-theme={name}>
      <div className={styles.root}>
        <div className={styles.page}>
          <header className={styles.header}>
            <div>
              <p className={styles.brand}>Hope Starts Here · Imperative #2 data share</p>
              <h1 className={styles.title}>Analysis of the data set</h1>
            </div>
            {token && (
              <p className={styles.who} role="status">
                <span>{identity ? `Signed in as ${identity.person}${identity.org ? `, ${identity.org.name}` : ' (data team)'}.` : 'Checking your sign-in…'}</span>
                {load.status === 'loaded' && (
                  <Button size="small" onClick={reload}>
                    Refresh
                  </Button>
                )}
                <Button size="small" appearance="subtle" onClick={() => signOut()}>
                  Sign out
                </Button>
              </p>
            )}
          </header>
          <main>
            {note && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{note}</MessageBarBody>
              </MessageBar>
            )}
            {!token && (
              <div className={styles.signIn}>
                <SignIn onSignIn={signIn} />
              </div>
            )}
            {token && load.status === 'loading' && <Spinner label="Building the analysis…" />}
            {token && failed && (
              <MessageBar intent="error" layout="multiline" data-testid="analysis-error">
                <MessageBarBody>
                  <MessageBarTitle>{failed instanceof AnalysisError && failed.kind === 'forbidden' ? 'Not open to this sign-in' : 'No analysis'}</MessageBarTitle>
                  {failed.message}
                </MessageBarBody>
              </MessageBar>
            )}
            {token && failed && !(failed instanceof AnalysisError && failed.kind === 'forbidden') && (
              <Button onClick={reload}>Try again</Button>
            )}
            {load.status === 'loaded' && <Dashboard analysis={load.analysis} today={load.at} />}
          </main>
        </div>
      </div>
    </FluentProvider>
  );
}
