import type { FastifyPluginAsync } from 'fastify';
import { buildAggregateWorkbook } from '../../annotate/aggregateWorkbook';
import type { Collection } from '../../core/collection/types';
import { buildAggregate } from '../aggregate';
import { parsePeriod, type ServerConfig } from '../config';
import { ApiError } from '../errors';
import { agreementMessage, isSignedPartner, principalOf } from '../plugins/auth';
import { contentDisposition } from './submissions';
import { errorResponses, periodQuery } from './schemas';

export interface AggregateRouteOptions {
  config: ServerConfig;
  collection: Collection;
}

type Query = { Querystring: { period?: string } };

/** The aggregate data set goes to signed partners and analysts only. */
export const aggregateRoutes: FastifyPluginAsync<AggregateRouteOptions> = async (app, { config, collection }) => {
  const defaultPeriod = config.period ?? collection.period;
  const querystring = { type: 'object', properties: { period: periodQuery } } as const;

  async function load(request: Parameters<typeof principalOf>[0] & { query: { period?: string } }, action: string) {
    const p = principalOf(request);
    if (p.role !== 'analyst' && !isSignedPartner(p)) {
      await app.repos.audit.write({ actor: p, action, outcome: 'denied', targetOrgId: null, detail: { status: 403 } });
      throw new ApiError(403, 'agreement_not_signed', agreementMessage(p.orgName, 'receive the aggregate data set'));
    }
    const period = request.query.period ? parsePeriod(request.query.period) : defaultPeriod;
    const data = await buildAggregate(app.repos.submissions, collection, period);
    await app.repos.audit.write({
      actor: p,
      action,
      outcome: 'ok',
      detail: { period: `${period.start}..${period.end}`, partners: data.partners.length, records: data.records.length },
    });
    return data;
  }

  app.get<Query>(
    '/aggregate',
    { schema: { querystring, response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses } } },
    async (request, reply) => {
      const data = await load(request, 'aggregate.read');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data));
    },
  );

  app.get<Query>('/aggregate.xlsx', { schema: { querystring, response: errorResponses } }, async (request, reply) => {
    const data = await load(request, 'aggregate.xlsx');
    const bytes = await buildAggregateWorkbook(data, collection);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`aggregate ${data.period.start} to ${data.period.end}.xlsx`))
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
};
