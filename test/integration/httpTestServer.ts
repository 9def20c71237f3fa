import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { buildSchema } from '../../src/schema/buildSchema';
import { createServer, type RunningServer, type ServerDependencies } from '../../src/server/createServer';
import { createContext } from '../../src/context';
import { createLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { readTestDatabaseState } from '../helpers/testDatabaseState';
import { DEVELOPMENT_ADMIN } from '../../src/auth/principal';

export interface HttpTestServer {
  server: RunningServer;
  db: Database;
  /** Every log line the server wrote (JSON). */
  logged: string[];
  url(path: string): URL;
  /** POSTs a GraphQL request as JSON. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
}

/** The real HTTP server on the shared test database, with `overrides` for the dependency under test. */
export async function startHttpTestServer(overrides: Partial<ServerDependencies> = {}, schema = buildSchema()): Promise<HttpTestServer> {
  const state = readTestDatabaseState();
  const db = new Database(createDriver(state), QueryStore.load(), state.database);
  const logged: string[] = [];
  const logger = createLogger('info', (line) => logged.push(line));
  const serviceInfo = createServiceInfoProvider(db, 'test');
  const analytics = new AnalyticsService({ db, serviceInfo, logger, timeoutMs: 30000 });
  const server = await createServer(
    {
      schema,
      logger,
      ide: true,
      authenticate: async () => DEVELOPMENT_ADMIN,
      context: async (principal) => createContext({ db, logger, serviceInfo, analytics, principal }),
      ready: async () => {
        await db.readRows('system/ping');
      },
      ...overrides,
    },
    '127.0.0.1',
    0,
  );
  const url = (path: string) => new URL(path, server.url);
  return {
    server,
    db,
    logged,
    url,
    async post(body, headers = {}) {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLBody };
    },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
