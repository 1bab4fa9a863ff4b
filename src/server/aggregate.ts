import type { Collection, Period } from '../core/collection/types';
import type { Counts } from '../core/report';
import type { AggregateRecord, SubmissionRepository } from './repositories/submissions';

/** The aggregate data set: each signed partner's latest submission for the period. */
export interface AggregateData {
  period: Period;
  generatedAt: string;
  partners: {
    orgId: string;
    name: string;
    submissionId: string;
    receivedAt: string;
    records: number;
    errors: number;
    warnings: number;
    byEngagement: Record<string, Counts>;
  }[];
  /** The indicator over all partners: events and attendees per engagement level, as the engine counted them. */
  totals: { partners: number; records: number; byEngagement: Record<string, Counts> };
  records: AggregateRecord[];
}

export async function buildAggregate(submissions: SubmissionRepository, collection: Collection, period: Period): Promise<AggregateData> {
  const latest = await submissions.latestOfSignedOrgs(period);
  const levels = (collection.enumerations.engagement ?? []).map((o) => o.id);
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
  const records = await submissions.recordsOf(latest.map((s) => ({ id: s.id, orgId: s.orgId, orgName: s.orgName })));
  return { period, generatedAt: new Date().toISOString(), partners, totals, records };
}
