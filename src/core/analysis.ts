import { fieldIdOf, optionsOfRole } from './collection/roles';
import type { Collection, FieldRole, Period } from './collection/types';
import type { Counts } from './report';

/**
 * The analysts' questions over the aggregate data set: the indicator, its
 * trend by month, who it reached (audience, event type, zip), where two or
 * more partners serve the same families (overlap), which zips of the service
 * area are least served (gaps), and who has submitted.
 *
 * Counted as the indicator counts: a record counts when it has an engagement
 * level, is not dated outside the period and was not marked by the partner
 * as not held ("Cancelled") (a record whose date could not
 * be read still counts, under the month "unknown"); its attendees count when
 * they are a number. So every breakdown adds up to the indicator, except
 * audiences: an event for parents and caregivers counts under both.
 */

export interface AnalysisRecord {
  orgId: string;
  values: Record<string, unknown>;
  /** The partner marked the event as not held ("Cancelled"): kept as their row, not counted. */
  notHeld?: boolean;
}

export interface AnalysisPartner {
  org: string;
  name: string;
  signed: boolean;
  /** The partner's latest submission for the period, when there is one. */
  submission?: { id: string; receivedAt: string; records: number; errors: number; warnings: number };
}

/** A zip code of the service area; `partly` names what else it covers when only part of it is in the city. */
export interface ServiceZip {
  zip: string;
  partly?: string;
}

export interface AnalysisInput {
  period: Period;
  deadline: string;
  collection: Collection;
  partners: AnalysisPartner[];
  records: AnalysisRecord[];
  serviceArea: readonly ServiceZip[];
  /** Children under 5 by zip, when a population table was loaded. */
  population?: Map<string, number>;
}

export interface MonthCounts extends Counts {
  month: string;
  byEngagement: Record<string, Counts>;
}

export interface ZipCounts extends Counts {
  zip: string;
  partners: number;
}

export interface OverlapCell {
  zip: string;
  month: string;
  audience: string;
  partners: string[];
  events: number;
}

export interface Gap extends Counts {
  zip: string;
  partly: string | null;
  partners: number;
  childrenUnder5: number | null;
  perThousandChildren: number | null;
}

export interface Analysis {
  period: Period;
  deadline: string;
  counting: string;
  indicator: Record<string, Counts>;
  /** Records not counted, and why: nothing vanishes without a number. */
  notCounted: { outOfPeriod: number; noEngagement: number; notHeld: number };
  byMonth: MonthCounts[];
  byAudience: Record<string, Counts>;
  byEventType: Record<string, Counts>;
  byZip: ZipCounts[];
  overlap: OverlapCell[];
  /** For each pair of partners, how many (zip, month, audience) cells both serve. */
  overlapMatrix: { partners: string[]; shared: number[][] };
  gaps: Gap[];
  partners: {
    org: string;
    name: string;
    signed: boolean;
    submitted: boolean;
    submissionId: string | null;
    submittedAt: string | null;
    records: number;
    errors: number;
    warnings: number;
  }[];
}

export const COUNTING =
  'As the indicator counts: a record with an engagement level, not dated outside the period (an unreadable date counts under "unknown") and not marked by the partner as not held ("Cancelled"); attendees when they are a number. Every breakdown adds up to the indicator, except audiences, where an event counts under each of its audiences. Records without a zip, type or audience count under "unknown".';

const UNKNOWN = 'unknown';

