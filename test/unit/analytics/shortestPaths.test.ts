import type { Sector } from '../../../src/model';
import { shortestPaths } from '../../../src/analytics/measures/shortestPaths';
import { graphOf, mixedGraph } from './sampleGraphs';

const ids = (graph: ReturnType<typeof graphOf>, paths: ReturnType<typeof shortestPaths>) =>
  paths.map((path) => ({ ids: path.nodes.map((index) => graph.actors[index].id), length: path.length, crossings: path.sectorCrossings }));

describe('shortestPaths', () => {
  it('finds the shortest paths NetworkX finds in the mixed sample, with sector crossings', () => {
    const graph = mixedGraph();
    const at = (id: string) => graph.indexOf.get(id) as number;
    // nx.all_shortest_paths(G, 'a1', 'a6') == [['a1', 'a3', 'a6']]: CITIZEN → CIVIL_SOCIETY → PUBLIC.
    expect(ids(graph, shortestPaths(graph, at('a1'), at('a6'), 4))).toEqual([{ ids: ['a1', 'a3', 'a6'], length: 2, crossings: 2 }]);
    // [['a1', 'a2', 'a5']]: CITIZEN → CITIZEN → PRIVATE.
    expect(ids(graph, shortestPaths(graph, at('a1'), at('a5'), 4))).toEqual([{ ids: ['a1', 'a2', 'a5'], length: 2, crossings: 1 }]);
  });

  it('finds nothing across disconnected parts, to an isolate, or beyond maxHops', () => {
    const graph = mixedGraph();
    const at = (id: string) => graph.indexOf.get(id) as number;
    expect(shortestPaths(graph, at('a1'), at('a8'), 6)).toEqual([]);
    expect(shortestPaths(graph, at('a1'), at('a7'), 6)).toEqual([]);
    expect(shortestPaths(graph, at('a1'), at('a4'), 1)).toEqual([]);
    expect(shortestPaths(graph, at('a1'), at('a4'), 2)).toHaveLength(1);
  });

  it('puts the fewest sector crossings first, then the ids along the path', () => {
    const graph = graphOf({ s: 'CITIZEN', b2: 'PRIVATE', c3: 'PUBLIC', z1: 'CITIZEN', t: 'CITIZEN' }, [
      ['s', 'b2'], ['s', 'c3'], ['s', 'z1'], ['b2', 't'], ['c3', 't'], ['z1', 't'],
    ]);
    expect(ids(graph, shortestPaths(graph, graph.indexOf.get('s') as number, graph.indexOf.get('t') as number, 4))).toEqual([
      { ids: ['s', 'z1', 't'], length: 2, crossings: 0 },
      { ids: ['s', 'b2', 't'], length: 2, crossings: 2 },
      { ids: ['s', 'c3', 't'], length: 2, crossings: 2 },
    ]);
  });

  it('keeps the best 25 of many, in the order a full enumeration gives', () => {
    // s – three layers of three, each actor tied to all of the next layer – t: 27 shortest paths of 4 ties.
    const palette: Sector[] = ['CITIZEN', 'PRIVATE', 'PUBLIC', 'ACADEMIA', 'CIVIL_SOCIETY'];
    const sectors: Record<string, Sector> = { s: 'CITIZEN', t: 'PUBLIC' };
    const layers = [0, 1, 2].map((layer) => [0, 1, 2].map((i) => `l${layer}n${i}`));
    layers.flat().forEach((id, i) => (sectors[id] = palette[(i * 7) % 5]));
    const pairs: Array<[string, string]> = [];
    layers[0].forEach((id) => pairs.push(['s', id]));
    layers[2].forEach((id) => pairs.push([id, 't']));
    for (let layer = 0; layer < 2; layer += 1) for (const a of layers[layer]) for (const b of layers[layer + 1]) pairs.push([a, b]);
    const graph = graphOf(sectors, pairs);
    const all: Array<{ ids: string[]; length: number; crossings: number }> = [];
    for (const a of layers[0]) for (const b of layers[1]) for (const c of layers[2]) {
      const path = ['s', a, b, c, 't'];
      const crossings = path.slice(1).filter((id, i) => sectors[id] !== sectors[path[i]]).length;
      all.push({ ids: path, length: 4, crossings });
    }
    all.sort((x, y) => x.crossings - y.crossings || x.ids.join(' ').localeCompare(y.ids.join(' ')));
    const found = shortestPaths(graph, graph.indexOf.get('s') as number, graph.indexOf.get('t') as number, 4);
    expect(ids(graph, found)).toEqual(all.slice(0, 25));
    expect(shortestPaths(graph, graph.indexOf.get('s') as number, graph.indexOf.get('t') as number, 3)).toEqual([]);
  });
});
