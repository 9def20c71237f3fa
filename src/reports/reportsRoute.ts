import express, { type Router } from 'express';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import { BadUserInputError } from '../errors';
import { callerWithRole, choice, sendDownload, sendFailure, single } from '../server/httpQuery';
import { buildPartnershipReport } from './buildReport';
import { parseFormats, renderReport } from './renderReport';
import type { CompareTo } from './period';
import type { ReportLang } from './reportModel';

export interface ReportsRouterDependencies {
  /** The request context for a principal, as /graphql builds it. */
  context: (principal: Principal) => Promise<Context>;
  logger: Logger;
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
      const principal = callerWithRole(res, 'ANALYST', 'reports');
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
      sendDownload(res, file);
    } catch (error) {
      sendFailure(res, error, deps.logger, 'report');
    }
  });
  return router;
}
