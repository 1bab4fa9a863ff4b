import type { MappingChoice } from '../core/check';
/**
 * The submission server's API, as the taskpane uses it: send a sheet, get a
 * receipt. Every failure becomes a SubmitError with a message a partner can
 * act on; the same Idempotency-Key is sent on every retry of one attempt so
 * the server never stores a submission twice.
 */

/** One sheet's cells as Office.js returns them. */
export interface SheetValues {
  name: string;
  rows: unknown[][];
  numberFormats?: unknown[][];
  /** Merged areas as A1 ranges, so the server spreads a merged value as the engine did here. */
  merges?: string[];
}

/** The choices beyond one sheet: sheets left out or included, header rows and columns per sheet. */
export interface TableChoices {
  leaveOut?: string[];
  include?: string[];
  headerRows?: Record<string, number>;
  mappings?: Record<string, Record<string, MappingChoice>>;
}

/**
 * What the add-in sends: the first table's sheet at the top level (as a
 * one-sheet body always was), and every sheet of the workbook in `sheets`.
 */
export interface ValuesPayload extends TableChoices {
  kind: 'values';
  sheet: string;
  rows: unknown[][];
  numberFormats?: unknown[][];
  /** Merged areas as A1 ranges, so the server spreads a merged value as the engine did here. */
  merges?: string[];
  sheets?: SheetValues[];
  headerRow?: number;
  mapping?: Record<string, MappingChoice>;
  date1904?: boolean;
}

/** What the browser mode sends while the partner's file is unchanged: the file itself. */
export interface FilePayload {
  kind: 'file';
  fileName: string;
  bytes: Uint8Array;
  /** Restricts the server's check to one sheet (a CSV's has none). */
  sheet?: string;
  headerRow?: number;
  mapping?: Record<string, MappingChoice>;
  /** Sent as the multipart field `tables` (JSON). */
  tables?: TableChoices;
}

/** A values payload already serialised (by the check worker: 50,000 rows take the page a third of a second): the body as sent, UTF-8. */
export interface JsonPayload {
  kind: 'json';
  body: Uint8Array;
}

export type SubmissionPayload = ValuesPayload | FilePayload | JsonPayload;

export interface Receipt {
  id: string;
  status: string;
  summary?: { records?: number; errors?: number; warnings?: number; [key: string]: unknown };
  links: { report?: string; annotated?: string };
  /** When the server stored it (ISO), when it says. */
  receivedAt?: string;
  /** True when the server recognised the key and returned the earlier submission (HTTP 200). */
  replayed: boolean;
}

export type SubmitErrorKind = 'offline' | 'unauthorised' | 'agreement' | 'forbidden' | 'too_large' | 'unreadable' | 'rate_limited' | 'server' | 'unexpected';

export class SubmitError extends Error {
  constructor(
    readonly kind: SubmitErrorKind,
    message: string,
    readonly status?: number,
    /** Whether trying again (with the same key) can help. */
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'SubmitError';
  }
}

export interface ApiOptions {
  /** Origin (and path prefix) of the server; '' for the page's own origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Gives up waiting after this long (ms). */
  timeoutMs?: number;
}

