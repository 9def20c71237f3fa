import { randomUUID } from 'node:crypto';
import type { Params } from '../db/database';
import { AnalyticsTimeoutError } from '../errors';
import type { Logger } from '../logger';
import type { AnalyticsService } from './analyticsService';
import type { ScopeGraph } from './scopeGraph';

/** Runs one statement against the projected graph; `$graphName` is filled in. */
export type GdsStep = <T>(name: string, params?: Params) => Promise<T[]>;

/** What GDS reports of a projection: relationshipCount counts each undirected pair twice. */
export interface ScopeProjection {
  graphName: string;
  nodeCount: number;
  relationshipCount: number;
}

export interface GdsRunnerDependencies {
  analytics: AnalyticsService;
  logger: Logger;
}

/** How often a failed drop is tried again before the graph is reported as left behind. */
const DROP_ATTEMPTS = 3;

/**
 * Project → run → drop. Projects the scope's network into the GDS catalog under
 * a name of its own (two requests never share a graph), runs `work` on it, and
 * always drops it, whether the work succeeded, failed or timed out. The algorithms
 * name actors by their number in `graph.actors` (see analytics/gdsProjectGraph).
 *
 * Returns null, without projecting, when the network has no tie (no actor, or
 * isolates only). Its answer is known without GDS: every actor is an isolate
 * (betweenness 0, a community of its own, no bridge or articulation point), and
 * GDS 2.13 cannot give it: bridges and Leiden throw on a graph without
 * relationships. Every caller reads null as "no algorithm labelled anyone".
 *
 * Every statement goes through the analytics service: under the analytics
 * timeout, and in write transactions, which reach the cluster leader, so that the
 * projection and the algorithms run on the same server (the GDS catalog is held
 * in one server's memory). Once the analytics timeout has passed since the start,
 * no further algorithm is started: the request has already been answered with
 * ANALYTICS_TIMEOUT, and only the drop is left to do.
 */
export async function onProjectedGraph<T>(
  deps: GdsRunnerDependencies,
  graph: ScopeGraph,
  work: (step: GdsStep, projection: ScopeProjection) => Promise<T>,
): Promise<T | null> {
  const { analytics } = deps;
  if (graph.pairs.length === 0) return null;
  const graphName = `samverkan-${randomUUID()}`;
  const deadline = Date.now() + analytics.timeoutMs;
  const step: GdsStep = async <R>(name: string, params: Params = {}) => {
    if (Date.now() > deadline) throw new AnalyticsTimeoutError(analytics.timeoutMs);
    return analytics.write<R>(name, { ...params, graphName });
  };
  try {
    const pairs = graph.pairs.map((pair) => [graph.indexOf.get(pair.source) as number, graph.indexOf.get(pair.target) as number]);
    const [projected] = await step<ScopeProjection>('analytics/gdsProjectGraph', { nodeCount: graph.actors.length, pairs });
    return await work(step, projected);
  } finally {
    await dropGraph(deps, graphName);
  }
}

/**
 * Drops the graph, also when the projection failed or timed out: the server may
 * have finished projecting after the client gave up. A drop that fails (under a
 * very short timeout, say) is tried again, then logged rather than thrown, so the
 * caller sees the error that matters.
 */
async function dropGraph({ analytics, logger }: GdsRunnerDependencies, graphName: string): Promise<void> {
  for (let attempt = 1; attempt <= DROP_ATTEMPTS; attempt += 1) {
    try {
      await analytics.write('analytics/gdsDropGraph', { graphName });
      return;
    } catch (error) {
      if (attempt === DROP_ATTEMPTS) {
        logger.error('projected graph could not be dropped', { graphName, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}

/** The actor id of a node number the algorithms report. */
const idOf = (graph: ScopeGraph, node: number): string => {
  const actor = graph.actors[node];
  if (!actor) throw new Error(`GDS reported node ${node}, which the projected network of ${graph.actors.length} actors does not have`);
  return actor.id;
};

/** Raw betweenness by actor id (undirected: each unordered pair of endpoints once). */
export async function gdsBetweenness(deps: GdsRunnerDependencies, graph: ScopeGraph): Promise<Map<string, number>> {
  const rows = await onProjectedGraph(deps, graph, (step) => step<{ node: number; score: number }>('analytics/gdsBetweenness'));
  return new Map((rows ?? []).map((row) => [idOf(graph, row.node), row.score]));
}

export type CommunityAlgorithm = 'LOUVAIN' | 'LEIDEN';

/** Leiden community labels by actor id (Louvain runs in the service: measures/louvain.ts). */
export async function gdsLeiden(deps: GdsRunnerDependencies, graph: ScopeGraph, resolution: number, seed: number): Promise<Map<string, number>> {
  const rows = await onProjectedGraph(deps, graph, (step) => step<{ node: number; communityId: number }>('analytics/gdsLeiden', { gamma: resolution, seed }));
  return new Map((rows ?? []).map((row) => [idOf(graph, row.node), row.communityId]));
}
