import { constraint, effectiveSize } from '../../../src/analytics/measures/burt';
import { TieIndex } from '../../../src/analytics/measures/tieIndex';
import type { ScopeGraph } from '../../../src/analytics/scopeGraph';
import { graphOf, mixedGraph, starWithTriangle } from './sampleGraphs';

/** Expected values from networkx 3.6.1: nx.constraint(G) and nx.effective_size(G), unweighted. */

function measures(graph: ScopeGraph): Record<string, [number | null, number | null]> {
  const ties = new TieIndex(graph);
  return Object.fromEntries(graph.actors.map((actor, i) => [actor.id, [constraint(graph, ties, i), effectiveSize(graph, ties, i)]]));
}

function expectClose(actual: Record<string, [number | null, number | null]>, expected: Record<string, [number | null, number | null]>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, [c, e]] of Object.entries(expected)) {
    const [ac, ae] = actual[id];
    if (c === null) expect({ id, constraint: ac }).toEqual({ id, constraint: null });
    else expect(Math.abs((ac as number) - c)).toBeLessThan(1e-9);
    if (e === null) expect({ id, effectiveSize: ae }).toEqual({ id, effectiveSize: null });
    else expect(Math.abs((ae as number) - e)).toBeLessThan(1e-9);
  }
}

describe("Burt's constraint and effective size", () => {
  it('match NetworkX on the mixed sample (a7 an isolate, a8–a9 a separate pair)', () => {
    expectClose(measures(mixedGraph()), {
      a1: [0.8350694444444444, 1.0],
      a2: [0.5347222222222222, 2.3333333333333335],
      a3: [0.3767361111111111, 3.5],
      a4: [0.5, 2.0],
      a5: [0.3333333333333333, 3.0],
      a6: [0.5, 2.0],
      a7: [null, null], // networkx: nan
      a8: [1.0, 1.0],
      a9: [1.0, 1.0],
    });
  });

  it('match NetworkX on a star with one closed triangle', () => {
    const graph = starWithTriangle();
    expectClose(measures(graph), {
      b: [0.30000000000000004, 4.6],
      c1: [0.9225, 1.0],
      c2: [1.0, 1.0],
      p1: [0.9225, 1.0],
      p2: [1.0, 1.0],
      q: [1.0, 1.0],
    });
  });

  it('give a clique member constraint (1/k + (k−1)/k²)²·k and effective size 1', () => {
    // K4: each of 3 partners: p = 1/3 direct + 2 × (1/3 · 1/3) indirect = 5/9; constraint 3 × 25/81.
    const graph = graphOf({ a: 'PUBLIC', b: 'PUBLIC', c: 'PUBLIC', d: 'PUBLIC' }, [
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
      ['b', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ]);
    const all = measures(graph);
    expect(all.a[0]).toBeCloseTo(75 / 81, 12);
    expect(all.a[1]).toBeCloseTo(1, 12);
  });
});
