import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { fetchCollection } from '../site/collectionInfo';
import { resolveLink } from './api';
import { apiBaseUrl } from './session';
import { formatDay } from './steps/submit/when';

const useStyles = makeStyles({
  info: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** The events template's address on the server the taskpane talks to. */
export function templateUrl(baseUrl: string = apiBaseUrl()): string {
  return resolveLink(baseUrl, '/template.xlsx');
}

type Dates = { period: { start: string; end: string }; deadline?: string };

/**
 * What is asked and by when, in one line under the title, in Excel and in
 * the browser mode: the reporting period and the deadline as the server
 * publishes them (GET /collection.json, where its PERIOD and DEADLINE apply),
 * never a copy bundled with the taskpane; and the template to start from.
 * Until the server answers, or if it does not, the line has the template only.
 */
export function CollectionInfo({ baseUrl, load = fetchCollection }: { baseUrl?: string; load?: (baseUrl: string) => Promise<Dates> }) {
  const styles = useStyles();
  const base = baseUrl ?? apiBaseUrl();
  const [dates, setDates] = useState<Dates | null>(null);
  useEffect(() => {
    let live = true;
    load(base).then(
      (info) => live && setDates({ period: info.period, deadline: info.deadline }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [base, load]);
  return (
    <p className={styles.info}>
      {dates ? (
        <>
          Events held {formatDay(dates.period.start)} to {formatDay(dates.period.end)}
          {dates.deadline ? (
            <>
              , due by <strong>{formatDay(dates.deadline)}</strong>
            </>
          ) : null}
          .{' '}
        </>
      ) : null}
      <Link href={templateUrl(base)} target="_blank" rel="noopener" download>
        Download the events template (.xlsx)
      </Link>
    </p>
  );
}
