import type { Kysely, Selectable } from 'kysely';
import type { CheckReport, Summary } from '../../core/report';
import type { Period } from '../../core/collection/types';
import type { Database, SubmissionTable } from '../store/schema';
import { newId, sha256Hex } from '../ids';
import { isUniqueViolation } from '../store/connect';
import { AuditRepository } from './audit';
import type { Principal } from './tokens';

export type SubmissionSource = 'xlsx' | 'csv' | 'office';
export type SubmissionStatus = 'accepted' | 'flagged';

export interface NewSubmission {
  principal: Principal & { orgId: string };
  idempotencyKey: string | null;
  source: SubmissionSource;
  fileName: string;
  contentType: string;
  /** The original: the uploaded file, or the JSON the add-in posted. */
  bytes: Uint8Array;
  report: CheckReport;
}

/** A submission without its report and file: what lists show. */
export interface SubmissionMeta {
  id: string;
  orgId: string;
  orgName: string;
  person: string;
  receivedAt: string;
  source: SubmissionSource;
  fileName: string;
  sheet: string | null;
  headerRow: number | null;
  period: Period;
  status: SubmissionStatus;
  counts: { records: number; errors: number; warnings: number };
  engineVersion: string;
  collectionId: string;
  /** The check report's summary (counts and the indicator). */
  summary: Summary;
}

export interface AggregateRecord {
  orgId: string;
  partner: string;
  submissionId: string;
  /** The sheet of the partner's workbook the record stands on (null for a CSV or a one-sheet submission). */
  sheet: string | null;
  row: number;
  flagged: boolean;
  values: Record<string, unknown>;
}

export interface Hooks {
  /** Runs inside the submission's transaction after the first writes (tests kill the process here). */
  insideSubmissionTransaction?: () => Promise<void>;
}

type MetaRow = Omit<Selectable<SubmissionTable>, 'report_json'> & { org_name: string };

const META_COLUMNS = [
  's.id', 's.org_id', 's.token_id', 's.person', 's.idempotency_key', 's.received_at', 's.source', 's.file_name', 's.sheet',
  's.header_row', 's.period_start', 's.period_end', 's.status', 's.record_count', 's.error_count', 's.warning_count',
  's.engine_version', 's.collection_id', 's.summary_json', 'o.name as org_name',
] as const;

function toMeta(r: MetaRow): SubmissionMeta {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    person: r.person,
    receivedAt: r.received_at,
    source: r.source as SubmissionSource,
    fileName: r.file_name,
    sheet: r.sheet,
    headerRow: r.header_row,
    period: { start: r.period_start, end: r.period_end },
    status: r.status as SubmissionStatus,
    counts: { records: Number(r.record_count), errors: Number(r.error_count), warnings: Number(r.warning_count) },
    engineVersion: r.engine_version,
    collectionId: r.collection_id,
    summary: JSON.parse(r.summary_json) as Summary,
  };
}

const CHUNK = 200;