/** A fresh key for one submission attempt. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function submissionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1/submissions`;
}

/** Resolves a link from a receipt against the server's address. */
export function resolveLink(baseUrl: string, link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  const origin = baseUrl || (typeof location !== 'undefined' ? location.origin : '');
  return `${origin.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

export async function submit(
  payload: SubmissionPayload,
  token: string,
  idempotencyKey: string,
  options: ApiOptions,
): Promise<Receipt> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    'Idempotency-Key': idempotencyKey,
    Accept: 'application/json',
  };
  let body: BodyInit;
  if (payload.kind === 'values' || payload.kind === 'json') {
    headers['Content-Type'] = 'application/json';
    if (payload.kind === 'json') {
      body = payload.body as Uint8Array<ArrayBuffer>;
    } else {
      const { kind: _kind, ...json } = payload;
      body = JSON.stringify(json);
    }
  } else {
    const form = new FormData();
    // Copy into a plain ArrayBuffer: Blob wants one, not a view over a shared buffer.
    form.append('file', new Blob([payload.bytes.slice().buffer as ArrayBuffer]), payload.fileName);
    if (payload.sheet) form.append('sheet', payload.sheet);
    if (payload.headerRow) form.append('headerRow', String(payload.headerRow));
    if (payload.mapping) form.append('mapping', JSON.stringify(payload.mapping));
    if (payload.tables && Object.keys(payload.tables).length) form.append('tables', JSON.stringify(payload.tables));
    body = form;
  }

  const response = await fetchOrOffline(doFetch, submissionsUrl(options.baseUrl), { method: 'POST', headers, body }, options.timeoutMs ?? 120_000);

  const data = await readJson(response);
  if (response.status === 200 || response.status === 201) {
    const receipt = asReceipt(data);
    if (!receipt) throw new SubmitError('unexpected', 'The server answered, but not with a receipt. Try again; your data will not be sent twice.', response.status);
    return { ...receipt, replayed: response.status === 200 };
  }
  throw errorFor(response.status, serverMessage(data), response.headers.get('Retry-After'), serverCode(data));
}

/** A request that gives up after `ms`; no answer at all is the SubmitError 'offline'. */
async function fetchOrOffline(doFetch: typeof fetch, url: string, init: RequestInit, ms: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await doFetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw networkError(error);
  } finally {
    clearTimeout(timer);
  }
}

function networkError(error: unknown): SubmitError {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new SubmitError('offline', 'The server did not answer in time. Check your connection and try again: the submission will not be stored twice.');
  }
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new SubmitError(
    'offline',
    offline
      ? 'You are offline. Connect to the internet and try again: the submission will not be stored twice.'
      : 'Could not reach the server. Check your connection and try again: the submission will not be stored twice.',
  );
}

/** The message a partner sees for an HTTP error status. */
export function errorFor(status: number, message: string | null, retryAfter?: string | null, code?: string | null): SubmitError {
  const detail = message ? ` (${message.replace(/\.$/, '')}.)` : '';
  const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  const wait = seconds ? `${seconds} second${seconds === 1 ? '' : 's'}` : 'a minute';
  if (status === 401) {
    return new SubmitError('unauthorised', 'Your sign-in token is not valid or has expired. Ask the data team for a new token, sign in again and retry.', status, false);
  }
  if (status === 403 && code && code !== 'agreement_not_signed') {
    return new SubmitError('forbidden', `This sign-in cannot submit for an organisation${detail} Sign in with the token the data team gave you as a partner.`, status, false);
  }
  if (status === 403) {
    return new SubmitError(
      'agreement',
      `Your organisation has not signed the data-sharing agreement, so it cannot submit yet. Ask the data team about the agreement.${detail}`,
      status,
      false,
    );
  }
  if (status === 413) {
    return new SubmitError('too_large', 'The workbook is too large to submit. Remove other sheets or split the events into two workbooks, then submit again.', status, false);
  }
  if (status === 415 || status === 422) {
    return new SubmitError('unreadable', `The server could not read the workbook${message ? `: ${message.replace(/\.$/, '')}` : ''}.`, status, false);
  }
  if (status === 503) {
    return new SubmitError('server', `The server is busy. Wait ${wait} and try again: the submission will not be stored twice.`, status);
  }
  if (status === 429) {
    return new SubmitError('rate_limited', `Too many submissions in a short time. Wait ${wait} and try again.`, status);
  }
  if (status >= 500) {
    return new SubmitError('server', `The server had a problem (error ${status}). Try again in a few minutes: the submission will not be stored twice.`, status);
  }
  return new SubmitError('unexpected', `The server refused the submission (error ${status})${detail}`, status);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function serverMessage(data: unknown): string | null {
  if (data && typeof data === 'object' && 'error' in data) {
    const error = (data as { error: unknown }).error;
    if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  }
  return null;
}

function serverCode(data: unknown): string | null {
  if (data && typeof data === 'object' && 'error' in data) {
    const error = (data as { error: unknown }).error;
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  }
  return null;
}

function asReceipt(data: unknown): Omit<Receipt, 'replayed'> | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (typeof d.id !== 'string' && typeof d.id !== 'number') return null;
  const links = d.links && typeof d.links === 'object' ? (d.links as Record<string, unknown>) : {};
  return {
    id: String(d.id),
    status: typeof d.status === 'string' ? d.status : 'received',
    ...(typeof d.receivedAt === 'string' ? { receivedAt: d.receivedAt } : {}),
    summary: d.summary && typeof d.summary === 'object' ? (d.summary as Receipt['summary']) : undefined,
    links: {
      report: typeof links.report === 'string' ? links.report : undefined,
      annotated: typeof links.annotated === 'string' ? links.annotated : undefined,
    },
  };
}

/** Who a token belongs to, as the server says (GET /api/v1/me). */
export interface Identity {
  person: string;
  role: 'partner' | 'analyst';
  org: { id: string; name: string; signed: boolean } | null;
  period?: { start: string; end: string };
  deadline?: string;
  lastSubmission: { id: string; receivedAt: string; fileName: string; records: number } | null;
}

/** Checks a token with the server: the identity, or the SubmitError a partner reads (401: not valid or expired). */
export async function whoAmI(token: string, options: ApiOptions): Promise<Identity> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/me`;
  const response = await fetchOrOffline(doFetch, url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, options.timeoutMs ?? 30_000);
  const data = await readJson(response);
  if (!response.ok) throw errorFor(response.status, serverMessage(data), response.headers.get('Retry-After'), serverCode(data));
  const d = (data ?? {}) as Partial<Identity>;
  if (typeof d.person !== 'string' || (d.role !== 'partner' && d.role !== 'analyst')) {
    throw new SubmitError('unexpected', 'The server answered, but did not say who this token belongs to. Try again in a minute.', response.status);
  }
  return { person: d.person, role: d.role, org: d.org ?? null, period: d.period, deadline: d.deadline, lastSubmission: d.lastSubmission ?? null };
}

