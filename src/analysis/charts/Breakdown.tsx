import { makeStyles, tokens } from '@fluentui/react-components';
import { DataTable, type Column } from '../DataTable';
import { Figure } from '../Figure';
import { useLayoutStyles } from '../layout';
import { count, counted } from '../format';
import { labelOf, orderedKeys } from '../labels';
import type { Counts } from '../types';

const useStyles = makeStyles({
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  bar: { display: 'grid', gridTemplateColumns: 'minmax(8em, 14em) minmax(0, 1fr)', alignItems: 'center', gap: tokens.spacingHorizontalS, '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  track: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  fill: { height: '14px', minWidth: '2px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  value: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200 },
});

/**
 * Events and attendees under each option of one field (audience, event type),
 * as bars of events with the attendees beside, and as a table.
 */
export function Breakdown({ title, enumeration, counts, note }: { title: string; enumeration: 'audience' | 'event_type'; counts: Record<string, Counts>; note?: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const keys = orderedKeys(enumeration, Object.keys(counts)).filter((k) => k !== 'unknown' || (counts[k]?.events ?? 0) > 0);
  const max = Math.max(1, ...keys.map((k) => counts[k]?.events ?? 0));
  const chart = (
    <ul className={styles.bars} aria-label={`${title}: events and attendees`} data-testid={`bars-${enumeration}`}>
      {keys.map((k) => {
        const c = counts[k] ?? { events: 0, attendees: 0 };
        return (
          <li key={k} className={styles.bar}>
            <span>{labelOf(enumeration, k)}</span>
            <span className={styles.track}>
              <span className={styles.fill} style={{ width: `${(c.events / max) * 75}%` }} aria-hidden="true" />
              <span className={styles.value}>
                {counted(c.events, 'event')} · {counted(c.attendees, 'attendee')}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
  const columns: Column<string>[] = [
    { key: 'option', heading: title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()), cell: (k) => labelOf(enumeration, k) },
    { key: 'events', heading: 'Events', numeric: true, cell: (k) => count(counts[k]?.events ?? 0) },
    { key: 'attendees', heading: 'Attendees', numeric: true, cell: (k) => count(counts[k]?.attendees ?? 0) },
  ];
  const total = keys.reduce((t, k) => ({ events: t.events + (counts[k]?.events ?? 0), attendees: t.attendees + (counts[k]?.attendees ?? 0) }), { events: 0, attendees: 0 });
  const table = <DataTable caption={`${title}: events and attendees`} columns={columns} rows={keys} rowKey={(k) => k} footer={[enumeration === 'audience' ? 'Total (an event counts under each audience)' : 'Total', count(total.events), count(total.attendees)]} />;
  return (
    <Figure title={title} chart={chart} table={table}>
      {note && <p className={layout.intro}>{note}</p>}
    </Figure>
  );
}
