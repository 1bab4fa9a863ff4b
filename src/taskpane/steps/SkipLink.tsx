import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from './layout';

const useStyles = makeStyles({
  // Out of sight until it has the keyboard's focus.
  link: {
    ...visuallyHidden,
    ':focus': {
      position: 'static',
      width: 'auto',
      height: 'auto',
      margin: 0,
      clip: 'auto',
      whiteSpace: 'normal',
      alignSelf: 'flex-start',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderRadius: tokens.borderRadiusMedium,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForegroundLink,
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/** "Skip the 120 issues": a link for keyboard users, shown when focused, that moves focus past a long list to `to` (an id; the element needs tabIndex -1). */
export function SkipLink({ to, children }: { to: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <a
      href={`#${to}`}
      className={styles.link}
      onClick={(e) => {
        e.preventDefault();
        const target = document.getElementById(to);
        target?.focus({ preventScroll: true });
        target?.scrollIntoView?.({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}
