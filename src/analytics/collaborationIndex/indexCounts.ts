import { compareIds } from '../compareIds';
import { SECTORS } from '../../model';
import type { Scope } from '../scope';
import type { AreaSectorCounts } from '../measures/blau';
import type { AreaMembers } from '../measures/helixCoverage';
import type { SectorMixingCounts } from '../measures/sectorMixing';
import type { CollaborationIndex, ScopeFilter } from './collaborationIndex';
import { RecentPerIndex } from './recentPerIndex';
import { dateNetworkOf } from './dateNetwork';

/**
 * The counts of analytics/sectorMixing, analytics/areaSectorCounts and the areas
 * of analytics/areaMembers, taken from the in-memory index under exactly the
 * same scope rules (docs/analytics.md, "Scope"): a member's qualifying ties are
 * walked once; a partner joined by several qualifying ties counts once; with
 * TOUCHING, partners outside the area join as actors. Each returns the rows its
 * statement returns, so the measures cannot tell the two apart. (The partner
 * counts of analytics/partnerSectorCounts come as a table: indexPartnerTable.ts.)
 */

/** Actors per sector and distinct pairs per ordered sector pair: the row of analytics/sectorMixing. */
export function indexSectorMixing(index: CollaborationIndex, scope: Scope): SectorMixingCounts {
  const filter = index.filterOf(scope);
  const members = index.membersOf(scope, filter);
  const k = SECTORS.length;
  const sizes = new Int32Array(k);
  const pairs = new Int32Array(k * k);
  const { start, partner: partners } = dateNetworkOf(index, filter);
  const { actorSector } = index;
  const { isMember, list } = members;
  const { touching, sectorAllowed } = filter;
  // One pass over the members' partners on the day (this is the whole cost of the count);
  // outsider[b] once b is counted as an actor.
  const outsider = touching ? new Uint8Array(index.actorCount) : null;
  for (let m = 0; m < list.length; m += 1) {
    const member = list[m];
    const rowBase = actorSector[member] * k;
    sizes[actorSector[member]] += 1;
    const first = start[member];
    // Partners ascend: a pair inside the scope is counted from its smaller end, so WITHIN
    // walks only the partners above the member, from the top of its list down.
    for (let at = start[member + 1] - 1; at >= first; at -= 1) {
      const partner = partners[at];
      if (partner < member && !touching) break;
      const inside = isMember[partner] === 1;
      if ((inside ? partner < member : !touching) || sectorAllowed[actorSector[partner]] !== 1) continue;
      pairs[rowBase + actorSector[partner]] += 1;
      if (outsider && !inside && !outsider[partner]) {
        outsider[partner] = 1;
        sizes[actorSector[partner]] += 1;
      }
    }
  }
  return {
    sizes: SECTORS.flatMap((sector, code) => (sizes[code] > 0 ? [{ sector, actors: sizes[code] }] : [])),
    pairs: SECTORS.flatMap((sourceSector, a) =>
      SECTORS.flatMap((targetSector, b) => (pairs[a * k + b] > 0 ? [{ sourceSector, targetSector, pairs: pairs[a * k + b] }] : [])),
    ),
  };
}

type AreaActors = { area: number; actors: number[] };
const recentAreas = new RecentPerIndex<AreaActors[] | null>(8);

/**
 * The scope's area and every area beneath it (or every area), ordered by id,
 * each with the distinct actors active in it on asOf, sub-areas included, of the
 * scope's sectors, ascending. Null when the scope's area is unknown. Kept like the
 * scope's members (shared, read-only), so the sort is paid once per scope and index.
 */
export function areasWithActors(index: CollaborationIndex, scope: Scope): AreaActors[] | null {
  const filter = index.filterOf(scope);
  const key = `${scope.areaId ?? ''}|${filter.day}|${filter.sectorAllowed.join('')}`;
  return recentAreas.get(index, key, () => findAreasWithActors(index, scope, filter));
}

function findAreasWithActors(index: CollaborationIndex, scope: Scope, filter: ScopeFilter): AreaActors[] | null {
  const areas = scope.areaId === null ? index.areaIds.map((_, area) => area) : index.subtreeOf(scope.areaId);
  if (!areas) return null;
  // counted[actor] = area + 1 once the actor is listed for that area.
  const counted = new Int32Array(index.actorCount);
  return areas
    .map((area) => {
      const actors: number[] = [];
      index.forEachActiveMember(index.subtreeOf(index.areaIds[area]) ?? [], filter, (actor) => {
        if (counted[actor] === area + 1) return;
        counted[actor] = area + 1;
        actors.push(actor);
      });
      return { area, actors: actors.sort((a, b) => a - b) };
    })
    .sort((a, b) => compareIds(index.areaIds[a.area], index.areaIds[b.area]));
}

/** Each area's actors per sector: the rows of analytics/areaSectorCounts. */
export function indexAreaSectorCounts(index: CollaborationIndex, scope: Scope): AreaSectorCounts[] | null {
  return (
    areasWithActors(index, scope)?.map(({ area, actors }) => {
      const counts = SECTORS.map(() => 0);
      for (const actor of actors) counts[index.actorSector[actor]] += 1;
      return { id: index.areaIds[area], name: index.areaNames[area], counts };
    }) ?? null
  );
}

/** Each area's actors: the rows of analytics/areaMembers. */
export function indexAreaMembers(index: CollaborationIndex, scope: Scope): AreaMembers[] | null {
  return (
    areasWithActors(index, scope)?.map(({ area, actors }) => ({
      id: index.areaIds[area],
      name: index.areaNames[area],
      members: actors.map((actor) => ({ id: index.actorIds[actor], sector: SECTORS[index.actorSector[actor]] })),
    })) ?? null
  );
}
