import { useId, useRef, useState, type Dispatch } from 'react';
import { Button, Checkbox, Input, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { TableReport } from '../../../core/report';
import type { Workbook } from '../../../core/workbook';
import { checkOptions, type Choice, type FlowAction, type FlowState, type Report } from '../../flow';
import type { SavedMapping } from '../../host';
import { useHostServices } from '../../HostContext';
import { CANCELLED, errorMessage, isCancelled } from '../../errors';
import { RememberedAnalyst } from '../submit/AnalystPanel';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';
import { sheetList, type SheetEntry } from './sheets';

type SheetState = Extract<FlowState, { step: 'sheet' }>;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  off: { backgroundColor: tokens.colorNeutralBackground2 },
  detail: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  rowField: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, paddingLeft: tokens.spacingHorizontalXXL, fontSize: tokens.fontSizeBase200 },
  row: { width: '5.5rem' },
});

/** Step 1: which tables of events the workbook holds, which sheets were skipped and why; the person includes or leaves out each sheet. */
export function SheetStep({ state, dispatch }: { state: SheetState; dispatch: Dispatch<FlowAction> }) {
  const { engine, host } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const { workbook } = state;
  const [choice, setChoice] = useState<Choice>(state.detected);
  const [report, setReport] = useState<Report | null>(state.report);
  const [rowTexts, setRowTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  // The choice the report shown was made for (a Cancel goes back to it), and the latest re-run (earlier ones' answers are dropped).
  const reported = useRef<Choice>(state.detected);
  const runs = useRef(0);

  const entries = sheetList(workbook, report, choice);
  const tables = report?.tables ?? [];

  async function rerun(next: Choice) {
    const run = ++runs.current;
    setChoice(next);
    setError(null);
    setNotice(null);
    try {
      const fresh = await engine({ ...workbook, date1904: next.date1904 }, checkOptions(next));
      if (run !== runs.current) return;
      reported.current = next;
      setReport(fresh);
    } catch (e) {
      if (run !== runs.current) return;
      if (isCancelled(e)) {
        setChoice(reported.current);
        setRowTexts({});
        setNotice(CANCELLED.sheets);
      } else setError(`The check could not run: ${errorMessage(e)}`);
    }
  }

  function toggle(entry: SheetEntry, read: boolean) {
    const leaveOut = choice.leaveOut.filter((s) => s !== entry.sheet);
    const include = choice.include.filter((s) => s !== entry.sheet);
    if (read && !entry.byChoice && entry.tables.length === 0) include.push(entry.sheet);
    if (!read) leaveOut.push(entry.sheet);
    void rerun({ ...choice, leaveOut, include });
  }

  function setHeaderRow(sheet: string, text: string) {
    setRowTexts((t) => ({ ...t, [sheet]: text }));
    const n = Number(text);
    const rows = workbook.sheets.find((s) => s.name === sheet)?.rows.length ?? 0;
    if (Number.isInteger(n) && n >= 1 && n <= Math.max(1, rows)) void rerun({ ...choice, headerRows: { ...choice.headerRows, [sheet]: n } });
  }

  async function next() {
    if (busy || !report || tables.length === 0) return;
    setBusy(true);
    setNotice(null);
    try {
      const checked: Workbook = { ...workbook, date1904: choice.date1904 };
      const fresh = await engine(checked, checkOptions(choice));
      const first = fresh.tables[0];
      const chosen: Choice = { ...choice, sheet: first?.sheet ?? fresh.sheet ?? choice.sheet, headerRow: first?.headerRow ?? fresh.headerRow ?? choice.headerRow };
      dispatch({ type: 'sheetChosen', workbook: checked, choice: chosen, report: fresh, saved: await savedFor(host, fresh.tables) });
    } catch (e) {
      if (isCancelled(e)) setNotice(CANCELLED.step);
      else setError(`The check could not run: ${errorMessage(e)}`);
      setBusy(false);
    }
  }

  const read = entries.filter((e) => e.tables.length > 0);
  const notRead = entries.filter((e) => e.tables.length === 0);
  return (
    <StepSection title="Where are your events?">
      <RememberedAnalyst />
      <p className={step.intro}>
        {read.length === 0
          ? 'We found no table of events. Switch on the sheets that hold your events.'
          : `We found ${tables.length === 1 ? 'one table' : `${tables.length} tables`} of events. Switch off any sheet that does not hold your events, or on one we skipped.`}
      </p>
      {read.length > 0 && (
        <>
          <h3 className={step.subheading} id={`${listId}-read`}>
            Read as events
          </h3>
          <ul className={styles.list} aria-labelledby={`${listId}-read`}>
            {read.map((entry) => (
              <li key={entry.sheet} className={styles.item}>
                <Switch checked label={entry.sheet} onChange={(_, d) => toggle(entry, d.checked)} />
                {entry.tables.map((t, i) => (
                  <p key={i} className={styles.detail}>
                    {tableLine(t, entry.tables.length > 1)}
                  </p>
                ))}
                {entry.tables.length === 1 && (
                  <label className={styles.rowField}>
                    Headings in row
                    <Input
                      className={styles.row}
                      size="small"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      aria-label={`Row with the column headings on “${entry.sheet}”`}
                      value={rowTexts[entry.sheet] ?? String(entry.tables[0]!.headerRow)}
                      onChange={(_, d) => setHeaderRow(entry.sheet, d.value)}
                    />
                  </label>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {notRead.length > 0 && (
        <>
          <h3 className={step.subheading} id={`${listId}-skipped`}>
            Not read
          </h3>
          <ul className={styles.list} aria-labelledby={`${listId}-skipped`}>
            {notRead.map((entry) => (
              <li key={entry.sheet} className={`${styles.item} ${styles.off}`}>
                <Switch checked={false} label={entry.sheet} onChange={(_, d) => toggle(entry, d.checked)} />
                <p className={styles.detail}>{entry.byChoice ? 'Left out by you.' : entry.reason}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {!state.date1904Known ? (
        <Checkbox
          checked={choice.date1904}
          onChange={(_, data) => void rerun({ ...choice, date1904: data.checked === true })}
          label="This workbook uses the 1904 date system (saved by an old Mac Excel: dates would read four years early)"
        />
      ) : choice.date1904 ? (
        <p className={step.muted}>This workbook uses the 1904 date system; its dates are read accordingly.</p>
      ) : null}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={step.actions}>
        <Button appearance="primary" onClick={() => void next()} disabled={busy || tables.length === 0}>
          Next: columns
        </Button>
        {tables.length === 0 && <span className={step.muted}>Switch on at least one sheet with your events.</span>}
      </div>
    </StepSection>
  );
}

/** "Rows 4–11, 8 events"; with several tables on one sheet (no row field for each), led by the heading row. */
function tableLine(t: TableReport, withHeading: boolean): string {
  const rows = t.lastRow >= t.firstRow ? `rows ${t.firstRow}–${t.lastRow}` : 'no rows';
  const events = `${t.records.toLocaleString('en-US')} ${t.records === 1 ? 'event' : 'events'}`;
  return withHeading ? `Headings in row ${t.headerRow}, ${rows}, ${events}` : `${rows[0]!.toUpperCase()}${rows.slice(1)}, ${events}`;
}

/** The columns confirmed earlier for each table's sheet, where its header row is still the same. */
async function savedFor(host: { loadMapping(key: string): Promise<SavedMapping | null> }, tables: TableReport[]): Promise<SavedMapping[]> {
  const out: SavedMapping[] = [];
  for (const t of tables) {
    if (t.sheet === null || out.some((s) => s.sheet === t.sheet)) continue;
    const saved = await host.loadMapping(t.sheet).catch(() => null);
    if (saved && saved.sheet === t.sheet && saved.headerRow === t.headerRow) out.push(saved);
  }
  return out;
}

