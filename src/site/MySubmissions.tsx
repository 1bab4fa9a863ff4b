import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Badge, Button, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { fetchWithToken, newIdempotencyKey, resolveLink, submit, SubmitError, whoAmI, type Identity, type Receipt } from '../taskpane/api';
import { READABLE_ACCEPT, READABLE_NAME } from '../taskpane/browser/openFile';
import { saveBlob } from '../taskpane/download';
import { forgetToken, loadToken, saveToken } from '../taskpane/session';
import { SignIn } from '../taskpane/steps/submit/SignIn';
import { deadlinePassed, longDate, periodText } from './collectionInfo';
import { useSectionStyles } from './Landing';
import { latestThatCounts, listSubmissions, type SubmissionItem } from './submissionsApi';

const useStyles = makeStyles({
  signedIn: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalS} 0` },
  items: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
    minWidth: 0,
  },
  latest: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}` },
  itemHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(9em, 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  metaTerm: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  metaValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  upload: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  fileInput: { maxWidth: '100%' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

const STATUS: Record<string, { label: string; color: 'success' | 'warning' | 'informative' | 'subtle' }> = {
  accepted: { label: 'Accepted', color: 'success' },
  flagged: { label: 'Has errors to correct', color: 'warning' },
  withdrawn: { label: 'Withdrawn', color: 'subtle' },
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Session = { phase: 'checking' } | { phase: 'signed-out'; notice?: string } | { phase: 'signed-in'; token: string; identity: Identity };

/** One submission: when, who, status, counts, and its checked workbook. */
function Item({ s, latest, onDownload }: { s: SubmissionItem; latest: boolean; onDownload: (s: SubmissionItem) => Promise<void> }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const status = STATUS[s.status] ?? { label: s.status, color: 'informative' as const };
  const meta: [string, string][] = [
    ['Received', when(s.receivedAt)],
    ['Sent by', s.submittedBy],
    ['Records', String(s.summary.records ?? 0)],
    ['Errors', String(s.summary.errors ?? 0)],
    ['Warnings', String(s.summary.warnings ?? 0)],
  ];
  async function download() {
    setBusy(true);
    setError(null);
    try {
      await onDownload(s);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className={latest ? `${styles.item} ${styles.latest}` : styles.item}>
      <div className={styles.itemHead}>
        <h3 id={headingId} className={styles.fileName}>
          {s.fileName}
        </h3>
        <Badge appearance="tint" color={status.color}>
          {status.label}
        </Badge>
        {latest && (
          <Badge appearance="filled" color="brand">
            Latest: this one counts
          </Badge>
        )}
      </div>
      <dl className={styles.meta}>
        {meta.map(([term, value]) => (
          <div key={term}>
            <dt className={styles.metaTerm}>{term}</dt>
            <dd className={styles.metaValue}>{value}</dd>
          </div>
        ))}
      </dl>
      {s.purgedAt ? (
        <p>
          Its data was deleted on {longDate(s.purgedAt.slice(0, 10))} under the retention rule, because a later submission replaced it or it was withdrawn. Its receipt and counts stay.
        </p>
      ) : (
        <div className={styles.row}>
          <Button onClick={() => void download()} disabled={busy} aria-describedby={headingId}>
            Download the checked workbook
          </Button>
          {busy && <Spinner size="tiny" label="Downloading…" />}
        </div>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

/** Send a corrected file: it becomes the organisation's latest submission. */
function Resubmit({ token, baseUrl, first, onSent }: { token: string; baseUrl: string; first: boolean; onSent: (receipt: Receipt) => void }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // One key per chosen file: a retry after a lost answer is not stored twice.
  const key = useRef(newIdempotencyKey());

  function choose(f: File | undefined) {
    setReceipt(null);
    setError(null);
    key.current = newIdempotencyKey();
    if (f && !READABLE_NAME.test(f.name)) {
      setFile(null);
      setError(`“${f.name}” is not a workbook (.xlsx, .xls, .xlsb, .ods), a CSV file or a Word document (.docx). In Excel, use File › Save As › Excel Workbook (.xlsx) first.`);
      return;
    }
    setFile(f ?? null);
  }

  async function send() {
    if (!file) {
      setError('Choose the corrected file first.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const r = await submit({ kind: 'file', fileName: file.name, bytes }, token, key.current, { baseUrl });
      setReceipt(r);
      setFile(null);
      if (input.current) input.current.value = '';
      key.current = newIdempotencyKey();
      onSent(r);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="resubmit">
      <h2 id="resubmit" className={section.h2}>
        {first ? 'Send your events file' : 'Send a corrected file'}
      </h2>
      <p className={section.text}>
        {first
          ? 'Send the workbook where you keep your events: it is checked, stored for your organisation and listed here.'
          : 'Corrected something in your workbook? Send the whole file again: it is checked like the first, and becomes your latest submission, the one that counts. Earlier ones stay in the list.'}
      </p>
      <div className={styles.upload}>
        <label htmlFor={inputId}>
          <strong>{first ? 'Your file' : 'Corrected file'}</strong>
        </label>
        <input
          ref={input}
          id={inputId}
          className={styles.fileInput}
          type="file"
          accept={READABLE_ACCEPT}
          aria-describedby={hintId}
          onChange={(e) => choose(e.target.files?.[0])}
        />
        <span id={hintId} className={section.muted}>
          An Excel workbook (.xlsx, .xls, .xlsb), an OpenDocument sheet (.ods), a CSV file or a Word document&rsquo;s table (.docx). To choose the columns yourself, use{' '}
          <Link href="/taskpane.html" inline>
            the data check
          </Link>{' '}
          instead.
        </span>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void send()} disabled={busy}>
            {first ? 'Send the file' : 'Send the corrected file'}
          </Button>
          {busy && <Spinner size="tiny" label="Checking and storing…" />}
        </div>
      </div>
      <div aria-live="polite">
        {receipt && (
          <MessageBar intent={receipt.summary?.errors ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{receipt.replayed ? 'Already received' : 'Received'}</MessageBarTitle>
              {receipt.summary?.records ?? 0} records, {receipt.summary?.errors ?? 0} errors, {receipt.summary?.warnings ?? 0} warnings. It is now your latest submission.
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not sent</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

export function MySubmissions({ baseUrl }: { baseUrl: string }) {
  const section = useSectionStyles();
  const styles = useStyles();
  const [session, setSession] = useState<Session>(() => (loadToken() ? { phase: 'checking' } : { phase: 'signed-out' }));
  const [items, setItems] = useState<SubmissionItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  // A remembered token is checked again; an expired or revoked one is forgotten.
  useEffect(() => {
    const remembered = loadToken();
    if (!remembered) return;
    whoAmI(remembered, { baseUrl }).then(
      (identity) => setSession({ phase: 'signed-in', token: remembered, identity }),
      (e: unknown) => {
        if (e instanceof SubmitError && e.kind === 'unauthorised') forgetToken();
        setSession({ phase: 'signed-out', notice: messageOf(e) });
      },
    );
  }, [baseUrl]);

  const token = session.phase === 'signed-in' ? session.token : null;
  // Bumped after a submission, to list it.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!token) return undefined;
    let live = true;
    listSubmissions(token, { baseUrl }).then(
      (list) => {
        if (!live) return;
        setItems(list);
        setListError(null);
      },
      (e: unknown) => live && setListError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [token, baseUrl, version]);

  async function signIn(t: string, remember: boolean): Promise<string | null> {
    try {
      const identity = await whoAmI(t, { baseUrl });
      if (remember) saveToken(t);
      else forgetToken();
      setSession({ phase: 'signed-in', token: t, identity });
      return null;
    } catch (e) {
      return messageOf(e);
    }
  }

  function signOut() {
    forgetToken();
    setItems(null);
    setSession({ phase: 'signed-out' });
  }

  async function download(s: SubmissionItem) {
    if (!token) return;
    const blob = await fetchWithToken(resolveLink(baseUrl, s.links.annotated), token);
    saveBlob(blob, `${s.fileName.replace(/\.[^.]+$/, '')} checked ${s.id}.xlsx`);
  }

  return (
    <>
      <h1 className={section.h1}>My submissions</h1>
      <p className={section.lead}>Everything your organisation has sent, newest first, with what the check found. Only your organisation sees its own.</p>
      {session.phase === 'checking' && <Spinner size="small" label="Checking your sign-in…" />}
      {session.phase === 'signed-out' && (
        <section aria-labelledby="sign-in-intro">
          <h2 id="sign-in-intro" className={section.h2}>
            Sign in to see them
          </h2>
          {session.notice && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{session.notice}</MessageBarBody>
            </MessageBar>
          )}
          <SignIn onSignIn={signIn} />
        </section>
      )}
      {session.phase === 'signed-in' && (
        <SignedIn identity={session.identity} items={items} listError={listError} onSignOut={signOut} onDownload={download}>
          {session.identity.role === 'partner' && session.identity.org?.signed && items && (
            <Resubmit token={session.token} baseUrl={baseUrl} first={items.length === 0} onSent={() => setVersion((v) => v + 1)} />
          )}
        </SignedIn>
      )}
      <p className={styles.signedIn}>
        <Link href="/" inline>
          What the data share asks for, and how the data is looked after
        </Link>
      </p>
    </>
  );
}

function SignedIn({
  identity,
  items,
  listError,
  onSignOut,
  onDownload,
  children,
}: {
  identity: Identity;
  items: SubmissionItem[] | null;
  listError: string | null;
  onSignOut: () => void;
  onDownload: (s: SubmissionItem) => Promise<void>;
  children?: ReactNode;
}) {
  const section = useSectionStyles();
  const styles = useStyles();
  const latest = items ? latestThatCounts(items, identity.period) : undefined;
  return (
    <>
      <div className={styles.signedIn}>
        <span role="status">
          Signed in as <strong>{identity.person}</strong>
          {identity.org ? (
            <>
              , <strong>{identity.org.name}</strong>
            </>
          ) : null}
        </span>
        <Button size="small" onClick={onSignOut}>
          Sign out
        </Button>
      </div>
      {identity.period && identity.deadline && (
        <p className={section.text}>
          Events held {periodText(identity.period)}, due by {longDate(identity.deadline)}
          {deadlinePassed(identity.deadline) ? ' (that day has passed; you can still send a correction, and the data team will tell you whether it can count)' : ''}.
        </p>
      )}
      {identity.role !== 'partner' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>This page is for partner organisations&rsquo; staff. An analyst sees every organisation&rsquo;s submissions through the API and the aggregate workbook.</MessageBarBody>
        </MessageBar>
      )}
      {identity.role === 'partner' && identity.org && !identity.org.signed && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The agreement is not signed</MessageBarTitle>
            {identity.org.name} has not signed the Imperative #2 data-sharing agreement, so it cannot send data yet. Ask the data team about the agreement.
          </MessageBarBody>
        </MessageBar>
      )}
      {identity.role === 'partner' && (
        <section aria-labelledby="sent">
          <h2 id="sent" className={section.h2}>
            Sent so far
          </h2>
          {listError && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{listError}</MessageBarBody>
            </MessageBar>
          )}
          {!items && !listError && <Spinner size="small" label="Loading your submissions…" />}
          {items && items.length === 0 && <p className={section.text}>Nothing yet. Send your events workbook below, or check it first in the data check.</p>}
          {items && items.length > 0 && (
            <ul className={styles.items} aria-label="Your organisation’s submissions">
              {items.map((s) => (
                <Item key={s.id} s={s} latest={s.id === latest?.id} onDownload={onDownload} />
              ))}
            </ul>
          )}
        </section>
      )}
      {children}
    </>
  );
}
