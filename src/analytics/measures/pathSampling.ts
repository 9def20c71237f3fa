import type { CsrGraph } from './brandesAccumulation';
import { mulberry32 } from './seededSample';

/**
 * Riondato & Kornaropoulos (2016), "Fast approximation of betweenness centrality
 * through sampling", Algorithm 1: draw r ordered pairs (s, t) of distinct actors
 * uniformly, draw one shortest s–t path uniformly among all of them, and credit
 * 1/r to every actor strictly inside it. The credit of v estimates
 * b(v) = 1/(n(n−1)) · Σ_{s≠t} σ_st(v)/σ_st, and with
 * r = ⌈(c/ε²)(⌊log2(VD − 2)⌋ + 1 + ln(1/δ))⌉ (c = 0.5, VD an upper bound on the
 * vertex diameter) every actor's estimate is within ε of b(v) at once with
 * probability at least 1 − δ.
 *
 * The shortest paths of each pair come from a balanced bidirectional
 * breadth-first search (as in KADABRA, Borassi & Natale 2016): the side whose
 * frontier has the smaller total degree grows one level at a time until the two
 * balls meet, so a pair costs a few thousand edges instead of the whole graph.
 * How the paths are found does not change the estimator or its bound.
 */

/** R–K's universal constant, as in their experiments. */
export const RK_CONSTANT = 0.5;

/** The sample size r for (ε, δ) given an upper bound on the vertex diameter (the most actors on a shortest path). */
export function pathSampleSize(epsilon: number, delta: number, vertexDiameter: number): number {
  const lengthTerm = Math.floor(Math.log2(Math.max(1, vertexDiameter - 2))) + 1;
  return Math.ceil((RK_CONSTANT / (epsilon * epsilon)) * (lengthTerm + Math.log(1 / delta)));
}

/**
 * An upper bound on the vertex diameter: one breadth-first search per connected
 * part from its lowest-numbered actor x; no shortest path of that part is longer
 * than 2·ecc(x) ties, so has more than 2·ecc(x) + 1 actors. O(n + m) in all.
 */
