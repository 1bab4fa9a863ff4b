import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AnnotateMeta } from '../../annotate';
import type { Collection } from '../../core/collection/types';
import { readWorkbookBytes } from '../../io/readWorkbook';
import type { ServerConfig } from '../config';
import { JobLimitError, limitRefusal, type CheckResult, type Engine, type Reader } from '../engine';
import { ApiError } from '../errors';
import { intakeFromMultipart, intakeFromValues, valuesBodySchema, type Intake, type ValuesBody } from '../intake';
import type { Limiter } from '../limiter';
import { agreementMessage, isSignedPartner, principalOf } from '../plugins/auth';
import { newSubmissionId, type Annotated, type SubmissionMeta, type SubmissionSource } from '../repositories/submissions';
import type { Principal } from '../repositories/tokens';
import { errorResponses, idParamsSchema, periodParam, periodQuery, receiptSchema, submissionListSchema } from './schemas';

export interface SubmissionRouteOptions {
  config: ServerConfig;
  engine: Engine;
  collection: Collection;
  limiter: Limiter;
}

const BASE = '/api/v1/submissions';

export function linksOf(id: string) {
  return { report: `${BASE}/${id}`, annotated: `${BASE}/${id}/annotated.xlsx` };
}

function receipt(s: SubmissionMeta) {
  return { id: s.id, status: s.status, receivedAt: s.receivedAt, summary: s.summary, links: linksOf(s.id) };
}

function listItem(s: SubmissionMeta) {
  return {
    id: s.id,
    org: { id: s.orgId, name: s.orgName },
    submittedBy: s.person,
    receivedAt: s.receivedAt,
    source: s.source,
    fileName: s.fileName,
    sheet: s.sheet,
    period: s.period,
    status: s.withdrawnAt ? 'withdrawn' : s.status,
    withdrawnAt: s.withdrawnAt,
    purgedAt: s.purgedAt,
    summary: s.counts,
    links: linksOf(s.id),
  };
}

/** 410 for a submission whose data the retention rule deleted: the receipt is still listed, its data is gone for good. */
function purged(s: SubmissionMeta): ApiError {
  return new ApiError(
    410, 'purged',
    `The data of this submission (${s.fileName}, received ${s.receivedAt.slice(0, 10)}) was deleted on ${(s.purgedAt ?? '').slice(0, 10)} under the data-retention rule, because a later submission replaced it or it was withdrawn. Its receipt and counts are kept; the submission that counts is in the list.`,
  );
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const busy = () => new ApiError(503, 'busy', 'The server is busy checking other workbooks. Try again in a minute.', { 'retry-after': '30' });

/** Idempotency-Key: 1 to 200 visible ASCII characters. */
function idempotencyKeyOf(request: FastifyRequest): string | null {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new ApiError(400, 'bad_request', 'Idempotency-Key must be 1 to 200 visible ASCII characters.');
  }
  return key;
}

/**
 * A submission the caller may see, or a 404 (also for another organisation's:
 * its existence is none of the caller's business). Denials are audited.
 */
async function visibleSubmission(app: FastifyInstance, principal: Principal, id: string, action: string): Promise<SubmissionMeta> {
  const s = await app.repos.submissions.get(id);
  if (!s || (principal.role !== 'analyst' && s.orgId !== principal.orgId)) {
    await app.repos.audit.write({ actor: principal, action, outcome: 'not_found', submissionId: id, targetOrgId: s?.orgId ?? null });
    throw new ApiError(404, 'not_found', 'There is no submission with this id, or it is not yours to see.');
  }
  return s;
}

