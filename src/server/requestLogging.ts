import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { pinoOf, type Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';

/** An incoming x-request-id is kept only if it is a short, plain token: it is echoed and logged. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Probes would fill the log; they are still counted in the metrics. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0].slice(0, 200);

type Locals = { principal?: { id?: string }; operationName?: string; errorCodes?: string[] };
const localsOf = (res: ServerResponse): Locals => ((res as Response).locals ?? {}) as Locals;

/**
 * One log line per request (pino-http): request id (echoed as x-request-id),
 * method, path (no query string), status, duration, principal id, GraphQL
 * operation name and error code. No headers, no bodies, no query strings: they
 * may carry tokens, API keys or citizens' names.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: pinoOf(logger),
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req.headers['x-request-id']);
      res.setHeader('x-request-id', id);
      return id;
    },
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    customProps: (_req, res) => {
      const locals = localsOf(res);
      return { principal: locals.principal?.id, operation: locals.operationName, errorCode: locals.errorCodes?.[0] };
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    // The cause of a 500 is logged where it happened; pino-http's generic Error would only add noise.
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({ ...value, err: undefined }),
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req.url)) },
  }) as unknown as RequestHandler;
}

/** The routes metrics know by name; anything else is 'other', so labels stay bounded. */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

/** Counts each request and its latency, by route and GraphQL operation name, and the error codes it returned. */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpSeconds.startTimer();
    res.once('finish', () => {
      // originalUrl: inside a mounted router Express shortens req.path to what is below the mount point.
      const path = pathOf(req.originalUrl);
      const route = ROUTES.has(path) ? path : path.startsWith('/ide/') ? '/ide' : 'other';
      const locals = res.locals as Locals;
      const operation = route === '/graphql' ? metrics.operationLabel(locals.operationName) : '';
      stop({ route, operation });
      metrics.httpRequests.inc({ route, method: req.method, status: String(res.statusCode), operation });
      for (const code of locals.errorCodes ?? []) metrics.errors.inc({ code });
    });
    next();
  };
}
