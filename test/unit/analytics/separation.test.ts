import { compareSectorLists, Separation, separatedSectors } from '../../../src/analytics/measures/separation';
import { describeRisks, structuralRisksOf } from '../../../src/analytics/measures/structuralRisks';
import type { Sector } from '../../../src/model';
import { graphOf, mixedGraph } from './sampleGraphs';

/**
 * The risk sample: triangle x1–x2–x3 with a pendant w1 on x1, a bridge x3–y1 to
 * triangle y1–y2–y3 with a pendant z1 on y3; a single-sector path u1–u2–u3; a star
 * around c0 (the first actor DFS meets in its part, so a root articulation point);
 * and an isolate i1. Bridges and articulation points are networkx 3.6.1's
 * nx.bridges / nx.articulation_points; the sectors of each side or part come from
 * removing the tie or actor and taking nx.connected_components.
 */
const RISK_SECTORS: Record<string, Sector> = {
  x1: 'CITIZEN',
  x2: 'CITIZEN',
  x3: 'PUBLIC',
  y1: 'PRIVATE',
  y2: 'ACADEMIA',
  y3: 'CIVIL_SOCIETY',
  z1: 'CITIZEN',
  w1: 'CITIZEN',
  u1: 'PUBLIC',
  u2: 'PUBLIC',
  u3: 'PUBLIC',
  i1: 'ACADEMIA',
  c0: 'PRIVATE',
  c1: 'CITIZEN',
  c2: 'CITIZEN',
  c3: 'PUBLIC',
};
const RISK_PAIRS: Array<[string, string]> = [
  ['x1', 'x2'],
  ['x2', 'x3'],
  ['x1', 'x3'],
  ['x3', 'y1'],
  ['y1', 'y2'],
  ['y1', 'y3'],
  ['y2', 'y3'],
  ['y3', 'z1'],
  ['w1', 'x1'],
  ['u1', 'u2'],
  ['u2', 'u3'],
  ['c0', 'c1'],
  ['c0', 'c2'],
  ['c0', 'c3'],
];
const riskGraph = () => graphOf(RISK_SECTORS, RISK_PAIRS);

// networkx: sorted(nx.bridges(G)) and sorted(nx.articulation_points(G)).
const NX_BRIDGES = [['c0', 'c1'], ['c0', 'c2'], ['c0', 'c3'], ['u1', 'u2'], ['u2', 'u3'], ['w1', 'x1'], ['x3', 'y1'], ['y3', 'z1']];
const NX_POINTS = ['c0', 'u2', 'x1', 'x3', 'y1', 'y3'];

const ALL: Sector[] = ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'];

