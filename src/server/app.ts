import Fastify, { type FastifyInstance } from 'fastify';
import { HSH_2023 } from '../core/collection/hsh2023';
import type { Collection } from '../core/collection/types';
import type { ServerConfig } from './config';
import type { Engine } from './engine';
import { errorBodySchema, registerErrorHandlers, registerJsonParser } from './errors';
import { Limiter } from './limiter';
import { loggerOptions } from './logging';
import { PooledEngine } from './pool';
import { authPlugin } from './plugins/auth';
import { repositoriesPlugin } from './plugins/repositories';
import { securityPlugin } from './plugins/security';
import { storePlugin } from './plugins/store';
import type { Hooks } from './repositories/submissions';
import { apiRoutes } from './routes/api';
import { collectionRoutes } from './routes/collection';
import { healthRoutes } from './routes/health';
import { staticRoutes } from './routes/static';
import { templateRoutes } from './routes/template';
import type { Store } from './store/connect';

export interface AppOptions {
  config: ServerConfig;
  /** An open, migrated store. */
  store: Store;
  /** Close the store when the app closes (the server does; tests that reopen it do not). */
  closeStore?: boolean;
  /** Where submissions are read, checked and annotated; default a worker pool sized by the config (closed with the app). */
  engine?: Engine;
  collection?: Collection;
  /** Where log lines go (tests capture them); default standard output. false: no logging. */
  logStream?: NodeJS.WritableStream | false;
  hooks?: Hooks;
  /** Extra Fastify options (e.g. https). */
  https?: { cert: Buffer; key: Buffer };
}

/** Registers the plugins, then the routes. Listening is server.ts's business. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const collection = options.collection ?? HSH_2023;
  const app = Fastify({
    logger: options.logStream === false ? false : loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.maxUploadBytes,
    // A slow or stalled client cannot hold a connection: the whole request within requestTimeout, no idle socket past connectionTimeout.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: Math.min(5000, config.connectionTimeoutMs),
    trustProxy: config.trustProxy,
    // Never echo a client's request id into our logs.
    requestIdHeader: false,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  app.addSchema(errorBodySchema);
  registerErrorHandlers(app);
  app.removeContentTypeParser('application/json');
  registerJsonParser(app);

  await app.register(storePlugin, { store: options.store, closeWithApp: options.closeStore ?? false });
  await app.register(repositoriesPlugin, { hooks: options.hooks });
  await app.register(authPlugin, { maxFailures: config.maxAuthFailures });
  await app.register(securityPlugin, { hstsMaxAge: config.hstsMaxAge });

  const limiter = new Limiter(config.checkConcurrency, config.checkQueue);
  const engine =
    options.engine ??
    new PooledEngine({ threads: config.checkConcurrency, deadlineMs: config.jobMillis, maxOldGenerationSizeMb: config.workerMemoryMb });
  if (!options.engine) app.addHook('onClose', async () => engine.close());
  await app.register(healthRoutes);
  await app.register(apiRoutes, { prefix: '/api/v1', config, engine, collection, limiter });
  await app.register(collectionRoutes, { config, collection });
  await app.register(templateRoutes, { engine, collection, deadline: config.deadline });
  await app.register(staticRoutes, { taskpaneDir: config.taskpaneDir, manifestFile: config.manifestFile });
  return app;
}
