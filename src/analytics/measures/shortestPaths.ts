import type { Sector } from '../../model';
import type { ScopeGraph } from '../scopeGraph';

export interface FoundPath {
  /** Actor indices from the start to the end. */
  nodes: number[];
  /** Ties along the path. */
  length: number;
  /** Ties along the path that join two different sectors. */
  sectorCrossings: number;
}

export const MAX_PATHS = 25;

/** Distances (in ties) from one actor by breadth-first search, up to maxDepth; -1 beyond. */
function distancesFrom(neighbours: readonly number[][], start: number, maxDepth: number): Int32Array {
  const distance = new Int32Array(neighbours.length).fill(-1);
  distance[start] = 0;
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const partner of neighbours[node]) {
        if (distance[partner] === -1) {
          distance[partner] = depth;
          next.push(partner);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

/** Lexicographic order of two equally long index lists (indices follow actor id order). */
function compareNodes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * All shortest paths between two actors of at most maxHops ties, the `limit`
 * with the fewest sector crossings (then by the actor ids along the path).
 *
 * Two breadth-first searches find the actors on some shortest path (dist from
 * start + dist to end = d); the fewest crossings still needed from each of them
 * is computed layer by layer back from the end; a best-first search over the
 * partial paths, ordered by crossings so far + fewest still needed (an exact
 * bound) and then by ids, then yields complete paths in the final order without
 * enumerating them all: there may be exponentially many.
 */
export function shortestPaths(
  graph: Pick<ScopeGraph, 'neighbours'> & { actors: ReadonlyArray<{ sector: Sector }> },
  from: number,
  to: number,
  maxHops: number,
  limit = MAX_PATHS,
): FoundPath[] {
  const { neighbours, actors } = graph;
  const fromStart = distancesFrom(neighbours, from, maxHops);
  const length = fromStart[to];
  if (length <= 0) return [];
  const toEnd = distancesFrom(neighbours, to, length);
  const onPath = (node: number) => fromStart[node] >= 0 && toEnd[node] >= 0 && fromStart[node] + toEnd[node] === length;
  const crossing = (a: number, b: number) => (actors[a].sector === actors[b].sector ? 0 : 1);
  const nextSteps = (node: number) => neighbours[node].filter((partner) => fromStart[partner] === fromStart[node] + 1 && onPath(partner));

  // Layers of the shortest-path DAG, and the fewest crossings from each node to the end.
  const layers: number[][] = Array.from({ length: length + 1 }, () => []);
  for (let node = 0; node < neighbours.length; node += 1) if (onPath(node)) layers[fromStart[node]].push(node);
  const fewestToEnd = new Map<number, number>([[to, 0]]);
  for (let depth = length - 1; depth >= 0; depth -= 1) {
    for (const node of layers[depth]) {
      fewestToEnd.set(node, Math.min(...nextSteps(node).map((next) => crossing(node, next) + (fewestToEnd.get(next) as number))));
    }
  }

  interface Partial {
    nodes: number[];
    crossings: number;
    bound: number;
  }
  const queue = new MinHeap<Partial>((a, b) => a.bound - b.bound || compareNodes(a.nodes, b.nodes));
  queue.push({ nodes: [from], crossings: 0, bound: fewestToEnd.get(from) as number });
  const found: FoundPath[] = [];
  while (found.length < limit) {
    const partial = queue.pop();
    if (!partial) break;
    const last = partial.nodes[partial.nodes.length - 1];
    if (last === to) {
      found.push({ nodes: partial.nodes, length, sectorCrossings: partial.crossings });
      continue;
    }
    for (const next of nextSteps(last)) {
      const crossings = partial.crossings + crossing(last, next);
      queue.push({ nodes: [...partial.nodes, next], crossings, bound: crossings + (fewestToEnd.get(next) as number) });
    }
  }
  return found;
}

/** A binary min-heap: the best-first search's queue. */
class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.compare(items[left], items[best]) < 0) best = left;
        if (right < items.length && this.compare(items[right], items[best]) < 0) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}
