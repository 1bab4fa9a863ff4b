import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, PortalMountNodeProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Flow } from './Flow';
import { HostProvider } from './HostContext';
import type { WorkbookHost } from './host';
import { BrowserApp } from './browser/BrowserApp';
import { CollectionInfo } from './CollectionInfo';
import { themeFor, useThemeName, type ThemeName } from './theme';
import { CheckClient } from './worker/client';

export type AppMode = { kind: 'excel'; host: WorkbookHost } | { kind: 'browser' };

const useStyles = makeStyles({
  // The layout is on an element inside the provider: Fluent copies the provider's own classes onto every
  // portal (dropdown lists, menus), and a full-height, opaque portal covered the pane and ate the clicks.
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
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

/**
 * The taskpane: Fluent's light or dark theme around the flow (in Excel) or
 * the browser mode. The engine runs in a Web Worker (`checks`, by default
 * the check worker where there is one) in both modes.
 */
export function App({ mode, theme, checks }: { mode: AppMode; theme?: ThemeName; checks?: CheckClient }) {
  const styles = useStyles();
  const client = useMemo(() => checks ?? new CheckClient(), [checks]);
  useEffect(() => () => client.dispose(), [client]);
  const followed = useThemeName(mode.kind === 'excel');
  const name = theme ?? followed;
  // Dropdown lists and other popups open in a node inside <main>, so that they too are in a landmark.
  const [popups, setPopups] = useState<HTMLElement | null>(null);
  return (
    <FluentProvider theme={themeFor(name)} data-theme={name}>
      <div className={styles.root}>
        <header>
          <h1 className={styles.header}>Hope Starts Here · events data share</h1>
          <CollectionInfo />
        </header>
        <main className={styles.main}>
          <PortalMountNodeProvider value={popups ?? undefined}>
            {mode.kind === 'excel' ? (
              <HostProvider host={mode.host} engine={client.check} checks={client} submissionBody={client.submissionBody}>
                <Flow />
              </HostProvider>
            ) : (
              <BrowserApp checks={client} />
            )}
          </PortalMountNodeProvider>
          <div ref={setPopups} />
        </main>
      </div>
    </FluentProvider>
  );
}