export function analyse(input: AnalysisInput): Analysis {
  const { collection, period } = input;
  const levels = optionsOfRole(collection, 'level').map((o) => o.id);
  const audiences = optionsOfRole(collection, 'audience').map((o) => o.id);
  const typeOptions = optionsOfRole(collection, 'event_type');
  const types = typeOptions.map((o) => o.id);
  const catchAll = typeOptions.find((o) => o.catchAll)?.id;
  const ids = new Map<FieldRole, string | undefined>((['level', 'audience', 'event_type', 'date', 'zip', 'headcount'] as const).map((role) => [role, fieldIdOf(collection, role)]));
  const valueOf = (values: Record<string, unknown>, role: FieldRole): unknown => {
    const id = ids.get(role);
    return id === undefined ? undefined : values[id];
  };
  const zeroes = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, { events: 0, attendees: 0 }])) as Record<string, Counts>;
  const names = new Map(input.partners.map((p) => [p.org, p.name]));

  const indicator = zeroes(levels);
  const byAudience = zeroes([...audiences, UNKNOWN]);
  const byEventType = zeroes([...types, UNKNOWN]);
  const months = new Map<string, MonthCounts>();
  const zips = new Map<string, Counts & { orgs: Set<string> }>();
  // (zip, month, audience) → partner → events
  const cells = new Map<string, Map<string, number>>();
  const notCounted = { outOfPeriod: 0, noEngagement: 0, notHeld: 0 };

  for (const rec of input.records) {
    if (rec.notHeld) {
      notCounted.notHeld++;
      continue;
    }
    const v = rec.values;
    const rawLevel = valueOf(v, 'level');
    const level = typeof rawLevel === 'string' && levels.includes(rawLevel) ? rawLevel : null;
    const rawDate = valueOf(v, 'date');
    const date = typeof rawDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? rawDate : null;
    if (date && (date < period.start || date > period.end)) {
      notCounted.outOfPeriod++;
      continue;
    }
    if (!level) {
      notCounted.noEngagement++;
      continue;
    }
    const count = valueOf(v, 'headcount');
    const people = typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : 0;
    add(indicator, level, people);
    const month = date ? date.slice(0, 7) : UNKNOWN;
    let m = months.get(month);
    if (!m) months.set(month, (m = { month, events: 0, attendees: 0, byEngagement: zeroes(levels) }));
    m.events++;
    m.attendees += people;
    add(m.byEngagement, level, people);
    const list = valueOf(v, 'audience');
    const who = Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string' && audiences.includes(a)) : [];
    if (who.length === 0) add(byAudience, UNKNOWN, people);
    for (const a of new Set(who)) add(byAudience, a, people);
    const type = valueOf(v, 'event_type');
    // As the report's summary counts it: a type outside the options under the catch-all ("Other").
    add(byEventType, typeof type === 'string' && type ? (types.includes(type) || catchAll === undefined ? type : catchAll) : UNKNOWN, people);
    const rawZip = valueOf(v, 'zip');
    const zip = typeof rawZip === 'string' && /^\d{5}$/.test(rawZip) ? rawZip : UNKNOWN;
    let z = zips.get(zip);
    if (!z) zips.set(zip, (z = { events: 0, attendees: 0, orgs: new Set() }));
    z.events++;
    z.attendees += people;
    z.orgs.add(rec.orgId);
    if (zip === UNKNOWN || !date) continue;
    for (const a of new Set(who)) {
      const key = `${zip}\u0000${month}\u0000${a}`;
      let byOrg = cells.get(key);
      if (!byOrg) cells.set(key, (byOrg = new Map()));
      byOrg.set(rec.orgId, (byOrg.get(rec.orgId) ?? 0) + 1);
    }
  }

  const overlap: OverlapCell[] = [];
  const matrixOrgs = input.partners.filter((p) => p.submission).map((p) => p.org);
  const index = new Map(matrixOrgs.map((o, i) => [o, i]));
  const shared = matrixOrgs.map(() => matrixOrgs.map(() => 0));
  for (const [key, byOrg] of cells) {
    if (byOrg.size < 2) continue;
    const [zip, month, audience] = key.split('\u0000') as [string, string, string];
    const orgs = [...byOrg.keys()];
    overlap.push({ zip, month, audience, partners: orgs.map((o) => names.get(o) ?? o).sort(), events: [...byOrg.values()].reduce((a, b) => a + b, 0) });
    for (const a of orgs) for (const b of orgs) if (a !== b && index.has(a) && index.has(b)) shared[index.get(a)!]![index.get(b)!]!++;
  }
  overlap.sort((a, b) => b.partners.length - a.partners.length || b.events - a.events || a.zip.localeCompare(b.zip) || a.month.localeCompare(b.month) || a.audience.localeCompare(b.audience));

  const gaps: Gap[] = input.serviceArea.map(({ zip, partly }) => {
    const z = zips.get(zip);
    const children = input.population?.get(zip) ?? null;
    const attendees = z?.attendees ?? 0;
    return {
      zip,
      partly: partly ?? null,
      events: z?.events ?? 0,
      attendees,
      partners: z?.orgs.size ?? 0,
      childrenUnder5: children,
      perThousandChildren: children ? Math.round((attendees / children) * 10_000) / 10 : null,
    };
  });
  gaps.sort(leastServedFirst);

  return {
    period,
    deadline: input.deadline,
    counting: COUNTING,
    indicator,
    notCounted,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byAudience,
    byEventType,
    byZip: [...zips].map(([zip, z]) => ({ zip, events: z.events, attendees: z.attendees, partners: z.orgs.size })).sort((a, b) => b.events - a.events || a.zip.localeCompare(b.zip)),
    overlap,
    overlapMatrix: { partners: matrixOrgs.map((o) => names.get(o) ?? o), shared },
    gaps,
    partners: input.partners.map((p) => ({
      org: p.org,
      name: p.name,
      signed: p.signed,
      submitted: p.submission !== undefined,
      submissionId: p.submission?.id ?? null,
      submittedAt: p.submission?.receivedAt ?? null,
      records: p.submission?.records ?? 0,
      errors: p.submission?.errors ?? 0,
      warnings: p.submission?.warnings ?? 0,
    })),
  };
}

/** By attendees per 1,000 children where both populations are known, else by attendees; then events. */
function leastServedFirst(a: Gap, b: Gap): number {
  const byRate = a.perThousandChildren !== null && b.perThousandChildren !== null ? a.perThousandChildren - b.perThousandChildren : 0;
  return byRate || a.attendees - b.attendees || a.events - b.events || a.zip.localeCompare(b.zip);
}

function add(table: Record<string, Counts>, key: string, people: number): void {
  const c = (table[key] ??= { events: 0, attendees: 0 });
  c.events++;
  c.attendees += people;
}
