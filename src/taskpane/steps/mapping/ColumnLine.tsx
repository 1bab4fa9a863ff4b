import { useId } from 'react';
import { Badge, Button, Dropdown, Field, MessageBar, MessageBarBody, Option, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MappingChoice } from '../../../core/check';
import type { ColumnMapping } from '../../../core/report';
import { visuallyHidden } from '../layout';
import { choiceLabel, choiceOptions, decodeChoice, encodeChoice, suggested } from './mapping';
import type { LineState } from './lines';

const NO_FIELD = '';
const OPTIONS = choiceOptions();

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  open: { paddingBottom: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightRegular },
  toggle: {
    width: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    gap: tokens.spacingHorizontalXS,
  },
  chevron: { flexShrink: 0, width: '1em', color: tokens.colorNeutralForeground2 },
  letter: { flexShrink: 0, minWidth: '1.6em', color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  header: { fontWeight: tokens.fontWeightSemibold },
  arrow: { color: tokens.colorNeutralForeground3 },
  unmapped: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  mark: { flexShrink: 0, marginLeft: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  ask: { color: tokens.colorPaletteDarkOrangeForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: `calc(1em + ${tokens.spacingHorizontalS})`,
    paddingRight: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  samples: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  why: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  dropdown: { minWidth: 0, width: '100%' },
  hidden: visuallyHidden,
});

/** How sure the engine is, in words and colour. */
function confidenceBadge(confidence: number): { text: string; color: 'success' | 'warning' | 'danger' } {
  const text = `${Math.round(confidence * 100)}% sure`;
  if (confidence >= 0.8) return { text, color: 'success' };
  if (confidence >= 0.5) return { text, color: 'warning' };
  return { text, color: 'danger' };
}

/** The mark at the end of a line: a sign for the eye, and words for a screen reader. */
function markOf(state: LineState): { sign: string; words: string; tone: 'ok' | 'ask' | 'bad' | 'none' } {
  switch (state.kind) {
    case 'duplicate':
      return { sign: `✗ also ${state.others.join(', ')}`, words: `(same field as column ${state.others.join(' and ')})`, tone: 'bad' };
    case 'uncertain':
      return { sign: '? confirm', words: '(please confirm)', tone: 'ask' };
    case 'unmapped':
      return { sign: 'not sent', words: '', tone: 'none' };
    case 'confirmed':
      return { sign: '✓', words: '(confirmed by you)', tone: 'ok' };
    case 'changed':
      return { sign: '✓', words: '(chosen by you)', tone: 'ok' };
    case 'sure':
      return { sign: '✓', words: '', tone: 'ok' };
  }
}

/**
 * One of the partner's columns on one line, "B  Activity Date → Date of event ✓",
 * which opens to show a few values, why we suggested the field, and the field
 * list. Lines that need the person's eye are open from the start.
 */
export function ColumnLine({ column, samples, value, onChange, state, doubt, open, onToggle, onConfirm }: {
  column: ColumnMapping;
  samples: string[];
  value: MappingChoice;
  onChange: (choice: MappingChoice) => void;
  state: LineState;
  /** Why the engine is unsure of this column (`uncertain_mapping`). */
  doubt?: string;
  open: boolean;
  onToggle: () => void;
  onConfirm?: () => void;
}) {
  const styles = useStyles();
  const bodyId = useId();
  const changed = encodeChoice(value) !== encodeChoice(suggested(column));
  const badge = confidenceBadge(column.confidence);
  const heading = column.header || '(no heading)';
  const mark = markOf(state);
  return (
    <li className={mergeClasses(styles.item, open && styles.open)} data-column={column.column}>
      <h3 className={styles.heading}>
        <Button appearance="subtle" className={styles.toggle} aria-expanded={open} aria-controls={open ? bodyId : undefined} onClick={onToggle}>
          <span className={styles.chevron} aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className={styles.letter}>
            <span className={styles.hidden}>Column </span>
            {`${column.column}:`}
          </span>{' '}
          <span className={styles.text}>
            <span className={styles.header}>{heading}</span> <span className={styles.arrow} aria-hidden="true">→</span>
            <span className={styles.hidden}>to</span>{' '}
            <span className={value === null ? styles.unmapped : undefined}>{value === null ? 'No field' : choiceLabel(value)}</span>
          </span>{' '}
          <span className={mergeClasses(styles.mark, styles[mark.tone])}>
            <span aria-hidden="true">{mark.sign}</span>
            {mark.words && <span className={styles.hidden}>{mark.words}</span>}
          </span>
        </Button>
      </h3>
      {open && (
        <div className={styles.body} id={bodyId}>
          {doubt && (
            <MessageBar intent={state.kind === 'uncertain' ? 'warning' : 'success'}>
              <MessageBarBody>
                {state.kind === 'uncertain' ? doubt : 'Confirmed by you.'}{' '}
                {state.kind === 'uncertain' && onConfirm && (
                  <Button size="small" onClick={onConfirm} aria-label={`Confirm column ${column.column}: ${choiceLabel(value)}`}>
                    Confirm
                  </Button>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {state.kind === 'duplicate' && (
            <p className={mergeClasses(styles.why, styles.bad)}>
              Column {state.others.join(' and ')} {state.others.length === 1 ? 'is' : 'are'} “{choiceLabel(value)}” too: choose a field for one of them, or No field.
            </p>
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
            <p className={styles.why}>Changed by you; we suggested {column.field ? `“${choiceLabel(suggested(column))}”` : 'no field'}.</p>
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
        </div>
      )}
    </li>
  );
}
