import type { FastifyPluginAsync } from 'fastify';
import type { Collection } from '../../core/collection/types';
import type { ServerConfig } from '../config';
import { isSignedPartner, principalOf } from '../plugins/auth';
import { errorResponses } from './schemas';

export interface MeRouteOptions {
  config: ServerConfig;
  collection: Collection;
}

/**
 * GET /api/v1/me: who the token belongs to, so that the taskpane can check a
 * token when it is entered and say "Signed in as Pat Partner, Eastside
 * Family Hub" rather than trust it blindly; with the organisation's agreement,
 * the reporting period and deadline, and (for a partner) its latest
 * submission for the period. A bad token gets the 401 of every API route.
 */
export const meRoutes: FastifyPluginAsync<MeRouteOptions> = async (app, { config, collection }) => {
  const period = config.period ?? collection.period;
  app.get('/me', { schema: { response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses } } }, async (request) => {
    const p = principalOf(request);
    const latest = p.orgId ? (await app.repos.submissions.list({ orgId: p.orgId, limit: 20, period })).find((s) => !s.withdrawnAt) : undefined;
    return {
      person: p.person,
      role: p.role,
      org: p.orgId ? { id: p.orgId, name: p.orgName, signedOn: p.orgSignedOn, signed: isSignedPartner(p) } : null,
      period,
      deadline: config.deadline,
      lastSubmission: latest ? { id: latest.id, receivedAt: latest.receivedAt, fileName: latest.fileName, status: latest.status, records: latest.counts.records } : null,
    };
  });
};
