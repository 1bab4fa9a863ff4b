import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { STEPS, type StepName } from './flow';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Where the person is: "1 Sheet · 2 Columns · 3 Check · 4 Submit", the current one marked. */
export function StepNav({ current }: { current: StepName }) {
  const styles = useStyles();
  return (
    <nav aria-label="Steps">
      <ol className={styles.list}>
        {STEPS.map((s, i) => (
          <li
            key={s.name}
            className={mergeClasses(styles.item, s.name === current && styles.current)}
            aria-current={s.name === current ? 'step' : undefined}
          >
            <span aria-hidden="true">{i + 1}</span>
            <span>{s.label}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
