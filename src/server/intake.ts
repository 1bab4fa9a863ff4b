import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import type { Collection } from '../core/collection/types';
import type { CheckOptions } from '../core/check';
import { sheetFromValues } from '../core/fromValues';
import { parseRange, type MergeArea, type Workbook } from '../core/workbook';
import type { ReadLimits } from '../io/limits';
import { ApiError } from './errors';
import { readUpload, type Reader } from './engine';
import type { SubmissionSource } from './repositories/submissions';

/** A submission as received, before the check: the original bytes and the workbook read from them. */
export interface Intake {
  source: SubmissionSource;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /** Reads the workbook; deferred so it runs inside the check limiter. */
  read(): Promise<Workbook>;
  options: Pick<CheckOptions, 'sheet' | 'headerRow' | 'mapping'>;
}

/** The JSON the add-in posts: the sheet's cells as Office.js returns them. */
export interface ValuesBody {
  sheet: string;
  rows: unknown[][];
  numberFormats?: unknown[][];
  valueTypes?: unknown[][];
  formulas?: unknown[][];
  headerRow?: number;
  mapping?: Record<string, string | null>;
  date1904?: boolean;
  /** 0-based position of rows[0][0] when the used range does not start at A1. */
  origin?: { row: number; col: number };
  /** Merged areas as A1 ranges ("B4:B5"): a date merged over two events belongs to both. */
  merges?: string[];
  fileName?: string;
}

const grid = { type: 'array', items: { type: 'array' } } as const;

export const valuesBodySchema = {
  type: 'object',
  required: ['sheet', 'rows'],
  properties: {
    sheet: { type: 'string', minLength: 1, maxLength: 255 },
    rows: grid,
    numberFormats: grid,
    valueTypes: grid,
    formulas: grid,
    headerRow: { type: 'integer', minimum: 1, maximum: 1048576 },
    mapping: { type: 'object', additionalProperties: { type: ['string', 'null'] }, maxProperties: 500 },
    date1904: { type: 'boolean' },
    origin: {
      type: 'object',
      required: ['row', 'col'],
      properties: { row: { type: 'integer', minimum: 0 }, col: { type: 'integer', minimum: 0 } },
    },
    merges: { type: 'array', maxItems: 200000, items: { type: 'string', maxLength: 32 } },
    fileName: { type: 'string', maxLength: 255 },
  },
} as const;

/** The one sheet of an add-in submission, as the engine reads it. */
function valuesWorkbook(body: ValuesBody): Workbook {
  const merges = (body.merges ?? []).map(parseRange).filter((m): m is MergeArea => m !== null);
  return {
    sheets: [
      sheetFromValues({
        name: body.sheet,
        values: body.rows,
        numberFormats: body.numberFormats,
        valueTypes: body.valueTypes,
        formulas: body.formulas,
        origin: body.origin,
        merges,
      }),
    ],
    date1904: body.date1904 ?? false,
    source: 'office',
  };
}

/** Checks a confirmed mapping: column letters to field ids of the collection (or null). */
export function validMapping(raw: unknown, collection: Collection): Record<string, string | null> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(400, 'invalid_mapping', 'mapping must be an object of column letters to field ids.');
  const fields = new Set(collection.fields.map((f) => f.id));
  const out: Record<string, string | null> = {};
  for (const [column, field] of Object.entries(raw as Record<string, unknown>)) {
    const letter = column.trim().toUpperCase();
    if (!/^[A-Z]{1,3}$/.test(letter)) throw new ApiError(400, 'invalid_mapping', `mapping: "${column.slice(0, 20)}" is not a column letter.`);
    if (field !== null && (typeof field !== 'string' || !fields.has(field))) {
      throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter} names no agreed field (use one of ${[...fields].join(', ')}, or null).`);
    }
    out[letter] = field as string | null;
  }
  return out;
}

/** Keeps a file name printable and path-free. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return base || fallback;
}

export function intakeFromValues(body: ValuesBody, collection: Collection, maxCells: number): Intake {
  let cells = 0;
  for (const row of body.rows) cells += Array.isArray(row) ? row.length : 0;
  if (cells > maxCells) {
    throw new ApiError(413, 'too_large', `The sheet has ${cells} cells; the server takes at most ${maxCells} in one submission.`);
  }
  const mapping = validMapping(body.mapping, collection);
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return {
    source: 'office',
    fileName: cleanFileName(body.fileName, `${body.sheet} (from Excel)`),
    contentType: 'application/json',
    bytes,
    // Built from the bytes where it is read (a worker), so the parsed body need not be kept.
    read: async () => workbookFromStoredValues(bytes),
    options: { sheet: body.sheet, headerRow: body.headerRow, mapping },
  };
}

/** Rebuilds the workbook of an add-in submission from its stored JSON. */
export function workbookFromStoredValues(bytes: Uint8Array): Workbook {
  return valuesWorkbook(JSON.parse(new TextDecoder().decode(bytes)) as ValuesBody);
}

/** Reads a multipart upload: one `file`, optional `sheet`, `headerRow`, `mapping` (JSON). */
export async function intakeFromMultipart(
  request: FastifyRequest,
  engine: Reader,
  collection: Collection,
  limits: Partial<ReadLimits>,
): Promise<Intake> {
  let file: { name: string; type: string; bytes: Uint8Array } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts() as AsyncIterableIterator<Multipart>) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer();
        throw new ApiError(400, 'bad_request', 'Send exactly one file, in the field "file".');
      }
      const bytes = await part.toBuffer();
      file = { name: part.filename, type: part.mimetype || 'application/octet-stream', bytes };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw new ApiError(400, 'bad_request', 'The upload has no file: send the workbook in the field "file".');
  if (file.bytes.byteLength === 0) throw new ApiError(422, 'empty', 'The file is empty.');

  let mapping: unknown;
  if (fields.mapping) {
    try {
      mapping = JSON.parse(fields.mapping);
    } catch {
      throw new ApiError(400, 'invalid_mapping', 'mapping must be JSON: {"A": "title", "F": null}.');
    }
  }
  let headerRow: number | undefined;
  if (fields.headerRow) {
    headerRow = Number(fields.headerRow);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw new ApiError(400, 'bad_request', 'headerRow must be a row number (1 or more).');
  }
  const fileName = cleanFileName(file.name, 'upload');
  const bytes = file.bytes;
  const sheet = fields.sheet?.trim() || undefined;
  return {
    source: /\.csv$/i.test(fileName) ? 'csv' : 'xlsx',
    fileName,
    contentType: file.type,
    bytes,
    read: () => readUpload(engine, bytes, fileName, limits),
    options: { sheet, headerRow, mapping: validMapping(mapping, collection) },
  };
}
