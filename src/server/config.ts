import { resolve } from 'node:path';
import { HSH_2023 } from '../core/collection/hsh2023';
import type { Period } from '../core/collection/types';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Paths of the PEM certificate and key; null serves plain HTTP. */
  tls: { certFile: string; keyFile: string } | null;
  /** Largest upload (file or JSON body), bytes. */
  maxUploadBytes: number;
  /** Most cells in one submission: a sheet posted as JSON, or all sheets of a file. */
  maxCells: number;
  /** Time budget for reading one uploaded file, milliseconds. */
  readMillis: number;
  /** Requests per token (or per address without one) per window. */
  rateLimit: { max: number; windowMs: number };
  /** Failed sign-ins per client address per minute before it is answered 429. */
  maxAuthFailures: number;
  /** Origins allowed to call the API from a browser (the taskpane's). */
  corsOrigins: string[];
  /** The built taskpane (taskpane.html and its assets). */
  taskpaneDir: string;
  manifestFile: string;
  /** Overrides the collection's reporting period. */
  period?: Period;
  logLevel: string;
  /** How many workbooks are read and checked at once; the rest wait in line. */
  checkConcurrency: number;
  /** Beyond this many waiting, submissions are answered 503 with Retry-After. */
  checkQueue: number;
  /** Deadline of one job in the worker pool (reading and checking, annotating, the aggregate workbook), milliseconds. */
  jobMillis: number;
  /** Heap limit of each worker thread, MB: a job needing more is ended. */
  workerMemoryMb: number;
  trustProxy: boolean;
  /** Strict-Transport-Security max-age in seconds; 0 (the default) sends none. */
  hstsMaxAge: number;
  /** Bytes of original files (uploads and posted JSON) one organisation may store. */
  orgQuotaBytes: number;
  /** The day submissions for the period are due (the analysis counts the days left). */
  deadline: string;
  /** A request must arrive whole within this many milliseconds (slow bodies are cut off). */
  requestTimeoutMs: number;
  /** A connection silent this long is closed (above the longest check: the socket is silent while a check runs). */
  connectionTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function isoDay(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isCalendarDate(raw)) throw new Error(`${name} must be a date written YYYY-MM-DD, not "${raw}"`);
  return raw;
}

export function parsePeriod(text: string): Period {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m || !isCalendarDate(m[1]!) || !isCalendarDate(m[2]!) || m[1]! > m[2]!) {
    throw new Error(`a period is written START..END with real dates, START first, e.g. 2023-01-01..2023-12-31, not "${text.slice(0, 40)}"`);
  }
  return { start: m[1]!, end: m[2]! };
}

/** Reads the environment of `npm run serve` (see the contract). */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): ServerConfig {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const certFile = env.TLS_CERT;
  const keyFile = env.TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error('TLS_CERT and TLS_KEY go together: set both or neither');
  const tls = certFile && keyFile ? { certFile: resolve(cwd, certFile), keyFile: resolve(cwd, keyFile) } : null;
  const scheme = tls ? 'https' : 'http';
  const corsOrigins = env.TASKPANE_ORIGIN
    ? env.TASKPANE_ORIGIN.split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean)
    : [`${scheme}://localhost:${port}`, `${scheme}://127.0.0.1:${port}`];
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || 'sqlite:data/datashare.db',
    tls,
    maxUploadBytes: int(env, 'MAX_UPLOAD_MB', 20, 1, 1024) * 1024 * 1024,
    maxCells: int(env, 'MAX_CELLS', 2_000_000, 1000, 50_000_000),
    readMillis: int(env, 'READ_TIMEOUT_S', 10, 1, 600) * 1000,
    rateLimit: { max: int(env, 'RATE_LIMIT_MAX', 300, 1, 1_000_000), windowMs: int(env, 'RATE_LIMIT_WINDOW_S', 60, 1, 86400) * 1000 },
    maxAuthFailures: int(env, 'MAX_AUTH_FAILURES', 20, 1, 1_000_000),
    corsOrigins,
    taskpaneDir: resolve(cwd, env.TASKPANE_DIR || 'dist/taskpane'),
    manifestFile: resolve(cwd, env.MANIFEST_FILE || 'manifest.xml'),
    period: env.PERIOD ? parsePeriod(env.PERIOD) : undefined,
    logLevel: env.LOG_LEVEL || 'info',
    checkConcurrency: int(env, 'CHECK_CONCURRENCY', 2, 1, 64),
    checkQueue: int(env, 'CHECK_QUEUE', 200, 0, 100_000),
    jobMillis: int(env, 'JOB_TIMEOUT_S', 30, 1, 3600) * 1000,
    workerMemoryMb: int(env, 'WORKER_MEMORY_MB', 512, 64, 16_384),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    hstsMaxAge: int(env, 'HSTS_MAX_AGE', 0, 0, 63_072_000),
    deadline: isoDay(env, 'DEADLINE', HSH_2023.deadline ?? '2025-01-31'),
    orgQuotaBytes: int(env, 'ORG_QUOTA_MB', 2048, 1, 1_048_576) * 1024 * 1024,
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_S', 120, 1, 3600) * 1000,
    connectionTimeoutMs: int(env, 'CONNECTION_TIMEOUT_S', 300, 1, 3600) * 1000,
  };
}
