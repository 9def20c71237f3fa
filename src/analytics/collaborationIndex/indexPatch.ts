import { compareIds } from '../compareIds';
import { SECTORS, type Sector } from '../../model';
import { CollaborationIndex } from './collaborationIndex';
import { binarySearchId, ColumnBuilder, codeOf, lookupOrThrow, type MembershipRow, type TieRow } from './indexColumns';

/**
 * What the database holds now for the actors some writes touched: the rows of
 * those that still exist, all their memberships, and every tie with at least one
 * end among them (each once).
 */
export interface TouchedRows {
  /** Every touched actor id, whether or not it still exists. */
  actorIds: ReadonlySet<string>;
  actors: ReadonlyArray<{ id: string; sector: Sector; name: string }>;
  memberships: ReadonlyArray<MembershipRow>;
  ties: ReadonlyArray<TieRow>;
}

/**
 * A new index for `version`: the old one with everything of the touched actors
 * (their record, memberships, and ties at either end) replaced by what the
 * database holds now. Equal to a fresh build of that version as long as every
 * write since the old version is among the touched (graphChanges.ts checks
 * that), because nothing else changed. The old index is not modified: requests
 * holding it keep a consistent copy. Costs one pass over the old arrays, no
 * database work beyond the touched rows. Areas are taken over as they are: a
 * change to the area tree rebuilds the whole index instead.
 */
export function patchIndex(old: CollaborationIndex, version: string, touched: TouchedRows): CollaborationIndex {
  const fresh = [...touched.actors].sort((a, b) => compareIds(a.id, b.id));
  const oldCount = old.actorCount;
  // Merge the kept old actors (already in id order) with the fresh ones.
  const newOf = new Int32Array(oldCount).fill(-1);
  const actorIds: string[] = [];
  const actorNames: string[] = [];
  const sectors: number[] = [];
  let next = 0;
  const take = (id: string, name: string, sector: number) => {
    actorIds.push(id);
    actorNames.push(name);
    sectors.push(sector);
  };
  for (let actor = 0; actor <= oldCount; actor += 1) {
    const id = actor < oldCount ? old.actorIds[actor] : null;
    while (next < fresh.length && (id === null || compareIds(fresh[next].id, id) <= 0)) {
      take(fresh[next].id, fresh[next].name, codeOf(SECTORS, fresh[next].sector, 'sector'));
      next += 1;
    }
    if (id === null || touched.actorIds.has(id)) continue;
    newOf[actor] = actorIds.length;
    take(id, old.actorNames[actor], old.actorSector[actor]);
  }

  const builder = new ColumnBuilder(
    lookupOrThrow((id) => binarySearchId(actorIds, id), 'actor'),
    lookupOrThrow((id) => old.areaIndexOf.get(id) ?? -1, 'area'),
  );
  for (let area = 0; area < old.areaIds.length; area += 1) {
    for (let at = old.memberStart[area]; at < old.memberStart[area + 1]; at += 1) {
      const actor = newOf[old.memberActor[at]];
      if (actor >= 0) builder.membershipNumbers(area, actor, old.memberSince[at], old.memberUntil[at]);
    }
  }
  for (const membership of touched.memberships) builder.membership(membership);
  for (let actor = 0; actor < oldCount; actor += 1) {
    if (newOf[actor] < 0) continue;
    let selfEntries = 0;
    for (let at = old.adjStart[actor]; at < old.adjStart[actor + 1]; at += 1) {
      const other = old.adjOther[at];
      // Each tie once: from its smaller end (a tie of an actor with itself sits twice under it).
      if (other < actor || newOf[other] < 0 || (other === actor && selfEntries++ % 2 === 1)) continue;
      builder.tieNumbers(newOf[actor], newOf[other], old.adjKind[at], old.adjStrength[at], old.adjSince[at], old.adjUntil[at], old.adjTieId[at]);
    }
  }
  for (const tie of touched.ties) builder.tie(tie);
  return new CollaborationIndex(
    version,
    builder.columns(
      { actorIds, actorNames, actorSector: Uint8Array.from(sectors) },
      { areaIds: old.areaIds, areaNames: old.areaNames, areaParents: old.areaParents },
    ),
  );
}
