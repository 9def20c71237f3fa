import { accumulateDependencies, csrOf } from '../../../src/analytics/measures/brandesAccumulation';
import { exactBetweenness, sampledBetweenness } from '../../../src/analytics/measures/betweennessEstimate';
import { pathSampleSize, vertexDiameterBound } from '../../../src/analytics/measures/pathSampling';
import { mulberry32 } from '../../../src/analytics/measures/seededSample';
import { normaliseBetweenness } from '../../../src/analytics/measures/brokerRanking';

/**
 * A random simple graph with brokers: clusters of sparse random ties, each with a
 * few members tied to members of other clusters, and a few isolates (actors 0–4).
 */
function randomGraph(n: number, seed: number): { actors: Array<{ id: string }>; neighbours: number[][] } {
  const random = mulberry32(seed);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  const tie = (a: number, b: number) => {
    if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) return;
    seen.add(Math.min(a, b) * n + Math.max(a, b));
    neighbours[a].push(b);
    neighbours[b].push(a);
  };
  const clusterSize = 60;
  for (let v = 6; v < n; v += 1) {
    const clusterStart = 5 + Math.floor((v - 5) / clusterSize) * clusterSize;
    tie(v, clusterStart + Math.floor(random() * (v - clusterStart)));
    if (random() < 0.5) tie(v, clusterStart + Math.floor(random() * Math.min(clusterSize, n - clusterStart)));
    if (random() < 0.03) tie(v, 5 + Math.floor(random() * (n - 5)));
  }
  return { actors: neighbours.map((_, index) => ({ id: `a${String(index).padStart(5, '0')}` })), neighbours };
}

/** Betweenness from its definition: for every unordered pair {s, t}, Σ σ_st(v)/σ_st over v on a shortest path. */
function referenceBetweenness(neighbours: number[][]): number[] {
  const n = neighbours.length;
  const bfs = (s: number) => {
    const distance = new Array<number>(n).fill(-1);
    const paths = new Array<number>(n).fill(0);
    distance[s] = 0;
    paths[s] = 1;
    const queue = [s];
    for (let head = 0; head < queue.length; head += 1) {
      const v = queue[head];
      for (const w of neighbours[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push(w);
        }
        if (distance[w] === distance[v] + 1) paths[w] += paths[v];
      }
    }
    return { distance, paths };
  };
  const all = neighbours.map((_, s) => bfs(s));
  const score = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s += 1) {
    for (let t = s + 1; t < n; t += 1) {
      const d = all[s].distance[t];
      if (d < 0) continue;
      for (let v = 0; v < n; v += 1) {
        if (v === s || v === t || all[s].distance[v] < 0) continue;
        if (all[s].distance[v] + all[v].distance[t] === d) score[v] += (all[s].paths[v] * all[v].paths[t]) / all[s].paths[t];
      }
    }
  }
  return score;
}

describe('exact betweenness in the service (Brandes on typed arrays)', () => {
  it('equals betweenness from its definition on random graphs, isolates and all', async () => {
    for (const seed of [1, 2, 3]) {
      const graph = randomGraph(120, seed);
      const exact = await exactBetweenness(graph);
      const reference = referenceBetweenness(graph.neighbours);
      reference.forEach((value, v) => expect(exact[v]).toBeCloseTo(value, 8));
      expect(Math.max(...reference)).toBeGreaterThan(100);
    }
  });

  it('stops between batches once its signal is aborted, and reports progress until then', async () => {
    const graph = csrOf(randomGraph(400, 4).neighbours);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = accumulateDependencies(graph, new Int32Array(400).map((_, i) => i), {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (seen.length === 3) controller.abort(new Error('cancelled by test'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by test');
    expect(seen).toEqual([10 / 400, 20 / 400, 30 / 400]);
  });
});

describe('sampled betweenness (Riondato–Kornaropoulos)', () => {
  it('computes the sample size from ε, δ and the vertex diameter as the paper does', () => {
    // (0.5/0.01²)(⌊log2(17)⌋ + 1 + ln 10) = 5000 · (4 + 1 + 2.302585…) = 36512.9…
    expect(pathSampleSize(0.01, 0.1, 19)).toBe(36513);
    expect(pathSampleSize(0.1, 0.5, 2)).toBe(Math.ceil(50 * (1 + Math.log(2))));
  });

  it('bounds the vertex diameter from above: a path of 7 actors has 7, a star 3', () => {
    const path = [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4, 6], [5]];
    expect(vertexDiameterBound(csrOf(path))).toBeGreaterThanOrEqual(7);
    expect(vertexDiameterBound(csrOf(path))).toBeLessThanOrEqual(13);
    expect(vertexDiameterBound(csrOf([[1, 2, 3], [0], [0], [0]]))).toBe(3);
  });

  it('estimates every actor within the stated bound, and keeps the exact order where gaps exceed twice the bound', async () => {
    const graph = randomGraph(1500, 7);
    const n = graph.actors.length;
    const exact = await exactBetweenness(graph);
    const { raw, sampling } = await sampledBetweenness(graph, { epsilon: 0.02, delta: 0.1, seed: 42 });
    expect(sampling.sampleSize).toBe(pathSampleSize(0.02, 0.1, sampling.vertexDiameterBound));
    let worst = 0;
    for (let v = 0; v < n; v += 1) worst = Math.max(worst, Math.abs(normaliseBetweenness(raw[v], n) - normaliseBetweenness(exact[v], n)));
    expect(worst).toBeLessThanOrEqual(sampling.errorBound);
    const top = [...exact.keys()].sort((a, b) => exact[b] - exact[a]).slice(0, 20);
    let separated = 0;
    for (let i = 0; i < top.length; i += 1) {
      for (let j = i + 1; j < top.length; j += 1) {
        const gap = normaliseBetweenness(exact[top[i]] - exact[top[j]], n);
        if (gap > 2 * sampling.errorBound) {
          separated += 1;
          expect(raw[top[i]]).toBeGreaterThan(raw[top[j]]);
        }
      }
    }
    // The check above is not vacuous: some of the top 20 are further apart than the bound.
    expect(separated).toBeGreaterThan(0);
  });

  it('gives the same estimate for the same seed and another for another seed', async () => {
    const graph = randomGraph(500, 9);
    const parameters = { epsilon: 0.05, delta: 0.1, seed: 5 };
    const first = await sampledBetweenness(graph, parameters);
    const again = await sampledBetweenness(graph, parameters);
    const other = await sampledBetweenness(graph, { ...parameters, seed: 6 });
    expect(Array.from(again.raw)).toEqual(Array.from(first.raw));
    expect(Array.from(other.raw)).not.toEqual(Array.from(first.raw));
  });

  it('is all zeros on graphs where no actor lies between two others', async () => {
    const { raw } = await sampledBetweenness({ actors: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], neighbours: [[1], [0], []] }, { epsilon: 0.1, delta: 0.1, seed: 1 });
    expect(Array.from(raw)).toEqual([0, 0, 0]);
  });
});
