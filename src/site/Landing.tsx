import { useEffect, useState } from 'react';
import { Badge, Button, Link, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { deadlinePassed, fetchCollection, fieldWith, listText, longDate, optionsOf, periodText, type CollectionInfo, type FieldInfo } from './collectionInfo';
import { DATA_TEAM_COMMITMENTS, PARTNER_COMMITMENTS } from './stewardship';

export const useSectionStyles = makeStyles({
  h1: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
  h2: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXXL} 0 ${tokens.spacingVerticalS}`,
  },
  h3: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalXS}` },
  lead: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, maxWidth: '70ch' },
  text: { maxWidth: '70ch' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalL} 0`,
  },
  fact: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  factLabel: { margin: 0, color: tokens.colorNeutralForeground2 },
  factValue: { margin: `${tokens.spacingVerticalXXS} 0 0`, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
    minWidth: 0,
  },
  list: { paddingLeft: tokens.spacingHorizontalXL, margin: `${tokens.spacingVerticalS} 0`, '& > li': { marginBottom: tokens.spacingVerticalXS } },
  // A folder path is one long word: it breaks anywhere rather than push a phone's page sideways.
  path: { overflowWrap: 'anywhere' },
  toc: { margin: `${tokens.spacingVerticalM} 0`, paddingLeft: tokens.spacingHorizontalXL, columnWidth: '14em' },
  field: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0` },
  fieldHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  fieldName: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  options: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}` },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  definition: { margin: `0 0 ${tokens.spacingVerticalXS}`, maxWidth: '70ch' },
  inline: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', padding: 0, margin: `${tokens.spacingVerticalXS} 0 0` },
});

const REQUIREMENT = {
  required: { badge: 'Required', color: 'danger', meaning: 'An empty cell is an error.' },
  recommended: { badge: 'Recommended', color: 'warning', meaning: 'An empty cell is a warning: send it when you have it.' },
  optional: { badge: 'Optional', color: 'informative', meaning: 'Send it if you keep it.' },
} as const;

const KIND: Record<FieldInfo['kind'], string> = {
  text: 'Text.',
  date: 'A date.',
  enum: 'One of these:',
  enum_list: 'One or more of these:',
  zip: 'A zip code.',
  count: 'A whole number.',
};

/** One agreed field: its label, whether it is required, its definition and its options with theirs. */
function Field({ info, field }: { info: CollectionInfo; field: FieldInfo }) {
  const styles = useSectionStyles();
  const r = REQUIREMENT[field.requirement];
  const options = optionsOf(info, field);
  const defined = options.some((o) => o.definition);
  const id = `field-${field.id}`;
  return (
    <section className={styles.field} aria-labelledby={id}>
      <div className={styles.fieldHead}>
        <h3 id={id} className={styles.fieldName}>
          {field.label}
        </h3>
        <Badge appearance="tint" color={r.color}>
          {r.badge}
        </Badge>
      </div>
      {field.definition && <p className={styles.definition}>{field.definition}</p>}
      <p className={`${styles.definition} ${styles.muted}`}>
        {r.meaning} {KIND[field.kind]}
      </p>
      {options.length > 0 &&
        (defined ? (
          <dl className={styles.options} aria-label={`${field.label}: the options`}>
            {options.map((o) => (
              <div key={o.id}>
                <dt className={styles.term}>{o.label}</dt>
                {o.definition && <dd className={styles.definition}>{o.definition}</dd>}
              </div>
            ))}
          </dl>
        ) : (
          <ul className={styles.inline} aria-label={`${field.label}: the options`}>
            {options.map((o) => (
              <li key={o.id}>
                <Badge appearance="outline" color="brand" size="large">
                  {o.label}
                </Badge>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function Facts({ info }: { info: CollectionInfo }) {
  const styles = useSectionStyles();
  const passed = deadlinePassed(info.deadline);
  return (
    <div className={styles.facts}>
      <div className={styles.fact}>
        <p className={styles.factLabel}>Reporting period: events held from</p>
        <p className={styles.factValue}>{periodText(info.period)}</p>
      </div>
      <div className={styles.fact}>
        <p className={styles.factLabel}>Deadline: send your events by</p>
        <p className={styles.factValue}>{longDate(info.deadline)}</p>
        {passed && <p className={styles.factLabel}>That day has passed. You can still send or correct your events; the data team will tell you whether they can still count.</p>}
      </div>
    </div>
  );
}

/** What the indicator counts, in the collection's own labels. */
function Purpose({ info }: { info: CollectionInfo }) {
  const styles = useSectionStyles();
  const levels = fieldWith(info, 'engagement');
  const audience = fieldWith(info, 'audience');
  const types = fieldWith(info, 'event_type');
  const labels = (f: FieldInfo | undefined) => (f ? optionsOf(info, f).map((o) => o.label) : []);
  return (
    <p className={styles.text}>
      For every event held in the reporting period, the collaborative counts its {levels ? `${levels.label.toLowerCase()} (${listText(labels(levels))})` : 'engagement level'} and the number of people who
      came{audience ? `, by ${audience.label.toLowerCase()} (${listText(labels(audience))})` : ''}
      {types ? ` and ${types.label.toLowerCase()} (${listText(labels(types))})` : ''}.
    </p>
  );
}

export function Landing({ baseUrl }: { baseUrl: string }) {
  const styles = useSectionStyles();
  const [info, setInfo] = useState<CollectionInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchCollection(baseUrl).then(
      (c) => live && setInfo(c),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [baseUrl]);

  return (
    <>
      <h1 className={styles.h1}>Share your events with Hope Starts Here</h1>
      <p className={styles.lead}>
        Hope Starts Here is Detroit&rsquo;s early-childhood initiative. In its Imperative #2 data collaborative, community partners (nonprofits, libraries, health programs) share the
        events they held for parents, caregivers and childcare providers. A neutral data team checks, combines and analyses them, so that together we can see how many families and
        providers were reached, where, and how deeply, and where nobody is reaching them yet.
      </p>
      <p className={styles.text}>Send whatever you have, in the format you have it: your own workbook is fine. This page says what we ask for, how to send it and how the data is looked after.</p>
      {info && <Facts info={info} />}
      <div className={styles.actions}>
        <Button as="a" appearance="primary" href="/template.xlsx" download>
          Download the template (.xlsx)
        </Button>
        <Button as="a" href="/taskpane.html">
          Check and send a file in the browser
        </Button>
        <Button as="a" href="/my-submissions">
          My submissions
        </Button>
      </div>
      <nav aria-label="On this page">
        <ul className={styles.toc}>
          <li>
            <Link href="#what">What we ask for</Link>
          </li>
          <li>
            <Link href="#how">How to share your data</Link>
          </li>
          <li>
            <Link href="#template">The template</Link>
          </li>
          <li>
            <Link href="#stewardship">How the data is looked after</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="what">
        <h2 id="what" className={styles.h2} tabIndex={-1}>
          What we ask for
        </h2>
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!info && !error && <Spinner size="small" label="Loading the agreed fields…" />}
        {info && (
          <>
            <Purpose info={info} />
            <p className={styles.text}>
              One row per event, with these fields ({info.fields.length}). Your columns may have other names and be in another order: the check finds which column is which and asks you
              to confirm.
            </p>
            {info.fields.map((f) => (
              <Field key={f.id} info={info} field={f} />
            ))}
          </>
        )}
      </section>

      <section aria-labelledby="how">
        <h2 id="how" className={styles.h2} tabIndex={-1}>
          How to share your data
        </h2>
        <p className={styles.text}>Three ways, whichever suits you. Each file is checked the same way, and you get back your workbook with every problem marked.</p>
        <div className={styles.cards}>
          <section className={styles.card} aria-labelledby="how-excel">
            <h3 id="how-excel" className={styles.h3}>
              In Excel, with the add-in
            </h3>
            <ol className={styles.list}>
              <li>
                Download the add-in&rsquo;s <Link href="/manifest.xml" download="manifest.xml" inline>manifest (manifest.xml)</Link>.
              </li>
              <li>
                Add it to Excel, once, the way your Excel takes it:
                <ul className={styles.list} aria-label="Adding the add-in, by Excel">
                  <li>
                    <strong>Excel on the web</strong>: open your events workbook, then <strong>Home › Add-ins › More Settings › Upload My Add-in</strong>, choose manifest.xml and{' '}
                    <strong>Upload</strong>.
                  </li>
                  <li>
                    <strong>Excel for Windows</strong> (from a shared folder): share a folder on your network (in File Explorer, its <strong>Properties › Sharing › Share</strong>), note its
                    network path (like <code className={styles.path}>{'\\\\your-pc\\addins'}</code>) and put manifest.xml in it. In Excel, <strong>File › Options › Trust Center › Trust Center Settings › Trusted Add-in
                    Catalogs</strong>: type the path as the <strong>Catalog Url</strong>, choose <strong>Add catalog</strong>, tick <strong>Show in Menu</strong>, then <strong>OK</strong>. Close
                    and reopen Excel, then <strong>Insert › My Add-ins</strong> (in newer Excel, <strong>Home › Add-ins › More Add-ins</strong>), choose <strong>Shared Folder</strong>, select the
                    add-in and <strong>Add</strong>. The data team can do this with you.
                  </li>
                  <li>
                    <strong>Excel for Mac</strong>: in Finder, <strong>Go › Go to Folder</strong> (Command-Shift-G) and open <code className={styles.path}>~/Library/Containers/com.microsoft.Excel/Data/Documents/</code>; make a
                    folder named <code>wef</code> there if there is none, and put manifest.xml in it. Reopen Excel, open a workbook, then open the menu of <strong>Insert › My Add-ins</strong> (the
                    arrow beside it; in newer Excel, <strong>Home › Add-ins</strong>) and choose the add-in under <strong>Developer Add-ins</strong>.
                  </li>
                </ul>
              </li>
              <li>
                Select <strong>Check data</strong> in the <strong>Hope Starts Here</strong> group of the <strong>Home</strong> tab.
              </li>
              <li>Confirm the columns, fix what is marked in your own sheet, and submit with the sign-in token the data team gave you.</li>
            </ol>
          </section>
          <section className={styles.card} aria-labelledby="how-browser">
            <h3 id="how-browser" className={styles.h3}>
              In your browser
            </h3>
            <ol className={styles.list}>
              <li>
                Open <Link href="/taskpane.html" inline>the data check</Link>: no Excel needed.
              </li>
              <li>Choose your file: an Excel workbook, an OpenDocument sheet, a CSV file or a table in a Word document. It stays on your computer until you submit.</li>
              <li>Confirm the columns, see what needs fixing, and submit with your sign-in token.</li>
            </ol>
          </section>
          <section className={styles.card} aria-labelledby="how-send">
            <h3 id="how-send" className={styles.h3}>
              Send the file to the data team
            </h3>
            <p className={styles.text}>
              Email your workbook, as it is, to your contact on the data team. They run the same check on it and tell you what, if anything, to correct.
            </p>
          </section>
        </div>
        <p className={styles.text}>
          Already sent something? <Link href="/my-submissions" inline>My submissions</Link> lists what your organisation has sent, with the checked workbooks, and takes a corrected
          file.
        </p>
      </section>

      <section aria-labelledby="template">
        <h2 id="template" className={styles.h2} tabIndex={-1}>
          The template
        </h2>
        <p className={styles.text}>
          Starting a new list? <Link href="/template.xlsx" download inline>Download the template</Link>: a workbook with the agreed columns and lists to choose the options from.
          Fill in one row per event. You do not have to use it: your own workbook is fine too.
        </p>
      </section>

      <section aria-labelledby="stewardship">
        <h2 id="stewardship" className={styles.h2} tabIndex={-1}>
          How the data is looked after
        </h2>
        <p className={styles.text}>Partners sign the data-sharing agreement before they send data. Under it, both sides commit to this:</p>
        <div className={styles.cards}>
          <section className={styles.card} aria-labelledby="commit-partner">
            <h3 id="commit-partner" className={styles.h3}>
              Your organisation
            </h3>
            <ul className={styles.list}>
              {PARTNER_COMMITMENTS.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
          <section className={styles.card} aria-labelledby="commit-team">
            <h3 id="commit-team" className={styles.h3}>
              The data team and this service
            </h3>
            <ul className={styles.list}>
              {DATA_TEAM_COMMITMENTS.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
        </div>
      </section>
    </>
  );
}
