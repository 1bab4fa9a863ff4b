import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity, CheckActivity, Job } from './worker/client';

const LABELS: Record<Job, string> = {
  read: 'Reading the workbook…',
  check: 'Checking…',
  annotate: 'Building the annotated workbook…',
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
});

/**
 * "Checking…" with a Cancel button while the engine works. Shown only once
 * a job has taken `delayMs`, so a quick check does not flash it.
 */
export function CheckProgress({ checks, delayMs = 300 }: { checks: CheckActivity; delayMs?: number }) {
  const styles = useStyles();
  const activity = useSyncExternalStore(checks.subscribe, checks.getActivity);
  const [shownFor, setShownFor] = useState<Activity | null>(null);
  useEffect(() => {
    if (!activity) return;
    const timer = setTimeout(() => setShownFor(activity), delayMs);
    return () => clearTimeout(timer);
  }, [activity, delayMs]);
  if (!activity || shownFor !== activity) return null;
  return (
    <div className={styles.bar} role="status">
      <Spinner size="tiny" label={LABELS[activity.job]} />
      <Button size="small" onClick={checks.cancel}>
        Cancel
      </Button>
    </div>
  );
}