export class SubmissionRepository {
  private readonly audit: AuditRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly hooks: Hooks = {},
  ) {
    this.audit = new AuditRepository(db);
  }

  async findByIdempotencyKey(orgId: string, key: string): Promise<SubmissionMeta | undefined> {
    const row = await this.metaQuery().where('s.org_id', '=', orgId).where('s.idempotency_key', '=', key).executeTakeFirst();
    return row && toMeta(row);
  }

  /**
   * Stores the submission, its original, records, issues and the audit entry
   * in one transaction. A concurrent retry with the same Idempotency-Key loses
   * on the unique index and gets the winner's submission back.
   */
  async create(input: NewSubmission): Promise<{ submission: SubmissionMeta; created: boolean }> {
    const { report, principal } = input;
    const id = newId('sub', 16);
    // A row is flagged on its own sheet: row 3 of "Feb" is not row 3 of "Jan".
    const errorRows = new Set(report.issues.filter((i) => i.severity === 'error' && i.row !== undefined).map((i) => `${i.sheet ?? ''}\u0000${i.row}`));
    const row: SubmissionTable = {
      id,
      org_id: principal.orgId,
      token_id: principal.tokenId,
      person: principal.person,
      idempotency_key: input.idempotencyKey,
      received_at: new Date().toISOString(),
      source: input.source,
      file_name: input.fileName,
      sheet: report.sheet,
      header_row: report.headerRow,
      period_start: report.period.start,
      period_end: report.period.end,
      status: report.summary.errors > 0 ? 'flagged' : 'accepted',
      record_count: report.summary.records,
      error_count: report.summary.errors,
      warning_count: report.summary.warnings,
      engine_version: report.engine.version,
      collection_id: report.engine.collection,
      summary_json: JSON.stringify(report.summary),
      report_json: JSON.stringify(report),
    };
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('submissions').values(row).execute();
        await trx
          .insertInto('submission_files')
          .values({
            submission_id: id,
            file_name: input.fileName,
            content_type: input.contentType,
            size: input.bytes.byteLength,
            sha256: sha256Hex(input.bytes),
            bytes: input.bytes,
          })
          .execute();
        for (let i = 0; i < report.records.length; i += CHUNK) {
          const chunk = report.records.slice(i, i + CHUNK).map((r, j) => ({
            submission_id: id,
            seq: i + j + 1,
            sheet: r.sheet ?? null,
            row_number: r.row,
            event_date: typeof r.values.date === 'string' ? r.values.date : null,
            engagement: typeof r.values.engagement === 'string' ? r.values.engagement : null,
            attendees: typeof r.values.attendees === 'number' && Number.isSafeInteger(r.values.attendees) ? r.values.attendees : null,
            flagged: errorRows.has(`${r.sheet ?? ''}\u0000${r.row}`) ? 1 : 0,
            values_json: JSON.stringify(r.values),
          }));
          await trx.insertInto('records').values(chunk).execute();
        }
        if (this.hooks.insideSubmissionTransaction) await this.hooks.insideSubmissionTransaction();
        for (let i = 0; i < report.issues.length; i += CHUNK) {
          const chunk = report.issues.slice(i, i + CHUNK).map((issue, j) => ({
            submission_id: id,
            seq: i + j + 1,
            row_number: issue.row ?? null,
            column_letter: issue.column ?? null,
            field: issue.field,
            severity: issue.severity,
            code: issue.code,
            message: issue.message,
            value: issue.value ?? null,
          }));
          await trx.insertInto('issues').values(chunk).execute();
        }
        await this.audit.write(
          {
            actor: principal,
            action: 'submission.create',
            outcome: 'ok',
            targetOrgId: principal.orgId,
            submissionId: id,
            detail: { records: row.record_count, errors: row.error_count, warnings: row.warning_count, bytes: input.bytes.byteLength },
          },
          trx,
        );
      });
    } catch (error) {
      if (input.idempotencyKey !== null && isUniqueViolation(error)) {
        const existing = await this.findByIdempotencyKey(principal.orgId, input.idempotencyKey);
        if (existing) return { submission: existing, created: false };
      }
      throw error;
    }
    const created = await this.get(id);
    if (!created) throw new Error('submission vanished after commit');
    return { submission: created, created: true };
  }

  async get(id: string): Promise<SubmissionMeta | undefined> {
    const row = await this.metaQuery().where('s.id', '=', id).executeTakeFirst();
    return row && toMeta(row);
  }

  /** The stored check report, as JSON text. */
  async reportJson(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('submissions').select('report_json').where('id', '=', id).executeTakeFirst();
    return row?.report_json;
  }

  async file(id: string): Promise<{ fileName: string; contentType: string; bytes: Uint8Array; sha256: string } | undefined> {
    const row = await this.db
      .selectFrom('submission_files')
      .select(['file_name', 'content_type', 'bytes', 'sha256'])
      .where('submission_id', '=', id)
      .executeTakeFirst();
    return row && { fileName: row.file_name, contentType: row.content_type, bytes: row.bytes, sha256: row.sha256 };
  }

  /** Newest first; orgId limits to one organisation. */
  async list(options: { orgId?: string; limit?: number; period?: Period } = {}): Promise<SubmissionMeta[]> {
    let q = this.metaQuery().orderBy('s.received_at', 'desc').orderBy('s.id', 'desc').limit(options.limit ?? 100);
    if (options.orgId) q = q.where('s.org_id', '=', options.orgId);
    if (options.period) q = q.where('s.period_start', '=', options.period.start).where('s.period_end', '=', options.period.end);
    return (await q.execute()).map(toMeta);
  }

  /** Each signed organisation's latest submission for the period, with its summary. */
  async latestOfSignedOrgs(period: Period, today = new Date().toISOString().slice(0, 10)): Promise<SubmissionMeta[]> {
    const rows = await this.metaQuery()
      .where('s.period_start', '=', period.start)
      .where('s.period_end', '=', period.end)
      .where('o.agreement_signed_on', 'is not', null)
      .where('o.agreement_signed_on', '<=', today)
      .orderBy('s.org_id')
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
    const latest = new Map<string, SubmissionMeta>();
    for (const r of rows) {
      if (!latest.has(r.org_id)) latest.set(r.org_id, toMeta(r));
    }
    return [...latest.values()].sort((a, b) => a.orgName.localeCompare(b.orgName));
  }

  async recordsOf(submissions: { id: string; orgId: string; orgName: string }[]): Promise<AggregateRecord[]> {
    const byId = new Map(submissions.map((s) => [s.id, s]));
    const out: AggregateRecord[] = [];
    for (const s of submissions) {
      const rows = await this.db
        .selectFrom('records')
        .select(['submission_id', 'sheet', 'row_number', 'flagged', 'values_json'])
        .where('submission_id', '=', s.id)
        .orderBy('seq')
        .execute();
      for (const r of rows) {
        const sub = byId.get(r.submission_id);
        if (!sub) continue;
        out.push({
          orgId: sub.orgId,
          partner: sub.orgName,
          submissionId: sub.id,
          sheet: r.sheet ?? null,
          row: Number(r.row_number),
          flagged: Number(r.flagged) === 1,
          values: JSON.parse(r.values_json) as Record<string, unknown>,
        });
      }
    }
    return out;
  }

  private metaQuery() {
    return this.db.selectFrom('submissions as s').innerJoin('orgs as o', 'o.id', 's.org_id').select(META_COLUMNS);
  }
}
