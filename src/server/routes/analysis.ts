import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Analysis } from '../../core/analysis';
import type { Collection, Period } from '../../core/collection/types';
import { aggregateBasis, trackerOf } from '../aggregate';
import type { ServerConfig } from '../config';
import { JobLimitError, type Engine } from '../engine';
import { ApiError } from '../errors';
import type { Limiter } from '../limiter';
import { agreementMessage, isSignedPartner, principalOf } from '../plugins/auth';
import { errorResponses, periodParam, periodQuery } from './schemas';

export interface AnalysisRouteOptions {
  config: ServerConfig;
  engine: Engine;
  collection: Collection;
  limiter: Limiter;
}

/**
 * GET /api/v1/analysis: the indicator by month, audience, type and zip, the
 * overlap between partners, the gaps in the service area and who has
 * submitted. Analysts see everything; a signed partner everything but the
 * tracker of partners; anyone else is refused. Computed in a worker, once
 * per version of the data, and every read is audited against each
 * organisation whose data it covers.
 */
export const analysisRoutes: FastifyPluginAsync<AnalysisRouteOptions> = async (app, { config, engine, collection, limiter }) => {
  const defaultPeriod = config.period ?? collection.period;
  let cached: { key: string; analysis: Analysis } | null = null;
  const building = new Map<string, Promise<Analysis>>();

  app.get<{ Querystring: { period?: string } }>(
    '/analysis',
    { schema: { querystring: { type: 'object', properties: { period: periodQuery } }, response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses, 413: { $ref: 'error#' } } } },
    async (request) => {
      const p = principalOf(request);
      if (p.role !== 'analyst' && !isSignedPartner(p)) {
        await app.repos.audit.write({ actor: p, action: 'analysis.read', outcome: 'denied', targetOrgId: p.orgId, detail: { status: 403 } });
        throw new ApiError(403, 'agreement_not_signed', agreementMessage(p.orgName, 'see the analysis of the data set'));
      }
      const period: Period = request.query.period ? periodParam(request.query.period) : defaultPeriod;
      const basis = await aggregateBasis(app.repos.submissions, period);
      const partners = trackerOf(await app.repos.orgs.list(), basis.latest);
      const key = createHash('sha256')
        .update(`${basis.version}\n${await app.repos.population.version()}\n${config.deadline}\n${partners.map((x) => x.org).join(',')}`)
        .digest('base64url');
      const analysis = await analysisOf(key, () => ({ storeUrl: storeUrl(), period, collection, latest: basis.latest, partners, deadline: config.deadline }));

      const actor = p;
      const detail = { period: `${period.start}..${period.end}`, version: basis.version, orgs: basis.latest.length };
      if (basis.latest.length === 0) await app.repos.audit.write({ actor, action: 'analysis.read', outcome: 'ok', detail });
      else await app.repos.audit.writeMany(basis.latest.map((s) => ({ actor, action: 'analysis.read', outcome: 'ok' as const, targetOrgId: s.orgId, submissionId: s.id, detail })));

      if (p.role === 'analyst') return analysis;
      // Who has or has not submitted is the data team's business, not another partner's; the rest is the aggregate's, which signed partners receive.
      const { partners: _tracker, ...rest } = analysis;
      void _tracker;
      return rest;
    },
  );

  // The population table the gaps divide by (public census counts, no partner's data): for the add-in's by-ZIP rates.
  app.get(
    '/analysis/population',
    { schema: { response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses } } },
    async (request) => {
      const p = principalOf(request);
      if (p.role !== 'analyst' && !isSignedPartner(p)) throw new ApiError(403, 'agreement_not_signed', agreementMessage(p.orgName, 'see the analysis of the data set'));
      return { population: await app.repos.population.all() };
    },
  );

  function storeUrl(): string {
    const url = app.store.url;
    if (!url) throw new ApiError(503, 'unavailable', 'The analysis needs a store on disk or PostgreSQL, not an in-memory one.');
    return url;
  }

  /** One build per version of the data, however many ask at once; the last one kept. */
  function analysisOf(key: string, job: () => Parameters<Engine['analysis']>[0]): Promise<Analysis> {
    if (cached?.key === key) return Promise.resolve(cached.analysis);
    let pending = building.get(key);
    if (!pending) {
      pending = (async () => {
        const done = await limiter.run(() => engine.analysis(job()));
        if (!done) throw new ApiError(503, 'busy', 'The server is busy checking workbooks. Try again in a minute.', { 'retry-after': '30' });
        cached = { key, analysis: done.value };
        return done.value;
      })()
        .catch((error: unknown) => {
          if (error instanceof JobLimitError) {
            throw new ApiError(413, 'too_complex', `The analysis needed more than the server allows for one job (${error.amount} ${error.limit === 'time' ? 's' : 'MB'}). Tell the data team.`);
          }
          throw error;
        })
        .finally(() => building.delete(key));
      building.set(key, pending);
    }
    return pending;
  }
};
