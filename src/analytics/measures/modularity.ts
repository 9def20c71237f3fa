import type { NeighbourGraph } from './tieIndex';

/**
 * Newman's modularity of a partition of an unweighted undirected graph, with
 * resolution γ, in the form NetworkX's `community.modularity(G, parts, resolution=γ)`
 * computes:
 *
 *   Q = Σ_c [ L_c / m − γ · (D_c / 2m)² ]
 *
 * where m is the number of ties (distinct pairs), L_c the ties inside community c
 * and D_c the sum of its members' degrees. Isolates add nothing. With no tie at
 * all Q is undefined (NetworkX divides by zero): null.
 *
 * `communityOf[i]` is the community of actor i: any non-negative integers.
 */
export function modularity(graph: NeighbourGraph, communityOf: readonly number[], resolution: number): number | null {
  let twiceM = 0;
  const internal = new Map<number, number>();
  const degreeSum = new Map<number, number>();
  graph.neighbours.forEach((partners, i) => {
    const c = communityOf[i];
    twiceM += partners.length;
    degreeSum.set(c, (degreeSum.get(c) ?? 0) + partners.length);
    for (const j of partners) if (i < j && communityOf[j] === c) internal.set(c, (internal.get(c) ?? 0) + 1);
  });
  if (twiceM === 0) return null;
  const m = twiceM / 2;
  let q = 0;
  for (const [c, degrees] of degreeSum) q += (internal.get(c) ?? 0) / m - resolution * (degrees / twiceM) ** 2;
  return q;
}
