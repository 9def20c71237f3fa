import { SECTORS } from '../../model';
import type { Scope } from '../scope';
import { coverageRows, type AreaHelixCoverageRow } from '../measures/helixCoverage';
import type { CollaborationIndex } from './collaborationIndex';
import { dateNetworkOf } from './dateNetwork';
import { areasWithActors } from './indexCounts';

const K = SECTORS.length;

/**
 * helixCoverage over the index's typed arrays, equal to the measure on the scope
 * graph and the areas' members (tested against it): for each area, its actors
 * are stamped in one array and each one's partners on the day (dateNetwork.ts) walked for a partner
 * of another sector stamped too. No actor or pair objects are made, which the
 * whole-city report (every district, and the city itself) otherwise built
 * twice. Also each area's citizens, for the suppression view. Null when the
 * scope's area is unknown.
 */
export function indexHelixCoverage(index: CollaborationIndex, scope: Scope): { areas: AreaHelixCoverageRow[]; citizensInArea: Map<string, number> } | null {
  const listed = areasWithActors(index, scope);
  if (!listed) return null;
  const network = dateNetworkOf(index, index.filterOf(scope));
  const citizen = SECTORS.indexOf('CITIZEN');
  const stamp = new Int32Array(index.actorCount);
  const present = listed.map(() => new Uint8Array(K));
  const connected = listed.map(() => new Set<number>());
  const citizensInArea = new Map<string, number>();
  listed.forEach(({ area, actors }, position) => {
    for (const actor of actors) stamp[actor] = position + 1;
    let citizens = 0;
    for (const actor of actors) {
      const a = index.actorSector[actor];
      present[position][a] = 1;
      if (a === citizen) citizens += 1;
      // Partners on the day ascend: each pair is met once, from its smaller end.
      for (let at = network.start[actor + 1] - 1; at >= network.start[actor] && network.partner[at] > actor; at -= 1) {
        const partner = network.partner[at];
        const b = index.actorSector[partner];
        if (a === b || stamp[partner] !== position + 1) continue;
        connected[position].add(Math.min(a, b) * K + Math.max(a, b));
      }
    }
    citizensInArea.set(index.areaIds[area], citizens);
  });
  return { areas: coverageRows(listed.map(({ area }) => ({ id: index.areaIds[area], name: index.areaNames[area] })), present, connected), citizensInArea };
}
