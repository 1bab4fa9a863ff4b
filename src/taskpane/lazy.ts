/**
 * Everything the taskpane loads on demand, in one place: webpack splits each
 * into its own chunk, and tests can replace this module.
 *
 * Under node16 resolution a dynamic import is an ES import (hence ".js"), and
 * TypeScript types it as Node would see a CommonJS module: `{ default: module }`.
 * Bundlers hand over the module namespace itself. `namespace` accepts both;
 * the modules loaded here have named exports only, so a `default` that is an
 * object can only be Node's wrapper.
 */
function namespace<T extends object>(m: T | { default: T }): T {
  const inner: unknown = (m as { default?: unknown }).default;
  return (inner !== null && typeof inner === 'object' ? inner : m) as T;
}

export const loadExcelAdapter = (): Promise<typeof import('../excel/index')> => import('../excel/index.js').then(namespace);
export const loadGrid = (): Promise<typeof import('./browser/Grid')> => import('./browser/Grid.js').then(namespace);
export const loadReader = (): Promise<typeof import('../io/readWorkbook')> => import('../io/readWorkbook.js').then(namespace);
export const loadAnnotate = (): Promise<typeof import('../annotate/index')> => import('../annotate/index.js').then(namespace);
/** The check worker's starter: an ES module (see spawn.mts), kept in the taskpane's own chunk. */
export const loadCheckWorker = (): Promise<typeof import('./worker/spawn.mjs', { with: { 'resolution-mode': 'import' } })> => import(/* webpackMode: "eager" */ './worker/spawn.mjs').then(namespace);
