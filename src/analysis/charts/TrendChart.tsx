import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { DataTable, type Column } from '../DataTable';
import { Figure } from '../Figure';
import { count } from '../format';
import { labelOf, monthLabel, orderedKeys } from '../labels';
import type { AnalysisView } from '../types';
import { useWidth } from '../useWidth';
import { FALLBACK_STYLE, LEVEL_STYLE } from './colors';
import { MetricChoice, type Metric } from './MetricChoice';
import { monthsOf } from './months';

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200 },
  key: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  svg: { display: 'block', overflow: 'visible' },
  axis: { fontSize: '11px', fill: tokens.colorNeutralForeground2 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
});

/** Events (or attendees) each month of the period, one line per engagement level. */
export function TrendChart({ analysis }: { analysis: AnalysisView }) {
  const styles = useStyles();
  const [metric, setMetric] = useState<Metric>('events');
  const [ref, width] = useWidth<HTMLDivElement>();
  const months = monthsOf(analysis.period);
  const byMonth = new Map(analysis.byMonth.map((m) => [m.month, m]));
  const levels = orderedKeys('engagement', Object.keys(analysis.indicator));
  const value = (month: string, level: string) => byMonth.get(month)?.byEngagement[level]?.[metric] ?? 0;
  const unreadable = byMonth.get('unknown');

  const height = 260;
  const margin = { top: 12, right: 12, bottom: 28, left: 44 };
  const x = scalePoint<string>().domain(months).range([margin.left, Math.max(margin.left + 10, width - margin.right)]).padding(0.3);
  const max = Math.max(1, ...months.flatMap((m) => levels.map((l) => value(m, l))));
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const every = width < 420 ? 3 : width < 640 ? 2 : 1;
  const path = (level: string) => line<string>().x((m) => x(m) ?? 0).y((m) => y(value(m, level)))(months) ?? '';
  const noun = metric === 'events' ? 'events' : 'attendees';

  const summary = `Line chart of ${noun} per month, ${monthLabel(months[0] ?? '', 'long')} to ${monthLabel(months[months.length - 1] ?? '', 'long')}, one line per engagement level; the table tab has the numbers.`;

  const chart = (
    <div ref={ref}>
      <ul className={styles.legend} aria-label="Engagement levels">
        {levels.map((l) => {
          const s = LEVEL_STYLE[l] ?? FALLBACK_STYLE;
          return (
            <li key={l} className={styles.key}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} />
              </svg>
              {labelOf('engagement', l)}
            </li>
          );
        })}
      </ul>
      <svg className={styles.svg} width={width} height={height} role="img" aria-label={summary} data-testid="trend-chart">
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line className={styles.grid} x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
            <text className={styles.axis} x={margin.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {count(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % every === 0 ? (
            <text key={m} className={styles.axis} x={x(m)} y={height - margin.bottom + 16} textAnchor="middle">
              {monthLabel(m).slice(0, 3)}
            </text>
          ) : null,
        )}
        {levels.map((l) => {
          const s = LEVEL_STYLE[l] ?? FALLBACK_STYLE;
          return (
            <g key={l} data-level={l}>
              <path d={path(l)} fill="none" stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dash} />
              {months.map((m) => (
                <circle key={m} cx={x(m)} cy={y(value(m, l))} r={3} fill={s.color}>
                  <title>{`${labelOf('engagement', l)}, ${monthLabel(m, 'long')}: ${count(value(m, l))} ${noun}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      {unreadable && (
        <p className={styles.note}>
          {count(unreadable.events)} event{unreadable.events === 1 ? '' : 's'} whose date could not be read count{unreadable.events === 1 ? 's' : ''} in the indicator but {unreadable.events === 1 ? 'has' : 'have'} no month: see the table.
        </p>
      )}
    </div>
  );

  const rows = [...months, ...(unreadable ? ['unknown'] : [])];
  const columns: Column<string>[] = [
    { key: 'month', heading: 'Month', cell: (m) => monthLabel(m, 'long') },
    ...levels.map((l) => ({ key: l, heading: labelOf('engagement', l), numeric: true, cell: (m: string) => count(value(m, l)) })),
    { key: 'total', heading: 'Total', numeric: true, cell: (m) => count(byMonth.get(m)?.[metric] ?? 0) },
  ];
  const totals = ['Total', ...levels.map((l) => count(analysis.indicator[l]?.[metric] ?? 0)), count(levels.reduce((n, l) => n + (analysis.indicator[l]?.[metric] ?? 0), 0))];
  const table = <DataTable caption={`${noun[0]!.toUpperCase()}${noun.slice(1)} by month and engagement level`} columns={columns} rows={rows} rowKey={(m) => m} footer={totals} />;

  const controls = <MetricChoice value={metric} onChange={setMetric} />;

  return <Figure title="Month by month" chart={chart} table={table} controls={controls} />;
}
