import { useId } from 'react';
import { Badge, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { ColumnMapping } from '../../../core/report';
import { COLLECTION, fieldLabel } from '../../collection';

const NO_FIELD = '';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  letter: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  samples: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  why: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  dropdown: { minWidth: 0, width: '100%' },
});

/** How sure the engine is, in words and colour. */
function confidenceBadge(confidence: number): { text: string; color: 'success' | 'warning' | 'danger' } {
  const percent = Math.round(confidence * 100);
  if (confidence >= 0.8) return { text: `${percent}% sure`, color: 'success' };
  if (confidence >= 0.5) return { text: `${percent}% sure`, color: 'warning' };
  return { text: `${percent}% sure`, color: 'danger' };
}

/** One of the partner's columns: its heading, a few values, our suggestion and the choice. */
export function ColumnCard({ column, samples, value, onChange }: {
  column: ColumnMapping;
  samples: string[];
  value: string | null;
  onChange: (field: string | null) => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  const changed = value !== column.field;
  const badge = confidenceBadge(column.confidence);
  const heading = column.header || '(no heading)';
  return (
    <li className={styles.card} aria-labelledby={titleId}>
      <h3 className={styles.title} id={titleId}>
        <span className={styles.letter}>Column {column.column}: </span>
        {heading}
      </h3>
      <p className={styles.samples}>
        {samples.length ? <>e.g. {samples.map((s) => `“${s}”`).join(', ')}</> : 'No values below the heading'}
      </p>
      <Field label={`Field for column ${column.column}`}>
        <Dropdown
          className={styles.dropdown}
          value={fieldLabel(value)}
          selectedOptions={[value ?? NO_FIELD]}
          onOptionSelect={(_, data) => onChange(data.optionValue ? data.optionValue : null)}
        >
          <Option value={NO_FIELD} text="No field">
            No field (not sent)
          </Option>
          {COLLECTION.fields.map((f) => (
            <Option key={f.id} value={f.id} text={f.label}>
              {f.requirement === 'required' ? `${f.label} (required)` : f.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {changed ? (
        <p className={styles.why}>
          Changed by you; we suggested {column.field ? `“${fieldLabel(column.field)}”` : 'no field'}.
        </p>
      ) : (
        <div className={styles.line}>
          {column.field ? (
            <Badge appearance="tint" color={badge.color} shape="rounded">
              {badge.text}
            </Badge>
          ) : null}
          <p className={styles.why}>{column.reason}</p>
        </div>
      )}
    </li>
  );
}
