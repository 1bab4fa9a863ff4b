import { readFileSync, writeFileSync } from 'node:fs';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { Hooks } from './repositories/submissions';
import { openStore } from './store/connect';

/**
 * Test-only: DATASHARE_TEST_PAUSE_IN_TX=FILE makes every submission write
 * FILE and wait inside its transaction, so a test can kill the process there.
 */
function testHooks(env: NodeJS.ProcessEnv): Hooks {
  const marker = env.DATASHARE_TEST_PAUSE_IN_TX;
  if (!marker) return {};
  return {
    insideSubmissionTransaction: async () => {
      writeFileSync(marker, String(process.pid));
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    },
  };
}

/** Starts the server; SIGTERM or SIGINT stops it cleanly (in-flight requests finish, the store closes). */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = openStore(config.databaseUrl);
  await store.migrate();
  const https = config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : undefined;
  const app = await buildApp({ config, store, closeStore: true, https, hooks: testHooks(process.env) });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  app.log.info({ url, store: store.location }, 'ready');
}

main().catch((error: unknown) => {
  process.stderr.write(`datashare server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
