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

/**
 * Failed sign-ins per client address: the rate limit is per token, and made-up
 * tokens are all different, so guessing is limited here instead.
 */
export class FailureLimiter {
  private readonly seen = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait when the address is over the limit, else 0. */
  blockedFor(key: string, now = Date.now()): number {
    const e = this.seen.get(key);
    if (!e || e.until <= now) return 0;
    return e.count >= this.max ? Math.ceil((e.until - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const e = this.seen.get(key);
    if (!e || e.until <= now) this.seen.set(key, { count: 1, until: now + this.windowMs });
    else e.count++;
    if (this.seen.size > 10_000) {
      for (const [k, v] of this.seen) if (v.until <= now) this.seen.delete(k);
    }
  }
}

export const authPlugin = definePlugin<{ maxFailures?: number; failureWindowMs?: number }>(
  async (app, opts) => {
    const failures = new FailureLimiter(opts.maxFailures ?? 20, opts.failureWindowMs ?? 60_000);
    app.decorateRequest('principal', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request);
      const result = token ? await app.repos.tokens.authenticate(token) : ({ ok: false, reason: 'missing' } as const);
      if (!result.ok) {
        // Over the limit: answered without another audit line, so guessing cannot flood the log either.
        const wait = failures.blockedFor(request.ip);
        if (wait > 0) {
          throw new ApiError(429, 'rate_limited', `Too many failed sign-ins from this address. Try again in ${wait} s.`, { 'retry-after': String(wait) });
        }
        failures.fail(request.ip);
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
