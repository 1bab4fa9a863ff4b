import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Issue } from '../../../core/report';
import { fieldLabel } from '../../collection';
import { issueAddress } from './issues';
import { focusQuietly } from '../../focus';
import { visuallyHidden } from '../layout';

/** Issues on one page: a list of a few thousand buttons is slow to draw and to tab through. */
export const PAGE = 50;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  where: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  severity: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  range: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, ':focus': { outline: 'none' } },
  pager: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  hidden: visuallyHidden,
});

/** The issues, each a button that selects its cell. Long lists grow a page at a time. */
export function IssueList({ issues, onGoTo, showSheet = false }: {
  issues: Issue[];
  onGoTo: (issue: Issue, address: string) => void;
  /** Name the sheet of each issue (when several sheets were read). */
  showSheet?: boolean;
}) {
  const styles = useStyles();
  const [page, setPage] = useState(0);
  const range = useRef<HTMLParagraphElement>(null);
  const turned = useRef(false);
  useEffect(() => {
    // After Previous or Next, focus goes to the top of the new page.
    if (turned.current) focusQuietly(range.current);
  }, [page]);
  if (issues.length === 0) return <p>No issues of this kind.</p>;
  const pages = Math.ceil(issues.length / PAGE);
  const from = page * PAGE;
  const visible = issues.slice(from, from + PAGE);
  const turn = (to: number) => {
    turned.current = true;
    setPage(Math.max(0, Math.min(pages - 1, to)));
  };
  return (
    <>
      {pages > 1 && (
        <p className={styles.range} ref={range} tabIndex={-1}>
          Issues {(from + 1).toLocaleString('en-US')}–{(from + visible.length).toLocaleString('en-US')} of {issues.length.toLocaleString('en-US')}
        </p>
      )}
      <ul className={styles.list} aria-label="Issues">
        {visible.map((issue, i) => {
          const address = issueAddress(issue);
          const place = address && showSheet && issue.sheet ? `${issue.sheet} ${address}` : address;
          // An issue about no field is about its row (a duplicate, an event not held), or without one the whole sheet (no events at all).
          const about = issue.field ? fieldLabel(issue.field) : issue.row !== undefined ? 'Whole row' : 'Whole sheet';
          const where = place ? `${place} · ${about}` : showSheet && issue.sheet ? `${issue.sheet} · ${about}` : about;
          const className = mergeClasses(styles.item, issue.severity === 'error' ? styles.error : styles.warning, address ? styles.clickable : undefined);
          // The name read out and matched by voice control is the visible text, led by "Go to" on buttons.
          const body = (
            <>
              <span className={styles.where}>
                {address && <span className={styles.hidden}>Go to </span>}
                {where} <span className={styles.severity}>({issue.severity})</span>{' '}
              </span>
              {issue.message}
            </>
          );
          return (
            <li key={`${issue.sheet ?? ''}-${address ?? issue.field}-${issue.code}-${i}`}>
              {address ? (
                <button type="button" className={className} onClick={() => onGoTo(issue, address)}>
                  {body}
                </button>
              ) : (
                <div className={className}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      {pages > 1 && (
        <nav className={styles.pager} aria-label="Pages of issues">
          <Button size="small" disabledFocusable={page === 0} onClick={() => turn(page - 1)}>
            Previous page
          </Button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <Button size="small" disabledFocusable={page === pages - 1} onClick={() => turn(page + 1)}>
            Next page
          </Button>
        </nav>
      )}
    </>
  );
}
