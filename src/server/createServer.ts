import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import { createErrorFormatter } from '../errors';
import { graphiqlRouter } from './graphiqlPage';

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
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/** Express + Apollo Server 5 on one HTTP server; `/healthz` and `/readyz` for load balancers. */
export async function createServer(deps: ServerDependencies, host: string, port: number): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: deps.schema,
    formatError: createErrorFormatter(deps.logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.ready();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  if (deps.ide) app.use(graphiqlRouter());
  const authenticated: express.RequestHandler = (req, res, next) => {
    deps.authenticate(req).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => next(error),
    );
  };
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    authenticated,
    expressMiddleware(apollo, { context: async ({ res }) => deps.context(res.locals.principal as Principal) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${boundPort}/graphql`,
    httpServer,
    stop: () => apollo.stop(),
  };
}
