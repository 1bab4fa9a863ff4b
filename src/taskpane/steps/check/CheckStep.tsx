import { useEffect, useId, useMemo, useRef, useState, type Dispatch } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { sheetsRead, type FlowAction, type FlowState, type Report } from '../../flow';
import type { Issue } from '../../../core/report';
import type { UndoRecord } from '../../host';
import { useHostServices } from '../../HostContext';
import { CANCELLED, errorMessage, isCancelled } from '../../errors';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';
import { countKinds, filterIssues, issueSheet, issuesBySheet, remainingSentence, type IssueFilter } from './issues';
import { changeCount, firstChanges, fixPlan, previewBefore, unpackInSlices, type PackedChanges } from './plan';
import { IssueFilters } from './IssueFilters';
import { IssueList } from './IssueList';
import { IndicatorPreview } from './IndicatorPreview';
import { useRecheck } from './useRecheck';
import { FixPreview, PREVIEWED } from './FixPreview';
import { SkipLink } from '../SkipLink';
import { focusQuietly } from '../../focus';
import { nextTurn } from '../../worker/parts';

type CheckState = Extract<FlowState, { step: 'check' }>;

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none' },
  count: { display: 'flex', flexDirection: 'column' },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  target: { ':focus': { outline: 'none' } },
  status: { ':focus': { outline: 'none' }, minHeight: '1em', margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

type Busy = null | 'highlight' | 'clear' | 'fix' | 'tidy' | 'undo' | 'download';

/** One write of the taskpane's, to undo: `written` is kept to write it again should the undo's check be cancelled. */
interface Written {
  kind: 'fix' | 'tidy';
  records: UndoRecord[];
  count: number;
  written: [string, PackedChanges][];
}

/** Step 3: the issues, where they are, and what can be fixed here and now. */
export function CheckStep({ state, dispatch }: { state: CheckState; dispatch: Dispatch<FlowAction> }) {
  const { host, downloadAnnotated, originalFile } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const { report, choice, mapping } = state;
  const sheets = useMemo(() => sheetsRead(report, choice.sheet), [report, choice.sheet]);
  const { recheck, stale, checkAgain } = useRecheck(choice, mapping, sheets, dispatch);
  const [checkingAgain, setCheckingAgain] = useState(false);
  const [filter, setFilter] = useState<IssueFilter>({ severity: 'all', kind: null });
  const [busy, setBusy] = useState<Busy>(null);
  const afterIssuesId = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  // In the browser mode the grid is our own view of a copy: flagged cells show from the start.
  // In Excel, painting the partner's workbook waits until they ask.
  const [highlighted, setHighlighted] = useState(host.kind === 'browser');
  // The writes to undo, the latest last.
  const [undos, setUndos] = useState<Written[]>([]);
  const undo = undos[undos.length - 1] ?? null;

  const kinds = useMemo(() => countKinds(report.issues), [report.issues]);
  const shown = useMemo(() => filterIssues(report.issues, filter), [report.issues, filter]);
  // "Fix" writes only cells with an issue; "Tidy" the valid values that are not in the agreed wording.
  // The check worker plans them ahead (200,000 fixes for 50,000 rows took the page half a second),
  // packed: a few arrays of numbers until they are written.
  const split = useMemo(() => fixPlan(report, choice.sheet), [report, choice.sheet]);
  const fixCount = useMemo(() => changeCount(split.fix), [split]);
  const tidyCount = useMemo(() => changeCount(split.tidy), [split]);
  const firstFixes = useMemo(() => firstChanges(split.fix, PREVIEWED), [split]);
  const firstTidies = useMemo(() => firstChanges(split.tidy, PREVIEWED), [split]);
  // What the previews show was there before: their first few cells only.
  const before = useMemo(() => previewBefore(report, [...firstFixes, ...firstTidies].map((c) => c.address)), [report, firstFixes, firstTidies]);
  // Every sheet read gets its own issues; a sheet that has none any more is cleared.
  const highlightAll = async () => {
    let cells = 0;
    let notes: 'notes' | 'comments' | 'none' = 'none';
    for (const [sheet, issues] of issuesBySheet(report.issues, sheets, choice.sheet)) {
      const result = await host.highlight(sheet, issues);
      cells += result.cells;
      if (result.notes !== 'none') notes = result.notes;
    }
    return { cells, notes };
  };
  /** Writes packed changes, sheet by sheet: made into changes a slice at a time, so that the pane keeps drawing. */
  const writeAll = async (perSheet: [string, PackedChanges][]) => {
    const records: UndoRecord[] = [];
    for (const [sheet, packed] of perSheet) records.push(await host.writeValues(sheet, await unpackInSlices(packed, nextTurn)));
    return records;
  };
  const { errors, warnings, records } = report.summary;

  // Keep the highlights in step with the issues after a fix, an undo or an edit.
  const highlightedRef = useRef(highlighted);
  useEffect(() => {
    highlightedRef.current = highlighted;
  }, [highlighted]);
  // The automatic highlight counts as work in progress: the buttons wait for it, and its failure is told.
  const [repainting, setRepainting] = useState(0);
  useEffect(() => {
    if (!highlightedRef.current) return;
    let current = true;
    setRepainting((n) => n + 1);
    void highlightAll()
      .catch((e: unknown) => {
        if (current) setError(`The highlights could not be brought up to date: ${errorMessage(e)}`);
      })
      .finally(() => setRepainting((n) => n - 1));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- highlightAll reads exactly these
  }, [host, report, sheets, choice.sheet]);

  // After every action, focus on its outcome (the status line or the error), where Undo is too:
  // the button pressed may be gone (Fix, once nothing is left to fix), and the page stays where it is.
  const statusRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState(0);
  useEffect(() => {
    if (done) focusQuietly(errorRef.current ?? statusRef.current);
  }, [done]);
  const locked = busy !== null || repainting > 0;

  async function run(kind: Exclude<Busy, null>, action: () => Promise<string>) {
    setBusy(kind);
    setError(null);
    try {
      setStatus(await action());
    } catch (e) {
      if (isCancelled(e)) {
        setStatus(kind === 'fix' || kind === 'tidy' ? CANCELLED.fix : kind === 'undo' || kind === 'download' ? CANCELLED[kind] : CANCELLED.step);
      } else {
        setError(errorMessage(e));
        setStatus('');
      }
    } finally {
      setBusy(null);
      setDone((n) => n + 1);
    }
  }

  const highlight = () =>
    run('highlight', async () => {
      const result = await highlightAll();
      setHighlighted(true);
      const notes = result.notes === 'notes' ? ' with notes' : result.notes === 'comments' ? ' with comments' : '';
      return `Highlighted ${result.cells} cell${result.cells === 1 ? '' : 's'}${notes}.`;
    });
  const clear = () =>
    run('clear', async () => {
      for (const sheet of sheets) await host.clearHighlights(sheet);
      setHighlighted(false);
      return 'Highlights cleared; your own colours are back.';
    });
  /** Writes one set of changes, checks again, and says what it resolved and what is left. */
  const write = (kind: 'fix' | 'tidy', perSheet: Map<string, PackedChanges>, count: number) =>
    run(kind, async () => {
      const written = [...perSheet];
      const records = await writeAll(written);
      const earlier = undos;
      setUndos([...undos, { kind, records, count, written }]);
      let after: Report;
      try {
        after = await recheck();
      } catch (e) {
        if (isCancelled(e)) {
          // Cancelled: the values go back, so that the issues shown are still the sheet's.
          for (const record of [...records].reverse()) await host.undo(record);
          setUndos(earlier);
        }
        throw e;
      }
      const resolved = Math.max(0, report.issues.length - after.issues.length);
      const issuesWord = `${resolved.toLocaleString('en-US')} issue${resolved === 1 ? '' : 's'}`;
      // Cells that hold a formula were left as they are (Excel): they are not counted as written.
      const formulas = records.reduce((n, r) => n + (r.formulas ?? 0), 0);
      const done = Math.max(0, count - formulas);
      const values = `${done.toLocaleString('en-US')} value${done === 1 ? '' : 's'}`;
      const left = formulas ? ` ${formulas.toLocaleString('en-US')} cell${formulas === 1 ? ' holds a formula and was' : 's hold formulas and were'} left as ${formulas === 1 ? 'it is' : 'they are'}: change ${formulas === 1 ? 'its formula' : 'their formulas'} or ${formulas === 1 ? 'its' : 'their'} source cells.` : '';
      const what =
        kind === 'fix'
          ? `Fixed ${values}: ${issuesWord} resolved.${left}`
          : `Tidied ${values} to the agreed wording${resolved ? `, which resolved ${issuesWord}` : '; they were valid, so no issue changed'}.${left}`;
      const byHand = after.issues.length && host.kind === 'browser' ? ' Pick one below to correct its cell here.' : '';
      return `${what} ${remainingSentence(after.issues)}${byHand}`;
    });
  const fix = () => write('fix', split.fix, fixCount);
  const tidy = () => write('tidy', split.tidy, tidyCount);
  const undoLast = () =>
    run('undo', async () => {
      if (!undo) return '';
      let left = 0;
      for (const record of [...undo.records].reverse()) left += await host.undo(record);
      let after: Report;
      try {
        after = await recheck();
      } catch (e) {
        if (isCancelled(e)) {
          // Cancelled: the write is made again, as the issues shown still have it.
          const records = await writeAll(undo.written);
          setUndos([...undos.slice(0, -1), { ...undo, records }]);
        }
        throw e;
      }
      setUndos(undos.slice(0, -1));
      const back = undo.count - left;
      const put = `Put back ${back.toLocaleString('en-US')} value${back === 1 ? '' : 's'} as they were.`;
      const kept = left === 0 ? '' : ` ${left} cell${left === 1 ? '' : 's'} you changed since the fix ${left === 1 ? 'was' : 'were'} left as ${left === 1 ? 'it is' : 'they are'}.`;
      return `${put}${kept} ${remainingSentence(after.issues)}`;
    });
  // Browser mode, once a value has changed: the download is the corrected workbook (with what is left highlighted).
  const corrected = host.kind === 'browser' && originalFile !== undefined && originalFile() === null;
  const download = () =>
    run('download', async () => {
      await downloadAnnotated?.(state.workbook, report);
      return corrected
        ? 'The corrected workbook is in your downloads: your sheets with your corrections, what is left to fix highlighted, and the clean records.'
        : 'The annotated workbook is in your downloads.';
    });
  const goTo = (issue: Issue, address: string) => {
    setError(null);
    host.goTo(issueSheet(issue, choice.sheet), address).catch((e: unknown) => setError(errorMessage(e)));
  };

  return (
    <StepSection title="Check">
      <ul className={styles.counts} aria-label="Summary">
        <li className={styles.count}>
          <span className={styles.number}>{records.toLocaleString('en-US')}</span> {plural(records, 'event')}
        </li>
        <li className={styles.count}>
          <span className={`${styles.number} ${errors ? styles.error : ''}`}>{errors.toLocaleString('en-US')}</span> {plural(errors, 'error')}
        </li>
        <li className={styles.count}>
          <span className={`${styles.number} ${warnings ? styles.warning : ''}`}>{warnings.toLocaleString('en-US')}</span> {plural(warnings, 'warning')}
        </li>
      </ul>
      <div className={step.actions}>
        <Button onClick={() => void highlight()} disabledFocusable={locked || report.issues.length === 0}>
          {highlighted ? 'Highlight again' : 'Highlight cells'}
        </Button>
        <Button onClick={() => void clear()} disabledFocusable={locked}>
          Clear
        </Button>
        {fixCount > 0 && (
          <Button appearance="primary" onClick={() => void fix()} disabledFocusable={locked}>
            Fix {fixCount.toLocaleString('en-US')} value{fixCount === 1 ? '' : 's'}
          </Button>
        )}
        {tidyCount > 0 && (
          <Button onClick={() => void tidy()} disabledFocusable={locked}>
            Tidy {tidyCount.toLocaleString('en-US')} value{tidyCount === 1 ? '' : 's'} to the agreed wording
          </Button>
        )}
        {undo && (
          <Button onClick={() => void undoLast()} disabledFocusable={locked}>
            Undo {undo.kind === 'fix' ? 'fix' : 'tidy'}
          </Button>
        )}
        {downloadAnnotated && (
          <Button onClick={() => void download()} disabledFocusable={locked}>
            {corrected ? 'Download corrected workbook' : 'Download annotated workbook'}
          </Button>
        )}
      </div>
      {fixCount > 0 && <FixPreview fixes={firstFixes} count={fixCount} before={before} title="What “Fix” changes" />}
      {tidyCount > 0 && <FixPreview fixes={firstTidies} count={tidyCount} before={before} title="What “Tidy” changes (valid values, in the agreed wording)" />}
      <p className={styles.status} role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
        {busy === 'download' ? 'Building the annotated workbook…' : busy ? 'Working…' : repainting > 0 ? 'Updating the highlights…' : status}
      </p>
      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This report may be out of date: your latest edits could not be checked. {stale}{' '}
            <Button
              size="small"
              disabled={checkingAgain || locked}
              onClick={() => {
                setCheckingAgain(true);
                void checkAgain().finally(() => setCheckingAgain(false));
              }}
            >
              {checkingAgain ? 'Checking…' : 'Check again'}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" tabIndex={-1} ref={errorRef}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report.issues.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>No issues found: the sheet is ready to submit.</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <IssueFilters kinds={kinds} filter={filter} onChange={setFilter} errors={errors} warnings={warnings} />
          <SkipLink to={afterIssuesId}>Skip the {shown.length === 1 ? 'issue' : `${shown.length.toLocaleString('en-US')} issues`}</SkipLink>
          <IssueList key={`${filter.severity}-${filter.kind ?? ''}`} issues={shown} onGoTo={goTo} showSheet={sheets.length > 1} />
        </>
      )}
      <div id={afterIssuesId} tabIndex={-1} className={styles.target}>
        <IndicatorPreview summary={report.summary} />
      </div>
      <div className={step.actions}>
        <Button onClick={() => dispatch({ type: 'back' })}>Back</Button>
        <Button appearance="primary" onClick={() => dispatch({ type: 'toSubmit' })}>
          Next: submit
        </Button>
      </div>
    </StepSection>
  );
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
