import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CANCELLED, errorMessage, isCancelled } from '../errors';
import { focusQuietly } from '../focus';
import { openFile, READABLE_ACCEPT, type OpenedFile, type ReadBytes } from './openFile';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, ':focus': { outline: 'none' } },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':focus': { outline: 'none' }, ':empty': { display: 'none' } },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  busy: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The browser mode's first screen: pick (or drop) the workbook to check; reading it can be cancelled. */
export function OpenFile({ onOpened, read, onCancel, focusHeading = false }: {
  onOpened: (file: OpenedFile) => void;
  read?: ReadBytes;
  onCancel?: () => void;
  /** Move focus to the heading on arriving (after "Open another file"). */
  focusHeading?: boolean;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  // The latest attempt: a cancelled one's answer is dropped.
  const attempts = useRef(0);
  const headingId = useId();
  const hintId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusHeading) focusQuietly(heading.current);
  }, [focusHeading]);
  // A refusal or a cancel: focus on its message, as the Cancel button is gone.
  useEffect(() => {
    if (error || notice) focusQuietly(message.current);
  }, [error, notice]);

  async function open(file: File | undefined) {
    if (!file) return;
    const attempt = ++attempts.current;
    setBusy(file.name);
    setError(null);
    setNotice(null);
    try {
      const opened = await openFile(file, read);
      if (attempt === attempts.current) onOpened(opened);
    } catch (e) {
      if (attempt !== attempts.current) return;
      if (isCancelled(e)) setNotice(CANCELLED.open);
      else setError(errorMessage(e));
    } finally {
      if (attempt === attempts.current) setBusy(null);
      if (input.current) input.current.value = '';
    }
  }

  function cancel() {
    attempts.current++;
    setBusy(null);
    setNotice(CANCELLED.open);
    onCancel?.();
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files[0]);
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading} ref={heading} tabIndex={-1}>
        Check your events workbook
      </h2>
      <p className={styles.text}>
        Open the workbook where you keep your 2023 events. It stays on this computer until you choose to submit it.
      </p>
      <div
        className={mergeClasses(styles.drop, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy !== null} aria-describedby={hintId}>
          Open a workbook…
        </Button>
        <p id={hintId} className={styles.text}>
          An Excel workbook (.xlsx, .xlsm, .xls, .xlsb), an OpenDocument sheet (.ods), a CSV file or the table of a Word document (.docx). You can also drop it here.
        </p>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept={READABLE_ACCEPT}
          aria-label="Workbook file"
          onChange={(e) => void open(e.target.files?.[0])}
        />
      </div>
      {busy && (
        <div className={styles.busy} role="status">
          <Spinner size="small" label={`Reading ${busy}…`} />
          <Button size="small" onClick={cancel}>
            Cancel
          </Button>
        </div>
      )}
      <div ref={message} tabIndex={-1} className={styles.message}>
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>That file could not be opened</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      </div>
    </section>
  );
}
