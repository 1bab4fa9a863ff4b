import type { FastifyPluginAsync } from 'fastify';
import type { Collection, Period } from '../../core/collection/types';
import { aggregateBasis, summarise, trackerOf, type AggregateBasis } from '../aggregate';
import type { ServerConfig } from '../config';
import { JobLimitError, limitRefusal, type Engine } from '../engine';
import { ApiError } from '../errors';
import type { Limiter } from '../limiter';
import { agreementMessage, isSignedPartner, principalOf } from '../plugins/auth';
import { contentDisposition } from './submissions';
import { errorResponses, periodParam, periodQuery } from './schemas';

export interface AggregateRouteOptions {
  config: ServerConfig;
  collection: Collection;
  engine: Engine;
  limiter: Limiter;
}

type Query = { Querystring: { period?: string; limit?: number; cursor?: string } };

/** Records per page of GET /aggregate unless ?limit= says otherwise. */
export const DEFAULT_PAGE = 5000;
export const MAX_PAGE = 50_000;

/** Where the next page starts: the aggregate's version, the submission's index and the last row sent. */
interface Cursor {
  v: string;
  i: number;
  r: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof c.v === 'string' && Number.isSafeInteger(c.i) && c.i! >= 0 && Number.isSafeInteger(c.r) && c.r! >= 0) return c as Cursor;
  } catch {
    // falls through
  }
  throw new ApiError(400, 'bad_request', 'cursor is not one this server gave: use the page.next of the previous page as it is.');
}

/**
 * The aggregate data set goes to signed partners and analysts only. JSON in
 * pages (?limit=&cursor=); the workbook is built in a worker, once per version
 * of the data (a stored or withdrawn submission, a signed or withdrawn
 * agreement makes a new version), and served from memory after that.
 */
export const aggregateRoutes: FastifyPluginAsync<AggregateRouteOptions> = async (app, { config, collection, engine, limiter }) => {
  const defaultPeriod = config.period ?? collection.period;
  const querystring = { type: 'object', properties: { period: periodQuery } } as const;
  const pagedQuerystring = {
    type: 'object',
    properties: {
      period: periodQuery,
      limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
      cursor: { type: 'string', maxLength: 200 },
    },
  } as const;

  /**
   * The last workbook built (or the limit its build hit), by version; and
   * builds under way, so one version is built once however many ask.
   */
  let cached: { version: string; bytes: Uint8Array } | { version: string; refused: ApiError } | null = null;
  const building = new Map<string, Promise<Uint8Array>>();

  async function basisFor(request: Parameters<typeof principalOf>[0] & { query: { period?: string } }, action: string): Promise<AggregateBasis> {
    const p = principalOf(request);
    if (p.role !== 'analyst' && !isSignedPartner(p)) {
      await app.repos.audit.write({ actor: p, action, outcome: 'denied', targetOrgId: null, detail: { status: 403 } });
      throw new ApiError(403, 'agreement_not_signed', agreementMessage(p.orgName, 'receive the aggregate data set'));
    }
    const period: Period = request.query.period ? periodParam(request.query.period) : defaultPeriod;
    return aggregateBasis(app.repos.submissions, period);
  }

  async function workbookOf(basis: AggregateBasis): Promise<Uint8Array> {
    // The Summary sheet's tracker lists partners without a submission too: a newly signed one changes the workbook.
    const partners = trackerOf(await app.repos.orgs.list(), basis.latest);
    const version = `${basis.version}:${partners.map((p) => p.org).join(',')}:${await app.repos.population.version()}`;
    if (cached?.version === version) return 'bytes' in cached ? cached.bytes : Promise.reject(cached.refused);
    let pending = building.get(version);
    if (!pending) {
      const storeUrl = app.store.url;
      if (!storeUrl) throw new ApiError(503, 'unavailable', 'The aggregate workbook needs a store on disk or PostgreSQL, not an in-memory one.');
      pending = (async () => {
        const done = await limiter.run(() =>
          engine.aggregateWorkbook({ storeUrl, period: basis.period, collection, latest: basis.latest, tracker: { partners, deadline: config.deadline } }),
        );
        if (!done) throw new ApiError(503, 'busy', 'The server is busy checking other workbooks. Try again in a minute.', { 'retry-after': '30' });
        cached = { version, bytes: done.value };
        return done.value;
      })()
        .catch((error: unknown) => {
          if (!(error instanceof JobLimitError)) throw error;
          // Too big for one workbook: said at once to whoever asks again, until the data changes.
          const r = limitRefusal(error, 'aggregate');
          const refused = new ApiError(r.status, r.code, r.message);
          cached = { version, refused };
          throw refused;
        })
        .finally(() => building.delete(version));
      building.set(version, pending);
    }
    return pending;
  }

  /**
   * One entry per organisation whose data was read (so each partner's audit
   * trail shows who read its events in the aggregate), or one with no target
   * when the aggregate was empty.
   */
  const audit = (request: Parameters<typeof principalOf>[0], action: string, basis: AggregateBasis, detail: Record<string, unknown>) => {
    const actor = principalOf(request);
    const common = { actor, action, outcome: 'ok' as const, detail: { period: `${basis.period.start}..${basis.period.end}`, version: basis.version, orgs: basis.latest.length, ...detail } };
    if (basis.latest.length === 0) return app.repos.audit.write(common);
    return app.repos.audit.writeMany(basis.latest.map((s) => ({ ...common, targetOrgId: s.orgId, submissionId: s.id })));
  };

  app.get<Query>(
    '/aggregate',
    { schema: { querystring: pagedQuerystring, response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses, 409: { $ref: 'error#' } } } },
    async (request, reply) => {
      const basis = await basisFor(request, 'aggregate.read');
      const limit = request.query.limit ?? DEFAULT_PAGE;
      let from = { index: 0, row: 0 };
      if (request.query.cursor !== undefined) {
        const c = decodeCursor(request.query.cursor);
        if (c.v !== basis.version) {
          throw new ApiError(409, 'aggregate_changed', 'The aggregate changed since the first page (a submission was stored or withdrawn, or an agreement changed): start again without a cursor.');
        }
        from = { index: c.i, row: c.r };
      }
      const refs = basis.latest.map((s) => ({ id: s.id, orgId: s.orgId, orgName: s.orgName }));
      const page = await app.repos.submissions.recordsPage(refs, from, limit);
      const next = page.next ? encodeCursor({ v: basis.version, i: page.next.index, r: page.next.row }) : null;
      await audit(request, 'aggregate.read', basis, { records: page.json.length, cursor: request.query.cursor !== undefined });
      const head = { period: basis.period, generatedAt: new Date().toISOString(), version: basis.version, ...summarise(basis.latest, collection) };
      // The records are spliced in as stored: a page is never parsed and re-serialised record by record.
      const body = `${JSON.stringify(head).slice(0, -1)},"records":[${page.json.join(',')}],"page":${JSON.stringify({ limit, count: page.json.length, next })}}`;
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.get<Query>(
    '/aggregate.xlsx',
    { schema: { querystring, response: { ...errorResponses, 413: { $ref: 'error#' } } } },
    async (request, reply) => {
      const basis = await basisFor(request, 'aggregate.xlsx');
      const bytes = await workbookOf(basis);
      await audit(request, 'aggregate.xlsx', basis, { records: basis.latest.reduce((n, s) => n + s.counts.records, 0) });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`aggregate ${basis.period.start} to ${basis.period.end}.xlsx`))
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
};
