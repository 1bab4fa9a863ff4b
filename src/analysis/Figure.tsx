import { useId, useState, type ReactNode } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { useLayoutStyles } from './layout';

/**
 * A chart with its numbers one click away: a "Chart" and a "Table" tab
 * (arrow keys move between them, as in any tab list).
 */
export function Figure({ title, chart, table, controls, children }: { title: string; chart: ReactNode; table: ReactNode; controls?: ReactNode; children?: ReactNode }) {
  const styles = useLayoutStyles();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = useId();
  return (
    <section className={styles.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.heading}>
        {title}
      </h2>
      {children}
      <div className={styles.actions}>
        <TabList size="small" selectedValue={view} onTabSelect={(_, d) => setView(d.value === 'table' ? 'table' : 'chart')} aria-label={`${title}: chart or table`}>
          <Tab value="chart" id={`${id}-chart-tab`} aria-controls={`${id}-panel`}>
            Chart
          </Tab>
          <Tab value="table" id={`${id}-table-tab`} aria-controls={`${id}-panel`}>
            Table
          </Tab>
        </TabList>
        {controls}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-${view}-tab`}>
        {view === 'chart' ? chart : table}
      </div>
    </section>
  );
}
