import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses } from '@fluentui/react-components';
import { useLayoutStyles } from './layout';

export interface Column<T> {
  key: string;
  heading: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A plain table of rows, scrolling sideways inside its card when narrow, with a caption for screen readers. */
export function DataTable<T>({ caption, columns, rows, rowKey, tall, footer }: { caption: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; tall?: boolean; footer?: ReactNode[] }) {
  const styles = useLayoutStyles();
  return (
    <div className={mergeClasses(styles.scroll, tall && styles.tall)} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small" aria-label={caption} className={styles.table}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} className={c.numeric ? styles.number : styles.nowrap} button={c.numeric ? { className: styles.numberHead } : undefined}>
                {c.heading}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={rowKey(r)}>
              {columns.map((c) => (
                <TableCell key={c.key} className={c.numeric ? styles.number : undefined}>
                  {c.cell(r)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {footer && (
            <TableRow>
              {footer.map((f, i) => (
                <TableCell key={i} className={columns[i]?.numeric ? styles.number : undefined}>
                  <strong>{f}</strong>
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
