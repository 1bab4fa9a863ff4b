import { useId, useMemo, useState } from 'react';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { saveBlob } from '../../taskpane/download';
import { count, daysLeftText, daysUntil, formatDay, formatWhen } from '../format';
import { useLayoutStyles } from '../layout';
import type { TrackerRow } from '../types';
import { TRACKER_HEADINGS, sortLines, trackerCsv, trackerLines, type SortDirection, type TrackerColumn } from './tracker';

const useStyles = makeStyles({
  late: { color: tokens.colorPaletteRedForeground2, fontWeight: tokens.fontWeightSemibold },
});

const NUMBERS: ('records' | 'errors' | 'warnings')[] = ['records', 'errors', 'warnings'];

/**
 * Who has submitted: every signed partner, with its latest submission for
 * the period, sortable by any column (the header buttons), exportable as CSV
 * in the order shown.
 */
export function Tracker({ partners, deadline, today }: { partners: TrackerRow[]; deadline: string; today: Date }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const id = useId();
  // Who has not submitted first: that is what the data team chases.
  const [sort, setSort] = useState<{ column: TrackerColumn; direction: SortDirection }>({ column: 'submitted', direction: 'ascending' });
  const lines = useMemo(() => sortLines(trackerLines(partners, deadline, today), sort.column, sort.direction), [partners, deadline, today, sort]);
  const waiting = lines.filter((l) => !l.submitted).length;
  const left = daysUntil(deadline, today);

  const toggle = (column: TrackerColumn) =>
    setSort((s) => ({ column, direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  const exportCsv = () => saveBlob(new Blob([trackerCsv(lines, deadline)], { type: 'text/csv;charset=utf-8' }), `submission-tracker-${today.toISOString().slice(0, 10)}.csv`);

  return (
    <section className={layout.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={layout.heading}>
        Who has submitted
      </h2>
      <p className={layout.intro} data-testid="tracker-summary">
        {count(lines.length - waiting)} of {count(lines.length)} signed partner{lines.length === 1 ? ' has' : 's have'} submitted. Deadline {formatDay(deadline)}: {left > 0 ? daysLeftText(left) : left === 0 ? 'today' : `passed ${count(-left)} day${left === -1 ? '' : 's'} ago`}.
        {waiting > 0 && ` Not yet submitted: ${lines.filter((l) => !l.submitted).map((l) => l.name).join(', ')}.`}
      </p>
      <div className={layout.actions}>
        <Button onClick={exportCsv} disabled={lines.length === 0}>
          Export as CSV
        </Button>
        <span className={layout.muted}>Sort by a column with its heading button; the CSV keeps the order shown.</span>
      </div>
      <div className={layout.scroll} tabIndex={0} role="region" aria-label="Submission tracker table">
        <Table size="small" sortable aria-labelledby={`${id}-title`} data-testid="tracker" className={layout.table}>
          <TableHeader>
            <TableRow>
              {(Object.keys(TRACKER_HEADINGS) as TrackerColumn[]).map((c) => (
                <TableHeaderCell
                  key={c}
                  sortDirection={sort.column === c ? sort.direction : undefined}
                  onClick={() => toggle(c)}
                  className={layout.nowrap}
                  button={(NUMBERS as TrackerColumn[]).includes(c) ? { className: layout.numberHead } : undefined}
                >
                  {TRACKER_HEADINGS[c]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.org} data-org={l.org}>
                <TableCell>{l.name}</TableCell>
                <TableCell>
                  {l.submitted ? (
                    <Badge appearance="tint" color="success">
                      submitted
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="danger">
                      not submitted
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={layout.nowrap}>{l.submittedAt ? formatWhen(l.submittedAt) : '—'}</TableCell>
                {NUMBERS.map((c) => (
                  <TableCell key={c} className={layout.number}>
                    {l.submitted ? count(l[c]) : '—'}
                  </TableCell>
                ))}
                <TableCell className={layout.nowrap}>
                  <span className={l.days < 0 ? styles.late : undefined}>{l.daysText}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
