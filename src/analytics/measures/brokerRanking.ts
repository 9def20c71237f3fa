import { brokerage, type BrokerageCounts } from './brokerage';
import { constraint, effectiveSize } from './burt';
import { TieIndex, type NeighbourGraph } from './tieIndex';

/** One ranked broker; `actorId` is resolved to the actor by the GraphQL layer. */
export interface BrokerRow {
  actorId: string;
  rank: number;
  betweenness: number;
  normalisedBetweenness: number;
  brokerage: BrokerageCounts;
  constraint: number | null;
  effectiveSize: number | null;
  degree: number;
}

/**
 * Raw undirected betweenness (each unordered pair of endpoints counted once)
 * scaled as NetworkX scales it with normalized=True: ÷ ((n−1)(n−2)/2), the number
 * of pairs that could route through a node. With n ≤ 2 no pair can, so 0.
 */
export function normaliseBetweenness(raw: number, n: number): number {
  return n <= 2 ? 0 : raw / (((n - 1) * (n - 2)) / 2);
}

/**
 * Sorting key of a score: 12 significant digits, so that two actors whose
 * betweenness differs only by floating-point noise tie and are then ordered by id.
 */
const sortKey = (score: number): number => Number(score.toPrecision(12));

/**
 * The `first` actors by betweenness (highest first, ties by actor id), with their
 * brokerage roles, constraint, effective size and degree. Betweenness comes from
 * `scores` (actor id → raw score); an actor without a score counts as 0. The
 * two-path measures are computed only for the actors returned.
 */
export function rankBrokers(graph: NeighbourGraph, scores: ReadonlyMap<string, number>, first: number): BrokerRow[] {
  const n = graph.actors.length;
  const raw = graph.actors.map((actor) => scores.get(actor.id) ?? 0);
  const order = graph.actors.map((_, index) => index);
  // Actors are indexed in id order, so the index breaks ties by id.
  order.sort((a, b) => sortKey(raw[b]) - sortKey(raw[a]) || a - b);
  const ties = new TieIndex(graph);
  return order.slice(0, first).map((index, position) => ({
    actorId: graph.actors[index].id,
    rank: position + 1,
    betweenness: raw[index],
    normalisedBetweenness: normaliseBetweenness(raw[index], n),
    brokerage: brokerage(graph, ties, index),
    constraint: constraint(graph, ties, index),
    effectiveSize: effectiveSize(graph, ties, index),
    degree: graph.neighbours[index].length,
  }));
}
