import type { NeighbourGraph, TieIndex } from './tieIndex';

/**
 * Burt's structural-hole measures of one actor on an unweighted undirected graph,
 * as NetworkX computes them (`constraint`, `effective_size` with weight=None).
 * With every tie of weight 1 the proportional tie strength p(i, j) of i's
 * investment in j is 1 / degree(i) when i and j are tied, else 0.
 * An isolate has neither measure: null (NetworkX gives NaN).
 */

/**
 * Constraint c(i) = Σ_j (p(i,j) + Σ_q p(i,q)·p(q,j))² over i's partners j, the
 * inner sum over i's partners q ≠ j. Cost: O(Σ degree of i's partners).
 */
export function constraint(graph: NeighbourGraph, ties: TieIndex, i: number): number | null {
  const partners = graph.neighbours[i];
  const degree = partners.length;
  if (degree === 0) return null;
  const direct = 1 / degree;
  let sum = 0;
  for (const j of partners) {
    let indirect = 0;
    // q ranges over the common partners of i and j: p(q, j) is 0 for anyone else.
    for (const q of graph.neighbours[j]) {
      if (q !== i && ties.tied(i, q)) indirect += direct * (1 / graph.neighbours[q].length);
    }
    sum += (direct + indirect) ** 2;
  }
  return sum;
}

/**
 * Effective size in Borgatti's form for unweighted undirected graphs:
 * n − 2t/n, with n partners and t ties among them. Cost: O(Σ degree of i's partners).
 */
export function effectiveSize(graph: NeighbourGraph, ties: TieIndex, i: number): number | null {
  const partners = graph.neighbours[i];
  const n = partners.length;
  if (n === 0) return null;
  let twiceTies = 0;
  for (const j of partners) {
    for (const q of graph.neighbours[j]) if (q !== i && ties.tied(i, q)) twiceTies += 1;
  }
  return n - twiceTies / n;
}
