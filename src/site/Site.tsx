import { FluentProvider, Link, makeStyles, tokens } from '@fluentui/react-components';
import { themeFor, useThemeName, type ThemeName } from '../taskpane/theme';
import { Landing } from './Landing';
import { MySubmissions } from './MySubmissions';

export type SiteView = 'about' | 'submissions';

/** The view a path shows: /my-submissions, or the landing page for anything else. */
export function viewFor(pathname: string): SiteView {
  return /^\/my-submissions\/?$/.test(pathname) ? 'submissions' : 'about';
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    display: 'flex',
    flexDirection: 'column',
    // Fluent's links show focus as a second underline only; a ring is easier to follow from the keyboard.
    '& a:focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px', borderRadius: tokens.borderRadiusSmall },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 1, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
  bar: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  inner: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '960px',
    margin: '0 auto',
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
  barInner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  brand: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  nav: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  navList: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, listStyleType: 'none', margin: 0, padding: 0 },
  current: { fontWeight: tokens.fontWeightSemibold },
  // Focused by the skip link only: no ring around the whole page.
  main: { ':focus': { outlineStyle: 'none' }, flexGrow: 1, paddingTop: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL, minWidth: 0 },
  footer: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
  },
});

/** The partners' site: the landing page at /, their own submissions at /my-submissions; Fluent's light or dark theme as the system says. */
export function Site({ view, theme, baseUrl = '' }: { view: SiteView; theme?: ThemeName; baseUrl?: string }) {
  const styles = useStyles();
  const followed = useThemeName(false);
  const name = theme ?? followed;
  const navLink = (href: string, label: string, current: boolean) => (
    <li>
      <Link href={href} className={current ? styles.current : undefined} aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <FluentProvider theme={themeFor(name)} data-theme={name}>
      <div className={styles.root}>
        <a className={styles.skip} href="#content">
          Skip to the content
        </a>
        <header className={styles.bar}>
          <div className={`${styles.inner} ${styles.barInner}`}>
            <p className={styles.brand}>Hope Starts Here · Imperative #2 data share</p>
            <nav aria-label="Site" className={styles.nav}>
              <ul className={styles.navList}>
                {navLink('/', 'About the data share', view === 'about')}
                {navLink('/my-submissions', 'My submissions', view === 'submissions')}
                {navLink('/taskpane.html', 'Check a file', false)}
              </ul>
            </nav>
          </div>
        </header>
        <main id="content" tabIndex={-1} className={`${styles.inner} ${styles.main}`}>
          {view === 'submissions' ? <MySubmissions baseUrl={baseUrl} /> : <Landing baseUrl={baseUrl} />}
        </main>
        <footer className={styles.footer}>
          <p className={styles.inner} style={{ margin: '0 auto' }}>
            Hope Starts Here, Detroit. Questions about the data share or the agreement: ask the data team.
          </p>
        </footer>
      </div>
    </FluentProvider>
  );
}
