import { useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { FlowAction, FlowState } from '../../flow';
import type { UndoRecord } from '../../host';
import { useHostServices } from '../../HostContext';
import { errorMessage } from '../../errors';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';
import { countKinds, filterIssues, fixesFor, type IssueFilter } from './issues';
import { IssueFilters } from './IssueFilters';
import { IssueList } from './IssueList';
import { IndicatorPreview } from './IndicatorPreview';
import { useRecheck } from './useRecheck';
import { FixPreview } from './FixPreview';

type CheckState = Extract<FlowState, { step: 'check' }>;

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none' },
  count: { display: 'flex', flexDirection: 'column' },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  status: { minHeight: '1em', margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

type Busy = null | 'highlight' | 'clear' | 'fix' | 'undo' | 'download';

/** Step 3: the issues, where they are, and what can be fixed here and now. */
export function CheckStep({ state, dispatch }: { state: CheckState; dispatch: Dispatch<FlowAction> }) {
  const { host, downloadAnnotated } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const { report, choice, mapping } = state;
  const recheck = useRecheck(choice, mapping, dispatch);
  const [filter, setFilter] = useState<IssueFilter>({ severity: 'all', kind: null });
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  // In the browser mode the grid is our own view of a copy: flagged cells show from the start.
  // In Excel, painting the partner's workbook waits until they ask.
  const [highlighted, setHighlighted] = useState(host.kind === 'browser');
  const [undo, setUndo] = useState<{ record: UndoRecord; count: number } | null>(null);

  const kinds = useMemo(() => countKinds(report.issues), [report.issues]);
  const shown = useMemo(() => filterIssues(report.issues, filter), [report.issues, filter]);
  const fixes = useMemo(() => fixesFor(report), [report]);
  const before = useMemo(() => new Map((report.fixes ?? []).map((f) => [`${f.column}${f.row}`, f.from])), [report.fixes]);
  const { errors, warnings, records } = report.summary;

  // Keep the highlights in step with the issues after a fix, an undo or an edit.
  const highlightedRef = useRef(highlighted);
  useEffect(() => {
    highlightedRef.current = highlighted;
  }, [highlighted]);
  useEffect(() => {
    if (!highlightedRef.current) return;
    host.highlight(choice.sheet, report.issues).catch(() => undefined);
  }, [host, report, choice.sheet]);

  async function run(kind: Exclude<Busy, null>, action: () => Promise<string>) {
    setBusy(kind);
    setError(null);
    try {
      setStatus(await action());
    } catch (e) {
      setError(errorMessage(e));
      setStatus('');
    } finally {
      setBusy(null);
    }
  }

  const highlight = () =>
    run('highlight', async () => {
      const result = await host.highlight(choice.sheet, report.issues);
      setHighlighted(true);
      const notes = result.notes === 'notes' ? ' with notes' : result.notes === 'comments' ? ' with comments' : '';
      return `Highlighted ${result.cells} cell${result.cells === 1 ? '' : 's'}${notes}.`;
    });
  const clear = () =>
    run('clear', async () => {
      await host.clearHighlights(choice.sheet);
      setHighlighted(false);
      return 'Highlights cleared; your own colours are back.';
    });
  const fix = () =>
    run('fix', async () => {
      const record = await host.writeValues(choice.sheet, fixes);
      setUndo({ record, count: fixes.length });
      await recheck();
      return `Fixed ${fixes.length} value${fixes.length === 1 ? '' : 's'}.`;
    });
  const undoFix = () =>
    run('undo', async () => {
      if (!undo) return '';
      await host.undo(undo.record);
      setUndo(null);
      await recheck();
      return `Put back ${undo.count} value${undo.count === 1 ? '' : 's'} as they were.`;
    });
  const download = () =>
    run('download', async () => {
      await downloadAnnotated?.(state.workbook, report);
      return 'The annotated workbook is in your downloads.';
    });
  const goTo = (address: string) => {
    setError(null);
    host.goTo(choice.sheet, address).catch((e: unknown) => setError(errorMessage(e)));
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
        <Button onClick={() => void highlight()} disabled={busy !== null || report.issues.length === 0}>
          {highlighted ? 'Highlight again' : 'Highlight cells'}
        </Button>
        <Button onClick={() => void clear()} disabled={busy !== null}>
          Clear
        </Button>
        {fixes.length > 0 && (
          <Button appearance="primary" onClick={() => void fix()} disabled={busy !== null}>
            Fix {fixes.length} value{fixes.length === 1 ? '' : 's'}
          </Button>
        )}
        {undo && (
          <Button onClick={() => void undoFix()} disabled={busy !== null}>
            Undo fix
          </Button>
        )}
        {downloadAnnotated && (
          <Button onClick={() => void download()} disabled={busy !== null}>
            Download annotated workbook
          </Button>
        )}
      </div>
      {fixes.length > 0 && <FixPreview fixes={fixes} before={before} />}
      <p className={styles.status} role="status" aria-live="polite">
        {busy === 'download' ? 'Building the annotated workbook…' : busy ? 'Working…' : status}
      </p>
      {error && (
        <MessageBar intent="error">
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
          <IssueList key={`${filter.severity}-${filter.kind ?? ''}`} issues={shown} onGoTo={goTo} />
        </>
      )}
      <IndicatorPreview summary={report.summary} />
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
