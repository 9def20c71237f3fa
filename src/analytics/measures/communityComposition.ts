import { SECTORS, type Sector } from '../../model';
import type { NeighbourGraph } from './tieIndex';

export interface SectorShareRow {
  sector: Sector;
  actors: number;
  share: number;
}

export interface CommunityRow {
  id: number;
  size: number;
  memberIds: string[];
  sectors: SectorShareRow[];
  crossSectorShare: number | null;
}

export interface Partition {
  /** Communities, largest first; ties by their smallest actor id. */
  communities: CommunityRow[];
  /** communityOf[i]: the id (position in `communities`) of actor i's community. */
  communityOf: number[];
}

/** memberIds lists at most this many actors per community. */
export const MAX_MEMBER_IDS = 200;

/**
 * Turns an algorithm's labels (actor id → label, labels meaningful only within
 * one run) into numbered communities with their sector composition:
 * - communities are numbered 0, 1, … from the largest; equal sizes by their
 *   smallest actor id, so the numbering depends only on the partition;
 * - an actor the labels miss is a community of its own;
 * - sectors: those present, most actors first (ties in Sector enum order), with
 *   their share of the community;
 * - crossSectorShare: internal ties (distinct pairs inside the community) joining
 *   two sectors ÷ all internal ties; null without internal ties.
 */
export function partition(graph: NeighbourGraph, labels: ReadonlyMap<string, number>): Partition {
  const groups = new Map<string, number[]>();
  graph.actors.forEach((actor, index) => {
    const label = labels.get(actor.id);
    const key = label === undefined ? `alone:${index}` : `label:${label}`;
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  // Members were pushed in index (= id) order, so members[0] is the smallest id.
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  const communityOf = new Array<number>(graph.actors.length).fill(0);
  ordered.forEach((members, id) => members.forEach((index) => (communityOf[index] = id)));
  const communities = ordered.map((members, id) => describe(graph, members, id, communityOf));
  return { communities, communityOf };
}

function describe(graph: NeighbourGraph, members: number[], id: number, communityOf: readonly number[]): CommunityRow {
  const counts = new Map<Sector, number>();
  let internal = 0;
  let crossing = 0;
  for (const i of members) {
    const sector = graph.actors[i].sector;
    counts.set(sector, (counts.get(sector) ?? 0) + 1);
    for (const j of graph.neighbours[i]) {
      if (i < j && communityOf[j] === id) {
        internal += 1;
        if (graph.actors[j].sector !== sector) crossing += 1;
      }
    }
  }
  const sectors = SECTORS.filter((sector) => counts.has(sector))
    .map((sector) => ({ sector, actors: counts.get(sector) as number, share: (counts.get(sector) as number) / members.length }))
    .sort((a, b) => b.actors - a.actors || SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector));
  return {
    id,
    size: members.length,
    memberIds: members.slice(0, MAX_MEMBER_IDS).map((i) => graph.actors[i].id),
    sectors,
    crossSectorShare: internal === 0 ? null : crossing / internal,
  };
}
