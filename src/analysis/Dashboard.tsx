import { Link, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Breakdown } from './charts/Breakdown';
import { TrendChart } from './charts/TrendChart';
import { count, formatDay } from './format';
import { Gaps } from './Gaps';
import { useLayoutStyles } from './layout';
import { ZipMap } from './map/ZipMap';
import { Overlap } from './Overlap';
import { Tiles } from './Tiles';
import { Tracker } from './tracker/Tracker';
import type { AnalysisView } from './types';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  wide: { gridColumn: '1 / -1' },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
  anchor: { scrollMarginTop: tokens.spacingVerticalL, minWidth: 0 },
});

/** The analysis, part by part; the tracker only when the answer has it (the data team's). */
export function Dashboard({ analysis, today }: { analysis: AnalysisView; today: Date }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const parts = [
    ...(analysis.partners ? [['tracker', 'Who has submitted']] : []),
    ['indicator', 'Indicator'],
    ['trend', 'Month by month'],
    ['audience', 'Audience'],
    ['type', 'Event type'],
    ['map', 'Map'],
    ['gaps', 'Gaps'],
    ['overlap', 'Overlap'],
  ] as const;
  const total = Object.values(analysis.indicator).reduce((t, c) => ({ events: t.events + c.events, attendees: t.attendees + c.attendees }), { events: 0, attendees: 0 });
  const { outOfPeriod, noEngagement, notHeld = 0 } = analysis.notCounted;
  return (
    <>
      <nav aria-label="Parts of the analysis">
        <ul className={styles.nav}>
          {parts.map(([key, label]) => (
            <li key={key}>
              <Link href={`#${key}`}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {!analysis.partners && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>You are signed in as a partner: you see the analysis of the whole data set. Who has or has not submitted is for the data team only.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        {analysis.partners && (
          <div id="tracker" className={mergeClasses(styles.anchor, styles.wide)}>
            <Tracker partners={analysis.partners} deadline={analysis.deadline} today={today} />
          </div>
        )}
        <section id="indicator" className={mergeClasses(styles.anchor, styles.wide, layout.card)} aria-labelledby="indicator-title">
          <h2 id="indicator-title" className={layout.heading}>
            The indicator, {formatDay(analysis.period.start)} to {formatDay(analysis.period.end)}
          </h2>
          <Tiles indicator={analysis.indicator} />
          <p className={layout.muted}>
            {count(total.events)} events and {count(total.attendees)} attendees in all. {analysis.counting}
            {outOfPeriod + noEngagement + notHeld > 0 && ` Not counted: ${count(outOfPeriod)} dated outside the period, ${count(noEngagement)} with no engagement level, ${count(notHeld)} marked by the partner as not held.`}
          </p>
        </section>
        <div id="trend" className={mergeClasses(styles.anchor, styles.wide)}>
          <TrendChart analysis={analysis} />
        </div>
        <div id="audience" className={styles.anchor}>
          <Breakdown title="By audience" enumeration="audience" counts={analysis.byAudience} note="An event for several audiences counts under each, so these add up to more than the indicator." />
        </div>
        <div id="type" className={styles.anchor}>
          <Breakdown title="By event type" enumeration="event_type" counts={analysis.byEventType} note="A type outside the collection's list counts under Other; these add up to the indicator." />
        </div>
        <div id="map" className={styles.anchor}>
          <ZipMap analysis={analysis} />
        </div>
        <div id="gaps" className={styles.anchor}>
          <Gaps analysis={analysis} />
        </div>
        <div id="overlap" className={mergeClasses(styles.anchor, styles.wide)}>
          <Overlap analysis={analysis} />
        </div>
      </div>
    </>
  );
}
