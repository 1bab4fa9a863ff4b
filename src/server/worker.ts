/**
 * The server's worker thread (piscina): each named export is one kind of job.
 * Bundled on its own as dist/server/worker.js; under tsx or Jest the pool
 * loads it through worker-dev.cjs.
 */
export { checkJob as check, annotateJob as annotate, aggregateJob as aggregate, analysisJob as analysis, templateJob as template } from './jobs';
