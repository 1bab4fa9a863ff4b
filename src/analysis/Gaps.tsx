import { useId } from 'react';
import { Badge } from '@fluentui/react-components';
import { DataTable, type Column } from './DataTable';
import { count } from './format';
import { useLayoutStyles } from './layout';
import type { AnalysisView } from './types';

type Gap = AnalysisView['gaps'][number];

/** The service area's ZIP codes, least served first, including those with no event at all. */
export function Gaps({ analysis }: { analysis: AnalysisView }) {
  const layout = useLayoutStyles();
  const id = useId();
  const { gaps } = analysis;
  const withPopulation = gaps.some((g) => g.childrenUnder5 !== null);
  const none = gaps.filter((g) => g.events === 0).length;
  const columns: Column<Gap>[] = [
    { key: 'zip', heading: 'ZIP code', cell: (g) => (g.events === 0 ? <>{g.zip} <Badge appearance="tint" color="danger">no events</Badge></> : g.zip) },
    { key: 'partly', heading: 'In the city', cell: (g) => (g.partly ? `partly (also ${g.partly})` : 'yes') },
    { key: 'events', heading: 'Events', numeric: true, cell: (g) => count(g.events) },
    { key: 'attendees', heading: 'Attendees', numeric: true, cell: (g) => count(g.attendees) },
    { key: 'partners', heading: 'Partners', numeric: true, cell: (g) => count(g.partners) },
    ...(withPopulation
      ? [
          { key: 'children', heading: 'Children under 5', numeric: true, cell: (g: Gap) => (g.childrenUnder5 === null ? '—' : count(g.childrenUnder5)) },
          { key: 'rate', heading: 'Attendees per 1,000 children', numeric: true, cell: (g: Gap) => (g.perThousandChildren === null ? '—' : g.perThousandChildren.toLocaleString('en-US')) },
        ]
      : []),
  ];
  return (
    <section className={layout.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={layout.heading}>
        Gaps: the service area, least served first
      </h2>
      <p className={layout.intro}>
        {count(gaps.length)} ZIP codes of Detroit; {count(none)} with no event at all.{' '}
        {withPopulation ? 'Ordered by attendees per 1,000 children under 5.' : 'Ordered by attendees. With a population table loaded (admin population import), the list also gives attendees per 1,000 children under 5.'}
      </p>
      <DataTable caption="Service-area ZIP codes, least served first" columns={columns} rows={gaps} rowKey={(g) => g.zip} tall />
    </section>
  );
}
