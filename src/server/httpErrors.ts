import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** The GraphQL-over-HTTP error body, also for failures before GraphQL runs. */
export function sendError(res: Response, status: number, code: ErrorCode | string, message: string, headers: Record<string, string> = {}): void {
  (res.locals.errorCodes ??= []).push(code);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** What body-parser (express.json) reports in `type`, and what we answer for each. */
const BODY_ERRORS: Record<string, { status: number; code: ErrorCode; message: (limit: number) => string }> = {
  'entity.parse.failed': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: () => 'The request body is not valid JSON. Send a JSON object such as {"query": "{ serviceInfo { version } }", "variables": {}}.',
  },
  'entity.too.large': {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: (limit) => `The request body is larger than ${limit} bytes (SAMVERKAN_BODY_LIMIT). Send a shorter query, or fewer or smaller variables.`,
  },
  'charset.unsupported': {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: () => 'The request body must be UTF-8 JSON: send Content-Type: application/json (charset utf-8, or no charset).',
  },
  'encoding.unsupported': {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: () => 'The request body uses a Content-Encoding this API does not accept: send it uncompressed, or gzip, deflate or br.',
  },
};

/**
 * Every POST must carry JSON: anything else would reach Apollo with no parsed
 * body. GET (queries in the URL, CSRF-checked by Apollo) and OPTIONS (CORS
 * preflight) pass.
 */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  sendError(
    res,
    415,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `POST /graphql takes Content-Type: application/json; got ${req.headers['content-type'] ? `"${String(req.headers['content-type']).slice(0, 60)}"` : 'none'}.`,
  );
};

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, ErrorCode.NOT_FOUND, `Nothing is served at ${req.method} ${req.path.slice(0, 100)}. The API is at POST /graphql; /healthz and /readyz report health.`);
};

function httpStatusOf(error: GraphQLError): number | undefined {
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The last handler: turns whatever went wrong before GraphQL into the JSON error
 * body with the right status, never Express's HTML page or a stack. Errors nobody
 * anticipated are logged (one line) and masked.
 */
export function errorHandler(logger: Logger, bodyLimitBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
    if (known) return sendError(res, known.status, known.code, known.message(bodyLimitBytes));
    if (error instanceof GraphQLError && typeof error.extensions?.code === 'string') {
      const code = error.extensions.code;
      if (code === ErrorCode.UNAUTHENTICATED) {
        return sendError(res, 401, code, error.message, { 'WWW-Authenticate': 'Bearer' });
      }
      return sendError(res, httpStatusOf(error) ?? (code === ErrorCode.FORBIDDEN ? 403 : 400), code, error.message);
    }
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, status, ErrorCode.BAD_REQUEST, 'The request could not be read. Send a complete JSON body with Content-Type: application/json.');
    }
    logger.error('unexpected error', {
      requestId: (req as { id?: unknown }).id,
      path: req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error. It has been logged; please try again, or report it with the time and the x-request-id of the request.');
  };
}
