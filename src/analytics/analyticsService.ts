import type { Database, Params, Row, Tx } from '../db/database';
import type { Logger } from '../logger';
import type { ServiceInfoProvider } from '../system/serviceInfo';
import { GraphVersionClock } from '../system/graphVersionClock';
import { AnalyticsBusyError, AnalyticsTimeoutError, AnalyticsUnavailableError, NotFoundError } from '../errors';
import { DEFAULT_LIMITS } from '../config';
import { HeavyWorkQueue } from '../limits/heavyWorkQueue';
import { isTransactionTimeout } from '../db/neo4jErrors';
import { AnalyticsCache } from './analyticsCache';
import { buildScopeGraph, type ScopeActor, type ScopeGraph, type ScopePair } from './scopeGraph';
import { scopeParams, type Scope } from './scope';
import type { CollaborationIndex } from './collaborationIndex/collaborationIndex';
import type { CollaborationIndexStore } from './collaborationIndex/collaborationIndexStore';
import { indexScopeNetwork } from './collaborationIndex/indexScopeNetwork';
import type { SamplingDescription } from './measures/betweennessEstimate';
import { AnalysisJobs } from './jobs/analysisJobs';

/**
 * Where a result was computed (the AnalysisEngine enum): counted by Cypher in
 * Neo4j; by the service on the scope's network read from Neo4j; by the service
 * on its in-memory collaboration index of the graph version; or by GDS.
 */
export type AnalysisEngine = 'CYPHER_AGGREGATION' | 'SCOPE_NETWORK' | 'COLLABORATION_INDEX' | 'GDS';

/** What a measure says about how it was computed; the service adds the rest. */
export interface MethodParts {
  algorithm: string;
  normalisation?: string | null;
  counting: string;
  nodeCount: number;
  tieCount: number;
  usesGds?: boolean;
  /** Default: GDS when usesGds, else SCOPE_NETWORK. */
  engine?: AnalysisEngine;
  /** For an estimate: the sample and its error bound (null for exact results). */
  sampling?: SamplingDescription | null;
}

/** Computes one analysis on the graph of `version`; stops between batches of work once `signal` is aborted. */
export type AnalysisCompute<T> = (version: string, signal: AbortSignal) => Promise<{ result: T; method: MethodParts }>;

export interface AnalysisMethod extends MethodParts {
  engine: AnalysisEngine;
  asOf: string;
  areaId: string | null;
  gdsVersion: string | null;
  computedAt: string;
  cached: boolean;
}

export interface AnalyticsDependencies {
  /** Observes each computed (not cached) analysis's runtime by field (Prometheus). */
  observeRuntime?: (field: string, seconds: number) => void;
  db: Database;
  serviceInfo: ServiceInfoProvider;
  logger: Logger;
  timeoutMs: number;
  cache?: AnalyticsCache;
  /** The in-memory collaboration index; without it every count runs in Cypher. */
  index?: CollaborationIndexStore;
  /** Heavy analyses run at once (default DEFAULT_LIMITS.analyticsConcurrency); the rest queue within the timeout. */
  concurrency?: number;
  /** Analysis jobs run at once (default 1); the rest wait in the job queue. */
  jobConcurrency?: number;
  /** Where the graph version comes from; shared by the whole process (default: a clock of this service's own). */
  versions?: GraphVersionClock;
  /** Other in-memory copies of what the service computed (the explorer's union bodies), emptied with the rest by forgetAll. */
  alsoForget?: ReadonlyArray<{ clear(): void }>;
}

/**
 * Shared by all requests: runs analytics statements under the analytics timeout,
 * loads a scope's network once per graph version, caches heavy results, and
 * knows whether Graph Data Science is there.
 */
export class AnalyticsService {
  readonly cache: AnalyticsCache;
  /** Long analyses started with startAnalysis, held in this process's memory. */
  readonly jobs: AnalysisJobs;

  private readonly heavy: HeavyWorkQueue;
  private readonly versions: GraphVersionClock;

  constructor(private readonly deps: AnalyticsDependencies) {
    this.cache = deps.cache ?? new AnalyticsCache();
    this.versions = deps.versions ?? new GraphVersionClock(deps.db);
    this.heavy = new HeavyWorkQueue(deps.concurrency ?? DEFAULT_LIMITS.analyticsConcurrency);
    this.jobs = new AnalysisJobs({ concurrency: deps.jobConcurrency ?? 1, logger: deps.logger });
  }

