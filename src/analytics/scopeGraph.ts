import { compareIds } from './compareIds';
import type { Sector } from '../model';

export interface ScopeActor {
  id: string;
  sector: Sector;
  name: string;
}

/** One distinct pair of actors with at least one qualifying tie. */
export interface ScopePair {
  source: string;
  target: string;
  sourceSector: Sector;
  targetSector: Sector;
  sourceName: string;
  targetName: string;
  /** The strongest of the pair's ties. */
  strength: number;
  /** In alphabetical order. */
  kinds: string[];
  /** How many ties (relationships) join the pair. */
  ties: number;
}

/**
 * The analysed network in memory: actors indexed 0..n-1 in id order, and an
 * adjacency list of the simple undirected graph (one edge per pair).
 */
export interface ScopeGraph {
  /** Where the network came from: the scope statements, or the collaboration index. */
  engine: 'SCOPE_NETWORK' | 'COLLABORATION_INDEX';
  actors: ScopeActor[];
  pairs: ScopePair[];
  indexOf: Map<string, number>;
  neighbours: number[][];
}

/**
 * Builds the graph from the scope's actors and pairs. With TOUCHING, partners
 * outside the area appear only in pairs; they are added as actors here.
 */
export function buildScopeGraph(actors: ScopeActor[], rows: ScopePair[], engine: ScopeGraph['engine'] = 'SCOPE_NETWORK'): ScopeGraph {
  const pairs = rows.map((pair) => ({ ...pair, kinds: [...pair.kinds].sort() }));
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  for (const pair of pairs) {
    if (!byId.has(pair.source)) byId.set(pair.source, { id: pair.source, sector: pair.sourceSector, name: pair.sourceName });
    if (!byId.has(pair.target)) byId.set(pair.target, { id: pair.target, sector: pair.targetSector, name: pair.targetName });
  }
  const all = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  const indexOf = new Map(all.map((actor, index) => [actor.id, index]));
  const neighbours: number[][] = all.map(() => []);
  for (const pair of pairs) {
    const s = indexOf.get(pair.source) as number;
    const t = indexOf.get(pair.target) as number;
    neighbours[s].push(t);
    neighbours[t].push(s);
  }
  return { engine, actors: all, pairs, indexOf, neighbours };
}
