import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Flow } from './Flow';
import { HostProvider } from './HostContext';
import type { WorkbookHost } from './host';
import { BrowserApp } from './browser/BrowserApp';
import { themeFor, useThemeName, type ThemeName } from './theme';

export type AppMode = { kind: 'excel'; host: WorkbookHost } | { kind: 'browser' };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  header: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  main: { minWidth: 0 },
});

/** The taskpane: Fluent's light or dark theme around the flow (in Excel) or the browser mode. */
export function App({ mode, theme }: { mode: AppMode; theme?: ThemeName }) {
  const styles = useStyles();
  const followed = useThemeName(mode.kind === 'excel');
  const name = theme ?? followed;
  return (
    <FluentProvider theme={themeFor(name)} className={styles.root} data-theme={name}>
      <header>
        <p className={styles.header}>Hope Starts Here · events data share</p>
      </header>
      <main className={styles.main}>
        {mode.kind === 'excel' ? (
          <HostProvider host={mode.host}>
            <Flow />
          </HostProvider>
        ) : (
          <BrowserApp />
        )}
      </main>
    </FluentProvider>
  );
}
