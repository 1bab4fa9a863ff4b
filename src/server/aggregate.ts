import { createHash } from 'node:crypto';
import { optionsOfRole } from '../core/collection/roles';
import type { Collection, Period } from '../core/collection/types';
import type { Counts } from '../core/report';
import type { AnalysisPartner } from '../core/analysis';
import { isSigned, type Org } from './repositories/orgs';
import type { AggregateRecord, SubmissionMeta, SubmissionRepository } from './repositories/submissions';

/** The aggregate data set: each signed partner's latest submission (not withdrawn) for the period. */
export interface AggregateData {
  period: Period;
  generatedAt: string;
  partners: AggregatePartner[];
  /** The indicator over all partners: events and attendees per engagement level, as the engine counted them. */
  totals: { partners: number; records: number; byEngagement: Record<string, Counts> };
  records: AggregateRecord[];
}

export interface AggregatePartner {
  orgId: string;
  name: string;
  submissionId: string;
  receivedAt: string;
  records: number;
  errors: number;
  warnings: number;
  byEngagement: Record<string, Counts>;
}

/** What goes into the aggregate, and a version that changes whenever that does (a submission stored or withdrawn, an agreement signed or not). */
export interface AggregateBasis {
  period: Period;
  latest: SubmissionMeta[];
  version: string;
}

export async function aggregateBasis(submissions: SubmissionRepository, period: Period): Promise<AggregateBasis> {
  const latest = await submissions.latestOfSignedOrgs(period);
  const hash = createHash('sha256').update(`${period.start}..${period.end}`);
  for (const s of latest) hash.update(`\n${s.id}\t${s.orgId}\t${s.orgName}`);
  return { period, latest, version: hash.digest('base64url').slice(0, 16) };
}

/** The partners and the indicator totals, from the submissions' summaries (no records read). */
export function summarise(latest: SubmissionMeta[], collection: Collection): Pick<AggregateData, 'partners' | 'totals'> {
  const levels = optionsOfRole(collection, 'level').map((o) => o.id);
  const zero = (): Record<string, Counts> => Object.fromEntries(levels.map((id) => [id, { events: 0, attendees: 0 }]));
  const totals = { partners: latest.length, records: 0, byEngagement: zero() };
  const partners = latest.map((s) => {
    const byEngagement = zero();
    for (const [level, c] of Object.entries(s.summary.byEngagement)) {
      byEngagement[level] = { events: (byEngagement[level]?.events ?? 0) + c.events, attendees: (byEngagement[level]?.attendees ?? 0) + c.attendees };
      const t = totals.byEngagement[level] ?? { events: 0, attendees: 0 };
      totals.byEngagement[level] = { events: t.events + c.events, attendees: t.attendees + c.attendees };
    }
    totals.records += s.counts.records;
    return {
      orgId: s.orgId,
      name: s.orgName,
      submissionId: s.id,
      receivedAt: s.receivedAt,
      records: s.counts.records,
      errors: s.counts.errors,
      warnings: s.counts.warnings,
      byEngagement,
    };
  });
  return { partners, totals };
}

/** The whole data set with every record (the aggregate workbook's input; runs in a worker). */
export async function buildAggregate(submissions: SubmissionRepository, collection: Collection, period: Period, latest?: SubmissionMeta[]): Promise<AggregateData> {
  const chosen = latest ?? (await submissions.latestOfSignedOrgs(period));
  const records = await submissions.recordsOf(chosen.map((s) => ({ id: s.id, orgId: s.orgId, orgName: s.orgName })));
  return { period, generatedAt: new Date().toISOString(), ...summarise(chosen, collection), records };
}

/** The tracker: every signed partner, with its latest submission of the basis when it has one. */
export function trackerOf(orgs: Org[], latest: SubmissionMeta[]): AnalysisPartner[] {
  const byOrg = new Map(latest.map((s) => [s.orgId, s]));
  return orgs
    .filter((o) => isSigned(o))
    .map((o) => {
      const s = byOrg.get(o.id);
      return {
        org: o.id,
        name: o.name,
        signed: true,
        ...(s ? { submission: { id: s.id, receivedAt: s.receivedAt, records: s.counts.records, errors: s.counts.errors, warnings: s.counts.warnings } } : {}),
      };
    });
}
