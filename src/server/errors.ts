import type { FastifyError, FastifyInstance } from 'fastify';

/** An error the API answers with: `{"error": {"code", "message"}}` and the status. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const errorBodySchema = {
  $id: 'error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Fastify's own errors (body too large, bad JSON, validation) in our shape. */
function fromFastify(error: FastifyError): ApiError {
  const status = error.statusCode ?? 500;
  if (error.validation) return new ApiError(400, 'bad_request', `The request is not valid: ${error.message}.`);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new ApiError(413, 'too_large', 'The upload is larger than the server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'Send the workbook as multipart/form-data (field "file") or the cells as application/json.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'bad_request', 'The request body is not valid JSON.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'The request is not multipart/form-data.');
  }
  if (status >= 400 && status < 500) return new ApiError(status, 'bad_request', error.message);
  return new ApiError(500, 'internal', 'The server had a problem. Try again in a few minutes.');
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const api = error instanceof ApiError ? error : fromFastify(error as FastifyError);
    if (api.statusCode >= 500) {
      // The message of an unexpected error may quote partner data: log its kind and where it came from only.
      request.log.error({ errType: error.name, errCode: (error as FastifyError).code, stack: redactStack(error.stack) }, 'request failed');
    }
    void reply.code(api.statusCode).headers(api.headers).send(errorBody(api.code, api.message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody('not_found', `Nothing here: ${request.method} ${request.url.split('?')[0]}.`));
  });
}

/** The stack's frames without its first line (which carries the message). */
export function redactStack(stack: string | undefined): string | undefined {
  return stack?.split('\n').slice(1).join('\n');
}

/** How deeply a JSON body may nest: ours nest four levels; a deeper one is an attack on the validator's recursion. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, scanned in one pass (strings skipped). */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123 /* [ { */) {
      if (++depth > deepest && (deepest = depth) > stopAt) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** Fastify's JSON parser, refusing bodies nested deeper than MAX_JSON_DEPTH with a 400 before they are parsed. */
export function registerJsonParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(new ApiError(400, 'bad_request', 'The request body is empty: send the cells as JSON.'), undefined);
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return done(new ApiError(400, 'bad_request', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels; a submission is a sheet of rows of cells.`), undefined);
    }
    try {
      // No __proto__ key survives into our objects (checked only when one is there: a reviver slows every parse).
      done(null, text.includes('"__proto__"') ? JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) : JSON.parse(text));
    } catch {
      done(new ApiError(400, 'bad_request', 'The request body is not valid JSON.'), undefined);
    }
  });
}
