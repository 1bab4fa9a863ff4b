/** JSON schemas shared by the routes (responses are documented and serialised by them). */
import type { Period } from '../../core/collection/types';
import { parsePeriod } from '../config';
import { ApiError } from '../errors';

const counts = { type: 'object', properties: { records: { type: 'number' }, errors: { type: 'number' }, warnings: { type: 'number' } } } as const;

export const linksSchema = {
  type: 'object',
  required: ['report', 'annotated'],
  properties: { report: { type: 'string' }, annotated: { type: 'string' } },
} as const;

/** The receipt of POST /submissions (201, or 200 for a repeated Idempotency-Key). */
export const receiptSchema = {
  type: 'object',
  required: ['id', 'status', 'summary', 'links'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['accepted', 'flagged'] },
    /** When the server stored it. */
    receivedAt: { type: 'string' },
    summary: { type: 'object', additionalProperties: true },
    links: linksSchema,
  },
} as const;

export const submissionListItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    org: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    submittedBy: { type: 'string' },
    receivedAt: { type: 'string' },
    source: { type: 'string' },
    fileName: { type: 'string' },
    sheet: { type: ['string', 'null'] },
    period: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
    status: { type: 'string' },
    /** Set when an administrator withdrew the submission from the aggregate (status "withdrawn"). */
    withdrawnAt: { type: ['string', 'null'] },
    /** Set when its data was deleted under the retention rule (its report and workbook answer 410; the receipt stays). */
    purgedAt: { type: ['string', 'null'] },
    summary: counts,
    links: linksSchema,
  },
} as const;

export const submissionListSchema = {
  type: 'object',
  required: ['submissions'],
  properties: { submissions: { type: 'array', items: submissionListItemSchema } },
} as const;

export const idParamsSchema = {
  type: 'object',
  required: ['id'],
  // Ids are ours (sub_…): letters, digits, _ and -. Anything else (a NUL, a path) is a 400 before any store sees it.
  properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } },
} as const;

/** `?period=START..END`, or a 400 that says how to write one. */
export function periodParam(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (error) {
    throw new ApiError(400, 'bad_request', `period: ${(error as Error).message}.`);
  }
}

export const periodQuery = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}$' } as const;

export const errorResponses = {
  400: { $ref: 'error#' },
  401: { $ref: 'error#' },
  403: { $ref: 'error#' },
  404: { $ref: 'error#' },
  429: { $ref: 'error#' },
} as const;
