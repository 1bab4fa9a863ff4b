import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../layout';
import type { IssueFilter, KindCount, SeverityFilter } from './issues';
import { kindLabel } from './kinds';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  kinds: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  kind: { justifyContent: 'space-between', width: '100%', textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  dot: { display: 'inline-block', width: '8px', height: '8px', borderRadius: '50%', marginRight: tokens.spacingHorizontalXS, flexShrink: 0 },
  errorDot: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warningDot: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  hidden: visuallyHidden,
  label: { display: 'flex', alignItems: 'center', minWidth: 0, overflowWrap: 'anywhere' },
});

/** Errors / warnings, then the kinds with their counts; picking a kind again shows every kind. */
export function IssueFilters({ kinds, filter, onChange, errors, warnings }: {
  kinds: KindCount[];
  filter: IssueFilter;
  onChange: (filter: IssueFilter) => void;
  errors: number;
  warnings: number;
}) {
  const styles = useStyles();
  const severities: { value: SeverityFilter; label: string }[] = [
    { value: 'all', label: `All ${errors + warnings}` },
    { value: 'error', label: `Errors ${errors}` },
    { value: 'warning', label: `Warnings ${warnings}` },
  ];
  const shownKinds = kinds.filter((k) => filter.severity === 'all' || k.severity === filter.severity);
  return (
    <>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Show</legend>
        {severities.map((s) => (
          <ToggleButton
            key={s.value}
            size="small"
            checked={filter.severity === s.value}
            onClick={() => onChange({ severity: s.value, kind: null })}
          >
            {s.label}
          </ToggleButton>
        ))}
      </fieldset>
      {shownKinds.length > 0 && (
        <ul className={styles.kinds} aria-label="Kinds of issue">
          {shownKinds.map((k) => (
            <li key={k.code}>
              <ToggleButton
                className={styles.kind}
                appearance="subtle"
                size="small"
                checked={filter.kind === k.code}
                onClick={() => onChange({ ...filter, kind: filter.kind === k.code ? null : k.code })}
              >
                {/* The name is the visible text, "Not a date 3", with words for the dot and the number. */}
                <span className={styles.label}>
                  <span className={`${styles.dot} ${k.severity === 'error' ? styles.errorDot : styles.warningDot}`} aria-hidden="true" />
                  {kindLabel(k.code)}
                  <span className={styles.hidden}>:</span>
                </span>{' '}
                <span>
                  {k.count}
                  <span className={styles.hidden}> {k.severity === 'error' ? 'error' : 'warning'}{k.count === 1 ? '' : 's'}</span>
                </span>
              </ToggleButton>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
