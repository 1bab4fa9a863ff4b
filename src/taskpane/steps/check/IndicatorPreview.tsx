import { useId } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Summary } from '../../../core/report';
import { COLLECTION } from '../../collection';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, paddingBottom: tokens.spacingVerticalXS },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'right', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, fontVariantNumeric: 'tabular-nums', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  note: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, paddingTop: tokens.spacingVerticalXS },
  rowHead: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
});

const SHORT: Record<string, string> = {
  touchpoint: 'Touchpoints',
  level_one: 'Level one',
  level_two: 'Level two',
  day_of_young_child: 'Day of the Young Child',
};

/** The indicator as the sheet stands: events and attendees per engagement level. */
export function IndicatorPreview({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const id = useId();
  const levels = COLLECTION.enumerations.engagement ?? [];
  const total = levels.reduce(
    (t, l) => {
      const c = summary.byEngagement[l.id];
      return { events: t.events + (c?.events ?? 0), attendees: t.attendees + (c?.attendees ?? 0) };
    },
    { events: 0, attendees: 0 },
  );
  return (
    <table className={styles.table} aria-describedby={id}>
      <caption className={styles.caption}>The indicator</caption>
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            Engagement
          </th>
          <th className={styles.num} scope="col">
            Events
          </th>
          <th className={styles.num} scope="col">
            Attendees
          </th>
        </tr>
      </thead>
      <tbody>
        {levels.map((l) => {
          const c = summary.byEngagement[l.id];
          return (
            <tr key={l.id}>
              <th className={styles.rowHead} scope="row">
                {SHORT[l.id] ?? l.label}
              </th>
              <td className={styles.num}>{(c?.events ?? 0).toLocaleString('en-US')}</td>
              <td className={styles.num}>{(c?.attendees ?? 0).toLocaleString('en-US')}</td>
            </tr>
          );
        })}
        <tr>
          <th className={styles.rowHead} scope="row">
            <strong>Total</strong>
          </th>
          <td className={styles.num}>
            <strong>{total.events.toLocaleString('en-US')}</strong>
          </td>
          <td className={styles.num}>
            <strong>{total.attendees.toLocaleString('en-US')}</strong>
          </td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} id={id} className={styles.note}>
            From the rows as they are now: counts change as you fix cells.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