  /** Heavy analyses running and waiting now, and the most that ran at once. */
  get heavyLoad(): HeavyWorkQueue['stats'] {
    return this.heavy.stats;
  }

  get timeoutMs(): number {
    return this.deps.timeoutMs;
  }

  /** Reads under the analytics timeout; a timeout becomes ANALYTICS_TIMEOUT. */
  async read<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    try {
      return await this.deps.db.readRows<T>(name, params, undefined, { timeoutMs: this.deps.timeoutMs });
    } catch (error) {
      if (isTransactionTimeout(error)) throw new AnalyticsTimeoutError(this.deps.timeoutMs);
      throw error;
    }
  }

  /** Several statements in one read transaction under the analytics timeout; a timeout becomes ANALYTICS_TIMEOUT. */
  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.deps.db.read(work, undefined, { timeoutMs: this.deps.timeoutMs });
    } catch (error) {
      if (isTransactionTimeout(error)) throw new AnalyticsTimeoutError(this.deps.timeoutMs);
      throw error;
    }
  }

  /** Writes under the analytics timeout (GDS projections and drops run in write transactions). */
  async write<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    try {
      return await this.deps.db.write((tx) => tx.run<T>(name, params), undefined, { timeoutMs: this.deps.timeoutMs });
    } catch (error) {
      if (isTransactionTimeout(error)) throw new AnalyticsTimeoutError(this.deps.timeoutMs);
      throw error;
    }
  }

  /**
   * Changes with every write, and is never reused after a wipe (see
   * system/graphVersion.cypher); remembered briefly between requests (GraphVersionClock).
   */
  graphVersion(): Promise<string> {
    return this.versions.current();
  }

  /** The collaboration index of exactly this graph version, or null (see CollaborationIndexStore). */
  indexFor(version: string): CollaborationIndex | null {
    return this.deps.index?.forVersion(version) ?? null;
  }

  /**
   * NOT_FOUND for a scope naming an unknown area. The collaboration index of this
   * version knows every area; without it, the database is asked.
   */
  async checkScope(scope: Scope, version: string): Promise<void> {
    if (!scope.areaId) return;
    const index = this.indexFor(version);
    if (index) {
      if (!index.areaIndexOf.has(scope.areaId)) throw new NotFoundError('Area', scope.areaId);
      return;
    }
    const [row] = await this.deps.db.readRows<{ found: boolean }>('analytics/areaExists', { areaId: scope.areaId });
    if (!row?.found) throw new NotFoundError('Area', scope.areaId);
  }

  /** The GDS version, or ANALYTICS_UNAVAILABLE naming the plugin when it is missing. */
  async requireGds(): Promise<string> {
    const { gdsVersion } = await this.deps.serviceInfo.get();
    if (!gdsVersion) {
      throw new AnalyticsUnavailableError(
        'This analysis needs the Neo4j Graph Data Science plugin (gds.*), which this database does not have. Install GDS 2.13 in the Neo4j plugins folder, or use the embedded Neo4j (unset NEO4J_URI).',
      );
    }
    return gdsVersion;
  }

  /** The scope's network (actors and distinct pairs), from the collaboration index or the scope statements, once per graph version. */
  async scopeGraph(scope: Scope, version?: string): Promise<ScopeGraph> {
    const graphVersion = version ?? (await this.graphVersion());
    const key = `graph|${graphVersion}|${JSON.stringify(scope)}`;
    const { value } = await this.cache.getOrCompute(key, async () => {
      const index = this.indexFor(graphVersion);
      if (index) {
        const network = indexScopeNetwork(index, scope);
        return buildScopeGraph(network.actors, network.pairs, 'COLLABORATION_INDEX');
      }
      const params = scopeParams(scope);
      const [actors, pairs] = await Promise.all([this.read<ScopeActor>('analytics/scopeActors', params), this.read<ScopePair>('analytics/scopeTies', params)]);
      return buildScopeGraph(actors, pairs);
    });
    return value;
  }

  /**
   * Runs one analysis: checks the scope, serves the cached result for the same
   * field, scope, arguments and graph version, else computes it within the
   * timeout, and attaches the method block.
   */
  async analyse<T extends object>(field: string, scope: Scope, args: unknown, compute: AnalysisCompute<T>): Promise<T & { method: AnalysisMethod }> {
    // The timeout counts from here: time spent queueing for a slot is part of it.
    const arrivedAt = Date.now();
    // Work that can stop (the sampled and in-service betweenness) stops once the caller has been answered with a timeout.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new AnalyticsTimeoutError(this.deps.timeoutMs)), this.deps.timeoutMs);
    timer.unref();
    try {
      return await this.cachedAnalysis(field, scope, args, (key, version) =>
        this.cache.getOrCompute(key, () => this.runHeavy(arrivedAt, () => this.observed(field, () => compute(version, deadline.signal)))),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs one analysis as a job does: outside the request slots and without the
   * request timeout (the job queue bounds how many run), stopped by `signal`
   * (cancellation). The result is cached under the same key as `analyse`'s, so
   * the field answers from it once the job is done.
   */
  async analyseInBackground<T extends object>(field: string, scope: Scope, args: unknown, compute: AnalysisCompute<T>, signal: AbortSignal): Promise<T & { method: AnalysisMethod }> {
    return this.cachedAnalysis(field, scope, args, (key, version) => this.cache.getOrCompute(key, () => this.observed(field, () => compute(version, signal))));
  }

  /** Checks the scope, looks up or computes the result for this field, scope, arguments and graph version, and attaches the method block. */
  private async cachedAnalysis<T extends object>(
    field: string,
    scope: Scope,
    args: unknown,
    lookup: (key: string, version: string) => Promise<{ value: { result: T; method: MethodParts }; computedAt: string; cached: boolean }>,
  ): Promise<T & { method: AnalysisMethod }> {
    const version = await this.graphVersion();
    await this.checkScope(scope, version);
    const key = `${field}|${version}|${JSON.stringify(scope)}|${JSON.stringify(args ?? null)}`;
    const { value, computedAt, cached } = await lookup(key, version);
    const gdsVersion = value.method.usesGds ? ((await this.deps.serviceInfo.get()).gdsVersion ?? null) : null;
    return {
      ...value.result,
      method: { ...value.method, engine: value.method.engine ?? (value.method.usesGds ? 'GDS' : 'SCOPE_NETWORK'), asOf: scope.asOf, areaId: scope.areaId, gdsVersion, computedAt, cached },
    };
  }

  private async observed<T>(field: string, compute: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const computed = await compute();
    this.deps.observeRuntime?.(field, (performance.now() - started) / 1000);
    return computed;
  }

  /** After an erasure: no cached result and no copy of the graph may still hold the erased citizen. */
  forgetAll(): void {
    this.cache.clear();
    this.deps.index?.drop();
    for (const copies of this.deps.alsoForget ?? []) copies.clear();
  }

  /**
   * Runs a computation once one of the bounded slots is free (1,000 different
   * analyses at once once exhausted Neo4j's heap). A request that cannot start
   * before its timeout gets ANALYTICS_BUSY; one that starts has what is left of it.
   * The slot stays taken until the computation itself ends, even when its caller
   * has already been answered with a timeout.
   */
  private runHeavy<T>(arrivedAt: number, compute: () => Promise<T>): Promise<T> {
    const deadline = arrivedAt + this.deps.timeoutMs;
    const busy = () =>
      new AnalyticsBusyError(
        `${this.heavy.concurrency} heavy analyses are already running and this one could not start within ${this.deps.timeoutMs} ms. Retry in a little while (a finished result is cached for everyone), or narrow the scope.`,
      );
    return new Promise<T>((resolve, reject) => {
      this.heavy
        .run(
          () => {
            const work = compute();
            this.withTimeout(work, deadline - Date.now()).then(resolve, reject);
            return work;
          },
          deadline,
          busy,
        )
        .catch(reject);
    });
  }

  /** A hung analysis must not hang the request: past the timeout the client gets ANALYTICS_TIMEOUT. */
  private withTimeout<T>(work: Promise<T>, remainingMs: number = this.deps.timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AnalyticsTimeoutError(this.deps.timeoutMs)), Math.max(0, remainingMs));
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
