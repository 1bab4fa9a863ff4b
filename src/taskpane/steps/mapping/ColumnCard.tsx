import { useId } from 'react';
import { Badge, Button, Dropdown, Field, MessageBar, MessageBarBody, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { MappingChoice } from '../../../core/check';
import type { ColumnMapping } from '../../../core/report';
import { choiceLabel, choiceOptions, decodeChoice, encodeChoice, suggested } from './mapping';

const NO_FIELD = '';
const OPTIONS = choiceOptions();

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
export function ColumnCard({ column, samples, value, onChange, doubt, confirmed, onConfirm }: {
  column: ColumnMapping;
  samples: string[];
  value: MappingChoice;
  onChange: (choice: MappingChoice) => void;
  /** Why the engine is unsure of this column (`uncertain_mapping`); the person must confirm it. */
  doubt?: string;
  confirmed?: boolean;
  onConfirm?: () => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  const changed = encodeChoice(value) !== encodeChoice(suggested(column));
  const part = value !== null && typeof value === 'object' && value.combine;
  const badge = confidenceBadge(column.confidence);
  const heading = column.header || '(no heading)';
  return (
    <li className={styles.card} aria-labelledby={titleId}>
      <h3 className={styles.title} id={titleId}>
        <span className={styles.letter}>Column {column.column}: </span>
        {heading}
        {part ? <span className={styles.letter}> → {choiceLabel(value)}</span> : null}
      </h3>
      {doubt && (
        <MessageBar intent={confirmed ? 'success' : 'warning'}>
          <MessageBarBody>
            {confirmed ? 'Confirmed by you.' : doubt}{' '}
            {!confirmed && onConfirm && (
              <Button size="small" onClick={onConfirm} aria-label={`Confirm column ${column.column}: ${choiceLabel(value)}`}>
                Confirm
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.samples}>
        {samples.length ? <>e.g. {samples.map((s) => `“${s}”`).join(', ')}</> : 'No values below the heading'}
      </p>
      <Field label={`Field for column ${column.column}`}>
        <Dropdown
          className={styles.dropdown}
          value={choiceLabel(value)}
          selectedOptions={[encodeChoice(value)]}
          onOptionSelect={(_, data) => onChange(decodeChoice(data.optionValue ?? NO_FIELD))}
        >
          <Option value={NO_FIELD} text="No field">
            No field (not sent)
          </Option>
          {OPTIONS.map((o) => (
            <Option key={o.value} value={o.value} text={o.text}>
              {o.required ? `${o.text} (required)` : o.text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {changed ? (
        <p className={styles.why}>
          Changed by you; we suggested {column.field ? `“${choiceLabel(suggested(column))}”` : 'no field'}.
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