/** Fetches a file the server only gives with the token (the annotated workbook). */
export async function fetchWithToken(url: string, token: string, options: Pick<ApiOptions, 'fetch'> = {}): Promise<Blob> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) {
    const data = await readJson(response);
    throw errorFor(response.status, serverMessage(data), response.headers.get('Retry-After'), serverCode(data));
  }
  return response.blob();
}

/** One record of GET /api/v1/aggregate, as much of it as the analysis uses. */
export interface AggregateRecordJson {
  orgId: string;
  partner: string;
  flagged?: boolean;
  /** The partner marked the event as not held: kept, not counted. */
  notHeld?: boolean;
  values: Record<string, unknown>;
}

/** Records per page the taskpane asks for: a page stays a few MB. */
export const AGGREGATE_PAGE = 5000;

/**
 * Every record of the aggregate (analysts only), page after page. When a
 * submission is stored while we read (409 aggregate_changed) it starts over
 * once, so the records are all from one version of the aggregate.
 */
export async function fetchAggregate(token: string, options: ApiOptions & { onPage?: (records: number) => void }): Promise<{ records: AggregateRecordJson[]; period?: { start: string; end: string } }> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/aggregate?limit=${AGGREGATE_PAGE}`;
  for (let attempt = 0; ; attempt++) {
    const out: AggregateRecordJson[] = [];
    let cursor: string | null = null;
    let restarted = false;
    let period: { start: string; end: string } | undefined;
    do {
      const url: string = cursor === null ? base : `${base}&cursor=${encodeURIComponent(cursor)}`;
      const response = await fetchOrOffline(doFetch, url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, options.timeoutMs ?? 120_000);
      const data = await readJson(response);
      if (response.status === 409 && serverCode(data) === 'aggregate_changed' && attempt === 0) {
        restarted = true;
        break;
      }
      if (!response.ok) throw errorFor(response.status, serverMessage(data), response.headers.get('Retry-After'), serverCode(data));
      const page = data as { records?: unknown; period?: { start: string; end: string }; page?: { next?: unknown } } | null;
      if (!page || !Array.isArray(page.records)) throw new SubmitError('unexpected', 'The server answered, but not with the aggregate records. Try again in a minute.', response.status);
      for (const r of page.records as AggregateRecordJson[]) out.push({ orgId: r.orgId, partner: r.partner, flagged: r.flagged, ...(r.notHeld === true ? { notHeld: true } : {}), values: r.values ?? {} });
      period ??= page.period;
      options.onPage?.(out.length);
      cursor = typeof page.page?.next === 'string' ? page.page.next : null;
    } while (cursor !== null);
    if (!restarted) return { records: out, period };
  }
}

/**
 * Children under 5 by ZIP from the server's population table (GET
 * /api/v1/analysis/population); empty when none is loaded.
 */
export async function fetchPopulation(token: string, options: ApiOptions): Promise<Map<string, number>> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/analysis/population`;
  const response = await fetchOrOffline(doFetch, url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, options.timeoutMs ?? 30_000);
  const data = await readJson(response);
  if (!response.ok) throw errorFor(response.status, serverMessage(data), response.headers.get('Retry-After'), serverCode(data));
  const rows = (data as { population?: unknown } | null)?.population;
  if (!Array.isArray(rows)) throw new SubmitError('unexpected', 'The server answered, but not with the population table. Try again in a minute.', response.status);
  const out = new Map<string, number>();
  for (const r of rows as { zip?: unknown; childrenUnder5?: unknown }[]) if (typeof r.zip === 'string' && typeof r.childrenUnder5 === 'number') out.set(r.zip, r.childrenUnder5);
  return out;
}
