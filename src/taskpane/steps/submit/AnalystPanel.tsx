import { useEffect, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { fetchAggregate, fetchPopulation, whoAmI, type ApiOptions } from '../../api';
import { apiBaseUrl, loadToken } from '../../session';
import { COLLECTION } from '../../collection';
import { errorMessage } from '../../errors';
import { useHost } from '../../HostContext';
import type { AnalysisResult } from '../../../excel/analysis';

const useStyles = makeStyles({
  // A box of its own: on the first step it sits above the partners' questions and is not one of them.
  panel: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { margin: 0 },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Live regions that stay in the page, so that what they come to say is read out; empty, they take no room.
  live: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, ':not(:empty)': { marginTop: tokens.spacingVerticalS } },
  action: { marginTop: tokens.spacingVerticalM },
});

type Phase = { at: 'idle' } | { at: 'fetching'; records: number } | { at: 'building'; records: number } | { at: 'done'; result: AnalysisResult; noRates: string | null } | { at: 'failed'; message: string };

/**
 * Analyst mode: signed in with a data team token inside Excel, build the
 * analysis in this workbook from the aggregate records (src/excel/analysis.ts).
 */
export function AnalystPanel({ token, api }: { token: string; api: ApiOptions }) {
  const host = useHost();
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const build = host.buildAnalysis?.bind(host);
  const busy = phase.at === 'fetching' || phase.at === 'building';

  const go = async (): Promise<void> => {
    if (!build) return;
    setPhase({ at: 'fetching', records: 0 });
    try {
      const { records, period } = await fetchAggregate(token, { ...api, onPage: (n) => setPhase({ at: 'fetching', records: n }) });
      if (records.length === 0) {
        setPhase({ at: 'failed', message: 'The aggregate has no records yet: no signed partner has submitted for this period.' });
        return;
      }
      // Children under 5 by ZIP, for attendees per 1,000: the analysis is built without them if the server has none or cannot say.
      let population = new Map<string, number>();
      let noRates: string | null = null;
      try {
        population = await fetchPopulation(token, api);
        if (population.size === 0) noRates = 'the server has no population table loaded';
      } catch (error) {
        noRates = `the population table could not be fetched (${errorMessage(error)})`;
      }
      setPhase({ at: 'building', records: records.length });
      const result = await build(records, COLLECTION, period, population);
      setPhase({ at: 'done', result, noRates });
    } catch (error) {
      setPhase({ at: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="analyst-title">
      <h3 id="analyst-title" className={styles.title}>
        For the data team: the analysis
      </h3>
      {build ? (
        <p className={styles.text}>
          Writes every aggregate record as a table on a new sheet, with PivotTables (engagement × audience × month, by partner, by ZIP) and charts you can keep working with. Your own sheets are not
          changed.
        </p>
      ) : (
        <p className={styles.text}>Open this add-in in Excel to build the analysis in a workbook; in the browser, use the analysis page.</p>
      )}
      <div className={styles.live} role="status" aria-live="polite">
        {phase.at === 'fetching' && (
          <>
            <ProgressBar aria-label="Fetching the records" />
            <span>Fetching the aggregate: {phase.records.toLocaleString('en-US')} records so far…</span>
          </>
        )}
        {phase.at === 'building' && (
          <>
            <ProgressBar aria-label="Building the analysis" />
            <span>Writing {phase.records.toLocaleString('en-US')} records into the workbook…</span>
          </>
        )}
        {phase.at === 'done' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Analysis built</MessageBarTitle>
              {phase.result.rows.toLocaleString('en-US')} records on “{phase.result.dataSheet}”;{' '}
              {phase.result.pivotSheet
                ? `${phase.result.pivots} PivotTables on “${phase.result.pivotSheet}”`
                : 'this version of Excel has no PivotTables (they need ExcelApi 1.8), so the breakdowns are formulas'}
              ; charts on “{phase.result.summarySheet}”
              {phase.noRates === null ? ', with attendees per 1,000 children under 5 by ZIP' : ''}.
              {phase.noRates !== null && ` No rates per 1,000 children: ${phase.noRates}.`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.live} role="alert">
        {phase.at === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Analysis not built</MessageBarTitle>
              {phase.message}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {build && (
        <div className={styles.action}>
          {/* Focusable while it works, so that the keyboard stays on it rather than falling back to the page. */}
          <Button appearance="primary" onClick={() => void go()} disabledFocusable={busy}>
            {phase.at === 'done' ? 'Build again on new sheets' : 'Build the analysis in this workbook'}
          </Button>
        </div>
      )}
    </section>
  );
}

/**
 * On the first step: when the token remembered on this device is a data
 * team one and the pane runs inside Excel, the analyst need not go through
 * the partners' check to build the analysis.
 */
export function RememberedAnalyst({ baseUrl }: { baseUrl?: string }) {
  const host = useHost();
  const api = useMemo(() => ({ baseUrl: baseUrl ?? apiBaseUrl() }), [baseUrl]);
  const [token] = useState(() => loadToken());
  const [analyst, setAnalyst] = useState(false);
  useEffect(() => {
    if (!token || !host.buildAnalysis) return;
    let live = true;
    whoAmI(token, api).then(
      (who) => live && setAnalyst(who.role === 'analyst'),
      () => undefined, // Not signed in after all: the submit step says so when it matters.
    );
    return () => {
      live = false;
    };
  }, [token, host, api]);
  return analyst && token ? <AnalystPanel token={token} api={api} /> : null;
}
