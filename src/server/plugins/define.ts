import type { FastifyPluginAsync } from 'fastify';

/**
 * What fastify-plugin does, without depending on it: the plugin's
 * decorations and hooks reach the parent scope, and its name and
 * dependencies are declared so Fastify checks the registration order.
 */
export function definePlugin<Options>(
  fn: FastifyPluginAsync<Options & Record<never, never>>,
  meta: { name: string; dependencies?: string[] },
): FastifyPluginAsync<Options & Record<never, never>> {
  const plugin = fn as FastifyPluginAsync<Options & Record<never, never>> & Record<symbol, unknown>;
  plugin[Symbol.for('skip-override')] = true;
  plugin[Symbol.for('fastify.display-name')] = meta.name;
  plugin[Symbol.for('plugin-meta')] = { name: meta.name, dependencies: meta.dependencies ?? [], fastify: '5.x' };
  return plugin;
}
