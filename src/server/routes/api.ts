import { createHash } from 'node:crypto';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import type { Collection } from '../../core/collection/types';
import type { ServerConfig } from '../config';
import type { Engine } from '../engine';
import { ApiError } from '../errors';
import type { Limiter } from '../limiter';
import { bearerToken } from '../plugins/auth';
import { aggregateRoutes } from './aggregate';
import { analysisRoutes } from './analysis';
import { meRoutes } from './me';
import { submissionRoutes } from './submissions';

export interface ApiOptions {
  config: ServerConfig;
  engine: Engine;
  collection: Collection;
  limiter: Limiter;
}

/** /api/v1: CORS for the taskpane's origin only, a rate limit per token, bearer auth, no caching. */
export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (app, opts) => {
  const { config } = opts;
  const allowed = new Set(config.corsOrigins);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept'],
    exposedHeaders: ['Content-Disposition', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    // Per token (hashed: the key is kept in memory), or per address without one.
    keyGenerator: (request) => {
      const token = bearerToken(request);
      return token ? `t:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}` : `a:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `Too many requests: at most ${context.max} in ${context.after}. Try again later.`, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 12, headerPairs: 100 },
  });
  app.addHook('onRequest', app.authenticate);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    return payload;
  });
  const { engine, collection, limiter } = opts;
  await app.register(submissionRoutes, { prefix: '/submissions', config, engine, collection, limiter });
  await app.register(aggregateRoutes, { config, collection, engine, limiter });
  await app.register(analysisRoutes, { config, collection, engine, limiter });
  await app.register(meRoutes, { config, collection });
};
