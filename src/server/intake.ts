import type { FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import type { Collection } from '../core/collection/types';
import type { CheckOptions, MappingChoice } from '../core/check';
import { sheetFromValues } from '../core/fromValues';
import { columnIndex, columnLetter, EXCEL_COLUMNS, EXCEL_ROWS, parseRange, type MergeArea, type Workbook } from '../core/workbook';
import type { ReadLimits } from '../io/limits';
import { ApiError } from './errors';
import { sha256Hex } from './ids';
import { readUpload, type Reader } from './engine';
import type { SubmissionSource } from './repositories/submissions';

/** A submission as received, before the check: the original bytes and the workbook read from them. */
export interface Intake {
  source: SubmissionSource;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /**
   * sha256 of what was sent: the file (or the posted JSON) and every option
   * with it. A retry with the same Idempotency-Key must carry the same.
   */
  requestHash: string;
  /** Reads the workbook; deferred so it runs inside the check limiter. */
  read(): Promise<Workbook>;
  options: Pick<CheckOptions, 'sheet' | 'headerRow' | 'mapping' | 'leaveOut' | 'include' | 'headerRows' | 'mappings'>;
}

/** The JSON the add-in posts: the sheet's cells as Office.js returns them. */
export interface ValuesBody {
  sheet: string;
  rows: unknown[][];
  numberFormats?: unknown[][];
  valueTypes?: unknown[][];
  formulas?: unknown[][];
  headerRow?: number;
  mapping?: Record<string, MappingChoice>;
  date1904?: boolean;
  /**
   * Every sheet of the workbook when it has more than one (the top-level
   * sheet is then the first table's, for servers that read one). With it,
   * the check reads every table, as the add-in's did.
   */
  sheets?: SheetBody[];
  leaveOut?: string[];
  include?: string[];
  headerRows?: Record<string, number>;
  mappings?: Record<string, Record<string, MappingChoice>>;
  /** 0-based position of rows[0][0] when the used range does not start at A1. */
  origin?: { row: number; col: number };
  /** Merged areas as A1 ranges ("B4:B5"): a date merged over two events belongs to both. */
  merges?: string[];
  fileName?: string;
}

/** One sheet of a several-sheet body. */
export interface SheetBody {
  name: string;
  rows: unknown[][];
  numberFormats?: unknown[][];
  valueTypes?: unknown[][];
  formulas?: unknown[][];
  origin?: { row: number; col: number };
  merges?: string[];
}

const grid = { type: 'array', items: { type: 'array' } } as const;
const choice = {
  anyOf: [
    { type: ['string', 'null'] },
    {
      type: 'object',
      required: ['field'],
      additionalProperties: false,
      properties: { field: { type: 'string', maxLength: 100 }, combine: { enum: ['sum', 'mark', 'part'] }, option: { type: 'string', maxLength: 100 } },
    },
  ],
} as const;
const columnChoices = { type: 'object', additionalProperties: choice, maxProperties: 500 } as const;
const origin = {
  type: 'object',
  required: ['row', 'col'],
  properties: { row: { type: 'integer', minimum: 0, maximum: EXCEL_ROWS - 1 }, col: { type: 'integer', minimum: 0, maximum: EXCEL_COLUMNS - 1 } },
} as const;
const merges = { type: 'array', maxItems: 200000, items: { type: 'string', maxLength: 32 } } as const;
const sheetNames = { type: 'array', maxItems: 1000, items: { type: 'string', maxLength: 255 } } as const;

export const valuesBodySchema = {
  type: 'object',
  required: ['sheet', 'rows'],
  properties: {
    sheet: { type: 'string', minLength: 1, maxLength: 255 },
    rows: grid,
    numberFormats: grid,
    valueTypes: grid,
    formulas: grid,
    headerRow: { type: 'integer', minimum: 1, maximum: EXCEL_ROWS },
    mapping: columnChoices,
    date1904: { type: 'boolean' },
    origin,
    merges,
    fileName: { type: 'string', maxLength: 255 },
    sheets: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['name', 'rows'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 255 }, rows: grid, numberFormats: grid, valueTypes: grid, formulas: grid, origin, merges },
      },
    },
    leaveOut: sheetNames,
    include: sheetNames,
    headerRows: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: EXCEL_ROWS }, maxProperties: 1000 },
    mappings: { type: 'object', additionalProperties: columnChoices, maxProperties: 1000 },
  },
} as const;

