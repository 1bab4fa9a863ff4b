import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import { isSigned } from '../repositories/orgs';
import type { Principal } from '../repositories/tokens';
import { definePlugin } from './define';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by app.authenticate; null before. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** onRequest/preHandler hook: answers 401 unless the request carries a live token. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

const REASONS = {
  missing: 'Send your token in the Authorization header: "Authorization: Bearer TOKEN".',
  unknown: 'The token is not valid. Ask the data team for a new one.',
  expired: 'The token has expired. Ask the data team for a new one.',
  revoked: 'The token has been revoked. Ask the data team for a new one.',
} as const;

function unauthorized(reason: keyof typeof REASONS): ApiError {
  return new ApiError(401, 'unauthorized', REASONS[reason], {
    'www-authenticate': `Bearer realm="datashare"${reason === 'missing' ? '' : ', error="invalid_token"'}`,
  });
}

/** The bearer token of a request, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

export const authPlugin = definePlugin(
  async (app) => {
    app.decorateRequest('principal', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request);
      const result = token ? await app.repos.tokens.authenticate(token) : ({ ok: false, reason: 'missing' } as const);
      if (!result.ok) {
        await app.repos.audit.write({
          actor: null,
          action: 'auth.failed',
          outcome: 'denied',
          detail: { reason: result.reason, method: request.method, route: request.routeOptions.url ?? null },
        });
        throw unauthorized(result.reason);
      }
      request.principal = result.principal;
    });
  },
  { name: 'auth', dependencies: ['repositories'] },
);

/** The caller, after authenticate ran. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError(401, 'unauthorized', REASONS.missing);
  return request.principal;
}

/** The message that names the agreement, for 403s. */
export function agreementMessage(orgName: string | null, what: string): string {
  return `${orgName ?? 'Your organisation'} has not signed the Hope Starts Here Imperative #2 data-sharing agreement, so it cannot ${what}. Ask the data team about the agreement.`;
}

/** A partner whose organisation has signed: may submit and read the aggregate. */
export function isSignedPartner(p: Principal): boolean {
  return p.role === 'partner' && p.orgId !== null && isSigned({ agreement_signed_on: p.orgSignedOn });
}
