import { MAX_MEMBER_IDS, partition } from '../../../src/analytics/measures/communityComposition';
import { modularity } from '../../../src/analytics/measures/modularity';
import type { ScopeGraph } from '../../../src/analytics/scopeGraph';
import { graphOf, mixedGraph } from './sampleGraphs';

/** Expected modularity from networkx 3.6.1: nx.community.modularity(G, parts, resolution=γ). */

/** communityOf for a partition given as lists of actor ids. */
function labelsOf(graph: ScopeGraph, parts: string[][]): number[] {
  const of = new Array<number>(graph.actors.length).fill(-1);
  parts.forEach((part, c) => part.forEach((id) => (of[graph.indexOf.get(id) as number] = c)));
  return of;
}

const MIXED_PARTS = [['a1', 'a2', 'a3'], ['a4', 'a5', 'a6'], ['a7'], ['a8', 'a9']];

describe('modularity', () => {
  it('matches NetworkX at resolutions 1, 0.5 and 2 (isolate a7 included)', () => {
    const graph = mixedGraph();
    const of = labelsOf(graph, MIXED_PARTS);
    expect(modularity(graph, of, 1)).toBeCloseTo(0.2530864197530864, 12);
    expect(modularity(graph, of, 0.5)).toBeCloseTo(0.4598765432098765, 12);
    expect(modularity(graph, of, 2)).toBeCloseTo(-0.16049382716049387, 12);
  });

  it('is 0 for one community holding everyone and matches NetworkX for singletons', () => {
    const graph = mixedGraph();
    expect(modularity(graph, graph.actors.map(() => 0), 1)).toBeCloseTo(0, 12);
    expect(modularity(graph, graph.actors.map((_, i) => i), 1)).toBeCloseTo(-0.14814814814814814, 12);
  });

  it('is null without ties (NetworkX divides by zero)', () => {
    const graph = graphOf({ a: 'PUBLIC', b: 'PRIVATE' }, []);
    expect(modularity(graph, [0, 1], 1)).toBeNull();
    expect(modularity(graphOf({}, []), [], 1)).toBeNull();
  });
});

describe('partition', () => {
  it('numbers communities largest first, equal sizes by smallest id, whatever the labels', () => {
    const graph = mixedGraph();
    const labels = new Map<string, number>([
      ['a8', 5],
      ['a9', 5],
      ['a4', 901],
      ['a5', 901],
      ['a6', 901],
      ['a1', 7],
      ['a2', 7],
      ['a3', 7],
      ['a7', 3],
    ]);
    const { communities, communityOf } = partition(graph, labels);
    expect(communities.map((c) => [c.id, c.size, c.memberIds])).toEqual([
      [0, 3, ['a1', 'a2', 'a3']],
      [1, 3, ['a4', 'a5', 'a6']],
      [2, 2, ['a8', 'a9']],
      [3, 1, ['a7']],
    ]);
    expect(communityOf).toEqual([0, 0, 0, 1, 1, 1, 3, 2, 2]);
    expect(modularity(graph, communityOf, 1)).toBeCloseTo(0.2530864197530864, 12);
  });

  it('gives the sector composition and the cross-sector share of internal ties', () => {
    const graph = mixedGraph();
    const labels = new Map(MIXED_PARTS.flatMap((part, c) => part.map((id) => [id, c] as [string, number])));
    const [first, second, third, isolate] = partition(graph, labels).communities;
    // a1, a2 CITIZEN, a3 CIVIL_SOCIETY; internal ties a1–a2 (same), a1–a3, a2–a3 (cross).
    expect(first.sectors).toEqual([
      { sector: 'CITIZEN', actors: 2, share: 2 / 3 },
      { sector: 'CIVIL_SOCIETY', actors: 1, share: 1 / 3 },
    ]);
    expect(first.crossSectorShare).toBeCloseTo(2 / 3, 12);
    // a4 CIVIL_SOCIETY, a5 PRIVATE, a6 PUBLIC; internal ties a4–a5, a5–a6: both cross.
    expect(second.sectors.map((s) => s.sector)).toEqual(['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC']);
    expect(second.crossSectorShare).toBe(1);
    expect(third.crossSectorShare).toBe(1); // a8 PUBLIC – a9 PRIVATE
    expect(isolate).toEqual({ id: 3, size: 1, memberIds: ['a7'], sectors: [{ sector: 'ACADEMIA', actors: 1, share: 1 }], crossSectorShare: null });
  });

  it('gives a single-sector community a cross-sector share of 0', () => {
    const graph = graphOf({ a: 'PUBLIC', b: 'PUBLIC', c: 'PUBLIC' }, [['a', 'b'], ['b', 'c']]);
    const [only] = partition(graph, new Map([['a', 1], ['b', 1], ['c', 1]])).communities;
    expect(only).toMatchObject({ size: 3, crossSectorShare: 0, sectors: [{ sector: 'PUBLIC', actors: 3, share: 1 }] });
  });

  it('makes an actor the labels miss a community of its own', () => {
    const graph = graphOf({ a: 'PUBLIC', b: 'PUBLIC', c: 'PRIVATE' }, [['a', 'b']]);
    const { communities } = partition(graph, new Map([['a', 0], ['b', 0]]));
    expect(communities.map((c) => c.memberIds)).toEqual([['a', 'b'], ['c']]);
  });

  it(`lists at most ${MAX_MEMBER_IDS} member ids, by id`, () => {
    const sectors = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`m${String(i).padStart(3, '0')}`, 'CITIZEN' as const]));
    const graph = graphOf(sectors, []);
    const [big] = partition(graph, new Map(Object.keys(sectors).map((id) => [id, 0]))).communities;
    expect(big.size).toBe(250);
    expect(big.memberIds).toHaveLength(MAX_MEMBER_IDS);
    expect(big.memberIds[0]).toBe('m000');
    expect(big.memberIds[199]).toBe('m199');
  });

  it('is empty for an empty network', () => {
    expect(partition(graphOf({}, []), new Map())).toEqual({ communities: [], communityOf: [] });
  });
});
