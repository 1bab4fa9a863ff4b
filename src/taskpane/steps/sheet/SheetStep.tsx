import { useId, useMemo, useState, type Dispatch } from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FlowAction, FlowState } from '../../flow';
import { useHostServices } from '../../HostContext';
import { rowHeadings } from '../../cells';
import { errorMessage } from '../../errors';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';

type SheetState = Extract<FlowState, { step: 'sheet' }>;

const useStyles = makeStyles({
  headings: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  heading: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  row: { maxWidth: '8rem' },
});

/** Step 1: which sheet holds the events and which row the headings are on. */
export function SheetStep({ state, dispatch }: { state: SheetState; dispatch: Dispatch<FlowAction> }) {
  const { engine, host } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const { workbook } = state;
  const [sheetName, setSheetName] = useState(state.detected.sheet);
  const [headerRowText, setHeaderRowText] = useState(String(state.detected.headerRow));
  const [date1904, setDate1904] = useState(state.detected.date1904);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  const sheet = workbook.sheets.find((s) => s.name === sheetName) ?? workbook.sheets[0];
  const headerRow = Number(headerRowText);
  const rowValid = Number.isInteger(headerRow) && headerRow >= 1 && headerRow <= Math.max(1, sheet?.rows.length ?? 1);
  const headings = useMemo(() => (sheet && rowValid ? rowHeadings(sheet, headerRow) : []), [sheet, headerRow, rowValid]);

  function chooseSheet(name: string) {
    setSheetName(name);
    setError(null);
    // Let the engine find the header row on the newly chosen sheet.
    try {
      const report = engine({ ...workbook, date1904 }, { sheet: name });
      setHeaderRowText(String(report.headerRow ?? 1));
    } catch {
      setHeaderRowText('1');
    }
  }

  async function next() {
    if (!sheet || !rowValid || busy) return;
    const choice = { sheet: sheet.name, headerRow, date1904 };
    const checked = { ...workbook, date1904 };
    setBusy(true);
    try {
      const report = engine(checked, { sheet: choice.sheet, headerRow: choice.headerRow });
      const saved = await host.loadMapping(choice.sheet).catch(() => null);
      const usable = saved && saved.sheet === choice.sheet && saved.headerRow === choice.headerRow ? saved : null;
      dispatch({ type: 'sheetChosen', workbook: checked, choice, report, saved: usable });
    } catch (e) {
      setError(`The check could not run: ${errorMessage(e)}`);
      setBusy(false);
    }
  }

    return (
    <StepSection title="Where are your events?">
      <p className={step.intro}>
        We picked the sheet and the row with your column headings. Change them if they are wrong.
      </p>
      {workbook.sheets.length > 1 ? (
        <Field label="Sheet">
          <Dropdown
            value={sheetName}
            selectedOptions={[sheetName]}
            onOptionSelect={(_, data) => data.optionValue && chooseSheet(data.optionValue)}
          >
            {workbook.sheets.map((s) => (
              <Option key={s.name} value={s.name} text={s.name}>
                {s.hidden ? `${s.name} (hidden)` : s.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <p className={step.wrap}>
          Sheet: <strong>{sheet?.name}</strong>
        </p>
      )}
      <Field
        label="Row with the column headings"
        validationState={rowValid ? 'none' : 'error'}
        validationMessage={rowValid ? undefined : `Enter a row number from 1 to ${sheet?.rows.length ?? 1}.`}
      >
        <Input
          className={styles.row}
          type="number"
          inputMode="numeric"
          min={1}
          max={sheet?.rows.length ?? 1}
          value={headerRowText}
          onChange={(_, data) => setHeaderRowText(data.value)}
        />
      </Field>
      {headings.length > 0 ? (
        <div>
          <p className={step.muted} id={`${headingId}-row`}>
            Headings in row {headerRow}:
          </p>
          <ul className={styles.headings} aria-labelledby={`${headingId}-row`}>
            {headings.map((h, i) => (
              <li key={`${i}-${h}`} className={styles.heading}>
                {h}
              </li>
            ))}
          </ul>
        </div>
      ) : rowValid ? (
        <p className={step.muted}>Row {headerRow} is empty.</p>
      ) : null}
      {!state.date1904Known ? (
        <Checkbox
          checked={date1904}
          onChange={(_, data) => setDate1904(data.checked === true)}
          label="This workbook uses the 1904 date system (saved by an old Mac Excel: dates would read four years early)"
        />
      ) : date1904 ? (
        <p className={step.muted}>This workbook uses the 1904 date system; its dates are read accordingly.</p>
      ) : null}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={step.actions}>
        <Button appearance="primary" onClick={() => void next()} disabled={!rowValid || busy}>
          Next: columns
        </Button>
      </div>
    </StepSection>
  );
}
