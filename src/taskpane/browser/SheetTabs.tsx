import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', gap: tokens.spacingHorizontalXXS, overflowX: 'auto', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
});

/**
 * The workbook's sheets as tabs: one tab stop, the arrow keys (and Home, End)
 * move between them, as the ARIA tabs pattern has it. Written out rather than
 * Fluent's TabList, whose focus helpers add focusable aria-hidden elements.
 */
export function SheetTabs({ sheets, selected, onSelect }: { sheets: string[]; selected: string; onSelect: (sheet: string) => void }) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  function key(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? sheets.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = (to + sheets.length) % sheets.length;
    const name = sheets[next];
    if (name === undefined) return;
    onSelect(name);
    list.current?.querySelectorAll<HTMLButtonElement>('[role=tab]')[next]?.focus();
  }
  return (
    <div ref={list} role="tablist" aria-label="Sheets" className={styles.list}>
      {sheets.map((name, i) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === selected}
          tabIndex={name === selected ? 0 : -1}
          className={mergeClasses(styles.tab, name === selected && styles.selected)}
          onClick={() => onSelect(name)}
          onKeyDown={(e) => key(e, i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
