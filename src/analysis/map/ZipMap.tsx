import { useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { geoMercator } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { MetricChoice, type Metric } from '../charts/MetricChoice';
import { DataTable, type Column } from '../DataTable';
import { Figure } from '../Figure';
import { count, counted } from '../format';
import { useLayoutStyles } from '../layout';
import type { AnalysisView } from '../types';
import { useWidth } from '../useWidth';
import { planMap, type MapZip } from './places';

const useStyles = makeStyles({
  svg: { display: 'block', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  context: { fill: tokens.colorNeutralForeground4 },
  served: { fill: tokens.colorBrandBackground, fillOpacity: 0.55, stroke: tokens.colorBrandForeground1, strokeWidth: 1.5, cursor: 'pointer' },
  outside: { fill: tokens.colorPaletteDarkOrangeBackground3, fillOpacity: 0.55, stroke: tokens.colorPaletteDarkOrangeForeground1, strokeWidth: 1.5, cursor: 'pointer' },
  gap: { fill: 'none', stroke: tokens.colorPaletteRedForeground1, strokeWidth: 1.5, strokeDasharray: '2 2', cursor: 'pointer' },
  focusable: { outline: 'none', ':focus-visible': { stroke: tokens.colorStrokeFocus2, strokeWidth: 3 } },
  active: { stroke: tokens.colorNeutralForeground1, strokeWidth: 3 },
  label: { fontSize: '10px', fill: tokens.colorNeutralForeground2, pointerEvents: 'none' },
  details: { margin: 0, minHeight: '1.5em' },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200 },
  key: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

const describe = (z: MapZip) =>
  `${z.zip}${z.partly ? ` (partly ${z.partly})` : ''}${z.serviceArea ? '' : ', outside the service area'}: ${count(z.events)} event${z.events === 1 ? '' : 's'}, ${count(z.attendees)} attendee${z.attendees === 1 ? '' : 's'}, ${count(z.partners)} partner${z.partners === 1 ? '' : 's'}`;

/**
 * Events or attendees by ZIP code, as circles at the ZIP centroids (area for
 * the number), on a Mercator projection fitted to the service area. No
 * tiles, no boundaries: the faint dots are the other ZIP centroids around.
 * Each circle takes the focus (Tab) and says what it stands for.
 */
export function ZipMap({ analysis }: { analysis: AnalysisView }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [metric, setMetric] = useState<Metric>('events');
  const [active, setActive] = useState<string | null>(null);
  const [ref, width] = useWidth<HTMLDivElement>();
  const plan = planMap(analysis.byZip, analysis.gaps.map((g) => ({ zip: g.zip, partly: g.partly ?? null })));
  const height = Math.round(Math.min(540, Math.max(260, width * 0.72)));
  const pad = 24;
  const [[w, s], [e, n]] = plan.frame;
  const projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    { type: 'MultiPoint', coordinates: [[w, s], [e, n]] },
  );
  const max = Math.max(1, ...plan.shown.map((z) => z[metric]));
  const radius = scaleSqrt().domain([0, max]).range([0, Math.max(10, Math.min(30, width / 22))]);
  const drawn = [...plan.shown].sort((a, b) => b[metric] - a[metric] || a.zip.localeCompare(b.zip));
  const current = plan.shown.find((z) => z.zip === active) ?? null;
  const gaps = plan.shown.filter((z) => z.serviceArea && z.events === 0).length;
  const noun = metric;

  const chart = (
    <div ref={ref}>
      <ul className={styles.legend} aria-label="Map key">
        <li className={styles.key}>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" className={styles.served} />
          </svg>
          Service area ZIP with events (area: {noun})
        </li>
        <li className={styles.key}>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className={styles.gap} />
          </svg>
          Service area ZIP with no events ({count(gaps)})
        </li>
        <li className={styles.key}>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" className={styles.outside} />
          </svg>
          Outside the service area
        </li>
      </ul>
      <svg
        className={styles.svg}
        width={width}
        height={height}
        role="group"
        aria-label={`Map of ${noun} by ZIP code around Detroit: ${count(plan.shown.filter((z) => z.events > 0).length)} ZIP codes with events, ${count(gaps)} service-area ZIP codes with none. Tab to each circle, or see the table tab.`}
        data-testid="zip-map"
      >
        {plan.context.map(([lon, lat], i) => {
          const [x, y] = projection([lon, lat]) ?? [0, 0];
          return <circle key={i} cx={x} cy={y} r={1.5} className={styles.context} aria-hidden="true" />;
        })}
        {drawn.map((z) => {
          const [x, y] = projection(z.at) ?? [0, 0];
          const r = z.events === 0 ? 5 : Math.max(3, radius(z[metric]));
          const kind = z.events === 0 ? styles.gap : z.serviceArea ? styles.served : styles.outside;
          return (
            <g key={z.zip}>
              <circle
                cx={x}
                cy={y}
                r={r}
                className={mergeClasses(kind, styles.focusable, active === z.zip && styles.active)}
                tabIndex={0}
                role="img"
                aria-label={describe(z)}
                data-zip={z.zip}
                onFocus={() => setActive(z.zip)}
                onMouseEnter={() => setActive(z.zip)}
                onClick={() => setActive(z.zip)}
              >
                <title>{describe(z)}</title>
              </circle>
              {width >= 560 && (
                <text className={styles.label} x={x + r + 2} y={y} dy="0.32em" aria-hidden="true">
                  {z.zip}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className={styles.details} aria-live="polite">
        {current ? describe(current) : 'Point at a circle, or Tab to it, for its numbers.'}
      </p>
      {plan.offMap.length > 0 && (
        <p className={layout.muted}>
          Not on the map: {plan.offMap.map((o) => `${o.zip === 'unknown' ? 'no ZIP' : o.zip} (${counted(o.events, 'event')}, ${o.why})`).join('; ')}.
        </p>
      )}
    </div>
  );

  const rows = [...analysis.byZip].sort((a, b) => b[metric] - a[metric] || a.zip.localeCompare(b.zip));
  const area = new Map(analysis.gaps.map((g) => [g.zip, g]));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'zip', heading: 'ZIP code', cell: (z) => (z.zip === 'unknown' ? 'No ZIP given' : z.zip) },
    { key: 'area', heading: 'Service area', cell: (z) => (area.has(z.zip) ? (area.get(z.zip)?.partly ? `partly (${area.get(z.zip)?.partly})` : 'yes') : 'no') },
    { key: 'events', heading: 'Events', numeric: true, cell: (z) => count(z.events) },
    { key: 'attendees', heading: 'Attendees', numeric: true, cell: (z) => count(z.attendees) },
    { key: 'partners', heading: 'Partners', numeric: true, cell: (z) => count(z.partners) },
  ];
  // With a population table loaded, the service area's ZIP codes carry their children under 5 (from the gaps list, the server's one reckoning of the rate).
  const withPopulation = analysis.gaps.some((g) => g.childrenUnder5 !== null);
  if (withPopulation) {
    columns.push(
      { key: 'children', heading: 'Children under 5', numeric: true, cell: (z) => (typeof area.get(z.zip)?.childrenUnder5 === 'number' ? count(area.get(z.zip)!.childrenUnder5!) : '—') },
      { key: 'rate', heading: 'Attendees per 1,000 children', numeric: true, cell: (z) => (typeof area.get(z.zip)?.perThousandChildren === 'number' ? area.get(z.zip)!.perThousandChildren!.toLocaleString('en-US') : '—') },
    );
  }
  const total = rows.reduce((t, z) => ({ events: t.events + z.events, attendees: t.attendees + z.attendees }), { events: 0, attendees: 0 });
  const footer = ['Total', '', count(total.events), count(total.attendees), '', ...(withPopulation ? ['', ''] : [])];
  const table = <DataTable caption="Events and attendees by ZIP code" columns={columns} rows={rows} rowKey={(z) => z.zip} tall footer={footer} />;

  return (
    <Figure title="Where: ZIP codes" chart={chart} table={table} controls={<MetricChoice value={metric} onChange={setMetric} />}>
      <p className={layout.intro}>Circles sit at each ZIP code's centre (Census ZCTA centroids); a dashed ring is a ZIP of the service area where no event was held. ZIP codes with no events at all are in the gaps list.</p>
    </Figure>
  );
}
