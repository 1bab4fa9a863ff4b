import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellChange } from '../../host';
import { PREVIEWED } from './plan';

export { PREVIEWED };

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** What "Fix N values" would write, before the person agrees to it: the first `fixes` of `count`. */
export function FixPreview({ fixes, count = fixes.length, before, title }: { fixes: CellChange[]; count?: number; before?: ReadonlyMap<string, string>; title: string }) {
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{title}</summary>
      <ul className={styles.list}>
        {fixes.slice(0, PREVIEWED).map((f) => (
          <li key={f.address}>
            {f.address}: {before?.get(f.address) ? `${before.get(f.address)} → ` : '→ '}
            {String(f.value)}
          </li>
        ))}
        {count > PREVIEWED && <li>and {(count - PREVIEWED).toLocaleString('en-US')} more</li>}
      </ul>
    </details>
  );
}
