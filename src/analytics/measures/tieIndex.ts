import type { ScopeGraph } from '../scopeGraph';

/** The part of a scope graph the structural measures read: actors by index and their neighbours. */
export type NeighbourGraph = Pick<ScopeGraph, 'actors' | 'neighbours'>;

/**
 * Constant-time "are these two actors tied?" over a simple undirected graph,
 * which the two-path measures (brokerage, Burt) ask for every pair of partners.
 */
export class TieIndex {
  private readonly keys = new Set<number>();
  private readonly size: number;

  constructor(graph: NeighbourGraph) {
    this.size = graph.actors.length;
    graph.neighbours.forEach((partners, a) => {
      for (const b of partners) if (a < b) this.keys.add(this.key(a, b));
    });
  }

  tied(a: number, b: number): boolean {
    return this.keys.has(a < b ? this.key(a, b) : this.key(b, a));
  }

  // Exact while size² < 2^53, i.e. for graphs of up to ~94 million actors.
  private key(low: number, high: number): number {
    return low * this.size + high;
  }
}
