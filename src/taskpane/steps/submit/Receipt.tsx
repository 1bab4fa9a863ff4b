import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { fetchWithToken, resolveLink, type Receipt as ReceiptData } from '../../api';
import { saveBlob } from '../../download';
import { errorMessage } from '../../errors';
import { formatDay, formatWhen } from './when';
import { focusQuietly } from '../../focus';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyBase },
  id: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':focus': { outline: 'none' } },
});

/** The server's statuses in a partner's words. */
const STATUS_WORDS: Record<string, string> = {
  accepted: 'Accepted',
  flagged: 'Received, with errors for the data team to look at',
};

/** What the server said it stored, and the annotated workbook the data team will see. */
export function Receipt({ receipt, token, baseUrl, deadline }: { receipt: ReceiptData; token: string; baseUrl: string; deadline?: string }) {
  const styles = useStyles();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const summary = receipt.summary;
  // The Submit button is gone: focus on what the server said.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => focusQuietly(box.current), []);

  async function download() {
    if (!receipt.links.annotated) return;
    setDownloading(true);
    setError(null);
    try {
      const blob = await fetchWithToken(resolveLink(baseUrl, receipt.links.annotated), token);
      saveBlob(blob, `submission-${receipt.id}-annotated.xlsx`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div className={styles.box} ref={box} tabIndex={-1}>
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>{receipt.replayed ? 'Already received' : 'Submitted'}</MessageBarTitle>
          {receipt.replayed
            ? 'The server already had this submission; nothing was sent twice.'
            : 'Thank you. The data team has your events.'}
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.list} aria-label="Receipt">
        <dt className={styles.term}>Submission</dt>
        <dd className={`${styles.value} ${styles.id}`}>{receipt.id}</dd>
        {receipt.receivedAt && (
          <>
            <dt className={styles.term}>Received</dt>
            <dd className={styles.value}>{formatWhen(receipt.receivedAt)}</dd>
          </>
        )}
        <dt className={styles.term}>Status</dt>
        <dd className={styles.value}>{STATUS_WORDS[receipt.status] ?? receipt.status}</dd>
        {summary?.records !== undefined && (
          <>
            <dt className={styles.term}>Events</dt>
            <dd className={styles.value}>{summary.records}</dd>
          </>
        )}
        {summary?.errors !== undefined && (
          <>
            <dt className={styles.term}>Errors</dt>
            <dd className={styles.value}>{summary.errors}</dd>
          </>
        )}
        {summary?.warnings !== undefined && (
          <>
            <dt className={styles.term}>Warnings</dt>
            <dd className={styles.value}>{summary.warnings}</dd>
          </>
        )}
      </dl>
      <p className={styles.value}>
        What happens next: the data team reads every submission{deadline ? ` after the deadline, ${formatDay(deadline)}` : ''}, and may ask you about the errors it lists. You can send a corrected workbook at any time{deadline ? ' before then' : ''}: the latest submission counts, the earlier ones are kept. Keep the submission number above for your records.
      </p>
      {receipt.links.annotated && (
        <div>
          <Button onClick={() => void download()} disabled={downloading}>
            {downloading ? 'Downloading…' : 'Download the annotated workbook'}
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
