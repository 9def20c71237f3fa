import type { Sector } from '../../../src/model';
import { buildScopeGraph, type ScopeGraph } from '../../../src/analytics/scopeGraph';

/** A scope graph from actor sectors and undirected pairs, as the scope statements would return it. */
export function graphOf(sectors: Record<string, Sector>, pairs: Array<[string, string]>): ScopeGraph {
  const actors = Object.entries(sectors).map(([id, sector]) => ({ id, sector, name: `Org ${id}` }));
  return buildScopeGraph(
    actors,
    pairs.map(([source, target]) => ({
      source,
      target,
      sourceSector: sectors[source],
      targetSector: sectors[target],
      sourceName: `Org ${source}`,
      targetName: `Org ${target}`,
      strength: 3,
      kinds: ['PARTNERSHIP'],
      ties: 1,
    })),
  );
}

/**
 * The mixed sample: nine actors of all five sectors, a7 an isolate, a8–a9 a
 * separate part. The expected numbers in the tests were computed with NetworkX 3.6
 * (attribute_assortativity_coefficient, adamic_adar_index, all_shortest_paths) and
 * checked by hand.
 */
export const MIXED_SECTORS: Record<string, Sector> = {
  a1: 'CITIZEN',
  a2: 'CITIZEN',
  a3: 'CIVIL_SOCIETY',
  a4: 'CIVIL_SOCIETY',
  a5: 'PRIVATE',
  a6: 'PUBLIC',
  a7: 'ACADEMIA',
  a8: 'PUBLIC',
  a9: 'PRIVATE',
};

export const MIXED_PAIRS: Array<[string, string]> = [
  ['a1', 'a2'],
  ['a1', 'a3'],
  ['a2', 'a3'],
  ['a3', 'a4'],
  ['a4', 'a5'],
  ['a5', 'a6'],
  ['a3', 'a6'],
  ['a8', 'a9'],
  ['a2', 'a5'],
];

export const mixedGraph = (): ScopeGraph => graphOf(MIXED_SECTORS, MIXED_PAIRS);

/**
 * A star around b (PUBLIC) with p1, p2 (PUBLIC), c1, c2 (CITIZEN), q (PRIVATE),
 * and p1–c1 tied, which closes that two-path.
 */
export const starWithTriangle = (): ScopeGraph =>
  graphOf({ b: 'PUBLIC', p1: 'PUBLIC', p2: 'PUBLIC', c1: 'CITIZEN', c2: 'CITIZEN', q: 'PRIVATE' }, [
    ['b', 'p1'],
    ['b', 'p2'],
    ['b', 'c1'],
    ['b', 'c2'],
    ['b', 'q'],
    ['c1', 'p1'],
  ]);
