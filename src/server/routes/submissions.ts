import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { buildAnnotatedWorkbook } from '../../annotate';
import type { Collection } from '../../core/collection/types';
import { checkReportSchema, type CheckReport } from '../../core/report';
import type { ServerConfig } from '../config';
import { readUpload, type Engine } from '../engine';
import { ApiError } from '../errors';
import { intakeFromMultipart, intakeFromValues, valuesBodySchema, workbookFromStoredValues, type Intake, type ValuesBody } from '../intake';
import type { Limiter } from '../limiter';
import { agreementMessage, isSignedPartner, principalOf } from '../plugins/auth';
import type { SubmissionMeta } from '../repositories/submissions';
import type { Principal } from '../repositories/tokens';
import { parsePeriod } from '../config';
import { errorResponses, idParamsSchema, periodQuery, receiptSchema, submissionListSchema } from './schemas';

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
  return { id: s.id, status: s.status, summary: s.summary, links: linksOf(s.id) };
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
    status: s.status,
    summary: s.counts,
    links: linksOf(s.id),
  };
}

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

  /** Reads and checks in the limiter; the report is validated against the contract before it is stored. */
  async function checkIntake(intake: Intake): Promise<{ report: CheckReport; source: Intake['source'] }> {
    const done = await limiter.run(async () => {
      const workbook = await intake.read();
      const sheetName = intake.options.sheet;
      if (sheetName && !workbook.sheets.some((s) => s.name === sheetName || s.name.toLowerCase() === sheetName.toLowerCase())) {
        const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
        throw new ApiError(422, 'sheet_not_found', `The workbook has no sheet named "${sheetName}"; its sheets are ${names}.`);
      }
      const result = engine.check(workbook, { ...intake.options, file: intake.fileName, period, collection });
      const source = workbook.source === 'csv' ? 'csv' : intake.source;
      return { report: checkReportSchema.parse(result), source };
    });
    if (!done) throw busy();
    return done.value;
  }

  app.post(
    '/',
    {
      bodyLimit: config.maxUploadBytes,
      schema: {
        body: { content: { 'application/json': { schema: valuesBodySchema } } },
        response: { 200: receiptSchema, 201: receiptSchema, ...errorResponses, 413: { $ref: 'error#' }, 415: { $ref: 'error#' }, 422: { $ref: 'error#' } },
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
      if (key !== null) {
        const earlier = await app.repos.submissions.findByIdempotencyKey(principal.orgId, key);
        if (earlier) {
          await app.repos.audit.write({ actor: p, action: 'submission.replay', outcome: 'ok', targetOrgId: p.orgId, submissionId: earlier.id });
          return reply.code(200).send(receipt(earlier));
        }
      }
      let stored;
      try {
        const isJson = !request.isMultipart() && /^application\/json\b/i.test(request.headers['content-type'] ?? '');
        if (!request.isMultipart() && !isJson) {
          throw new ApiError(415, 'unsupported_media_type', 'Send the workbook as multipart/form-data (field "file") or the cells as application/json.');
        }
        const intake = isJson
          ? intakeFromValues(request.body as ValuesBody, collection, config.maxCells)
          : await intakeFromMultipart(request, engine, collection, readLimits);
        const { report, source } = await checkIntake(intake);
        stored = await app.repos.submissions.create({
          principal,
          idempotencyKey: key,
          source,
          fileName: intake.fileName,
          contentType: intake.contentType,
          bytes: intake.bytes,
          report,
        });
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode ?? 500;
        await app.repos.audit.write({
          actor: p,
          action: 'submission.create',
          outcome: 'failed',
          targetOrgId: p.orgId,
          detail: { status, code: error instanceof ApiError ? error.code : (error as { code?: string }).code ?? null },
        });
        throw error;
      }
      return reply.code(stored.created ? 201 : 200).send(receipt(stored.submission));
    },
  );

  app.get<{ Querystring: { limit?: number; org?: string; period?: string } }>(
    '/',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 }, org: { type: 'string', maxLength: 64 }, period: periodQuery },
        },
        response: { 200: submissionListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const q = request.query;
      // A partner sees its own organisation's, whatever it asks for.
      const orgId = p.role === 'analyst' ? q.org : p.orgId ?? '\u0000';
      const list = await app.repos.submissions.list({ orgId, limit: q.limit ?? 100, period: q.period ? parsePeriod(q.period) : undefined });
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
      const json = await app.repos.submissions.reportJson(s.id);
      if (json === undefined) throw new ApiError(404, 'not_found', 'There is no submission with this id, or it is not yours to see.');
      await app.repos.audit.write({ actor: p, action: 'submission.read', outcome: 'ok', targetOrgId: s.orgId, submissionId: s.id });
      // The report as checked, plus a `submission` member (the report contract allows added members).
      const report = JSON.parse(json) as Record<string, unknown>;
      report.submission = listItem(s);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(report));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/:id/annotated.xlsx',
    { schema: { params: idParamsSchema, response: errorResponses } },
    async (request, reply: FastifyReply) => {
      const p = principalOf(request);
      const s = await visibleSubmission(app, p, request.params.id, 'submission.annotated');
      const [json, file] = await Promise.all([app.repos.submissions.reportJson(s.id), app.repos.submissions.file(s.id)]);
      if (json === undefined || !file) throw new ApiError(404, 'not_found', 'There is no submission with this id, or it is not yours to see.');
      const done = await limiter.run(async () => {
        const workbook = s.source === 'office' ? workbookFromStoredValues(file.bytes) : await readUpload(engine, file.bytes, file.fileName, readLimits);
        return buildAnnotatedWorkbook({
          workbook,
          report: JSON.parse(json) as CheckReport,
          collection,
          meta: { partner: s.orgName, submissionId: s.id, submittedAt: s.receivedAt, submittedBy: s.person, fileName: s.fileName },
        });
      });
      if (!done) throw busy();
      await app.repos.audit.write({ actor: p, action: 'submission.annotated', outcome: 'ok', targetOrgId: s.orgId, submissionId: s.id });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`${baseName(s.fileName)} checked ${s.id}.xlsx`))
        .send(Buffer.from(done.value.buffer, done.value.byteOffset, done.value.byteLength));
    },
  );
};

function baseName(fileName: string): string {
  return fileName.replace(/\.(xlsx|xlsm|xls|csv)$/i, '');
}

/** attachment; filename="ascii fallback"; filename*=UTF-8''… */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
