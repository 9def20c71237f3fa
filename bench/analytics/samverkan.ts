/** Timing a field in-process through the real schema, resolvers and context, as test/helpers/testApi.ts does it. */
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { AnalyticsCache } from '../../src/analytics/analyticsCache';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import type { CollaborationIndexStore } from '../../src/analytics/collaborationIndex/collaborationIndexStore';
import { SYSTEM_PRINCIPAL } from '../../src/auth/principal';
import { createContext, type Context } from '../../src/context';
import type { Database } from '../../src/db/database';
import { DEFAULT_LIMITS } from '../../src/config';
import { armorFor } from '../../src/limits/armor';
import { graphqlOptions } from '../../src/server/graphqlOptions';
import { createLogger, silentLogger } from '../../src/logger';
import { buildSchema } from '../../src/schema/buildSchema';
import { GraphVersionClock } from '../../src/system/graphVersionClock';
import { createServiceInfoProvider, type ServiceInfoProvider } from '../../src/system/serviceInfo';
import { VERSION } from '../../src/version';
import { median, p95 } from './helpers';
import type { Failure, SamverkanResult } from './results';

export interface BenchApi {
  db: Database;
  serviceInfo: ServiceInfoProvider;
  /** Executes with a fresh AnalyticsService and cache: nothing comes from the analytics cache. */
  run(document: string, variables: Record<string, unknown>): Promise<{ ms: number; data: Record<string, unknown> | null; errors: readonly GraphQLFormattedError[] }>;
  /** The last lines the error formatter logged (stacks of unexpected errors). */
  logged: string[];
  close(): Promise<void>;
}

export async function createBenchApi(db: Database, timeoutMs: number, verbose: boolean, index?: CollaborationIndexStore): Promise<BenchApi> {
  const logged: string[] = [];
  const logger = createLogger('error', (line) => {
    logged.push(line);
    if (logged.length > 20) logged.shift();
    if (verbose) process.stderr.write(`${line}\n`);
  });
  const serviceInfo = createServiceInfoProvider(db, VERSION);
  // The service's own pipeline (limits, error masking, plugins), as src/server/createServer.ts builds it.
  const server = new ApolloServer<Context>(graphqlOptions({ schema: buildSchema(), logger, armor: armorFor(DEFAULT_LIMITS) }));
  await server.start();
  // One clock for the process, as the server has (src/app.ts): the graph version is not read again on every request.
  const versions = new GraphVersionClock(db);
  return {
    db,
    serviceInfo,
    logged,
    async run(document, variables) {
      const analytics = new AnalyticsService({ db, serviceInfo, logger: verbose ? logger : silentLogger, timeoutMs, cache: new AnalyticsCache(), index, versions });
      const contextValue = createContext({ db, logger, serviceInfo, analytics, principal: SYSTEM_PRINCIPAL });
      const started = performance.now();
      const response = await server.executeOperation<Record<string, unknown>>({ query: document, variables }, { contextValue });
      const elapsed = performance.now() - started;
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      return { ms: elapsed, data: data ?? null, errors: errors ?? [] };
    },
    async close() {
      await server.stop();
    },
  };
}

function failureOf(errors: readonly GraphQLFormattedError[], logged: string[]): Failure {
  const first = errors[0];
  const message = first?.message ?? 'unknown error';
  if (/Cannot return null for non-nullable field Query\./.test(message)) return { status: 'not implemented', message };
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
  // An unexpected error is masked for clients; its logged stack says what it was.
  const detail = code === 'INTERNAL_SERVER_ERROR' && logged.length > 0 ? `${message} — logged: ${logged[logged.length - 1].slice(0, 400)}` : message;
  return { status: code, message: detail };
}

/**
 * Untimed asks before the timed runs: the first (printed as "first ask": it pays
 * the JIT's first compilation and whatever the index builds for a new date), then
 * more until WARMUP_RUNS or WARMUP_BUDGET_MS in all, so that the timed runs see
 * the request's code compiled, as a long-running service's is. NetworkX needs no
 * warm-up: CPython does not compile at run time.
 */
const WARMUP_RUNS = 5;
const WARMUP_BUDGET_MS = 1000;

/**
 * Warm-up asks (see above), then `runs` timed runs; stops at the first error.
 * `warmup` false: no untimed asks (for a field that takes many minutes).
 */
export async function timeField(api: BenchApi, document: string, variables: Record<string, unknown>, runs: number, warmup: boolean): Promise<SamverkanResult> {
  const result: SamverkanResult = { ok: false, failure: null, warmupMs: null, runsMs: [], medianMs: null, p95Ms: null, nodeCount: null, tieCount: null, engine: null };
  const once = async (): Promise<number | null> => {
    try {
      const { ms: elapsed, data, errors } = await api.run(document, variables);
      if (errors.length > 0) {
        result.failure = failureOf(errors, api.logged);
        return null;
      }
      const method = (data?.r as { method?: { nodeCount?: number; tieCount?: number; engine?: string } } | undefined)?.method;
      result.nodeCount = method?.nodeCount ?? null;
      result.tieCount = method?.tieCount ?? null;
      result.engine = method?.engine ?? null;
      return elapsed;
    } catch (error) {
      result.failure = { status: 'EXCEPTION', message: error instanceof Error ? error.message : String(error) };
      return null;
    }
  };
  if (warmup) {
    result.warmupMs = await once();
    if (result.warmupMs === null) return result;
    let spent = result.warmupMs;
    for (let ask = 1; ask < WARMUP_RUNS && spent < WARMUP_BUDGET_MS; ask += 1) {
      const elapsed = await once();
      if (elapsed === null) return result;
      spent += elapsed;
    }
  }
  for (let run = 0; run < runs; run += 1) {
    const elapsed = await once();
    if (elapsed === null) return result;
    result.runsMs.push(elapsed);
  }
  result.ok = true;
  result.medianMs = median(result.runsMs);
  result.p95Ms = p95(result.runsMs);
  return result;
}

