import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { resolveLink } from './api';
import { COLLECTION } from './collection';
import { apiBaseUrl } from './session';
import { formatDay } from './steps/submit/when';

const useStyles = makeStyles({
  info: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** The events template's address on the server the taskpane talks to. */
export function templateUrl(baseUrl: string = apiBaseUrl()): string {
  return resolveLink(baseUrl, '/template.xlsx');
}

/**
 * What is asked and by when, in one line under the title, in Excel and in
 * the browser mode: the reporting period and the deadline of the collection,
 * and the template to start from.
 */
export function CollectionInfo({ baseUrl }: { baseUrl?: string }) {
  const styles = useStyles();
  const { period, deadline } = COLLECTION;
  return (
    <p className={styles.info}>
      Events held {formatDay(period.start)} to {formatDay(period.end)}
      {deadline ? (
        <>
          , due by <strong>{formatDay(deadline)}</strong>
        </>
      ) : null}
      .{' '}
      <Link href={templateUrl(baseUrl)} target="_blank" rel="noopener" download>
        Download the events template (.xlsx)
      </Link>
    </p>
  );
}
