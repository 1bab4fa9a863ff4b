import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export interface StaticOptions {
  taskpaneDir: string;
  manifestFile: string;
}

/** The partners' site's pages besides / (one page, index.html, that shows the view its path names). */
export const SITE_PAGES = ['/my-submissions'] as const;

/**
 * The built web pages (dist/taskpane): the partners' site at / (index.html)
 * and /my-submissions, the taskpane at /taskpane.html, their assets; and the
 * add-in manifest, when they exist.
 */
export const staticRoutes: FastifyPluginAsync<StaticOptions> = async (app, { taskpaneDir, manifestFile }) => {
  if (existsSync(manifestFile)) {
    app.get('/manifest.xml', async (_request, reply) =>
      // Read on each request: a rebuilt manifest is served without a restart.
      reply.type('application/xml; charset=utf-8').header('cache-control', 'no-cache').send(readFileSync(manifestFile)),
    );
  } else {
    app.log.warn('No manifest.xml: /manifest.xml is not served');
  }
  if (existsSync(taskpaneDir) && statSync(taskpaneDir).isDirectory()) {
    await app.register(fastifyStatic, { root: taskpaneDir, prefix: '/', index: ['index.html'], cacheControl: true, maxAge: 0 });
    for (const page of SITE_PAGES) app.get(page, async (_request, reply) => reply.sendFile('index.html'));
    // The analysts' page, built beside the taskpane (webpack's analysis entry).
    if (existsSync(join(taskpaneDir, 'analysis.html'))) app.get('/analysis', (_request, reply) => reply.sendFile('analysis.html'));
  } else {
    app.log.warn('No built taskpane (run the build): the taskpane is not served');
  }
};
