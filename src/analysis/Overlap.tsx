import { useId, useState } from 'react';
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DataTable, type Column } from './DataTable';
import { count } from './format';
import { labelOf, monthLabel } from './labels';
import { useLayoutStyles } from './layout';
import type { AnalysisView } from './types';

const FIRST = 25;

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  shared: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  self: { color: tokens.colorNeutralForeground3 },
  rowHead: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
});

type Cell = AnalysisView['overlap'][number];

/**
 * Where two or more partners serve the same audience in the same ZIP and
 * month, and for each pair of partners how many such cells they share.
 */
export function Overlap({ analysis }: { analysis: AnalysisView }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const id = useId();
  const [all, setAll] = useState(false);
  const { overlap, overlapMatrix } = analysis;
  const shown = all ? overlap : overlap.slice(0, FIRST);
  const columns: Column<Cell>[] = [
    { key: 'zip', heading: 'ZIP code', cell: (o) => o.zip },
    { key: 'month', heading: 'Month', cell: (o) => monthLabel(o.month, 'long') },
    { key: 'audience', heading: 'Audience', cell: (o) => labelOf('audience', o.audience) },
    { key: 'partners', heading: 'Partners', cell: (o) => o.partners.join(', ') },
    { key: 'events', heading: 'Events', numeric: true, cell: (o) => count(o.events) },
  ];
  const names = overlapMatrix.partners;
  return (
    <section className={layout.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={layout.heading}>
        Overlap: partners serving the same families
      </h2>
      <p className={layout.intro}>
        A cell is one ZIP code, one month and one audience. {count(overlap.length)} cell{overlap.length === 1 ? ' is' : 's are'} served by two or more partners.
      </p>
      {overlap.length > 0 && (
        <>
          <DataTable caption="Cells served by two or more partners" columns={columns} rows={shown} rowKey={(o) => `${o.zip}|${o.month}|${o.audience}`} tall />
          {overlap.length > FIRST && (
            <div className={layout.actions}>
              <Button onClick={() => setAll(!all)}>{all ? `Show the first ${FIRST}` : `Show all ${count(overlap.length)}`}</Button>
            </div>
          )}
        </>
      )}
      <h3 id={`${id}-matrix`} className={styles.subheading}>
        Partner × partner: shared cells
      </h3>
      {names.length < 2 ? (
        <p className={layout.intro}>The matrix needs two partners who have submitted.</p>
      ) : (
        <div className={layout.scroll} tabIndex={0} role="region" aria-labelledby={`${id}-matrix`}>
          <Table size="small" aria-labelledby={`${id}-matrix`} data-testid="overlap-matrix" className={layout.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Partner</TableHeaderCell>
                {names.map((n) => (
                  <TableHeaderCell key={n} scope="col" className={layout.nowrap} button={{ className: layout.numberHead }}>
                    {n}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {names.map((row, i) => (
                <TableRow key={row}>
                  <TableHeaderCell scope="row" className={styles.rowHead}>
                    {row}
                  </TableHeaderCell>
                  {names.map((col, j) => {
                    const v = overlapMatrix.shared[i]?.[j] ?? 0;
                    return (
                      <TableCell key={col} className={mergeClasses(layout.number, i === j ? styles.self : v > 0 ? styles.shared : undefined)}>
                        {i === j ? '—' : count(v)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