/** Sector lists in enum order, by the sectors' positions written out: ACADEMIA is last, not first. */
const enumOrder = (a: Sector[], b: Sector[]): number => {
  const key = (sectors: Sector[]) => sectors.map((sector) => String(ALL.indexOf(sector))).join('') + ' ';
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

describe('Separation', () => {
  it('finds exactly the bridges NetworkX finds, with the sectors on each side', () => {
    const graph = riskGraph();
    const separation = new Separation(graph);
    const found: string[][] = [];
    for (const [a, b] of RISK_PAIRS) if (separation.bridgeSides(graph.indexOf.get(a) as number, graph.indexOf.get(b) as number)) found.push([a, b].sort());
    expect(found.sort()).toEqual(NX_BRIDGES);
    const sides = (a: string, b: string) => separation.bridgeSides(graph.indexOf.get(a) as number, graph.indexOf.get(b) as number);
    expect(sides('x3', 'y1')).toEqual({ uSide: ['CITIZEN', 'PUBLIC'], vSide: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'] });
    expect(sides('y1', 'x3')).toEqual({ uSide: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'], vSide: ['CITIZEN', 'PUBLIC'] });
    expect(sides('w1', 'x1')).toEqual({ uSide: ['CITIZEN'], vSide: ALL });
    expect(sides('x1', 'x2')).toBeNull(); // in a cycle
    expect(sides('x1', 'y3')).toBeNull(); // not a tie
  });

  it('finds exactly the articulation points NetworkX finds, with their parts', () => {
    const graph = riskGraph();
    const separation = new Separation(graph);
    const points = graph.actors.filter((_, i) => separation.partsWithout(i).length >= 2).map((actor) => actor.id);
    expect(points).toEqual(NX_POINTS);
    const parts = (id: string) => separation.partsWithout(graph.indexOf.get(id) as number);
    expect(parts('c0')).toEqual([['CITIZEN'], ['CITIZEN'], ['PUBLIC']]); // DFS root of its part
    expect(parts('x3')).toEqual([['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'], ['CITIZEN']]);
    expect(parts('y1')).toEqual([['CITIZEN', 'PUBLIC'], ['CITIZEN', 'CIVIL_SOCIETY', 'ACADEMIA']]);
    expect(parts('x2')).toEqual([ALL]);
    expect(parts('i1')).toEqual([]); // an isolate leaves nothing behind
  });

  it('lists the bridges and articulation points NetworkX finds, without being told where to look', () => {
    const graph = riskGraph();
    const separation = new Separation(graph);
    const id = (index: number) => graph.actors[index].id;
    expect(separation.bridges().map(([a, b]) => [id(a), id(b)].sort()).sort()).toEqual(NX_BRIDGES);
    expect(separation.articulationPoints().map(id)).toEqual(NX_POINTS);
    const risks = structuralRisksOf(graph);
    expect(risks).toEqual(describeRisks(graph, NX_BRIDGES.map(([source, target]) => ({ source, target })), NX_POINTS));
  });

  it('orders parts of equal size by their sectors in enum order, not by name', () => {
    // A star around h: one leaf per sector, and one leaf more of CITIZEN+ACADEMIA (a pair), PUBLIC+ACADEMIA and CITIZEN+PUBLIC.
    const graph = graphOf(
      { h: 'PRIVATE', a: 'ACADEMIA', b: 'PUBLIC', c: 'CITIZEN', d: 'CIVIL_SOCIETY', e1: 'PUBLIC', e2: 'ACADEMIA', f1: 'CITIZEN', f2: 'ACADEMIA', g1: 'CITIZEN', g2: 'PUBLIC' },
      [['h', 'a'], ['h', 'b'], ['h', 'c'], ['h', 'd'], ['h', 'e1'], ['e1', 'e2'], ['h', 'f1'], ['f1', 'f2'], ['h', 'g1'], ['g1', 'g2']],
    );
    expect(new Separation(graph).partsWithout(graph.indexOf.get('h') as number)).toEqual([
      ['CITIZEN', 'PUBLIC'],
      ['CITIZEN', 'ACADEMIA'],
      ['PUBLIC', 'ACADEMIA'],
      ['CITIZEN'],
      ['CIVIL_SOCIETY'],
      ['PUBLIC'],
      ['ACADEMIA'],
    ]);
    const [point] = describeRisks(graph, [], ['h']).articulationPoints;
    expect(point.sectorsPerPart[3]).toEqual(['CITIZEN']);
    expect(point.sectorsPerPart[6]).toEqual(['ACADEMIA']);
  });

  it('orders a sector list before a longer one it begins', () => {
    expect(compareSectorLists(['CITIZEN'], ['CITIZEN', 'ACADEMIA'])).toBeLessThan(0);
    expect(compareSectorLists(['CITIZEN', 'ACADEMIA'], ['CIVIL_SOCIETY'])).toBeLessThan(0);
    expect(compareSectorLists(['PUBLIC', 'ACADEMIA'], ['PUBLIC', 'ACADEMIA'])).toBe(0);
  });

  it('agrees with NetworkX on the mixed sample: one bridge a8–a9, no articulation point', () => {
    const graph = mixedGraph();
    const separation = new Separation(graph);
    const bridges = graph.pairs.filter((pair) => separation.bridgeSides(graph.indexOf.get(pair.source) as number, graph.indexOf.get(pair.target) as number));
    expect(bridges.map((pair) => [pair.source, pair.target])).toEqual([['a8', 'a9']]);
    expect(graph.actors.filter((_, i) => separation.partsWithout(i).length >= 2)).toEqual([]);
  });

  it('handles a long path without deep recursion', () => {
    const n = 100000;
    const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(6, '0')}`);
    const graph = graphOf(Object.fromEntries(ids.map((id) => [id, 'CITIZEN' as Sector])), ids.slice(1).map((id, i) => [ids[i], id]));
    const separation = new Separation(graph);
    expect(separation.partsWithout(n / 2)).toHaveLength(2);
  });
});

/** Components of the graph without one actor and/or one tie, by breadth-first search: the slow, obvious answer. */
function partsBySearch(graph: ReturnType<typeof graphOf>, skipActor: number, skipTie: [number, number] | null): number[][] {
  const seen = new Set<number>([skipActor]);
  const parts: number[][] = [];
  const cut = (a: number, b: number) => skipTie !== null && ((a === skipTie[0] && b === skipTie[1]) || (a === skipTie[1] && b === skipTie[0]));
  for (let start = 0; start < graph.actors.length; start += 1) {
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let k = 0; k < part.length; k += 1) {
      for (const w of graph.neighbours[part[k]]) {
        if (!seen.has(w) && !cut(part[k], w)) {
          seen.add(w);
          part.push(w);
        }
      }
    }
    parts.push(part);
  }
  return parts;
}

describe('Separation on random graphs', () => {
  // A small linear congruential generator: the same graphs on every run.
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);

  it('agrees with removing each tie and each actor and searching again', () => {
    for (let round = 0; round < 40; round += 1) {
      const n = 5 + Math.floor(random() * 25);
      const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const sectors = Object.fromEntries(ids.map((id) => [id, ALL[Math.floor(random() * ALL.length)]]));
      const pairs = new Map<string, [string, string]>();
      const ties = Math.floor(random() * n * 1.5);
      for (let t = 0; t < ties; t += 1) {
        const a = Math.floor(random() * n);
        const b = Math.floor(random() * n);
        if (a !== b) pairs.set(`${Math.min(a, b)}-${Math.max(a, b)}`, [ids[Math.min(a, b)], ids[Math.max(a, b)]]);
      }
      const graph = graphOf(sectors, [...pairs.values()]);
      const separation = new Separation(graph);
      const sectorsOf = (part: number[]) => ALL.filter((sector) => part.some((i) => graph.actors[i].sector === sector));
      const componentOf = (parts: number[][], v: number) => parts.find((part) => part.includes(v)) as number[];
      for (const pair of graph.pairs) {
        const [u, v] = [graph.indexOf.get(pair.source) as number, graph.indexOf.get(pair.target) as number];
        const after = partsBySearch(graph, -1, [u, v]);
        const isBridge = componentOf(after, u) !== componentOf(after, v);
        const expected = isBridge ? { uSide: sectorsOf(componentOf(after, u)), vSide: sectorsOf(componentOf(after, v)) } : null;
        expect({ round, tie: [pair.source, pair.target], sides: separation.bridgeSides(u, v) }).toEqual({ round, tie: [pair.source, pair.target], sides: expected });
      }
      const whole = partsBySearch(graph, -1, null);
      for (let v = 0; v < n; v += 1) {
        const component = componentOf(whole, v);
        const parts = partsBySearch(graph, v, null).filter((part) => part.every((i) => component.includes(i)));
        const expected = parts
          .map((part) => ({ size: part.length, sectors: sectorsOf(part) }))
          .sort((a, b) => b.size - a.size || enumOrder(a.sectors, b.sectors))
          .map((part) => part.sectors);
        expect({ round, actor: ids[v], parts: separation.partsWithout(v) }).toEqual({ round, actor: ids[v], parts: expected });
      }
      // The enumeration finds exactly the ties and actors whose removal splits a component.
      const bridgesBySearch = graph.pairs
        .filter((pair) => separation.bridgeSides(graph.indexOf.get(pair.source) as number, graph.indexOf.get(pair.target) as number) !== null)
        .map((pair) => `${pair.source}-${pair.target}`);
      const listed = separation.bridges().map(([a, b]) => [ids[a], ids[b]].sort().join('-'));
      expect({ round, bridges: listed.sort() }).toEqual({ round, bridges: bridgesBySearch.sort() });
      const pointsBySearch = ids.filter((_, v) => partsBySearch(graph, v, null).length > whole.length);
      expect({ round, points: separation.articulationPoints().map((v) => ids[v]) }).toEqual({ round, points: pointsBySearch });
    }
  });
});

describe('separatedSectors', () => {
  it('is the sectors in some part but not in all', () => {
    expect(separatedSectors([['CITIZEN', 'PUBLIC'], ['CITIZEN', 'PRIVATE']])).toEqual(['PRIVATE', 'PUBLIC']);
    expect(separatedSectors([['PUBLIC'], ['PUBLIC']])).toEqual([]);
    expect(separatedSectors([])).toEqual([]);
  });
});

describe('describeRisks', () => {
  it('orders bridges by sectors separated, then ids, with the smaller id as source', () => {
    const graph = riskGraph();
    const gdsOrder = [...NX_BRIDGES].reverse().map(([a, b]) => ({ source: b, target: a }));
    const { bridges } = describeRisks(graph, gdsOrder, NX_POINTS);
    expect(bridges.map((bridge) => [bridge.sourceId, bridge.targetId, bridge.separatedSectors.length])).toEqual([
      ['w1', 'x1', 4],
      ['x3', 'y1', 4],
      ['y3', 'z1', 4],
      ['c0', 'c3', 3],
      ['c0', 'c1', 2],
      ['c0', 'c2', 2],
      ['u1', 'u2', 0],
      ['u2', 'u3', 0],
    ]);
    expect(bridges[1]).toEqual({
      sourceId: 'x3',
      targetId: 'y1',
      sectorsOnSourceSide: ['CITIZEN', 'PUBLIC'],
      sectorsOnTargetSide: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'],
      separatedSectors: ['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'],
    });
    expect(bridges[0]).toMatchObject({ sectorsOnSourceSide: ['CITIZEN'], sectorsOnTargetSide: ALL });
  });

  it('orders articulation points by sectors separated, then parts, then id', () => {
    const { articulationPoints } = describeRisks(riskGraph(), [], [...NX_POINTS].reverse());
    expect(articulationPoints.map((point) => [point.actorId, point.componentsAfterRemoval, point.separatedSectors])).toEqual([
      ['x1', 2, ['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA']],
      ['x3', 2, ['CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA']],
      ['y1', 2, ['CIVIL_SOCIETY', 'PUBLIC', 'ACADEMIA']],
      ['y3', 2, ['PRIVATE', 'PUBLIC', 'ACADEMIA']],
      ['c0', 3, ['CITIZEN', 'PUBLIC']],
      ['u2', 2, []],
    ]);
    expect(articulationPoints[4].sectorsPerPart).toEqual([['CITIZEN'], ['CITIZEN'], ['PUBLIC']]);
  });

  it('leaves out ids the scope graph lacks or that separate nothing in it', () => {
    const result = describeRisks(riskGraph(), [{ source: 'x1', target: 'x2' }, { source: 'ghost', target: 'x1' }], ['x2', 'ghost']);
    expect(result).toEqual({ bridges: [], articulationPoints: [] });
  });

  it('is empty for an empty network', () => {
    expect(describeRisks(graphOf({}, []), [], [])).toEqual({ bridges: [], articulationPoints: [] });
  });
});
