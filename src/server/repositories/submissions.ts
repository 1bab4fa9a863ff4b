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

/** One row of the records table, ready to insert: [row, date, engagement, attendees, flags (1 errors, 2 not held), values JSON, sheet]. */
export type RecordRow = [number, string | null, string | null, number | null, number, string, string | null];
/** One row of the issues table: [row, column, field, severity, code, message, value]. */
export type IssueRow = [number | null, string | null, string | null, string, string, string, string | null];

/**
 * A check report as the store keeps it: its JSON and the rows of its records
 * and issues, prepared where the check ran (a worker), so the server's event
 * loop never walks a large report.
 */
export interface PreparedReport {
  json: string;
  sheet: string | null;
  headerRow: number | null;
  period: Period;
  summary: Summary;
  engine: { version: string; collection: string };
  /** The rows in chunks of CHUNK, each chunk as JSON text: cheap to pass between threads, parsed one insert at a time. */
  recordChunks: string[];
  issueChunks: string[];
}

/** Rows per INSERT statement (and per chunk of a PreparedReport). */
const CHUNK = 200;

function chunked<T>(rows: T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(JSON.stringify(rows.slice(i, i + CHUNK)));
  return out;
}

/** Lets the event loop answer others (e.g. /healthz) between the statements of a long transaction. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The records table's `flagged` bits: the row has errors; the partner marked it as not held (kept, not counted). */
const FLAG_ERRORS = 1;
const FLAG_NOT_HELD = 2;

/** A stored record's `flagged` as its two facts. */
function flagsOf(flagged: unknown): { flagged: boolean; notHeld: boolean } {
  const bits = Number(flagged);
  return { flagged: (bits & FLAG_ERRORS) !== 0, notHeld: (bits & FLAG_NOT_HELD) !== 0 };
}

export function prepareReport(report: CheckReport): PreparedReport {
  // A row is flagged on its own sheet: row 3 of "Feb" is not row 3 of "Jan".
  const errorRows = new Set(report.issues.filter((i) => i.severity === 'error' && i.row !== undefined).map((i) => `${i.sheet ?? ''}\u0000${i.row}`));
  const notHeldRows = new Set(report.issues.filter((i) => i.code === 'event_not_held' && i.row !== undefined).map((i) => `${i.sheet ?? ''}\u0000${i.row}`));
  return {
    json: JSON.stringify(report),
    sheet: report.sheet,
    headerRow: report.headerRow,
    period: report.period,
    summary: report.summary,
    engine: { version: report.engine.version, collection: report.engine.collection },
    recordChunks: chunked<RecordRow>(report.records.map((r) => [
      r.row,
      typeof r.values.date === 'string' ? r.values.date : null,
      typeof r.values.engagement === 'string' ? r.values.engagement : null,
      typeof r.values.attendees === 'number' && Number.isSafeInteger(r.values.attendees) ? r.values.attendees : null,
      (errorRows.has(`${r.sheet ?? ''}\u0000${r.row}`) ? FLAG_ERRORS : 0) | (notHeldRows.has(`${r.sheet ?? ''}\u0000${r.row}`) ? FLAG_NOT_HELD : 0),
      JSON.stringify(r.values),
      r.sheet ?? null,
    ])),
    issueChunks: chunked<IssueRow>(report.issues.map((i) => [i.row ?? null, i.column ?? null, i.field, i.severity, i.code, i.message, i.value ?? null])),
  };
}

/** The annotated workbook, or why it could not be built (too big, too slow). */
export type Annotated = { bytes: Uint8Array } | { failure: { code: string; message: string } };

export interface NewSubmission {
  /** Chosen before the check so the annotated workbook can carry it; default a new id. */
  id?: string;
  receivedAt?: string;
  principal: Principal & { orgId: string };
  idempotencyKey: string | null;
  /** What a retry with the same key must match (see intake's requestHash). */
  requestHash?: string;
  source: SubmissionSource;
  fileName: string;
  contentType: string;
  /** The original: the uploaded file, or the JSON the add-in posted. */
  bytes: Uint8Array;
  report: PreparedReport;
  annotated?: Annotated;
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
  /** When an administrator withdrew it from the aggregate; null while it counts. */
  withdrawnAt: string | null;
  /** When its data was deleted under the retention rule (receipt and counts kept); null while it is all there. */
  purgedAt: string | null;
  /** The hash of the request it came from (null when stored before hashes were kept). */
  requestHash: string | null;
}

export interface AggregateRecord {
  orgId: string;
  partner: string;
  submissionId: string;
  /** The sheet of the partner's workbook the record stands on (null for a CSV or a one-sheet submission). */
  sheet: string | null;
  row: number;
  flagged: boolean;
  /** The partner marked the event as not held ("Cancelled"): kept, not counted in the analysis. */
  notHeld?: boolean;
  values: Record<string, unknown>;
}

export interface Hooks {
  /** Runs inside the submission's transaction after the first writes (tests kill the process here). */
  insideSubmissionTransaction?: () => Promise<void>;
}

