import type { Request, Response } from 'express';
import { BadUserInputError, ClientError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { hasRole } from '../auth/policy';

/**
 * Small helpers of the routes beside /graphql (reports, exports, imports): their
 * query parameters and their JSON errors, which have the shape /graphql's have.
 */

/** The HTTP status of each client error code a route may answer. */
export const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.ANALYTICS_TIMEOUT]: 504,
  [ErrorCode.ANALYTICS_BUSY]: 503,
  [ErrorCode.ANALYTICS_UNAVAILABLE]: 503,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.RESULT_TOO_LARGE]: 413,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.QUERY_TIMEOUT]: 504,
};

/** The same JSON error body as /graphql's, with `field` for bad input. */
export function sendError(res: Response, error: ClientError): void {
  const code = String(error.extensions.code);
  (res.locals.errorCodes ??= []).push(code);
  if (code === ErrorCode.UNAUTHENTICATED) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(STATUS[code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...error.extensions, code } }] });
}

/** One query parameter: absent, or given once as text. */
export function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadUserInputError(`${name} must be given once, as text.`, name);
  return value;
}

/** One of a few values, case- and dash-insensitive (`previous-period` → PREVIOUS_PERIOD). */
export function choice<T extends string>(raw: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  const upper = raw.toUpperCase().replace(/-/g, '_') as T;
  if (!allowed.includes(upper)) throw new BadUserInputError(`${name} must be one of ${allowed.map((a) => a.toLowerCase()).join(', ')}; got "${raw.slice(0, 40)}".`, name);
  return upper;
}

/**
 * The caller the authentication middleware put in `res.locals.principal`, when
 * its role includes `needed`; otherwise UNAUTHENTICATED or FORBIDDEN, saying what
 * (`what`, e.g. "reports") needs the role. The rule itself is the policy's.
 */
export function callerWithRole(res: Response, needed: Role, what: string): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new ClientError(`Authenticate to read ${what}: send a bearer token or an API key.`, ErrorCode.UNAUTHENTICATED);
  if (!hasRole(principal, needed)) {
    const capitalised = what.charAt(0).toUpperCase() + what.slice(1);
    throw new ClientError(`${capitalised} need the ${needed} role (or higher); your role is ${principal.role}. Ask an administrator for a token or API key with that role.`, ErrorCode.FORBIDDEN, {
      requiredRole: needed,
    });
  }
  return principal;
}

/** A file read with the caller's rights, for download: never kept by a shared cache. */
export function sendDownload(res: Response, file: { contentType: string; name: string; content: Buffer | string }): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.status(200).send(file.content);
}

/**
 * Answers a failed request: a client error as JSON with its status (the area's
 * NOT_FOUND names `areaId`, the GraphQL argument; here it is the parameter
 * `area`); anything else is logged as one line and masked.
 */
export function sendFailure(res: Response, error: unknown, logger: Logger, what: string): void {
  if (error instanceof ClientError) {
    if (error.extensions.field === 'areaId') return sendError(res, new ClientError(error.message, error.extensions.code as ErrorCode, { ...error.extensions, field: 'area' }));
    return sendError(res, error);
  }
  logger.error(`${what} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  (res.locals.errorCodes ??= []).push(ErrorCode.INTERNAL_SERVER_ERROR);
  res.status(500).json({ errors: [{ message: `The ${what} could not be produced; the failure is logged.`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
}
