import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckActivity, Job } from './worker/client';

const LABELS: Record<Job, string> = {
  read: 'Reading the workbook…',
  check: 'Checking…',
  annotate: 'Building the annotated workbook…',
  body: 'Preparing your data…',
};

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    boxShadow: tokens.shadow4,
  },
  what: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, flexGrow: 1, minWidth: 0 },
});

/**
 * "Checking…" with a Cancel button while the engine works. Shown only once
 * a job has taken `delayMs`, so a quick check does not flash it.
 */
export function CheckProgress({ checks, delayMs = 300 }: { checks: CheckActivity; delayMs?: number }) {
  const styles = useStyles();
  const activity = useSyncExternalStore(checks.subscribe, checks.getActivity);
  // The run shown: the delay counts from the job's start, not from its latest progress.
  const [shownRun, setShownRun] = useState<number | null>(null);
  const run = activity?.started ?? null;
  useEffect(() => {
    if (run === null) return;
    const timer = setTimeout(() => setShownRun(run), delayMs);
    return () => clearTimeout(timer);
  }, [run, delayMs]);
  if (!activity || shownRun !== activity.started) return null;
  const progress = activity.progress;
  return (
    <div className={styles.bar} role="status">
      <div className={styles.what}>
        <Spinner size="tiny" label={progress ? `${LABELS[activity.job]} ${progress.done + 1} of ${progress.of}: ${progress.step}` : LABELS[activity.job]} />
        {progress && <ProgressBar value={progress.done} max={progress.of} aria-label="Progress" />}
      </div>
      <Button size="small" onClick={checks.cancel}>
        Cancel
      </Button>
    </div>
  );
}
