import { useCallback, useEffect, useReducer, useRef } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Workbook } from '../core/workbook';
import { flowReducer, type Choice, type FlowState } from './flow';
import { useHostServices, type Engine } from './HostContext';
import type { WorkbookHost } from './host';
import { StepNav } from './StepNav';
import { SheetStep } from './steps/sheet/SheetStep';
import { MappingStep } from './steps/mapping/MappingStep';
import { CheckStep } from './steps/check/CheckStep';
import { SubmitStep } from './steps/submit/SubmitStep';
import { CANCELLED, errorMessage, isCancelled } from './errors';
import { CheckProgress } from './CheckProgress';
import { focusQuietly } from './focus';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  center: { padding: tokens.spacingVerticalXXL },
});

/**
 * Loads the workbook from the host, then walks the person through the four steps.
 * `focusOnLoad`: move focus to the first step's heading once the workbook is read
 * (browser mode, where the person has just opened a file and its button is gone).
 */
export function Flow({ focusOnLoad = false }: { focusOnLoad?: boolean }) {
  const { host, engine, checks } = useHostServices();
  const [state, dispatch] = useReducer(flowReducer, { step: 'loading' } as FlowState);
  const styles = useStyles();

  const load = useCallback(async () => {
    dispatch({ type: 'loading' });
    try {
      const start = await startingPoint(host, engine);
      dispatch({ type: 'loaded', ...start });
    } catch (error) {
      dispatch({ type: 'unreadable', message: isCancelled(error) ? CANCELLED.start : errorMessage(error), cancelled: isCancelled(error) });
    }
  }, [host, engine]);

  useEffect(() => {
    void load();
  }, [load]);

  // When the step changes, move focus to its heading: the button that was pressed is gone,
  // and screen readers announce where the person now is.
  const root = useRef<HTMLDivElement>(null);
  const previous = useRef(state.step);
  useEffect(() => {
    if (previous.current === state.step) return;
    const from = previous.current;
    previous.current = state.step;
    if (from === 'loading' && !focusOnLoad) return;
    focusQuietly(root.current?.querySelector<HTMLElement>('[data-step-heading]'));
  }, [state.step, focusOnLoad]);

  return (
    <div className={styles.root} ref={root}>
      {checks && <CheckProgress checks={checks} />}
      {state.step !== 'loading' && state.step !== 'unreadable' && <StepNav current={state.step} />}
      {renderStep(state)}
    </div>
  );

  function renderStep(s: FlowState) {
    switch (s.step) {
      case 'loading':
        return <Spinner className={styles.center} label="Reading the workbook…" />;
      case 'unreadable':
        if (s.cancelled) {
          return (
            <MessageBar intent="info" tabIndex={-1} data-step-heading>
              <MessageBarBody>
                <MessageBarTitle>Check cancelled</MessageBarTitle>
                {s.message}{' '}
                <Button size="small" onClick={() => void load()}>
                  Check again
                </Button>
              </MessageBarBody>
            </MessageBar>
          );
        }
        return (
          <MessageBar intent="error" tabIndex={-1} data-step-heading>
            <MessageBarBody>
              <MessageBarTitle>The workbook could not be read</MessageBarTitle>
              {s.message}{' '}
              <Button size="small" onClick={() => void load()}>
                Try again
              </Button>
            </MessageBarBody>
          </MessageBar>
        );
      case 'sheet':
        return <SheetStep state={s} dispatch={dispatch} />;
      case 'mapping':
        return <MappingStep state={s} dispatch={dispatch} />;
      case 'check':
        return <CheckStep state={s} dispatch={dispatch} />;
      case 'submit':
        return <SubmitStep state={s} dispatch={dispatch} />;
    }
  }
}

/** Reads the workbook and asks the engine which tables of events it holds. */
async function startingPoint(host: WorkbookHost, engine: Engine) {
  const workbook: Workbook = await host.readWorkbook();
  if (workbook.sheets.length === 0) throw new Error('The workbook has no sheets.');
  const date1904 = await host.detectDate1904(workbook);
  const date1904Known = date1904 !== 'unknown';
  const assumed1904 = date1904 === 'unknown' ? workbook.date1904 : date1904;
  const report = await safeDetect(engine, { ...workbook, date1904: assumed1904 });
  const first = report?.tables[0];
  const sheet = first?.sheet ?? report?.sheet ?? (workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0])?.name ?? '';
  const saved = date1904Known ? null : await host.loadMapping(sheet).catch(() => null);
  const detected: Choice = {
    sheet,
    headerRow: first?.headerRow ?? report?.headerRow ?? 1,
    date1904: date1904Known ? assumed1904 : (saved?.sheet === sheet && saved.date1904 !== undefined ? saved.date1904 : assumed1904),
    leaveOut: [],
    include: [],
    headerRows: {},
  };
  return { workbook, detected, report, date1904Known };
}

async function safeDetect(engine: Engine, workbook: Workbook) {
  try {
    return await engine(workbook);
  } catch (error) {
    if (isCancelled(error)) throw error;
    // The person picks the sheets and header rows themselves.
    return null;
  }
}
