import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../steps/layout';
import { SheetTabs } from './SheetTabs';
import { CellEditor } from './CellEditor';
import { a1, cellAt, columnLetter, type Sheet } from '../../core/workbook';
import { displayCell, parseA1 } from '../cells';
import type { BrowserHost, CellMark } from './BrowserHost';

const ROW_HEIGHT = 28;
const OVERSCAN = 8;
const ROW_HEADER_WIDTH = 44;
const COLUMN_WIDTH = 112;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '14px', height: '14px', verticalAlign: 'middle', marginRight: tokens.spacingHorizontalXS, boxSizing: 'border-box' },
  scroller: {
    position: 'relative',
    overflow: 'auto',
    // As tall as the sheet, up to most of the screen.
    maxHeight: 'min(60vh, 520px)',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', fontSize: tokens.fontSizeBase200 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    paddingTop: 0,
    paddingBottom: 0,
    paddingLeft: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'right',
    paddingRight: tokens.spacingHorizontalXS,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: 'cell',
  },
  // Two colours, and two border styles for whoever cannot tell the colours apart.
  error: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}`,
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `2px dashed ${tokens.colorPaletteMarigoldBorder2}`,
    outlineOffset: '-3px',
  },
  errorSwatch: { backgroundColor: tokens.colorPaletteRedBackground2, boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}` },
  warningSwatch: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `2px dashed ${tokens.colorPaletteMarigoldBorder2}`, outlineOffset: '-2px' },
  selected: { boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}` },
  details: {
    margin: 0,
    minHeight: '2.5em',
    padding: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  hidden: visuallyHidden,
});

const NO_MARKS: ReadonlyMap<string, CellMark> = new Map();

/** Columns drawn at most: an event sheet is a few dozen wide; stray formatting far right is not worth drawing. */
const MAX_COLUMNS = 200;

function sheetWidth(sheet: Sheet): number {
  return Math.min(MAX_COLUMNS, Math.max(1, sheet.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0)));
}

/**
 * The sheet as a grid (browser mode): flagged cells in two colours with their
 * notes as tooltips and in the details line; only the rows in view are drawn.
 */
export function Grid({ host }: { host: BrowserHost }) {
  const styles = useStyles();
  const snap = useSyncExternalStore(host.subscribe, host.getSnapshot);
  const { workbook, activeSheet, selected } = snap;
  const sheet = workbook.sheets.find((s) => s.name === activeSheet) ?? workbook.sheets[0];
  const marks: ReadonlyMap<string, CellMark> = (sheet && snap.marks.get(sheet.name)) || NO_MARKS;
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 520 });

  const width = useMemo(() => (sheet ? sheetWidth(sheet) : 1), [sheet]);
  const rowCount = Math.max(1, sheet?.rows.length ?? 0);
  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);
  const here = selected && sheet && selected.sheet === sheet.name ? parseA1(selected.address) : null;
  const counts = useMemo(() => {
    let errors = 0;
    let warnings = 0;
    for (const m of marks.values()) {
      if (m.severity === 'error') errors++;
      else warnings++;
    }
    return { errors, warnings };
  }, [marks]);

  // Bring a newly selected cell into view, and the grid with it, and give the grid the focus (from an
  // issue's "Go to", the arrow keys then move on from the cell). Only for a new selection: a fix or an
  // undo changes the sheet too, and must not pull the page down to the grid.
  const shownSeq = useRef(0);
  useEffect(() => {
    const el = scroller.current;
    if (!el || !selected || !sheet || selected.sheet !== sheet.name || selected.seq === shownSeq.current) return;
    const at = parseA1(selected.address);
    if (!at) return;
    shownSeq.current = selected.seq;
    const top = (at.row + 1) * ROW_HEIGHT;
    if (top < el.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
    // Measured, not computed: padding and borders make columns a little wider than their <col>.
    const heads = el.querySelectorAll<HTMLElement>('thead th');
    const corner = heads[0]?.offsetWidth ?? ROW_HEADER_WIDTH;
    const head = heads[at.col + 1];
    const left = head?.offsetLeft ?? ROW_HEADER_WIDTH + at.col * COLUMN_WIDTH;
    const width = head?.offsetWidth ?? COLUMN_WIDTH;
    if (left < el.scrollLeft + corner || left + width > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, left - corner);
    }
    el.scrollIntoView?.({ block: 'nearest' });
    el.focus({ preventScroll: true });
    setScroll({ top: el.scrollTop, height: el.clientHeight });
  }, [selected, sheet]);

  useEffect(() => {
    const el = scroller.current;
    if (el) setScroll({ top: el.scrollTop, height: el.clientHeight || 520 });
  }, [sheet]);

  if (!sheet) return <p>The workbook has no sheets.</p>;

  function move(e: KeyboardEvent<HTMLDivElement>) {
    if (!sheet) return;
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const delta = steps[e.key];
    if (!delta) return;
    e.preventDefault();
    const from = here ?? { row: 0, col: 0 };
    const row = Math.min(rowCount - 1, Math.max(0, from.row + (here ? delta[0] : 0)));
    const col = Math.min(width - 1, Math.max(0, from.col + (here ? delta[1] : 0)));
    void host.goTo(sheet.name, a1(row, col));
  }

  const selectedText = here ? displayCell(cellAt(sheet, here.row, here.col), workbook.date1904) : '';
  const selectedMark = here ? marks.get(a1(here.row, here.col)) : undefined;
  const columns = Array.from({ length: width }, (_, c) => c);

  return (
    <section className={styles.root} aria-label="Your sheet">
      <h2 className={styles.heading}>Your sheet</h2>
      {workbook.sheets.length > 1 && (
        <SheetTabs sheets={workbook.sheets.map((s) => s.name)} selected={sheet.name} onSelect={(name) => host.setActiveSheet(name)} />
      )}
      <ul className={styles.legend} aria-label="Highlighted cells">
        <li>
          <span className={mergeClasses(styles.swatch, styles.errorSwatch)} aria-hidden="true" />
          Errors: {counts.errors} cell{counts.errors === 1 ? '' : 's'}
        </li>
        <li>
          <span className={mergeClasses(styles.swatch, styles.warningSwatch)} aria-hidden="true" />
          Warnings: {counts.warnings} cell{counts.warnings === 1 ? '' : 's'}
        </li>
      </ul>
      <p className={styles.details} role="status" aria-live="polite" data-testid="cell-details">
        {here ? (
          <>
            <strong>{a1(here.row, here.col)}</strong>
            {selectedText ? `: ${selectedText}` : ': (empty)'}
            {selectedMark && (
              <>
                {' '}
                <strong>{selectedMark.severity === 'error' ? 'Error' : 'Warning'}:</strong> {selectedMark.notes.join(' ')}
              </>
            )}
          </>
        ) : (
          'Pick an issue or a cell to see its notes here, and correct it. Arrow keys move between cells.'
        )}
      </p>
      {here && (
        <CellEditor
          key={`${sheet.name}!${a1(here.row, here.col)}`}
          address={a1(here.row, here.col)}
          initial={selectedText}
          onSave={(text) => host.editCell(sheet.name, a1(here.row, here.col), text)}
        />
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`Sheet ${sheet.name}, ${rowCount} rows`}
        onKeyDown={move}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScroll({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        <table className={styles.table} style={{ width: ROW_HEADER_WIDTH + width * COLUMN_WIDTH }} aria-rowcount={rowCount + 1}>
          <colgroup>
            <col style={{ width: ROW_HEADER_WIDTH }} />
            {columns.map((c) => (
              <col key={c} style={{ width: COLUMN_WIDTH }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th className={mergeClasses(styles.colHead, styles.corner)} scope="col">
                <span className={styles.hidden}>Row</span>
              </th>
              {columns.map((c) => (
                <th key={c} className={styles.colHead} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={width + 1} />
              </tr>
            )}
            {Array.from({ length: last - first }, (_, i) => first + i).map((r) => (
              <tr key={r} aria-rowindex={r + 2}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {columns.map((c) => {
                  const address = a1(r, c);
                  const mark = marks.get(address);
                  const text = displayCell(cellAt(sheet, r, c), workbook.date1904);
                  const isSelected = here?.row === r && here.col === c;
                  return (
                    <td
                      key={c}
                      className={mergeClasses(
                        styles.cell,
                        mark?.severity === 'error' && styles.error,
                        mark?.severity === 'warning' && styles.warning,
                        isSelected && styles.selected,
                      )}
                      title={mark ? `${text ? `${text}\n` : ''}${mark.notes.map((n) => `• ${n}`).join('\n')}` : text || undefined}
                      data-address={address}
                      data-mark={mark?.severity}
                      aria-current={isSelected || undefined}
                      onClick={() => void host.goTo(sheet.name, address)}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
            {last < rowCount && (
              <tr aria-hidden="true" style={{ height: (rowCount - last) * ROW_HEIGHT }}>
                <td colSpan={width + 1} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
