import express, { type Router } from 'express';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import { callerWithRole, choice, sendDownload, sendFailure, single } from '../server/httpQuery';
import { loadNetwork } from './networkService';
import { exportFormatOf, parseExportRequest } from './exportRequest';
import { renderNetworkFile } from './exports/renderNetworkFile';
import { unionColumns } from './unionColumns';
import { UnionBodies, unionBodyKey } from './unionBodies';
import type { UnionWarmer } from './unionWarmer';

export interface ExportsRouterDependencies {
  /** The request context for a principal, as /graphql builds it. */
  context: (principal: Principal) => Promise<Context>;
  logger: Logger;
  /** Keeps the unions asked for warm across writes and restarts (unionWarmer.ts); none: each is computed when asked. */
  warmer?: Pick<UnionWarmer, 'remember'>;
  /** Where the union bodies sent are kept (unionBodies.ts): the app's, which an erasure empties (AnalyticsService.forgetAll); default one of the router's own. */
  bodies?: UnionBodies;
}

/**
 * GET /exports/network-union.json?area=&asOf=&kinds=&sectors=&minStrength=&membership=&layout=&provisional=:
 * the explorer's union over the layout period in columns (unionColumns.ts), as
 * `network(overLayoutPeriod: true)` without measures. With `provisional=1` (the
 * explorer's first picture), a scope not laid out on this graph version (never, or
 * not since a write) is answered at once with the layout's start positions, marked
 * `provisional` (networkService's LoadOptions); the same request without it
 * computes the layout, or joins it, and waits for it.
 *
 * GET /exports/network.{gexf|graphml|json|csv}?area=&asOf=&from=&to=&kinds=&sectors=&minStrength=&membership=&include=&layout=&layoutFrom=&layoutTo=:
 * the `network` payload as a file for Gephi, yEd, Cytoscape, NetworkX, Kumu or
 * Excel, read with the caller's rights (ANALYST or higher, as the field; citizens
 * labelled as the policy allows). `res.locals.principal` is set by the
 * authentication middleware in front of this router (see createServer's routes).
 */
export function exportsRouter(deps: ExportsRouterDependencies): Router {
  const router = express.Router();
  // The union bodies sent, per graph version, request and caller (unionBodies.ts).
  const bodies = deps.bodies ?? new UnionBodies();
  // The explorer's union (unionColumns.ts): the scope's parameters as an export's, the layout period's union without measures.
  router.get('/exports/network-union.json', async (req, res) => {
    try {
      const principal = callerWithRole(res, 'ANALYST', 'network unions');
      const ctx = await deps.context(principal);
      const request = await parseExportRequest(req, ctx);
      const union = { ...request, include: [], span: null, overLayoutPeriod: true };
      const provisionalLayout = choice(single(req, 'provisional'), 'provisional', ['0', '1'] as const, '0') === '1';
      const version = await ctx.analytics.graphVersion();
      const key = unionBodyKey(version, union, ctx);
      let body = bodies.get(key);
      if (body === undefined) {
        const payload = await loadNetwork(ctx, union, { provisionalLayout });
        body = JSON.stringify(unionColumns(payload));
        // Kept only when no write came in meanwhile (the key names the version read before), and never a provisional one.
        if (!payload.provisional && (await ctx.analytics.graphVersion()) === version) bodies.set(key, version, body);
      }
      deps.warmer?.remember(union, version);
      // Read with the caller's rights: never kept by a shared cache.
      res.setHeader('Cache-Control', 'private, no-store');
      res.type('application/json').send(body);
    } catch (error) {
      sendFailure(res, error, deps.logger, 'network union');
    }
  });
  router.get('/exports/network.:format', async (req, res) => {
    try {
      const principal = callerWithRole(res, 'ANALYST', 'exports');
      const format = exportFormatOf(req.params.format);
      const ctx = await deps.context(principal);
      const request = await parseExportRequest(req, ctx);
      const payload = await loadNetwork(ctx, request);
      sendDownload(res, await renderNetworkFile(payload, format, { areaId: request.scope.areaId, asOf: request.scope.asOf, span: request.span ?? null }));
    } catch (error) {
      sendFailure(res, error, deps.logger, 'export');
    }
  });
  return router;
}
