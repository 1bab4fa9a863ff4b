import { useId } from 'react';
import { Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';

export type Metric = 'events' | 'attendees';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  label: { fontSize: tokens.fontSizeBase200 },
});

/** Events or attendees: what a chart draws. */
export function MetricChoice({ value, onChange }: { value: Metric; onChange: (m: Metric) => void }) {
  const styles = useStyles();
  const id = useId();
  return (
    <span className={styles.root}>
      <span id={id} className={styles.label}>
        Show
      </span>
      <RadioGroup layout="horizontal" value={value} onChange={(_, d) => onChange(d.value === 'attendees' ? 'attendees' : 'events')} aria-labelledby={id}>
        <Radio value="events" label="Events" />
        <Radio value="attendees" label="Attendees" />
      </RadioGroup>
    </span>
  );
}