export function vertexDiameterBound(graph: CsrGraph): number {
  const { nodeCount: n, offsets, targets } = graph;
  const distance = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let bound = n > 0 ? 1 : 0;
  for (let root = 0; root < n; root += 1) {
    if (distance[root] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    distance[root] = 0;
    let eccentricity = 0;
    while (head < tail) {
      const v = queue[head++];
      eccentricity = distance[v];
      for (let e = offsets[v]; e < offsets[v + 1]; e += 1) {
        const w = targets[e];
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    bound = Math.max(bound, 2 * eccentricity + 1);
  }
  return bound;
}

export interface PathSamplingOptions {
  seed: number;
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
  /** Samples between yields to the event loop (default 2048). */
  batchSize?: number;
}

/** One side of the bidirectional search: distances and path counts from its end. */
class SearchSide {
  readonly distance: Int32Array;
  readonly paths: Float64Array;
  /** Every actor reached, in order; the last level is the frontier [frontierStart, reached). */
  readonly order: Int32Array;
  reached = 0;
  frontierStart = 0;
  radius = 0;

  constructor(n: number) {
    this.distance = new Int32Array(n).fill(-1);
    this.paths = new Float64Array(n);
    this.order = new Int32Array(n);
  }

  start(origin: number): void {
    this.distance[origin] = 0;
    this.paths[origin] = 1;
    this.order[0] = origin;
    this.reached = 1;
    this.frontierStart = 0;
    this.radius = 0;
  }

  frontierDegree({ offsets }: CsrGraph): number {
    let sum = 0;
    for (let at = this.frontierStart; at < this.reached; at += 1) sum += offsets[this.order[at] + 1] - offsets[this.order[at]];
    return sum;
  }

  /** Grows the ball by one level, counting shortest paths; returns false when nothing new was reached. */
  grow({ offsets, targets }: CsrGraph): boolean {
    const from = this.frontierStart;
    const to = this.reached;
    const next = this.radius + 1;
    for (let at = from; at < to; at += 1) {
      const v = this.order[at];
      for (let e = offsets[v]; e < offsets[v + 1]; e += 1) {
        const w = targets[e];
        if (this.distance[w] < 0) {
          this.distance[w] = next;
          this.order[this.reached++] = w;
        }
        if (this.distance[w] === next) this.paths[w] += this.paths[v];
      }
    }
    this.frontierStart = to;
    this.radius = next;
    return this.reached > to;
  }

  /** Walks from `node` back to this side's origin, choosing each predecessor p with probability σ(p)/σ(node); credits the actors passed, origin excluded. */
  walkBack({ offsets, targets }: CsrGraph, node: number, random: () => number, credit: (v: number) => void): void {
    let current = node;
    while (this.distance[current] > 1) {
      let draw = random() * this.paths[current];
      const closer = this.distance[current] - 1;
      let chosen = -1;
      for (let e = offsets[current]; e < offsets[current + 1]; e += 1) {
        const p = targets[e];
        if (this.distance[p] !== closer) continue;
        chosen = p;
        draw -= this.paths[p];
        if (draw < 0) break;
      }
      current = chosen;
      credit(current);
    }
  }

  reset(): void {
    for (let at = 0; at < this.reached; at += 1) {
      const v = this.order[at];
      this.distance[v] = -1;
      this.paths[v] = 0;
    }
    this.reached = 0;
  }
}

/**
 * Counts, for every actor, how many of the r sampled shortest paths pass through
 * it (endpoints excluded). Divide by r for the estimate of b(v).
 */
export async function samplePathCounts(graph: CsrGraph, samples: number, options: PathSamplingOptions): Promise<Float64Array> {
  const n = graph.nodeCount;
  const counts = new Float64Array(n);
  if (n < 3) return counts;
  const random = mulberry32(options.seed);
  const fromSource = new SearchSide(n);
  const fromTarget = new SearchSide(n);
  const credit = (v: number) => {
    counts[v] += 1;
  };
  const batchSize = options.batchSize ?? 2048;
  for (let start = 0; start < samples; start += batchSize) {
    options.signal?.throwIfAborted();
    const end = Math.min(samples, start + batchSize);
    for (let i = start; i < end; i += 1) {
      const source = Math.floor(random() * n);
      let target = Math.floor(random() * (n - 1));
      if (target >= source) target += 1;
      fromSource.start(source);
      fromTarget.start(target);
      samplePath(graph, fromSource, fromTarget, random, credit);
      fromSource.reset();
      fromTarget.reset();
    }
    options.onProgress?.(end / samples);
    if (end < samples) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return counts;
}

/**
 * Grows the smaller side until the balls meet. Before a level is added they were
 * disjoint, so the first actors they share lie at distance (radius of the grown
 * side) from its origin and (radius of the other) from the other's: every
 * shortest path crosses exactly one of them, x, and the number through x is
 * σ_s(x)·σ_t(x). One is drawn with that weight, then each half is walked back.
 */
function samplePath(graph: CsrGraph, a: SearchSide, b: SearchSide, random: () => number, credit: (v: number) => void): void {
  for (;;) {
    const grow = a.frontierDegree(graph) <= b.frontierDegree(graph) ? a : b;
    const other = grow === a ? b : a;
    if (!grow.grow(graph)) return; // the origin's connected part is exhausted: no path
    let total = 0;
    for (let at = grow.frontierStart; at < grow.reached; at += 1) {
      const x = grow.order[at];
      if (other.distance[x] >= 0) total += grow.paths[x] * other.paths[x];
    }
    if (total === 0) continue;
    let draw = random() * total;
    let meeting = -1;
    for (let at = grow.frontierStart; at < grow.reached && draw >= 0; at += 1) {
      const x = grow.order[at];
      if (other.distance[x] < 0) continue;
      meeting = x;
      draw -= grow.paths[x] * other.paths[x];
    }
    // The meeting actor is inside the path unless it is the other side's origin (a direct tie of length 1 to it).
    if (other.distance[meeting] > 0) credit(meeting);
    grow.walkBack(graph, meeting, random, credit);
    other.walkBack(graph, meeting, random, credit);
    return;
  }
}
