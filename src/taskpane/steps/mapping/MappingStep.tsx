import { useMemo, useState, type Dispatch } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { FlowAction, FlowState, Mapping } from '../../flow';
import { useHostServices } from '../../HostContext';
import { COLLECTION, fieldLabel } from '../../collection';
import { sampleValues } from '../../cells';
import { errorMessage } from '../../errors';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';
import { ColumnCard } from './ColumnCard';
import { duplicateFields, initialMapping, unmappedRequired } from './mapping';

type MappingState = Extract<FlowState, { step: 'mapping' }>;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
});

/** Step 2: which of the partner's columns is which agreed field. */
export function MappingStep({ state, dispatch }: { state: MappingState; dispatch: Dispatch<FlowAction> }) {
  const { engine, host } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const { report, choice, workbook } = state;
  const [mapping, setMapping] = useState<Mapping>(() => initialMapping(report, state.saved));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sheet = workbook.sheets.find((s) => s.name === choice.sheet);
  const samples = useMemo(
    () => new Map(report.columns.map((c) => [c.column, sheet ? sampleValues(sheet, choice.headerRow, c.column, choice.date1904) : []])),
    [report.columns, sheet, choice.headerRow, choice.date1904],
  );
  const missing = unmappedRequired(mapping, COLLECTION.fields);
  const duplicates = duplicateFields(mapping);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const checked = engine(workbook, { sheet: choice.sheet, headerRow: choice.headerRow, mapping });
      // Remembering is a convenience: a failure must not stop the check.
      await host
        .saveMapping(choice.sheet, { sheet: choice.sheet, headerRow: choice.headerRow, columns: mapping, date1904: choice.date1904 })
        .catch(() => undefined);
      dispatch({ type: 'mappingConfirmed', mapping, report: checked });
    } catch (e) {
      setError(`The check could not run: ${errorMessage(e)}`);
      setBusy(false);
    }
  }

  return (
    <StepSection title="Which column is which?">
      <p className={step.intro}>
        Sheet “{choice.sheet}”, headings in row {choice.headerRow}.
        {state.saved ? ' We used the columns you confirmed last time.' : ' Check our suggestions and change any that are wrong.'}
      </p>
      {missing.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Required fields without a column</MessageBarTitle>
            {missing.map((f) => f.label).join(', ')}. Pick the column for each below, or the check will report them missing.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success">
          <MessageBarBody>Every required field has a column.</MessageBarBody>
        </MessageBar>
      )}
      {[...duplicates].map(([field, columns]) => (
        <MessageBar key={field} intent="warning">
          <MessageBarBody>
            Columns {columns.join(' and ')} are both “{fieldLabel(field)}”. Only one column can be each field.
          </MessageBarBody>
        </MessageBar>
      ))}
      {report.columns.length === 0 ? (
        <p>Row {choice.headerRow} has no headings. Go back and pick the row with your column headings.</p>
      ) : (
        <ul className={styles.list} aria-label="Your columns">
          {report.columns.map((c) => (
            <ColumnCard
              key={c.column}
              column={c}
              samples={samples.get(c.column) ?? []}
              value={mapping[c.column] ?? null}
              onChange={(field) => setMapping((m) => ({ ...m, [c.column]: field }))}
            />
          ))}
        </ul>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={step.actions}>
        <Button onClick={() => dispatch({ type: 'back' })}>Back</Button>
        <Button appearance="primary" onClick={() => void confirm()} disabled={busy || duplicates.size > 0}>
          Confirm and check
        </Button>
      </div>
    </StepSection>
  );
}