/** The sheets of an add-in submission, as the engine reads them: every sheet of `sheets`, or the one sheet of an older body. */
function valuesWorkbook(body: ValuesBody): Workbook {
  const sheets: SheetBody[] = body.sheets?.length ? body.sheets : [{ ...body, name: body.sheet }];
  return {
    sheets: sheets.map((sheet) =>
      sheetFromValues({
        name: sheet.name,
        values: sheet.rows,
        numberFormats: sheet.numberFormats,
        valueTypes: sheet.valueTypes,
        formulas: sheet.formulas,
        origin: sheet.origin,
        merges: (sheet.merges ?? []).map(parseRange).filter((m): m is MergeArea => m !== null),
      }),
    ),
    date1904: body.date1904 ?? false,
    source: 'office',
  };
}

/**
 * The choices of a several-table submission (JSON body, or the multipart
 * field `tables`): sheets left out or included, header rows and columns
 * per sheet. Unknown sheet names are harmless; bad shapes are refused.
 */
export function tableChoices(raw: unknown, collection: Collection): Pick<CheckOptions, 'leaveOut' | 'include' | 'headerRows' | 'mappings'> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(400, 'bad_request', 'tables must be an object: {"leaveOut": [...], "include": [...], "headerRows": {...}, "mappings": {...}}.');
  const r = raw as Record<string, unknown>;
  const names = (key: string): string[] | undefined => {
    const v = r[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ApiError(400, 'bad_request', `${key} must be a list of sheet names.`);
    return v as string[];
  };
  const out: Pick<CheckOptions, 'leaveOut' | 'include' | 'headerRows' | 'mappings'> = {};
  const leaveOut = names('leaveOut');
  const include = names('include');
  if (leaveOut) out.leaveOut = leaveOut;
  if (include) out.include = include;
  if (r.headerRows !== undefined) {
    if (typeof r.headerRows !== 'object' || r.headerRows === null || Array.isArray(r.headerRows)) throw new ApiError(400, 'bad_request', 'headerRows must be an object of sheet names to row numbers.');
    const rows: Record<string, number> = {};
    for (const [sheet, n] of Object.entries(r.headerRows as Record<string, unknown>)) {
      if (!isRowNumber(n)) throw new ApiError(400, 'bad_request', `headerRows: the row for "${sheet.slice(0, 40)}" must be a row number from 1 to 1,048,576.`);
      rows[sheet] = n;
    }
    out.headerRows = rows;
  }
  if (r.mappings !== undefined) {
    if (typeof r.mappings !== 'object' || r.mappings === null || Array.isArray(r.mappings)) throw new ApiError(400, 'invalid_mapping', 'mappings must be an object of sheet names to mappings.');
    out.mappings = Object.fromEntries(Object.entries(r.mappings as Record<string, unknown>).map(([sheet, m]) => [sheet, validMapping(m, collection)]));
  }
  return out;
}

/** Checks a confirmed mapping: column letters to field ids of the collection (or null). */
export function validMapping(raw: unknown, collection: Collection): Record<string, MappingChoice> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(400, 'invalid_mapping', 'mapping must be an object of column letters to field ids.');
  const fields = new Set(collection.fields.map((f) => f.id));
  const out: Record<string, MappingChoice> = {};
  for (const [column, field] of Object.entries(raw as Record<string, unknown>)) {
    const letter = column.trim().toUpperCase();
    if (!/^[A-Z]{1,3}$/.test(letter) || columnIndex(letter) >= EXCEL_COLUMNS) {
      throw new ApiError(400, 'invalid_mapping', `mapping: "${column.slice(0, 20)}" is not a column letter (A to XFD).`);
    }
    if (field !== null && typeof field === 'object' && !Array.isArray(field)) {
      out[letter] = validPart(letter, field as Record<string, unknown>, collection);
      continue;
    }
    if (field !== null && (typeof field !== 'string' || !fields.has(field))) {
      throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter} names no agreed field (use one of ${[...fields].join(', ')}, or null).`);
    }
    out[letter] = field as string | null;
  }
  return out;
}

/** One part of a field over several columns: {"field": "attendees", "combine": "sum"} or {"field": "audience", "combine": "mark", "option": "caregiver"} (no option: not chosen yet). */
function validPart(letter: string, part: Record<string, unknown>, collection: Collection): MappingChoice {
  const def = collection.fields.find((f) => f.id === part.field);
  if (!def) throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter} names no agreed field.`);
  if (part.combine === undefined) return def.id;
  if (part.combine === 'sum') {
    if (def.kind !== 'count') throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter}: only a count (${def.label} is not) can be added up over columns.`);
    return { field: def.id, combine: 'sum' };
  }
  if (part.combine === 'mark') {
    const options = def.enumeration ? collection.enumerations[def.enumeration] : undefined;
    // No option: a tick column whose option nobody has chosen yet; its ticks are not counted, and each row says so.
    if (options && part.option === undefined) return { field: def.id, combine: 'mark' };
    if (!options || typeof part.option !== 'string' || !options.some((o) => o.id === part.option)) {
      throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter}: a mark column needs an option of ${def.label}${options ? ` (${options.map((o) => o.id).join(', ')})` : ''}.`);
    }
    return { field: def.id, combine: 'mark', option: part.option };
  }
  if (part.combine === 'part') {
    if (def.kind !== 'date' || (part.option !== 'month' && part.option !== 'day' && part.option !== 'year')) {
      throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter}: a part is the month, day or year of a date (${def.label} is ${def.kind === 'date' ? 'a date, but the part must be "month", "day" or "year"' : 'not a date'}).`);
    }
    return { field: def.id, combine: 'part', option: part.option };
  }
  throw new ApiError(400, 'invalid_mapping', `mapping: column ${letter}: combine must be "sum", "mark" or "part".`);
}

/** Keeps a file name printable and path-free. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return base || fallback;
}

const isRowNumber = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= EXCEL_ROWS;

/**
 * The cells a posted sheet takes once placed at its origin (the empty
 * columns before each row count: they are allocated), or a 400 when its rows
 * would run past Excel's last row or column.
 */
function placedCells(sheet: { name?: string; sheet?: string; rows: unknown[][]; origin?: { row: number; col: number } }): number {
  const { row: r0, col: c0 } = sheet.origin ?? { row: 0, col: 0 };
  const name = (sheet.name ?? sheet.sheet ?? '').slice(0, 40);
  if (r0 + sheet.rows.length > EXCEL_ROWS) {
    throw new ApiError(400, 'bad_request', `Sheet "${name}": ${sheet.rows.length} rows from row ${r0 + 1} run past Excel's last row (1,048,576); check the origin.`);
  }
  let cells = 0;
  for (const row of sheet.rows) {
    const width = Array.isArray(row) ? row.length : 0;
    if (c0 + width > EXCEL_COLUMNS) {
      throw new ApiError(400, 'bad_request', `Sheet "${name}": a row of ${width} cells from column ${columnLetter(c0)} runs past column XFD, Excel's last; check the origin.`);
    }
    cells += c0 + width;
  }
  return cells;
}

