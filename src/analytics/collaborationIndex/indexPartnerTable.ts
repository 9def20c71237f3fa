import { SECTORS } from '../../model';
import { PartnerTable } from '../measures/partnerTable';
import type { Scope } from '../scope';
import type { CollaborationIndex } from './collaborationIndex';
import { dateNetworkOf } from './dateNetwork';

/**
 * The partner counts of analytics/partnerSectorCounts from the in-memory index,
 * straight into a PartnerTable (the scope rules of indexCounts.ts: each member's
 * distinct partners through qualifying ties, from the day's network (dateNetwork.ts);
 * with TOUCHING, a partner outside the area joins as a row of its own, counting
 * the members tied to it). Rows are the members in actor-number order, then the
 * outsiders as first met; actor numbers follow the ids' order, so they are the rank.
 */
export function indexPartnerTable(index: CollaborationIndex, scope: Scope): PartnerTable {
  const K = SECTORS.length;
  const filter = index.filterOf(scope);
  const { list, isMember } = index.membersOf(scope, filter);
  const { start, partner: partners } = dateNetworkOf(index, filter);
  const { actorSector } = index;
  const { sectorAllowed, touching } = filter;
  // Rows: the members, then (TOUCHING only) the outsiders as first met, with rowOf[b] = b's row + 1.
  let actors = list;
  let rows = list.length;
  const rowOf = touching ? new Int32Array(index.actorCount) : null;
  if (rowOf) {
    actors = new Int32Array(Math.max(list.length * 2, 16));
    actors.set(list);
    list.forEach((actor, row) => (rowOf[actor] = row + 1));
  }
  let counts = new Int32Array(Math.max(actors.length, 1) * K);
  for (let m = 0; m < list.length; m += 1) {
    const member = list[m];
    const memberBase = m * K;
    for (let at = start[member]; at < start[member + 1]; at += 1) {
      const partner = partners[at];
      const inside = isMember[partner] === 1;
      if ((!inside && !touching) || sectorAllowed[actorSector[partner]] !== 1) continue;
      counts[memberBase + actorSector[partner]] += 1;
      if (inside || rowOf === null) continue;
      if (rowOf[partner] === 0) {
        if (rows === actors.length) {
          const grown = new Int32Array(actors.length * 2);
          grown.set(actors);
          actors = grown;
          const grownCounts = new Int32Array(actors.length * K);
          grownCounts.set(counts);
          counts = grownCounts;
        }
        actors[rows] = partner;
        rows += 1;
        rowOf[partner] = rows;
      }
      counts[(rowOf[partner] - 1) * K + actorSector[member]] += 1;
    }
  }
  const sectors = new Uint8Array(rows);
  for (let row = 0; row < rows; row += 1) sectors[row] = actorSector[actors[row]];
  const numbers = actors.subarray(0, rows);
  // Ids are asked for a page's rows only: named on demand, not for the whole scope.
  return new PartnerTable((row) => index.actorIds[numbers[row]], rows, sectors, counts.subarray(0, rows * K), list.length, numbers);
}
