import { SECTORS } from '../../model';
import { PartnerTable } from '../measures/partnerTable';
import type { Scope } from '../scope';
import type { CollaborationIndex } from './collaborationIndex';

/**
 * The partner counts of analytics/partnerSectorCounts from the in-memory index,
 * straight into a PartnerTable (the scope rules of indexCounts.ts: each member's
 * distinct partners through qualifying ties;
 * with TOUCHING, a partner outside the area joins as a row of its own, counting
 * the members tied to it). Rows are the members in actor-number order, then the
 * outsiders as first met; actor numbers follow the ids' order, so they are the rank.
 */
export function indexPartnerTable(index: CollaborationIndex, scope: Scope): PartnerTable {
  const K = SECTORS.length;
  const filter = index.filterOf(scope);
  const { list, isMember } = index.membersOf(scope, filter);
  const { adjStart, adjOther, adjSince, adjUntil, adjStrength, adjKind, actorSector } = index;
  const { day, minStrength, kindAllowed, sectorAllowed, touching } = filter;
  // rowOf[b] = b's row + 1 once b has a row; lastVisitor[b] = a + 1 once b has been counted as a partner of a.
  const lastVisitor = new Int32Array(index.actorCount);
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
    for (let at = adjStart[member]; at < adjStart[member + 1]; at += 1) {
      // index.tieCounts(at, filter), inlined; the tie's own columns first (read in order), the partner's after.
      if (adjSince[at] > day || adjUntil[at] < day || adjStrength[at] < minStrength) continue;
      if (kindAllowed !== null && kindAllowed[adjKind[at]] !== 1) continue;
      const partner = adjOther[at];
      const inside = isMember[partner] === 1;
      if ((!inside && !touching) || lastVisitor[partner] === member + 1 || sectorAllowed[actorSector[partner]] !== 1) continue;
      lastVisitor[partner] = member + 1;
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