type MetaRow = Omit<Selectable<SubmissionTable>, 'report_json'> & { org_name: string };

const META_COLUMNS = [
  's.id', 's.org_id', 's.token_id', 's.person', 's.idempotency_key', 's.request_hash', 's.received_at', 's.source', 's.file_name', 's.sheet',
  's.header_row', 's.period_start', 's.period_end', 's.status', 's.record_count', 's.error_count', 's.warning_count',
  's.engine_version', 's.collection_id', 's.summary_json', 's.withdrawn_at', 's.withdrawn_by', 's.purged_at', 's.purged_by', 'o.name as org_name',
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
    withdrawnAt: r.withdrawn_at,
    purgedAt: r.purged_at,
    requestHash: r.request_hash,
  };
}

/** A newly chosen submission id. */
export const newSubmissionId = () => newId('sub', 16);

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
    const id = input.id ?? newSubmissionId();
    const receivedAt = input.receivedAt ?? new Date().toISOString();
    const row: SubmissionTable = {
      id,
      org_id: principal.orgId,
      token_id: principal.tokenId,
      person: principal.person,
      idempotency_key: input.idempotencyKey,
      request_hash: input.requestHash ?? null,
      received_at: receivedAt,
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
      report_json: report.json,
      withdrawn_at: null,
      purged_at: null,
      purged_by: null,
      withdrawn_by: null,
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
        let recordSeq = 0;
        for (const text of report.recordChunks) {
          const chunk = (JSON.parse(text) as RecordRow[]).map(([rowNumber, date, engagement, attendees, flagged, values, sheet]) => ({
            submission_id: id,
            seq: ++recordSeq,
            sheet,
            row_number: rowNumber,
            event_date: date,
            engagement,
            attendees,
            flagged,
            values_json: values,
          }));
          await trx.insertInto('records').values(chunk).execute();
          await yieldToLoop();
        }
        if (this.hooks.insideSubmissionTransaction) await this.hooks.insideSubmissionTransaction();
        let seq = 0;
        for (const text of report.issueChunks) {
          const chunk = (JSON.parse(text) as IssueRow[]).map(([rowNumber, column, field, severity, code, message, value]) => ({
            submission_id: id,
            seq: ++seq,
            row_number: rowNumber,
            column_letter: column,
            field,
            severity,
            code,
            message,
            value,
          }));
          await trx.insertInto('issues').values(chunk).execute();
          await yieldToLoop();
        }
        if (input.annotated) await this.putAnnotated(id, input.annotated, trx);
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

  /** Bytes of original files an organisation stores (withdrawn ones too: they are kept). */
  async storedBytes(orgId: string): Promise<number> {
    const files = await this.db
      .selectFrom('submission_files as f')
      .innerJoin('submissions as s', 's.id', 'f.submission_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('f.size'), eb.lit(0)).as('n'))
      .where('s.org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return Number(files.n);
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

  /** The stored annotated workbook (or why there is none); undefined when it was never built. */
  async annotated(id: string): Promise<Annotated | undefined> {
    const row = await this.db
      .selectFrom('submission_annotated')
      .select(['bytes', 'failure_code', 'failure_message'])
      .where('submission_id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.bytes) return { bytes: row.bytes };
    return { failure: { code: row.failure_code ?? 'too_complex', message: row.failure_message ?? 'The annotated workbook could not be built.' } };
  }

  /** Stores the annotated workbook (or the reason it could not be built); a second writer changes nothing. */
  async putAnnotated(id: string, annotated: Annotated, db: Kysely<Database> = this.db): Promise<void> {
    const bytes = 'bytes' in annotated ? annotated.bytes : null;
    const failure = 'failure' in annotated ? annotated.failure : null;
    await db
      .insertInto('submission_annotated')
      .values({
        submission_id: id,
        built_at: new Date().toISOString(),
        size: bytes?.byteLength ?? 0,
        bytes,
        failure_code: failure?.code ?? null,
        failure_message: failure?.message ?? null,
      })
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .execute();
  }

  /**
   * Takes a submission out of the aggregate (the organisation's previous one,
   * if any, counts again). Kept, not deleted; audited in the same transaction.
   * Returns undefined for an unknown id; a second withdrawal changes nothing.
   */
  async withdraw(id: string, admin: string): Promise<{ submission: SubmissionMeta; changed: boolean } | undefined> {
    const changed = await this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('submissions')
        .set({ withdrawn_at: new Date().toISOString(), withdrawn_by: admin })
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      const n = Number(result.numUpdatedRows);
      if (n > 0) {
        const org = await trx.selectFrom('submissions').select('org_id').where('id', '=', id).executeTakeFirstOrThrow();
        await this.audit.write({ actor: { admin }, action: 'submission.withdraw', outcome: 'ok', targetOrgId: org.org_id, submissionId: id }, trx);
      }
      return n > 0;
    });
    const submission = await this.get(id);
    return submission && { submission, changed };
  }

  /**
   * The retention rule: deletes the data of every submission received before
   * `before` that no longer counts (withdrawn, or replaced by a later
   * submission of the same organisation and period that still counts): its
   * original file, records, issues, report and annotated workbook. The
   * receipt and its counts stay, so the history of who sent what is kept;
   * each deletion is audited. The submission that counts for an organisation
   * is never touched. With dryRun, only says which it would delete.
   */
  async purge(options: { before: string; admin: string; dryRun?: boolean }): Promise<{ submission: SubmissionMeta; bytes: number; why: 'withdrawn' | 'replaced' }[]> {
    const candidates = await this.metaQuery()
      .where('s.received_at', '<', options.before)
      .where('s.purged_at', 'is', null)
      .orderBy('s.received_at')
      .orderBy('s.id')
      .execute();
    const out: { submission: SubmissionMeta; bytes: number; why: 'withdrawn' | 'replaced' }[] = [];
    for (const row of candidates) {
      const s = toMeta(row);
      let why: 'withdrawn' | 'replaced' | null = s.withdrawnAt ? 'withdrawn' : null;
      if (!why) {
        const later = await this.db
          .selectFrom('submissions')
          .select('id')
          .where('org_id', '=', s.orgId)
          .where('period_start', '=', s.period.start)
          .where('period_end', '=', s.period.end)
          .where('withdrawn_at', 'is', null)
          .where((eb) => eb.or([eb('received_at', '>', s.receivedAt), eb.and([eb('received_at', '=', s.receivedAt), eb('id', '>', s.id)])]))
          .executeTakeFirst();
        if (later) why = 'replaced';
      }
      if (!why) continue;
      const file = await this.db.selectFrom('submission_files').select('size').where('submission_id', '=', s.id).executeTakeFirst();
      const bytes = Number(file?.size ?? 0);
      if (!options.dryRun) {
        const at = new Date().toISOString();
        await this.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('submission_files').where('submission_id', '=', s.id).execute();
          await trx.deleteFrom('submission_annotated').where('submission_id', '=', s.id).execute();
          await trx.deleteFrom('records').where('submission_id', '=', s.id).execute();
          await trx.deleteFrom('issues').where('submission_id', '=', s.id).execute();
          await trx.updateTable('submissions').set({ report_json: '', purged_at: at, purged_by: options.admin }).where('id', '=', s.id).execute();
          await this.audit.write({ actor: { admin: options.admin }, action: 'submission.purge', outcome: 'ok', targetOrgId: s.orgId, submissionId: s.id, detail: { why, bytes } }, trx);
        });
        out.push({ submission: { ...s, purgedAt: at }, bytes, why });
      } else {
        out.push({ submission: s, bytes, why });
      }
    }
    return out;
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
      .where('s.withdrawn_at', 'is', null)
      // Data deleted under the retention rule never counts again (were the submission that replaced it withdrawn later).
      .where('s.purged_at', 'is', null)
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
        const { flagged, notHeld } = flagsOf(r.flagged);
        out.push({
          orgId: sub.orgId,
          partner: sub.orgName,
          submissionId: sub.id,
          sheet: r.sheet ?? null,
          row: Number(r.row_number),
          flagged,
          ...(notHeld ? { notHeld } : {}),
          values: JSON.parse(r.values_json) as Record<string, unknown>,
        });
      }
    }
    return out;
  }

  /**
   * Up to `limit` aggregate records as JSON text, in order: the submissions
   * as given, each by row, starting after `from` (submission index and row).
   * The values are spliced in as stored, never parsed. `next` is where the
   * following page starts, or null after the last record.
   */
  async recordsPage(
    submissions: { id: string; orgId: string; orgName: string }[],
    from: { index: number; row: number },
    limit: number,
  ): Promise<{ json: string[]; next: { index: number; row: number } | null }> {
    const json: string[] = [];
    let { index, row } = from;
    while (index < submissions.length && json.length < limit) {
      const s = submissions[index]!;
      const rows = await this.db
        .selectFrom('records')
        .select(['row_number', 'flagged', 'values_json'])
        .where('submission_id', '=', s.id)
        .where('row_number', '>', row)
        .orderBy('row_number')
        .limit(limit - json.length)
        .execute();
      const head = `{"orgId":${JSON.stringify(s.orgId)},"partner":${JSON.stringify(s.orgName)},"submissionId":${JSON.stringify(s.id)}`;
      for (const r of rows) {
        const { flagged, notHeld } = flagsOf(r.flagged);
        json.push(`${head},"row":${Number(r.row_number)},"flagged":${flagged}${notHeld ? ',"notHeld":true' : ''},"values":${r.values_json}}`);
      }
      if (json.length < limit) {
        index++;
        row = 0;
      } else {
        row = Number(rows.at(-1)!.row_number);
      }
    }
    if (index >= submissions.length) return { json, next: null };
    // A full page that ends on a submission's last row: the next page starts there and may be empty of it.
    return { json, next: { index, row } };
  }

  private metaQuery() {
    return this.db.selectFrom('submissions as s').innerJoin('orgs as o', 'o.id', 's.org_id').select(META_COLUMNS);
  }
}
