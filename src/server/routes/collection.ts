import type { FastifyPluginAsync } from 'fastify';
import type { Collection } from '../../core/collection/types';
import type { ServerConfig } from '../config';

export interface CollectionRouteOptions {
  config: ServerConfig;
  collection: Collection;
}

const option = {
  type: 'object',
  required: ['id', 'label'],
  properties: { id: { type: 'string' }, label: { type: 'string' }, definition: { type: 'string' } },
} as const;

/** What GET /collection.json answers: the collection as a partner reads it, without the engine's vocabulary. */
export const publicCollectionSchema = {
  type: 'object',
  required: ['id', 'name', 'period', 'deadline', 'fields', 'enumerations'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    period: { type: 'object', required: ['start', 'end'], properties: { start: { type: 'string' }, end: { type: 'string' } } },
    /** The last day to submit (the server's DEADLINE). */
    deadline: { type: 'string' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'requirement', 'kind'],
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          definition: { type: 'string' },
          requirement: { type: 'string' },
          kind: { type: 'string' },
          enumeration: { type: 'string' },
        },
      },
    },
    enumerations: { type: 'object', additionalProperties: { type: 'array', items: option } },
  },
} as const;

/**
 * GET /collection.json, for anyone: the fields, their definitions and the
 * options of the collection the server checks against, with the reporting
 * period and the deadline it applies. The partners' site renders its field
 * list from this, so the words exist once, in the collection's data files.
 */
export const collectionRoutes: FastifyPluginAsync<CollectionRouteOptions> = async (app, { config, collection }) => {
  const body = {
    id: collection.id,
    name: collection.name,
    period: config.period ?? collection.period,
    deadline: config.deadline,
    // The serialiser keeps only the schema's properties: aliases, synonyms and roles stay the engine's.
    fields: collection.fields,
    enumerations: collection.enumerations,
  };
  app.get('/collection.json', { schema: { response: { 200: publicCollectionSchema } } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(body),
  );
};
