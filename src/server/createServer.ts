import http from 'node:http';
import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import type { ArmorSetup } from '../limits/armor';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import { DEFAULT_LIMITS, type LimitsConfig, type MetricsConfig } from '../config';
import type { Metrics } from '../metrics/metrics';
import { metricsRoute } from '../metrics/metricsRoute';
import { graphiqlRouter } from './graphiqlPage';
import { errorHandler, notFound, requireJsonBody } from './httpErrors';
import { createRateLimiter } from './rateLimit';
import { requestLogging, requestMetrics } from './requestLogging';
import { withResponse } from './operationPlugin';
import { graphqlOptions } from './graphqlOptions';
import { securityHeaders } from './securityHeaders';
import { readinessRoute } from './readiness';

export interface ServerDependencies {
  schema: GraphQLSchema;
  logger: Logger;
  /** Who is calling: a principal, or an UnauthenticatedError (src/auth/authenticate.ts). */
  authenticate: (req: express.Request) => Promise<Principal>;
  /** Builds each request's context for the authenticated caller. */
  context: (principal: Principal) => Promise<Context>;
  ide: boolean;
  /** Readiness: resolves when the database answers. */
  ready: () => Promise<void>;
  /** Answer introspection queries (config.introspection); default true. */
  introspection?: boolean;
  /** Body and rate limits (config.limits); default DEFAULT_LIMITS. */
  limits?: Pick<LimitsConfig, 'bodyLimitBytes' | 'rateLimitPerMinute'>;
  /** Origins allowed by CORS (config.corsOrigins); empty or absent: CORS off. */
  corsOrigins?: readonly string[];
  /** Prometheus metrics: counted per request and served at GET /metrics. Absent: no /metrics. */
  metrics?: Metrics;
  /** Who may read /metrics (config.metrics); default loopback only, no token. */
  metricsAccess?: MetricsConfig;
  /** The operation limits (armorFor(config.limits) from src/limits/armor.ts). */
  armor?: ArmorSetup;
  /**
   * More surfaces behind the same authentication and rate limit as /graphql (reports,
   * exports, imports): each router finds the caller in `res.locals.principal`.
   */
  routes?: ReadonlyArray<{ path: string; router: express.Router }>;
  /** Pages served WITHOUT authentication because they hold no data (the explorer at /explore). */
  pages?: ReadonlyArray<express.Router>;
  /** /readyz answers 503 when `ready` has not resolved within this; default 2000 ms. */
  readyTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/**
 * Express + Apollo Server 5 on one HTTP server; `/healthz` and `/readyz` for load
 * balancers, `/metrics` for Prometheus. Every failure, before or inside GraphQL,
 * answers the JSON error body with a code (src/server/httpErrors.ts).
 */
export async function createServer(deps: ServerDependencies, host: string, port: number): Promise<RunningServer> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>(
    graphqlOptions({
      schema: deps.schema,
      logger: deps.logger,
      armor: deps.armor,
      introspection: deps.introspection,
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    }),
  );
  await apollo.start();

  app.use(requestLogging(deps.logger));
  if (deps.metrics) app.use(requestMetrics(deps.metrics));
  app.use(securityHeaders());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessRoute(deps.ready, deps.readyTimeoutMs ?? 2000));
  if (deps.metrics) app.get('/metrics', metricsRoute(deps.metrics, deps.metricsAccess ?? { allow: ['127.0.0.0/8', '::1/128'] }));
  const origins = deps.corsOrigins ?? [];
  // Before the IDE's GET route, which would answer a preflight with Express's automatic OPTIONS reply.
  // The routes (reports, exports) too: a frontend on an allowed origin downloads them, and reads the file name.
  const corsPaths = ['/graphql', ...(deps.routes ?? []).map((route) => route.path)];
  if (origins.length > 0) app.use(corsPaths, cors({ origin: [...origins], methods: ['GET', 'POST'], maxAge: 600, exposedHeaders: ['Content-Disposition'] }));
  if (deps.ide) app.use(graphiqlRouter());
  for (const page of deps.pages ?? []) app.use(page);

  // Authentication failures wait until the rate limiter has counted the request
  // against the caller's address, so guessing keys is limited too.
  const authenticated: express.RequestHandler = (req, res, next) => {
    deps.authenticate(req).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        res.locals.authenticationError = error;
        next();
      },
    );
  };
  const rejectUnauthenticated: express.RequestHandler = (_req, res, next) => next(res.locals.authenticationError);
  app.use(
    '/graphql',
    requireJsonBody,
    express.json({ limit: limits.bodyLimitBytes }),
    authenticated,
    createRateLimiter({ perMinute: limits.rateLimitPerMinute }),
    rejectUnauthenticated,
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        return withResponse(await deps.context(res.locals.principal as Principal), res);
      },
    }),
  );
  for (const route of deps.routes ?? []) {
    // Authentication for everything under the path; the router declares full paths (e.g. /reports/partnership).
    app.use(route.path, authenticated, createRateLimiter({ perMinute: limits.rateLimitPerMinute, name: route.path }), rejectUnauthenticated);
    app.use(route.router);
  }
  app.use(notFound);
  app.use(errorHandler(deps.logger, limits.bodyLimitBytes));

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}/graphql`,
    httpServer,
    stop: () => apollo.stop(),
  };
}
