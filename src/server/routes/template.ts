import type { FastifyPluginAsync } from 'fastify';
import type { Collection } from '../../core/collection/types';
import type { Engine } from '../engine';
import { contentDisposition } from './submissions';

export interface TemplateRouteOptions {
  engine: Engine;
  collection: Collection;
  /** The submission deadline the instructions name, YYYY-MM-DD. */
  deadline: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /template.xlsx: the events template built from the collection
 * definition (src/annotate/template.ts). Public, like the taskpane: it holds
 * no partner's data. Built once, in the worker pool (exceljs stays out of the
 * event loop), on the first request, then served from memory.
 */
export const templateRoutes: FastifyPluginAsync<TemplateRouteOptions> = async (app, { engine, collection, deadline }) => {
  let built: Promise<Buffer> | undefined;
  const template = (): Promise<Buffer> => {
    if (!built) {
      built = engine.template({ collection, deadline }).then((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      // A failed build is tried again on the next request.
      built.catch(() => (built = undefined));
    }
    return built;
  };
  app.get('/template.xlsx', async (_request, reply) => {
    const bytes = await template();
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', contentDisposition(`${collection.id} events template.xlsx`))
      .header('cache-control', 'public, max-age=3600')
      .send(bytes);
  });
};
