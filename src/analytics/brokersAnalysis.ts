import { BadUserInputError } from '../errors';
import { intInRange } from '../validation/inputs';
import type { AnalysisEngine, MethodParts } from './analyticsService';
import { gdsBetweenness, type GdsRunnerDependencies } from './gdsRunner';
import type { Scope } from './scope';
import type { ScopeGraph } from './scopeGraph';
import { rankBrokers, type BrokerRow } from './measures/brokerRanking';
import { AUTO_EXACT_MAX_ACTORS, BETWEENNESS_DEFAULTS, exactBetweenness, sampledBetweenness, scoresById, type BetweennessMethod, type SamplingDescription } from './measures/betweennessEstimate';
import { basisOfGraph, type CitizenBasis } from './suppression/citizenBasis';

/**
 * The brokers analysis, shared by the `brokers` field and by analysis jobs: the
 * betweenness of every actor of the scope (exact, or a Riondato–Kornaropoulos
 * estimate with a stated bound), then the top `first` with their brokerage roles,
 * constraint and effective size.
 */

export interface BetweennessInput {
  method?: BetweennessMethod | null;
  epsilon?: number | null;
  delta?: number | null;
  seed?: number | null;
}

export interface BrokersArguments {
  first: number;
  betweenness: { method: BetweennessMethod; epsilon: number; delta: number; seed: number };
}

const DEFAULT_BROKERS = 20;
const MAX_BROKERS = 100;
const MAX_SEED = 2 ** 31 - 1;
/** Below this the sample (r ∝ 1/ε²) would outgrow any request: 0.001 means 3.7 million paths. */
const MIN_EPSILON = 0.001;

const PAIRS =
  'undirected; each pair of actors with at least one tie active on asOf (of the scope’s kinds, minStrength and sectors) counted once, however many ties join it; isolates are nodes';

/** Checks the arguments of `brokers` (and of a BROKERS job); the defaults filled in, so equal requests share a cache key. */
export function brokersArguments(args: { first?: number | null; betweenness?: BetweennessInput | null }): BrokersArguments {
  const first = intInRange(args.first, 'first', 1, MAX_BROKERS) ?? DEFAULT_BROKERS;
  const input = args.betweenness ?? {};
  const epsilon = input.epsilon ?? BETWEENNESS_DEFAULTS.epsilon;
  if (!(epsilon >= MIN_EPSILON && epsilon < 1)) {
    throw new BadUserInputError(`betweenness.epsilon must be from ${MIN_EPSILON} to below 1; got ${epsilon}. A smaller ε needs 1/ε² more samples: for a long analysis use startAnalysis.`, 'betweenness.epsilon');
  }
  const delta = input.delta ?? BETWEENNESS_DEFAULTS.delta;
  if (!(delta > 0 && delta < 1)) throw new BadUserInputError(`betweenness.delta must be above 0 and below 1; got ${delta}.`, 'betweenness.delta');
  const seed = intInRange(input.seed, 'betweenness.seed', 0, MAX_SEED) ?? BETWEENNESS_DEFAULTS.seed;
  return { first, betweenness: { method: input.method ?? 'AUTO', epsilon, delta, seed } };
}

/** AUTO is exact on small networks, where exact is cheap, and sampled above. */
export function resolveMethod(method: BetweennessMethod, actorCount: number): 'EXACT' | 'SAMPLED' {
  if (method !== 'AUTO') return method;
  return actorCount <= AUTO_EXACT_MAX_ACTORS ? 'EXACT' : 'SAMPLED';
}

export interface BrokersResult {
  brokers: BrokerRow[];
  citizenBasis: CitizenBasis;
}

export interface BrokersRun {
  /** Stops the work between batches: a cancelled job, or a request past its timeout. */
  signal: AbortSignal;
  onProgress?: (done: number) => void;
  /** Where exact betweenness runs: GDS (fast, the request path) or the service (stoppable, the job path). */
  exactEngine: 'GDS' | 'SERVICE';
}

export async function computeBrokers(
  deps: GdsRunnerDependencies,
  graph: ScopeGraph,
  args: BrokersArguments,
  run: BrokersRun,
): Promise<{ result: BrokersResult; method: MethodParts }> {
  const n = graph.actors.length;
  const method = resolveMethod(args.betweenness.method, n);
  const sized = { nodeCount: n, tieCount: graph.pairs.length, counting: `${PAIRS}; betweenness counts each unordered pair of endpoints once` };
  const burt = 'Gould–Fernandez brokerage over open two-paths; Burt’s constraint and effective size (unweighted, as NetworkX)';
  const exactNormalisation = 'normalisedBetweenness = raw ÷ ((n−1)(n−2)/2), 0 when n ≤ 2; ranked by betweenness, then actor id';
  let scores: Map<string, number>;
  let sampling: SamplingDescription | null = null;
  let algorithm: string;
  let engine: AnalysisEngine;
  let usesGds = false;
  if (method === 'SAMPLED') {
    const estimate = await sampledBetweenness(graph, args.betweenness, run);
    scores = scoresById(graph, estimate.raw);
    sampling = estimate.sampling;
    algorithm = `Betweenness estimated by ${sampling.algorithm}; ${burt}`;
    engine = graph.engine;
  } else if (run.exactEngine === 'GDS') {
    await deps.analytics.requireGds();
    scores = await gdsBetweenness(deps, graph);
    algorithm = `Brandes betweenness, exact (GDS gds.betweenness.stream, every actor a source); ${burt}`;
    engine = 'GDS';
    usesGds = true;
  } else {
    scores = scoresById(graph, await exactBetweenness(graph, run));
    algorithm = `Brandes betweenness, exact (in the service: a breadth-first search from every actor over typed arrays); ${burt}`;
    engine = graph.engine;
  }
  run.signal.throwIfAborted();
  return {
    result: { brokers: rankBrokers(graph, scores, args.first), citizenBasis: basisOfGraph(graph) },
    method: {
      ...sized,
      algorithm,
      engine,
      usesGds,
      sampling,
      normalisation: sampling
        ? `${exactNormalisation}. Estimated: every normalisedBetweenness is within ${sampling.errorBound.toPrecision(3)} (raw within ${sampling.rawErrorBound.toPrecision(3)}) of the exact value, all at once, with probability at least ${1 - sampling.delta}`
        : exactNormalisation,
    },
  };
}

/** The brokers analysis of a scope as the analytics service runs it (cached per graph version). */
export function brokersAnalysis(deps: GdsRunnerDependencies, scope: Scope, args: BrokersArguments, run: Omit<BrokersRun, 'signal'>) {
  return async (version: string, signal: AbortSignal) => computeBrokers(deps, await deps.analytics.scopeGraph(scope, version), args, { ...run, signal });
}
