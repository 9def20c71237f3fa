import express, { type Request, type Response, type Router } from 'express';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/policy';
import { BadUserInputError, ClientError, ErrorCode } from '../errors';
import { buildPartnershipReport } from './buildReport';
import { parseFormats, renderReport } from './renderReport';
import type { CompareTo } from './period';
import type { ReportLang } from './reportModel';

export interface ReportsRouterDependencies {
  /** The request context for a principal, as /graphql builds it. */
  context: (principal: Principal) => Promise<Context>;
  logger: Logger;
}

const STATUS: Partial<Record<string, number>> = {
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
};

/** The same JSON error body as /graphql's, with `field` for bad input. */
function sendError(res: Response, error: ClientError): void {
  const code = String(error.extensions.code);
  (res.locals.errorCodes ??= []).push(code);
  if (code === ErrorCode.UNAUTHENTICATED) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(STATUS[code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...error.extensions, code } }] });
}

/** One query parameter: absent, or given once as text. */
function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadUserInputError(`${name} must be given once, as text.`, name);
  return value;
}

function choice<T extends string>(raw: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  const upper = raw.toUpperCase().replace(/-/g, '_') as T;
  if (!allowed.includes(upper)) throw new BadUserInputError(`${name} must be one of ${allowed.map((a) => a.toLowerCase()).join(', ')}; got "${raw.slice(0, 40)}".`, name);
  return upper;
}

/**
 * GET /reports/partnership?period=2022-Q3&area=area-rosengard&format=pdf|html|xlsx|csv&lang=sv|en
 * [&compareTo=previous-period|same-period-last-year][&table=<id>]: the partnership
 * report, read with the caller's rights (ANALYST or higher; citizens' names and
 * small counts as the policy allows). `res.locals.principal` is set by the
 * authentication middleware in front of this router. For CSV, `table` gives one
 * table as text/csv; without it the whole set comes as a zip.
 */
export function reportsRouter(deps: ReportsRouterDependencies): Router {
  const router = express.Router();
  router.get('/reports/partnership', async (req, res) => {
    try {
      const principal = res.locals.principal as Principal | undefined;
      if (!principal) throw new ClientError('Authenticate to read reports: send a bearer token or an API key.', ErrorCode.UNAUTHENTICATED);
      if (!hasRole(principal, 'ANALYST')) {
        throw new ClientError(`Reports need the ANALYST role (or higher); your role is ${principal.role}. Ask an administrator for a token or API key with that role.`, ErrorCode.FORBIDDEN, { requiredRole: 'ANALYST' });
      }
      const period = single(req, 'period');
      if (!period) throw new BadUserInputError('period is required: a quarter (2022-Q3), a month (2022-07) or a year (2022).', 'period');
      const formatRaw = single(req, 'format') ?? 'pdf';
      const formats = parseFormats(formatRaw, 'format');
      if (formats.length !== 1) throw new BadUserInputError(`format takes one format per request (pdf, html, xlsx or csv); got "${formatRaw.slice(0, 40)}".`, 'format');
      const lang = choice<ReportLang>(single(req, 'lang'), 'lang', ['SV', 'EN'], 'SV');
      const compareTo = choice<CompareTo>(single(req, 'compareTo'), 'compareTo', ['PREVIOUS_PERIOD', 'SAME_PERIOD_LAST_YEAR'], 'PREVIOUS_PERIOD');
      const table = single(req, 'table');
      if (table !== undefined && formats[0] !== 'csv') throw new BadUserInputError('table goes with format=csv only.', 'table');
      const area = single(req, 'area');
      const ctx = await deps.context(principal);
      const report = await buildPartnershipReport(ctx, { period, areaId: area || null, compareTo, lang });
      const file = await renderReport(report, formats[0], { table });
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
      // Read with the caller's rights: never kept by a shared cache.
      res.setHeader('Cache-Control', 'private, no-store');
      res.status(200).send(file.content);
    } catch (error) {
      if (error instanceof ClientError) {
        // The area's NOT_FOUND names `areaId`, the GraphQL argument; here it is `area`.
        if (error.extensions.field === 'areaId') return sendError(res, new ClientError(error.message, error.extensions.code as ErrorCode, { ...error.extensions, field: 'area' }));
        return sendError(res, error);
      }
      deps.logger.error('report failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      (res.locals.errorCodes ??= []).push(ErrorCode.INTERNAL_SERVER_ERROR);
      res.status(500).json({ errors: [{ message: 'The report could not be produced; the failure is logged.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  });
  return router;
}
