import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';
import { quoteForError } from './validation/quoteForError';

/** Every code a client can see in `extensions.code`. Also exposed in the schema as `ErrorCode`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ANALYTICS_UNAVAILABLE = 'ANALYTICS_UNAVAILABLE',
  ANALYTICS_TIMEOUT = 'ANALYTICS_TIMEOUT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  ANALYTICS_BUSY = 'ANALYTICS_BUSY',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  RESULT_TOO_LARGE = 'RESULT_TOO_LARGE',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Base of every error a client caused; the message says what to fix. */
export class ClientError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends ClientError {
  /** `field` names the argument or input field at fault, e.g. `input.organisationNumber`. */
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field ? { field } : {});
  }
}

export class NotFoundError extends ClientError {
  constructor(type: string, id: string) {
    super(`No ${type} has id ${quoteForError(id)}. Check the id, or list ${type.toLowerCase()}s to find it.`, ErrorCode.NOT_FOUND, {
      type,
      // Capped like the message: an error must not reflect arbitrary client text.
      id: Array.from(id).slice(0, 100).join(''),
    });
  }
}

export class ConflictError extends ClientError {
  constructor(message: string) {
    super(message, ErrorCode.CONFLICT);
  }
}

export class AnalyticsUnavailableError extends ClientError {
  constructor(message: string) {
    super(message, ErrorCode.ANALYTICS_UNAVAILABLE);
  }
}

export class AnalyticsTimeoutError extends ClientError {
  constructor(timeoutMs: number) {
    super(
      `The analysis did not finish within ${timeoutMs} ms. Narrow the scope (an area, fewer kinds, a minStrength) or raise SAMVERKAN_ANALYTICS_TIMEOUT_MS.`,
      ErrorCode.ANALYTICS_TIMEOUT,
      { timeoutMs },
    );
  }
}

export class ServiceUnavailableError extends ClientError {
  constructor(message: string) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE);
  }
}

/** No valid credentials: HTTP 401. The message says which header to send. */
export class UnauthenticatedError extends ClientError {
  constructor(message: string) {
    super(message, ErrorCode.UNAUTHENTICATED, { http: { status: 401 } });
  }
}

/** Valid credentials without the right: the message names the role or organisation needed. */
export class ForbiddenError extends ClientError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.FORBIDDEN, extensions);
  }
}

/** The database did not answer within the configured bound; retry later. */
export class DatabaseUnavailableError extends ClientError {
  constructor(message = 'The database is not reachable right now. Nothing was written by this request unless its response said so; try again in a moment.') {
    super(message, ErrorCode.DATABASE_UNAVAILABLE);
  }
}

/** An ordinary read or write ran past SAMVERKAN_QUERY_TIMEOUT_MS and the database stopped it. */
export class QueryTimeoutError extends ClientError {
  constructor() {
    super('The request took longer than the service allows for one database transaction and was stopped; nothing it was writing was kept. Ask for less (smaller pages, a narrower filter) and try again.', ErrorCode.QUERY_TIMEOUT);
  }
}

/** Too many heavy analyses are running; the message says when to retry. */
export class AnalyticsBusyError extends ClientError {
  constructor(message: string) {
    super(message, ErrorCode.ANALYTICS_BUSY);
  }
}

/** The error a resolver threw, beneath graphql-js's located wrappers. */
function innermost(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/** The first `extensions.code` someone chose on purpose, from the outermost error inwards. */
function chosenCode(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError) {
    if (current.extensions?.code !== undefined) return current.extensions.code;
    current = current.originalError;
  }
  return undefined;
}

/** An HTTP status a GraphQLError carries for its response (Apollo's request errors set one). */
function httpStatusOf(error: unknown): number | undefined {
  const status = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined)?.status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Apollo's `formatError`. Errors that carry a code chosen on purpose (ours,
 * Apollo's, graphql-armor's) pass through. Errors outside resolvers (parse,
 * validation, variable coercion) are meant for the client and get a code if they
 * lack one: BAD_REQUEST when Apollo marked them with a 4xx status (a persisted
 * query whose hash does not match, an unsupported persisted-query version), else
 * BAD_USER_INPUT. Anything else is a bug or an infrastructure failure: logged with
 * its stack and masked, so no driver text or stack trace reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = chosenCode(error);
    if (code === 'PERSISTED_QUERY_NOT_FOUND') {
      // Apollo clients resend the full query on this code, so it stays; the message says what to send.
      return { message: 'PersistedQueryNotFound: this server does not know a query with that sha256Hash. Send the request again with the full query text in "query".', extensions: { code } };
    }
    if (code !== undefined) return formatted;
    const inResolver = error instanceof GraphQLError && error.path !== undefined;
    const original = innermost(error);
    if (!inResolver && original instanceof GraphQLError) {
      const status = httpStatusOf(original);
      if (status !== undefined && status >= 400 && status < 500) {
        return {
          message: `${formatted.message}. If you use automatic persisted queries, send extensions.persistedQuery as {"version": 1, "sha256Hash": <the lowercase hex SHA-256 of exactly the "query" text>}, or leave it out.`,
          extensions: { code: ErrorCode.BAD_REQUEST },
        };
      }
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    logger.error('unexpected error', {
      error: original instanceof Error ? (original.stack ?? original.message) : String(original),
      path: formatted.path,
    });
    return {
      message: 'Internal server error. It has been logged; please try again, or report it with the time of the request.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
