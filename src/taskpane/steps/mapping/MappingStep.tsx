import { useId, useMemo, useState, type Dispatch } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { checkOptions, type FlowAction, type FlowState, type Mapping } from '../../flow';
import { useHostServices } from '../../HostContext';
import { COLLECTION } from '../../collection';
import { sampleValues } from '../../cells';
import { CANCELLED, errorMessage, isCancelled } from '../../errors';
import { useStepStyles } from '../layout';
import { StepSection } from '../StepSection';
import { ColumnLine } from './ColumnLine';
import { blockingReason, lineOrder, lineStates, needsAttention } from './lines';
import { duplicateFields, initialMapping, tableGroups, toMappings, uncertainColumns, unmappedRequired, type TableGroup } from './mapping';

type MappingState = Extract<FlowState, { step: 'mapping' }>;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Always in view at the bottom of the pane: the primary action and why it cannot run yet.
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
  reason: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** "Jan", "Jan and Feb", "Jan, Feb, Mar and 2 more" */
export function sheetNames(sheets: string[]): string {
  const shown = sheets.slice(0, 3).map((s) => `“${s}”`);
  if (sheets.length > 3) return `${shown.join(', ')} and ${sheets.length - 3} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Step 2: which of the partner's columns is which agreed field, once per set of tables with the same headings. */
export function MappingStep({ state, dispatch }: { state: MappingState; dispatch: Dispatch<FlowAction> }) {
  const { engine, host } = useHostServices();
  const styles = useStyles();
  const step = useStepStyles();
  const { report, choice, workbook } = state;
  const groups = useMemo(() => tableGroups(report), [report]);
  const [mappings, setMappings] = useState<Mapping[]>(() => groups.map((g) => initialMapping(g, state.saved)));
  const [confirmed, setConfirmed] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blockedId = useId();

  const doubts = useMemo(() => groups.map((g) => uncertainColumns(report.issues, g)), [groups, report.issues]);
  const unconfirmed = doubts.reduce((n, d, g) => n + [...d.keys()].filter((c) => !confirmed.has(`${g}:${c}`)).length, 0);
  const duplicates = mappings.map(duplicateFields);
  const hasDuplicates = duplicates.some((d) => d.size > 0);

  const setChoice = (g: number, column: string, value: Mapping[string]) => {
    setMappings((all) => all.map((m, i) => (i === g ? { ...m, [column]: value } : m)));
    // Choosing a field yourself is confirming it.
    setConfirmed((s) => new Set(s).add(`${g}:${column}`));
  };
  const confirmAll = () => setConfirmed(new Set(doubts.flatMap((d, g) => [...d.keys()].map((c) => `${g}:${c}`))));

  async function confirm() {
    if (busy || unconfirmed > 0 || hasDuplicates) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const all = toMappings(groups, mappings);
      const checked = await engine(workbook, checkOptions(choice, all));
      // Remembering is a convenience: a failure must not stop the check.
      await Promise.all(
        groups.map((g, i) => {
          const t = g.tables[0];
          const sheet = t?.sheet ?? choice.sheet;
          return host.saveMapping(sheet, { sheet, headerRow: t?.headerRow ?? choice.headerRow, columns: mappings[i] ?? {}, date1904: choice.date1904 }).catch(() => undefined);
        }),
      );
      dispatch({ type: 'mappingConfirmed', mapping: all, report: checked });
    } catch (e) {
      if (isCancelled(e)) setNotice(CANCELLED.step);
      else setError(`The check could not run: ${errorMessage(e)}`);
      setBusy(false);
    }
  }

  const unconfirmedColumns = doubts.flatMap((d, g) => [...d.keys()].filter((c) => !confirmed.has(`${g}:${c}`)));
  const blocked = blockingReason(unconfirmedColumns, duplicates, groups.map((g) => g.sheets));

  return (
    <StepSection title="Which column is which?">
      <p className={step.intro}>
        {state.saved.length ? 'We used the columns you confirmed last time.' : 'Check our suggestions and change any that are wrong.'} Columns that need you are first and open; the others are folded: open one to change it.
      </p>
      {unconfirmed > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Please confirm</MessageBarTitle>
            We are unsure of {unconfirmed === 1 ? 'one column' : `${unconfirmed} columns`}, shown first. Check each and confirm it, or change it.{' '}
            <Button size="small" onClick={confirmAll}>
              Confirm all
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.length === 0 && <p>No table of events has headings. Go back and pick the row with your column headings.</p>}
      {groups.map((g, i) => (
        <GroupSection
          key={g.tables.map((t) => `${t.sheet ?? ''}!${t.headerRow}`).join('|')}
          group={g}
          index={i}
          many={groups.length > 1}
          shared={g.sheets.length === 1 && groups.some((o) => o !== g && o.sheets.includes(g.sheets[0]!))}
          mapping={mappings[i] ?? {}}
          duplicates={duplicates[i] ?? new Map()}
          doubts={doubts[i] ?? new Map()}
          confirmed={confirmed}
          samplesOf={(column) => {
            const t = g.tables[0];
            const sheet = workbook.sheets.find((s) => s.name === (t?.sheet ?? choice.sheet)) ?? (workbook.source === 'csv' ? workbook.sheets[0] : undefined);
            return sheet && t ? sampleValues(sheet, t.headerRow, column, choice.date1904) : [];
          }}
          onChange={(column, value) => setChoice(i, column, value)}
          onConfirm={(column) => setConfirmed((s) => new Set(s).add(`${i}:${column}`))}
        />
      ))}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <p id={blockedId} className={styles.reason} aria-live="polite">
          {blocked ?? (busy ? 'Checking…' : 'Ready: every column has its field.')}
        </p>
        <div className={step.actions}>
          <Button onClick={() => dispatch({ type: 'back' })}>Back</Button>
          <Button
            appearance="primary"
            onClick={() => void confirm()}
            disabledFocusable={busy || blocked !== null}
            aria-describedby={blocked ? blockedId : undefined}
          >
            Confirm and check
          </Button>
        </div>
      </div>
    </StepSection>
  );
}

function GroupSection({ group, index, many, shared, mapping, duplicates, doubts, confirmed, samplesOf, onChange, onConfirm }: {
  group: TableGroup;
  index: number;
  many: boolean;
  /** Its one sheet holds tables of other groups too (blocks stacked under other headings). */
  shared: boolean;
  mapping: Mapping;
  duplicates: Map<string, string[]>;
  doubts: Map<string, string>;
  confirmed: Set<string>;
  samplesOf: (column: string) => string[];
  onChange: (column: string, value: Mapping[string]) => void;
  onConfirm: (column: string) => void;
}) {
  const step = useStepStyles();
  const styles = useStyles();
  const missing = unmappedRequired(mapping, COLLECTION.fields);
  const first = group.tables[0];
  // A sheet holding tables under other headings too: the table says its row.
  const own = shared && first ? `, headings in row ${first.headerRow}` : '';
  const title = group.sheets.length > 1 ? `Applies to ${sheetNames(group.sheets)}` : group.sheets[0] ? `Sheet “${group.sheets[0]}”${own}` : 'Your columns';
  const states = lineStates(group.columns, mapping, duplicates, doubts, (c) => confirmed.has(`${index}:${c}`));
  // Worked out once: the lines that need the person first and open, and they stay where they are.
  const [order] = useState(() => lineOrder(group.columns, states));
  const [open, setOpen] = useState<Set<string>>(() => new Set(group.columns.filter((c) => needsAttention(states.get(c.column))).map((c) => c.column)));
  const byLetter = new Map(group.columns.map((c) => [c.column, c]));
  const folded = group.columns.length - open.size;
  const headingId = `mapping-group-${index}`;
  const toggle = (column: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(column)) next.delete(column);
      else next.add(column);
      return next;
    });
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <h3 className={step.subheading} id={headingId}>
        {title}
      </h3>
      <p className={step.muted}>
        Headings in row {first?.headerRow ?? '?'}
        {many ? `; ${group.tables.length === 1 ? 'this table has' : 'these tables have'} ${index === 0 ? 'the first table’s headings' : 'headings of their own'}.` : '.'}
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
      <ul className={styles.list} aria-label={many ? `Columns: ${title}` : 'Your columns'}>
        {order.map((letter) => {
          const c = byLetter.get(letter);
          const state = states.get(letter);
          if (!c || !state) return null;
          return (
            <ColumnLine
              key={letter}
              column={c}
              samples={samplesOf(letter)}
              value={mapping[letter] ?? null}
              onChange={(value) => onChange(letter, value)}
              state={state}
              // A duplicate stays open until it is resolved.
              open={open.has(letter) || state.kind === 'duplicate'}
              onToggle={() => toggle(letter)}
              {...(doubts.has(letter) ? { doubt: doubts.get(letter), onConfirm: () => onConfirm(letter) } : {})}
            />
          );
        })}
      </ul>
      {folded > 0 && (
        <div className={step.actions}>
          <Button size="small" appearance="secondary" onClick={() => setOpen(new Set(group.columns.map((c) => c.column)))}>
            Open all {group.columns.length} columns
          </Button>
        </div>
      )}
    </section>
  );
}
