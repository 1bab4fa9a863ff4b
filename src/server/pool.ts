import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { Analysis } from '../core/analysis';
import { JobLimitError, throwIfRefused, type AggregateJob, type AnalysisJob, type AnnotateJob, type CheckJob, type CheckResult, type Engine, type JobName, type Refusal, type TemplateJob } from './engine';

export interface PoolOptions {
  /** Worker threads; jobs beyond them wait (the route's Limiter bounds the line). */
  threads: number;
  /** A job still running after this long is ended (its worker terminated and replaced). */
  deadlineMs: number;
  /** Each worker's old-generation heap; a job over it ends its worker. */
  maxOldGenerationSizeMb: number;
  /** The worker module; default the one next to this file (dist/server/worker.js, or the TypeScript source through tsx). */
  filename?: string;
}

/** The worker next to the running code: bundled JavaScript, or the TypeScript source under tsx or Jest. */
export function defaultWorkerFile(): string {
  return __filename.endsWith('.ts') ? join(__dirname, 'worker-dev.cjs') : join(__dirname, 'worker.js');
}

function isOutOfMemory(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(error instanceof Error ? error.message : '');
}

/**
 * The engine the server uses: every job in a worker thread (piscina), with a
 * deadline and memory limits, so no partner's file can hold the event loop
 * or the process's memory. A job past either limit is ended and answered
 * with a JobLimitError; piscina replaces the worker.
 */
export class PooledEngine implements Engine {
  private readonly pool: Piscina;

  constructor(private readonly options: PoolOptions) {
    this.pool = new Piscina({
      filename: options.filename ?? defaultWorkerFile(),
      minThreads: 1,
      maxThreads: options.threads,
      idleTimeout: 60_000,
      // Jobs are big and few: one at a time per worker.
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // A worker that dies between jobs must not take the server with it.
    this.pool.on('error', () => undefined);
  }

  private async run<T>(name: JobName, task: unknown): Promise<T> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.options.deadlineMs);
    try {
      return (await this.pool.run(task, { name, signal: abort.signal })) as T;
    } catch (error) {
      if (abort.signal.aborted) throw new JobLimitError(name, 'time', Math.round(this.options.deadlineMs / 1000));
      if (isOutOfMemory(error)) throw new JobLimitError(name, 'memory', this.options.maxOldGenerationSizeMb);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async check(job: CheckJob): Promise<CheckResult> {
    return throwIfRefused(await this.run<CheckResult | Refusal>('check', job));
  }

  async annotate(job: AnnotateJob): Promise<Uint8Array> {
    return throwIfRefused(await this.run<Uint8Array | Refusal>('annotate', job));
  }

  aggregateWorkbook(job: AggregateJob): Promise<Uint8Array> {
    return this.run<Uint8Array>('aggregate', job);
  }

  analysis(job: AnalysisJob): Promise<Analysis> {
    return this.run<Analysis>('analysis', job);
  }

  template(job: TemplateJob): Promise<Uint8Array> {
    return this.run<Uint8Array>('template', job);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
