import type { NeighbourGraph, TieIndex } from './tieIndex';

/** Gould–Fernandez brokerage roles of one actor, for undirected ties. */
export interface BrokerageCounts {
  coordinator: number;
  itinerant: number;
  gatekeeperRepresentative: number;
  liaison: number;
  total: number;
}

/**
 * Counts the open two-paths a–b–c through actor b (a and c partners of b but not
 * tied to each other), each unordered {a, c} once, by the sectors of a, b and c:
 * - coordinator: all three of one sector;
 * - itinerant: a and c of one sector, b of another;
 * - gatekeeperRepresentative: b shares its sector with exactly one of a and c
 *   (with undirected ties gatekeeper and representative cannot be told apart);
 * - liaison: three different sectors.
 * The four roles partition the open two-paths, so they sum to `total`.
 * Cost: O(degree²) for b.
 */
export function brokerage(graph: NeighbourGraph, ties: TieIndex, b: number): BrokerageCounts {
  const counts: BrokerageCounts = { coordinator: 0, itinerant: 0, gatekeeperRepresentative: 0, liaison: 0, total: 0 };
  const partners = graph.neighbours[b];
  const sb = graph.actors[b].sector;
  for (let i = 0; i < partners.length; i += 1) {
    const a = partners[i];
    const sa = graph.actors[a].sector;
    for (let j = i + 1; j < partners.length; j += 1) {
      const c = partners[j];
      if (ties.tied(a, c)) continue;
      const sc = graph.actors[c].sector;
      if (sa === sc) {
        if (sa === sb) counts.coordinator += 1;
        else counts.itinerant += 1;
      } else if (sb === sa || sb === sc) {
        counts.gatekeeperRepresentative += 1;
      } else {
        counts.liaison += 1;
      }
      counts.total += 1;
    }
  }
  return counts;
}
