import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../errors';

/** 200 once the server listens and its store answers. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async (_request, reply) => {
    try {
      await app.store.ping();
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    } catch {
      return reply.code(503).send(errorBody('store_unavailable', 'The store does not answer.'));
    }
  });
};