export function intakeFromValues(body: ValuesBody, collection: Collection, maxCells: number): Intake {
  let cells = 0;
  for (const sheet of body.sheets?.length ? body.sheets : [body]) cells += placedCells(sheet);
  if (cells > maxCells) {
    throw new ApiError(413, 'too_large', `The sheet has ${cells} cells; the server takes at most ${maxCells} in one submission.`);
  }
  const mapping = validMapping(body.mapping, collection);
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return {
    requestHash: sha256Hex(bytes),
    source: 'office',
    fileName: cleanFileName(body.fileName, `${body.sheet} (from Excel)`),
    contentType: 'application/json',
    bytes,
    // Built from the bytes where it is read (a worker), so the parsed body need not be kept.
    read: async () => workbookFromStoredValues(bytes),
    // A several-sheet body is read whole, every table as the add-in read it; an older body is its one sheet.
    options: { ...(body.sheets?.length ? tableChoices(body, collection) : { sheet: body.sheet }), headerRow: body.headerRow, mapping },
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
  try {
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
  } catch (error) {
    // Our refusals and the multipart plugin's limits (413) stand; the parser's own complaints are a broken body.
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof ApiError || (status !== undefined && status < 500)) throw error;
    throw new ApiError(400, 'bad_request', 'The upload is not a complete multipart/form-data body (it was cut off, or its boundary is wrong). Send it again.');
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
    if (!isRowNumber(headerRow)) throw new ApiError(400, 'bad_request', 'headerRow must be a row number from 1 to 1,048,576.');
  }
  const fileName = cleanFileName(file.name, 'upload');
  const bytes = file.bytes;
  const sheet = fields.sheet?.trim() || undefined;
  let tables: unknown;
  if (fields.tables) {
    try {
      tables = JSON.parse(fields.tables);
    } catch {
      throw new ApiError(400, 'bad_request', 'tables must be JSON: {"leaveOut": ["Totals"]}.');
    }
  }
  // The file name is not part of it: a renamed copy of the same file is the same submission.
  const optionsSent = JSON.stringify([fields.sheet ?? null, fields.headerRow ?? null, fields.mapping ?? null, fields.tables ?? null]);
  return {
    requestHash: sha256Hex(new TextEncoder().encode(`${sha256Hex(bytes)}\n${optionsSent}`)),
    source: /\.csv$/i.test(fileName) ? 'csv' : 'xlsx',
    fileName,
    contentType: file.type,
    bytes,
    read: () => readUpload(engine, bytes, fileName, limits),
    options: { sheet, headerRow, mapping: validMapping(mapping, collection), ...tableChoices(tables, collection) },
  };
}
