/**
 * Brandes's dependency accumulation (Brandes 2001) for an unweighted undirected
 * graph in compressed sparse rows, over a given list of source actors. Everything
 * lives in typed arrays allocated once per call: no per-node object, no
 * predecessor lists (a predecessor of w is a neighbour one step closer to the
 * source, found again while accumulating). Asynchronous only between batches of
 * sources, where it reports progress, yields to the event loop and stops when
 * its signal is aborted: a cancelled job or a timed-out request stops computing.
 */

/** Adjacency in compressed sparse rows: the partners of v are targets[offsets[v] .. offsets[v+1]). */
export interface CsrGraph {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
}

/** Builds the CSR form of an adjacency list (each undirected pair listed at both ends). */
export function csrOf(neighbours: ReadonlyArray<ReadonlyArray<number>>): CsrGraph {
  const nodeCount = neighbours.length;
  const offsets = new Int32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v += 1) offsets[v + 1] = offsets[v] + neighbours[v].length;
  const targets = new Int32Array(offsets[nodeCount]);
  for (let v = 0; v < nodeCount; v += 1) targets.set(neighbours[v], offsets[v]);
  return { nodeCount, offsets, targets };
}

export interface AccumulationOptions {
  /** Checked between batches; once aborted the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each batch with the share of sources done, 0–1. */
  onProgress?: (done: number) => void;
  /** Sources per batch between yields (default 64). */
  batchSize?: number;
}

/**
 * Σ over the given sources s of δ_s(v), the dependency of s on every v
 * (Σ_t σ_st(v)/σ_st over targets t ≠ s, v). Over all sources this is twice the
 * undirected betweenness, since every unordered pair is met from both ends.
 */
export async function accumulateDependencies(graph: CsrGraph, sources: Int32Array, options: AccumulationOptions = {}): Promise<Float64Array> {
  const { nodeCount: n, offsets, targets } = graph;
  const total = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  // Nodes in the order the breadth-first search reached them: its queue and, read backwards, Brandes's stack.
  const order = new Int32Array(n);
  const batchSize = options.batchSize ?? 64;
  for (let start = 0; start < sources.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const end = Math.min(sources.length, start + batchSize);
    for (let i = start; i < end; i += 1) {
      const source = sources[i];
      let head = 0;
      let tail = 0;
      order[tail++] = source;
      distance[source] = 0;
      paths[source] = 1;
      while (head < tail) {
        const v = order[head++];
        const next = distance[v] + 1;
        for (let e = offsets[v]; e < offsets[v + 1]; e += 1) {
          const w = targets[e];
          if (distance[w] < 0) {
            distance[w] = next;
            order[tail++] = w;
          }
          if (distance[w] === next) paths[w] += paths[v];
        }
      }
      for (let at = tail - 1; at > 0; at -= 1) {
        const w = order[at];
        const share = (1 + dependency[w]) / paths[w];
        const closer = distance[w] - 1;
        for (let e = offsets[w]; e < offsets[w + 1]; e += 1) {
          const v = targets[e];
          if (distance[v] === closer) dependency[v] += paths[v] * share;
        }
        total[w] += dependency[w];
      }
      // Reset only what this search touched.
      for (let at = 0; at < tail; at += 1) {
        const v = order[at];
        distance[v] = -1;
        paths[v] = 0;
        dependency[v] = 0;
      }
    }
    options.onProgress?.(end / sources.length);
    // Lets other requests, progress polls and cancellations through between batches.
    if (end < sources.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return total;
}
