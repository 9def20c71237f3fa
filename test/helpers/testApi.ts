import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { buildSchema } from '../../src/schema/buildSchema';
import { createContext, type Context } from '../../src/context';
import { createErrorFormatter } from '../../src/errors';
import { createLogger, type Logger } from '../../src/logger';
import { createServiceInfoProvider, type ServiceInfoProvider } from '../../src/system/serviceInfo';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../../src/analytics/collaborationIndex/collaborationIndexStore';
import { wipeDatabase } from '../../src/seed/loadDataset';
import { readTestDatabaseState } from './testDatabaseState';
import { DEVELOPMENT_ADMIN, type Principal } from '../../src/auth/principal';
import { DEFAULT_LIMITS } from '../../src/config';
import { armorFor } from '../../src/limits/armor';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
  /** Names of the statements the operation sent, in order: its database round trips. */
  queries: string[];
}

export interface TestApi {
  db: Database;
  analytics: AnalyticsService;
  /** The collaboration index, when the API was created with `analyticsIndex`. */
  index: CollaborationIndexStore | undefined;
  /** Every line the error formatter logged. */
  logged: string[];
  /** Runs as `principal` (default: the development administrator). */
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<GraphQLResult<T>>;
  /** Runs and fails the test when the operation returned errors. */
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<T>;
  wipe(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real schema, resolvers, error formatter and a real Neo4j, executed in-process
 * through Apollo's executeOperation. Each operation counts its own round trips.
 */
export interface TestApiOptions {
  /** The analytics timeout; default SAMVERKAN_ANALYTICS_TIMEOUT_MS or 30 s. */
  analyticsTimeoutMs?: number;
  /** Pretend the database lacks Graph Data Science. */
  withoutGds?: boolean;
  /**
   * Keep the in-memory collaboration index, as the server does. Off by default so
   * that each test knows which engine answers: tests that want the index call
   * `index.refresh()` after their writes.
   */
  analyticsIndex?: boolean;
  /** The per-request row budget; default DEFAULT_LIMITS.maxRowsPerRequest. */
  maxRowsPerRequest?: number;
  /** Heavy analyses at once; default DEFAULT_LIMITS.analyticsConcurrency. */
  analyticsConcurrency?: number;
}

export async function createTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const state = readTestDatabaseState();
  const db = new Database(createDriver(state), QueryStore.load(), state.database);
  const logged: string[] = [];
  const logger: Logger = createLogger('error', (line) => logged.push(line));
  const realInfo = createServiceInfoProvider(db, 'test');
  const serviceInfo: ServiceInfoProvider = options.withoutGds
    ? { get: async () => ({ ...(await realInfo.get()), gdsVersion: null }) }
    : realInfo;
  const timeoutMs = options.analyticsTimeoutMs ?? Number(process.env.SAMVERKAN_ANALYTICS_TIMEOUT_MS ?? 30000);
  const index = options.analyticsIndex ? new CollaborationIndexStore({ db, logger }) : undefined;
  const analytics = new AnalyticsService({ db, serviceInfo, logger, timeoutMs, index, concurrency: options.analyticsConcurrency });
  const server = new ApolloServer<Context>({ schema: buildSchema(), formatError: createErrorFormatter(logger), ...armorFor(DEFAULT_LIMITS) });
  await server.start();
  const run = async <T>(query: string, variables: Record<string, unknown> = {}, principal: Principal = DEVELOPMENT_ADMIN): Promise<GraphQLResult<T>> => {
    const queries: string[] = [];
    const contextValue = createContext({ db, logger, serviceInfo, analytics, principal, observer: { onQuery: (name) => queries.push(name) }, limits: { maxRowsPerRequest: options.maxRowsPerRequest ?? DEFAULT_LIMITS.maxRowsPerRequest } });
    const response = await server.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return { data: response.body.singleResult.data, errors: response.body.singleResult.errors, queries };
  };
  return {
    db,
    analytics,
    index,
    logged,
    run,
    async ok<T>(query: string, variables?: Record<string, unknown>, principal?: Principal) {
      const result = await run<T>(query, variables, principal);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}\nServer log:\n${logged.slice(-3).join('\n')}`);
      return result.data as T;
    },
    wipe: () => wipeDatabase(db),
    async close() {
      await server.stop();
      await index?.close();
      await db.close();
    },
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export function codesOf(result: GraphQLResult): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/**
 * Gives a test file its own API on the shared test database: created before the
 * file's tests, the data wiped and the connections closed after them. The
 * returned object forwards to that API, so it can be used in hooks and tests.
 */
export function useTestApi(options: TestApiOptions = {}): TestApi {
  let current: TestApi | undefined;
  beforeAll(async () => {
    current = await createTestApi(options);
  });
  afterAll(async () => {
    await current?.wipe();
    await current?.close();
  });
  const api = (): TestApi => {
    if (!current) throw new Error('useTestApi: the API exists only while the file’s tests run');
    return current;
  };
  return {
    get db() {
      return api().db;
    },
    get analytics() {
      return api().analytics;
    },
    get index() {
      return api().index;
    },
    get logged() {
      return api().logged;
    },
    run: (query, variables, principal) => api().run(query, variables, principal),
    ok: (query, variables, principal) => api().ok(query, variables, principal),
    wipe: () => api().wipe(),
    close: () => api().close(),
  };
}
