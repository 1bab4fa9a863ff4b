import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { Principal } from './tokens';

/** One line of the audit log: who did what to which data, when, and how it ended. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { type: 'token' | 'admin' | 'anonymous'; tokenId: string | null; person: string | null; role: string | null; orgId: string | null };
  action: string;
  outcome: 'ok' | 'denied' | 'not_found' | 'failed';
  targetOrgId: string | null;
  submissionId: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditInput {
  actor: Principal | { admin: string } | null;
  action: string;
  outcome: AuditEntry['outcome'];
  targetOrgId?: string | null;
  submissionId?: string | null;
  /** Ids and counts only: never partner data or tokens. */
  detail?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Writes one entry; pass a transaction to make it part of the change it records. */
  async write(input: AuditInput, db: Kysely<Database> = this.db): Promise<void> {
    await db.insertInto('audit_log').values(this.row(input)).execute();
  }

  /** Writes several entries in one statement (one read of many organisations' data: one entry per organisation). */
  async writeMany(inputs: AuditInput[], db: Kysely<Database> = this.db): Promise<void> {
    const at = new Date().toISOString();
    for (let i = 0; i < inputs.length; i += 500) {
      await db.insertInto('audit_log').values(inputs.slice(i, i + 500).map((input) => ({ ...this.row(input), at }))).execute();
    }
  }

  private row(input: AuditInput) {
    const a = input.actor;
    const actor =
      a === null
        ? { actor_type: 'anonymous', actor_token_id: null, actor_person: null, actor_role: null, actor_org_id: null }
        : 'admin' in a
          ? { actor_type: 'admin', actor_token_id: null, actor_person: a.admin, actor_role: 'admin', actor_org_id: null }
          : { actor_type: 'token', actor_token_id: a.tokenId, actor_person: a.person, actor_role: a.role, actor_org_id: a.orgId };
    return {
      at: new Date().toISOString(),
      ...actor,
      action: input.action,
      outcome: input.outcome,
      target_org_id: input.targetOrgId ?? null,
      submission_id: input.submissionId ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
    };
  }

  /** Newest first; with orgId, what the organisation's people did and what was done to its data. */
  async list(options: { orgId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit ?? 100);
    if (options.orgId) {
      const org = options.orgId;
      q = q.where((eb) => eb.or([eb('actor_org_id', '=', org), eb('target_org_id', '=', org)]));
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: {
        type: r.actor_type as AuditEntry['actor']['type'],
        tokenId: r.actor_token_id,
        person: r.actor_person,
        role: r.actor_role,
        orgId: r.actor_org_id,
      },
      action: r.action,
      outcome: r.outcome as AuditEntry['outcome'],
      targetOrgId: r.target_org_id,
      submissionId: r.submission_id,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    }));
  }
}