export const submissionRoutes: FastifyPluginAsync<SubmissionRouteOptions> = async (app, { config, engine, collection, limiter }) => {
  const period = config.period ?? collection.period;
  const readLimits = { maxFileBytes: config.maxUploadBytes, maxCells: config.maxCells, maxMillis: config.readMillis };

  // Required by the multipart intake, never called: the workbook is read in the engine (a worker), not here.
  const unusedReader: Reader = { read: (bytes, fileName, limits) => readWorkbookBytes(bytes, fileName, limits) };

  /** A job past its limit: the partner's answer (check), or the reason kept instead of a workbook (annotate). */
  const asLimitError = (error: unknown, what: 'check') => {
    if (!(error instanceof JobLimitError)) return error;
    const r = limitRefusal(error, what);
    return new ApiError(r.status, r.code, r.message);
  };

  /** Builds the annotated workbook in the engine; one too big or too slow to build is recorded as such, never a failed submission. */
  async function annotate(job: { source: SubmissionSource; bytes: Uint8Array; fileName: string; reportJson: string; meta: AnnotateMeta }): Promise<Annotated> {
    try {
      return { bytes: await engine.annotate({ ...job, collection, readLimits }) };
    } catch (error) {
      if (error instanceof JobLimitError) return { failure: limitRefusal(error, 'annotated') };
      app.log.warn({ err: error, submissionId: job.meta.submissionId }, 'annotated workbook failed');
      return { failure: { code: 'annotate_failed', message: 'The annotated workbook of this submission could not be built. Its check report is still there.' } };
    }
  }

  /** Reads, checks and annotates in the limiter (the engine's workers do the work). */
  async function checkIntake(intake: Intake, meta: AnnotateMeta): Promise<CheckResult & { annotated: Annotated }> {
    const done = await limiter.run(async () => {
      const result = await engine
        .check({ source: intake.source, bytes: intake.bytes, fileName: intake.fileName, options: intake.options, period, collection, readLimits })
        .catch((error: unknown) => {
          throw asLimitError(error, 'check');
        });
      const annotated = await annotate({ source: intake.source, bytes: intake.bytes, fileName: intake.fileName, reportJson: result.report.json, meta });
      return { ...result, annotated };
    });
    if (!done) throw busy();
    return done.value;
  }

  /** Audits a submission that failed (refused or a fault) and hands the error on. */
  const failed = async (p: Principal, error: unknown) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    await app.repos.audit.write({
      actor: p,
      action: 'submission.create',
      outcome: 'failed',
      targetOrgId: p.orgId,
      detail: { status, code: error instanceof ApiError ? error.code : (error as { code?: string }).code ?? null },
    });
    return error;
  };

  app.post(
    '/',
    {
      bodyLimit: config.maxUploadBytes,
      schema: {
        body: { content: { 'application/json': { schema: valuesBodySchema } } },
        response: { 200: receiptSchema, 201: receiptSchema, ...errorResponses, 409: { $ref: 'error#' }, 413: { $ref: 'error#' }, 415: { $ref: 'error#' }, 422: { $ref: 'error#' } },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const denied = async (error: ApiError) => {
        await app.repos.audit.write({ actor: p, action: 'submission.create', outcome: 'denied', targetOrgId: p.orgId, detail: { status: error.statusCode, code: error.code } });
        return error;
      };
      if (p.role !== 'partner' || !p.orgId) {
        throw await denied(new ApiError(403, 'forbidden', "Submissions come from a partner organisation's own staff: an analyst token cannot submit."));
      }
      if (!isSignedPartner(p)) throw await denied(new ApiError(403, 'agreement_not_signed', agreementMessage(p.orgName, 'submit data')));
      const principal = { ...p, orgId: p.orgId };

      const key = idempotencyKeyOf(request);
      /** The first receipt for a retry of the same request; a 409 for another request under the same key. */
      const replay = async (earlier: SubmissionMeta, requestHash: string) => {
        if (earlier.requestHash !== null && earlier.requestHash !== requestHash) {
          await app.repos.audit.write({ actor: p, action: 'submission.replay', outcome: 'denied', targetOrgId: p.orgId, submissionId: earlier.id, detail: { status: 409 } });
          throw new ApiError(409, 'idempotency_conflict', `This Idempotency-Key was already used for another submission (${earlier.id}, ${earlier.fileName}) with a different file or options. Send a new key for a new submission.`);
        }
        await app.repos.audit.write({ actor: p, action: 'submission.replay', outcome: 'ok', targetOrgId: p.orgId, submissionId: earlier.id });
        return reply.code(200).send(receipt(earlier));
      };
      let stored;
      let intake: Intake;
      try {
        const isJson = !request.isMultipart() && /^application\/json\b/i.test(request.headers['content-type'] ?? '');
        if (!request.isMultipart() && !isJson) {
          throw new ApiError(415, 'unsupported_media_type', 'Send the workbook as multipart/form-data (field "file") or the cells as application/json.');
        }
        intake = isJson
          ? intakeFromValues(request.body as ValuesBody, collection, config.maxCells)
          : await intakeFromMultipart(request, unusedReader, collection, readLimits);
        // The parsed JSON is no longer needed (the intake keeps its bytes): let it go while the worker checks.
        if (isJson) request.body = undefined;
      } catch (error) {
        throw await failed(p, error);
      }
      if (key !== null) {
        const earlier = await app.repos.submissions.findByIdempotencyKey(principal.orgId, key);
        if (earlier) return replay(earlier, intake.requestHash);
      }
      try {
        const used = await app.repos.submissions.storedBytes(principal.orgId);
        if (used + intake.bytes.byteLength > config.orgQuotaBytes) {
          throw new ApiError(
            413,
            'quota_exceeded',
            `Your organisation stores ${megabytes(used)} of submissions and may store ${megabytes(config.orgQuotaBytes)}; this file (${megabytes(intake.bytes.byteLength)}) would pass that. Ask the data team to withdraw old submissions or raise the limit.`,
          );
        }
        const id = newSubmissionId();
        const receivedAt = new Date().toISOString();
        const meta = { partner: principal.orgName ?? undefined, submissionId: id, submittedAt: receivedAt, submittedBy: principal.person, fileName: intake.fileName };
        const { report, source, annotated } = await checkIntake(intake, meta);
        stored = await app.repos.submissions.create({
          id,
          receivedAt,
          annotated,
          principal,
          idempotencyKey: key,
          requestHash: intake.requestHash,
          source,
          fileName: intake.fileName,
          contentType: intake.contentType,
          bytes: intake.bytes,
          report,
        });
      } catch (error) {
        throw await failed(p, error);
      }
      // A concurrent retry under the same key stored first: the same request gets its receipt, another a 409.
      if (!stored.created) return replay(stored.submission, intake.requestHash);
      return reply.code(201).send(receipt(stored.submission));
    },
  );

  app.get<{ Querystring: { limit?: number; org?: string; period?: string } }>(
    '/',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 }, org: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }, period: periodQuery },
        },
        response: { 200: submissionListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      // A partner sees its own organisation's, whatever it asks for.
      const orgId = p.role === 'analyst' ? q.org : p.orgId ?? '\u0000';
      const list = await app.repos.submissions.list({ orgId, limit: q.limit ?? 100, period: q.period ? periodParam(q.period) : undefined });
      await app.repos.audit.write({ actor: p, action: 'submission.list', outcome: 'ok', targetOrgId: orgId ?? null, detail: { count: list.length } });
      return { submissions: list.map(listItem) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/:id',
    { schema: { params: idParamsSchema, response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses } } },
    async (request, reply) => {
      const p = principalOf(request);
      const s = await visibleSubmission(app, p, request.params.id, 'submission.read');
      if (s.purgedAt) throw purged(s);
      const json = await app.repos.submissions.reportJson(s.id);
      if (json === undefined) throw new ApiError(404, 'not_found', 'There is no submission with this id, or it is not yours to see.');
      await app.repos.audit.write({ actor: p, action: 'submission.read', outcome: 'ok', targetOrgId: s.orgId, submissionId: s.id });
      // The report as checked, plus a `submission` member (the report contract allows added members),
      // spliced into the stored JSON text: a large report is never parsed on the event loop.
      const body = `${json.slice(0, json.lastIndexOf('}'))},"submission":${JSON.stringify(listItem(s))}}`;
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/:id/annotated.xlsx',
    { schema: { params: idParamsSchema, response: { ...errorResponses, 422: { $ref: 'error#' } } } },
    async (request, reply: FastifyReply) => {
      const p = principalOf(request);
      const s = await visibleSubmission(app, p, request.params.id, 'submission.annotated');
      if (s.purgedAt) throw purged(s);
      // Built once when the submission was stored; built now (once) only for one stored before that.
      let annotated = await app.repos.submissions.annotated(s.id);
      if (!annotated) {
        const [json, file] = await Promise.all([app.repos.submissions.reportJson(s.id), app.repos.submissions.file(s.id)]);
        if (json === undefined || !file) throw new ApiError(404, 'not_found', 'There is no submission with this id, or it is not yours to see.');
        const meta = { partner: s.orgName, submissionId: s.id, submittedAt: s.receivedAt, submittedBy: s.person, fileName: s.fileName };
        const done = await limiter.run(() => annotate({ source: s.source, bytes: file.bytes, fileName: file.fileName, reportJson: json, meta }));
        if (!done) throw busy();
        await app.repos.submissions.putAnnotated(s.id, done.value);
        annotated = (await app.repos.submissions.annotated(s.id)) ?? done.value;
      }
      if ('failure' in annotated) {
        await app.repos.audit.write({ actor: p, action: 'submission.annotated', outcome: 'failed', targetOrgId: s.orgId, submissionId: s.id, detail: { code: annotated.failure.code } });
        throw new ApiError(422, annotated.failure.code, annotated.failure.message);
      }
      const bytes = annotated.bytes;
      await app.repos.audit.write({ actor: p, action: 'submission.annotated', outcome: 'ok', targetOrgId: s.orgId, submissionId: s.id });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`${baseName(s.fileName)} checked ${s.id}.xlsx`))
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
};

function baseName(fileName: string): string {
  return fileName.replace(/\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|csv|tsv|docx)$/i, '');
}

/** attachment; filename="ascii fallback"; filename*=UTF-8''… */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
