import { makeStyles, tokens } from '@fluentui/react-components';
import { count } from './format';
import { labelOf, orderedKeys } from './labels';
import type { Counts } from './types';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    '@media (max-width: 900px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
    '@media (max-width: 420px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderTop: `4px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  sub: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
});

/** The indicator's four numbers: events per engagement level, with their attendees. */
export function Tiles({ indicator }: { indicator: Record<string, Counts> }) {
  const styles = useStyles();
  const keys = orderedKeys('engagement', Object.keys(indicator));
  return (
    <ul className={styles.tiles} aria-label="The indicator: events and attendees by engagement level">
      {keys.map((k) => {
        const c = indicator[k] ?? { events: 0, attendees: 0 };
        return (
          <li key={k} className={styles.tile} data-level={k}>
            <span className={styles.label}>{labelOf('engagement', k)}</span>
            <span className={styles.value} data-testid={`tile-${k}-events`}>
              {count(c.events)}
            </span>
            <span className={styles.sub}>
              event{c.events === 1 ? '' : 's'} · <span data-testid={`tile-${k}-attendees`}>{count(c.attendees)}</span> attendee{c.attendees === 1 ? '' : 's'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
