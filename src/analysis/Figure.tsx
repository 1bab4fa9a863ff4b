import { useId, useState, type ReactNode } from 'react';
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutStyles } from './layout';

const useStyles = makeStyles({
  views: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS },
});

/**
 * A chart with its numbers one click away: "Chart" and "Table" buttons, the
 * one showing pressed. (Plain buttons rather than a Fluent TabList, whose
 * focus guards axe reports as focusable content hidden from assistive technology.)
 */
export function Figure({ title, chart, table, controls, children }: { title: string; chart: ReactNode; table: ReactNode; controls?: ReactNode; children?: ReactNode }) {
  const styles = useLayoutStyles();
  const own = useStyles();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = useId();
  return (
    <section className={styles.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.heading}>
        {title}
      </h2>
      {children}
      <div className={styles.actions}>
        <div role="group" aria-label={`${title}: show as`} className={own.views}>
          <ToggleButton size="small" checked={view === 'chart'} onClick={() => setView('chart')} aria-controls={`${id}-view`}>
            Chart
          </ToggleButton>
          <ToggleButton size="small" checked={view === 'table'} onClick={() => setView('table')} aria-controls={`${id}-view`}>
            Table
          </ToggleButton>
        </div>
        {controls}
      </div>
      <div id={`${id}-view`}>{view === 'chart' ? chart : table}</div>
    </section>
  );
}
