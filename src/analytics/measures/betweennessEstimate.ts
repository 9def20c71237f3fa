import { accumulateDependencies, csrOf } from './brandesAccumulation';
import { pathSampleSize, samplePathCounts, vertexDiameterBound } from './pathSampling';
/** What the estimators read of a scope graph: actor ids by index and each actor's partners. */
export interface IdGraph {
  actors: ReadonlyArray<{ id: string }>;
  neighbours: ReadonlyArray<ReadonlyArray<number>>;
}

/** How the brokers' betweenness is computed: AUTO is EXACT up to AUTO_EXACT_MAX_ACTORS actors, SAMPLED above. */
export type BetweennessMethod = 'AUTO' | 'EXACT' | 'SAMPLED';

export const BETWEENNESS_DEFAULTS = { epsilon: 0.005, delta: 0.1, seed: 42 } as const;
/** Exact Brandes on a network of this size takes well under a second. */
export const AUTO_EXACT_MAX_ACTORS = 2000;

export interface SamplingParameters {
  epsilon: number;
  delta: number;
  seed: number;
}

/** What the method block says of an estimate (the SamplingMethod type of the schema). */
export interface SamplingDescription extends SamplingParameters {
  algorithm: string;
  /** r: shortest paths sampled. */
  sampleSize: number;
  /** The upper bound on the vertex diameter that r was computed with. */
  vertexDiameterBound: number;
  /** Every normalisedBetweenness is within this of the exact value, with probability at least 1 − δ. */
  errorBound: number;
  /** The same bound on raw betweenness. */
  rawErrorBound: number;
}

export interface BetweennessRun {
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
}

/**
 * Riondato–Kornaropoulos estimate of raw undirected betweenness (each unordered
 * pair of endpoints once, as GDS and NetworkX count it) for every actor of the graph.
 * R–K bound b(v) = Σ_{s≠t} σ_st(v)/σ_st ÷ n(n−1) within ε; raw = b·n(n−1)/2 and
 * NetworkX's normalised value = raw ÷ ((n−1)(n−2)/2) = b·n/(n−2), so the bound
 * scales by the same factors.
 */
export async function sampledBetweenness(graph: IdGraph, parameters: SamplingParameters, run: BetweennessRun = {}): Promise<{ raw: Float64Array; sampling: SamplingDescription }> {
  const csr = csrOf(graph.neighbours);
  const n = csr.nodeCount;
  const vertexDiameter = vertexDiameterBound(csr);
  const sampleSize = pathSampleSize(parameters.epsilon, parameters.delta, vertexDiameter);
  const counts = await samplePathCounts(csr, sampleSize, { seed: parameters.seed, signal: run.signal, onProgress: run.onProgress });
  const pairs = (n * (n - 1)) / 2;
  const raw = counts.map((count) => (count / sampleSize) * pairs);
  return {
    raw,
    sampling: {
      ...parameters,
      algorithm: `Riondato–Kornaropoulos 2016 shortest-path sampling: ${sampleSize} ordered pairs of distinct actors drawn uniformly (mulberry32, seed ${parameters.seed}), one shortest path of each drawn uniformly (balanced bidirectional BFS), r = ⌈(0.5/ε²)(⌊log2(VD−2)⌋+1+ln(1/δ))⌉ with VD ≤ ${vertexDiameter} (twice the BFS eccentricity of one actor per connected part, plus 1)`,
      sampleSize,
      vertexDiameterBound: vertexDiameter,
      errorBound: n > 2 ? (parameters.epsilon * n) / (n - 2) : 0,
      rawErrorBound: parameters.epsilon * pairs,
    },
  };
}

/** Exact raw undirected betweenness computed in the service: Brandes from every actor, stoppable between batches. */
export async function exactBetweenness(graph: IdGraph, run: BetweennessRun = {}): Promise<Float64Array> {
  const csr = csrOf(graph.neighbours);
  const sources = new Int32Array(csr.nodeCount).map((_, index) => index);
  const total = await accumulateDependencies(csr, sources, run);
  return total.map((sum) => sum / 2);
}

/** Scores by actor id, as rankBrokers takes them. */
export function scoresById(graph: IdGraph, raw: Float64Array): Map<string, number> {
  return new Map(graph.actors.map((actor, index) => [actor.id, raw[index]]));
}
