import { brokerage } from '../../../src/analytics/measures/brokerage';
import { normaliseBetweenness, rankBrokers } from '../../../src/analytics/measures/brokerRanking';
import { TieIndex } from '../../../src/analytics/measures/tieIndex';
import type { ScopeGraph } from '../../../src/analytics/scopeGraph';
import { graphOf, mixedGraph, starWithTriangle } from './sampleGraphs';

/**
 * Expected values: brokerage by a brute-force enumeration of every triple in
 * Python (NetworkX has no Gould–Fernandez), checked by hand for the star below;
 * betweenness from networkx 3.6.1 betweenness_centrality(G, normalized=False / True).
 */

const counts = (graph: ScopeGraph, id: string) => brokerage(graph, new TieIndex(graph), graph.indexOf.get(id) as number);

/**
 * starWithTriangle: the nine open two-paths through b are p1–p2 coordinator;
 * c1–c2 itinerant; p1–c2, p2–c1, p2–c2, p1–q, p2–q gatekeeper/representative;
 * c1–q, c2–q liaison.
 */
const star = starWithTriangle;

describe('Gould–Fernandez brokerage (undirected)', () => {
  it('counts each open two-path once, in exactly one role', () => {
    expect(counts(star(), 'b')).toEqual({ coordinator: 1, itinerant: 1, gatekeeperRepresentative: 5, liaison: 2, total: 9 });
  });

  it('counts nothing for leaves, closed two-paths and isolates', () => {
    const graph = star();
    expect(counts(graph, 'p1').total).toBe(0); // p1's partners b and c1 are tied
    expect(counts(graph, 'q').total).toBe(0);
    expect(counts(mixedGraph(), 'a7').total).toBe(0); // isolate
  });

  it('matches the brute-force enumeration on the mixed sample', () => {
    const graph = mixedGraph();
    expect(counts(graph, 'a3')).toEqual({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 3, liaison: 2, total: 5 });
    expect(counts(graph, 'a2')).toEqual({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 1, liaison: 1, total: 2 });
    expect(counts(graph, 'a5')).toEqual({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 0, liaison: 3, total: 3 });
  });

  it('gives only coordinator roles in a single-sector network', () => {
    const graph = graphOf({ a: 'PUBLIC', b: 'PUBLIC', c: 'PUBLIC', d: 'PUBLIC' }, [['a', 'b'], ['b', 'c'], ['b', 'd']]);
    expect(counts(graph, 'b')).toEqual({ coordinator: 3, itinerant: 0, gatekeeperRepresentative: 0, liaison: 0, total: 3 });
  });
});

describe('betweenness normalisation', () => {
  it('divides by (n−1)(n−2)/2 as NetworkX does for undirected graphs', () => {
    // mixed sample, n = 9: a3 raw 3.5 → networkx normalized 0.125
    expect(normaliseBetweenness(3.5, 9)).toBeCloseTo(0.125, 12);
    expect(normaliseBetweenness(1.3333333333333333, 9)).toBeCloseTo(0.047619047619047616, 12);
    expect(normaliseBetweenness(9, 6)).toBeCloseTo(0.9, 12); // the star's centre
  });

  it('is 0 with two actors or fewer', () => {
    expect(normaliseBetweenness(0, 2)).toBe(0);
    expect(normaliseBetweenness(0, 1)).toBe(0);
    expect(normaliseBetweenness(0, 0)).toBe(0);
  });
});

describe('rankBrokers', () => {
  // networkx betweenness_centrality(G, normalized=False) of the mixed sample; a6 carries
  // floating-point noise, as a multi-threaded sum might.
  const scores = new Map([
    ['a2', 1.3333333333333333],
    ['a3', 3.5],
    ['a4', 0.3333333333333333],
    ['a5', 1.5],
    ['a6', 0.33333333333333337],
  ]);

  it('ranks by betweenness, then id (noise does not break ties), actors without a score as 0', () => {
    const ranked = rankBrokers(mixedGraph(), scores, 20);
    expect(ranked.map((row) => [row.rank, row.actorId])).toEqual([
      [1, 'a3'],
      [2, 'a5'],
      [3, 'a2'],
      [4, 'a4'],
      [5, 'a6'],
      [6, 'a1'],
      [7, 'a7'],
      [8, 'a8'],
      [9, 'a9'],
    ]);
  });

  it('fills in every measure of the actors returned, and only `first` of them', () => {
    const [top, second] = rankBrokers(mixedGraph(), scores, 2);
    expect(top).toEqual({
      actorId: 'a3',
      rank: 1,
      betweenness: 3.5,
      normalisedBetweenness: 0.125,
      brokerage: { coordinator: 0, itinerant: 0, gatekeeperRepresentative: 3, liaison: 2, total: 5 },
      constraint: expect.closeTo(0.3767361111111111, 10),
      effectiveSize: expect.closeTo(3.5, 10),
      degree: 4,
    });
    expect(second.actorId).toBe('a5');
    expect(rankBrokers(mixedGraph(), scores, 2)).toHaveLength(2);
  });

  it('gives an isolate null constraint and effective size', () => {
    const isolate = rankBrokers(mixedGraph(), scores, 20).find((row) => row.actorId === 'a7');
    expect(isolate).toMatchObject({ betweenness: 0, normalisedBetweenness: 0, constraint: null, effectiveSize: null, degree: 0 });
  });

  it('returns nothing for an empty network', () => {
    expect(rankBrokers(graphOf({}, []), new Map(), 20)).toEqual([]);
  });
});
