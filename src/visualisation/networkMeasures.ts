import type { ScopeGraph } from '../analytics/scopeGraph';
import { gdsBetweenness, type GdsRunnerDependencies } from '../analytics/gdsRunner';
import { louvainCommunities } from '../analytics/measures/louvain';
import { brokerage, type BrokerageCounts } from '../analytics/measures/brokerage';
import { partition } from '../analytics/measures/communityComposition';
import { TieIndex } from '../analytics/measures/tieIndex';

/** The per-node measures a network payload may ask for (the NetworkMeasure enum). */
export type NetworkMeasure = 'BETWEENNESS' | 'COMMUNITY' | 'BROKERAGE_ROLE';
export const NETWORK_MEASURES: readonly NetworkMeasure[] = ['BETWEENNESS', 'COMMUNITY', 'BROKERAGE_ROLE'];

export type BrokerageRole = 'NONE' | 'COORDINATOR' | 'ITINERANT' | 'GATEKEEPER_REPRESENTATIVE' | 'LIAISON';

/** Per actor id; a map is absent when its measure was not asked for. */
export interface NodeMeasures {
  betweenness?: ReadonlyMap<string, number>;
  community?: ReadonlyMap<string, number>;
  brokerageRole?: ReadonlyMap<string, BrokerageRole>;
}

/** Roles in the order that breaks a tie between equal counts (the enum's order). */
const ROLES: ReadonlyArray<[Exclude<BrokerageRole, 'NONE'>, keyof BrokerageCounts]> = [
  ['COORDINATOR', 'coordinator'],
  ['ITINERANT', 'itinerant'],
  ['GATEKEEPER_REPRESENTATIVE', 'gatekeeperRepresentative'],
  ['LIAISON', 'liaison'],
];

/** The most frequent kind of open two-path through an actor; NONE without one. */
export function dominantRole(counts: BrokerageCounts): BrokerageRole {
  let best: BrokerageRole = 'NONE';
  let most = 0;
  for (const [role, key] of ROLES) {
    if (counts[key] > most) {
      best = role;
      most = counts[key];
    }
  }
  return best;
}

/**
 * The measures asked for, by the same code as the analytics fields: betweenness
 * as `brokers` takes it (GDS, raw, each unordered pair once), communities as
 * `communities` numbers them by default (Louvain, numbered by partition()), and
 * brokerage roles from the Gould–Fernandez counts `brokers` reports.
 */
export async function networkMeasures(deps: GdsRunnerDependencies, graph: ScopeGraph, include: readonly NetworkMeasure[]): Promise<NodeMeasures> {
  const measures: NodeMeasures = {};
  if (include.includes('BETWEENNESS')) {
    const scores = await gdsBetweenness(deps, graph);
    measures.betweenness = new Map(graph.actors.map((actor) => [actor.id, scores.get(actor.id) ?? 0]));
  }
  if (include.includes('COMMUNITY')) {
    const { communityOf } = partition(graph, louvainCommunities(graph, 1, 42));
    measures.community = new Map(graph.actors.map((actor, index) => [actor.id, communityOf[index]]));
  }
  if (include.includes('BROKERAGE_ROLE')) {
    const ties = new TieIndex(graph);
    measures.brokerageRole = new Map(graph.actors.map((actor, index) => [actor.id, dominantRole(brokerage(graph, ties, index))]));
  }
  return measures;
}
