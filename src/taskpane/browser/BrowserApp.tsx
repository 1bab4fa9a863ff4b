import { lazy, Suspense, useCallback, useState } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { HostProvider } from '../HostContext';
import { Flow } from '../Flow';
import { loadGrid } from '../lazy';
import type { Workbook } from '../../core/workbook';
import type { Report } from '../flow';
import { saveBlob } from '../download';
import { BrowserHost } from './BrowserHost';
import { OpenFile } from './OpenFile';
import type { OpenedFile } from './openFile';
import type { CheckClient } from '../worker/client';

// The grid is only needed once a file is open: its own chunk.
const Grid = lazy(() => loadGrid().then((m) => ({ default: m.Grid })));

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalXL,
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(300px, 420px) minmax(0, 1fr)', alignItems: 'start' },
  },
  file: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  grid: { '@media (min-width: 900px)': { position: 'sticky', top: tokens.spacingVerticalM } },
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "events.csv" → "events (checked).xlsx" */
export function annotatedName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|csv|tsv|docx)$/i, '') || 'workbook'} (checked).xlsx`;
}

/**
 * Outside Office: open a file from disk, then the same steps over an
 * in-memory workbook shown as a grid. Reading, checking and building the
 * annotated workbook are the check client's (a Web Worker's) work.
 */
export function BrowserApp({ checks }: { checks: CheckClient }) {
  const styles = useStyles();
  const [opened, setOpened] = useState<{ host: BrowserHost; name: string; n: number } | null>(null);
  // After "Open another file", focus goes to the open step's heading (its button is gone).
  const [closed, setClosed] = useState(false);

  function onOpened(file: OpenedFile) {
    setOpened((o) => ({ host: new BrowserHost(file.workbook, { name: file.name, bytes: file.bytes }, undefined, checks.derive), name: file.name, n: (o?.n ?? 0) + 1 }));
  }

  const name = opened?.name ?? '';
  const downloadAnnotated = useCallback(
    async (workbook: Workbook, report: Report) => {
      const bytes = await checks.annotate(workbook, report, { fileName: name, generator: 'Hope Starts Here taskpane (browser mode)' });
      saveBlob(new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_TYPE }), annotatedName(name));
    },
    [name, checks],
  );

  if (!opened) return <OpenFile onOpened={onOpened} read={checks.read} onCancel={checks.cancel} focusHeading={closed} />;
  const { host } = opened;
  return (
    <HostProvider host={host} engine={checks.check} checks={checks} originalFile={host.originalFile} downloadAnnotated={downloadAnnotated} submissionBody={checks.submissionBody}>
      <div className={styles.layout}>
        <div className={styles.pane}>
          <p className={styles.file}>
            <span>
              File: <strong>{opened.name}</strong>
            </span>
            <Button
              size="small"
              onClick={() => {
                setClosed(true);
                setOpened(null);
              }}
            >
              Open another file
            </Button>
          </p>
          <Flow key={opened.n} focusOnLoad />
        </div>
        <div className={styles.grid}>
          <Suspense fallback={<Spinner size="small" label="Loading the sheet view…" />}>
            <Grid host={host} />
          </Suspense>
        </div>
      </div>
    </HostProvider>
  );
}
