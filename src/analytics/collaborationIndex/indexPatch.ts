import { compareIds } from '../compareIds';
import { CollaborationIndex } from './collaborationIndex';
import { actorColumnsInOrder, binarySearchId, ColumnBuilder, lookupOrThrow, type ActorColumns, type ActorIndexRow, type MembershipRow, type TieRow } from './indexColumns';

/**
 * What the database holds now for the actors some writes touched: the rows of
 * those that still exist, all their memberships, and every tie with at least one
 * end among them (each once).
 */
export interface TouchedRows {
  /** Every touched actor id, whether or not it still exists. */
  actorIds: ReadonlySet<string>;
  actors: ReadonlyArray<ActorIndexRow>;
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
  const fresh = actorColumnsInOrder([...touched.actors].sort((a, b) => compareIds(a.id, b.id)));
  const oldCount = old.actorCount;
  // Merge the kept old actors (already in id order) with the fresh ones: column positions, then the columns.
  const newOf = new Int32Array(oldCount).fill(-1);
  const picks: Array<{ from: ActorColumns; at: number }> = [];
  let next = 0;
  for (let actor = 0; actor <= oldCount; actor += 1) {
    const id = actor < oldCount ? old.actorIds[actor] : null;
    while (next < fresh.actorIds.length && (id === null || compareIds(fresh.actorIds[next], id) <= 0)) picks.push({ from: fresh, at: next++ });
    if (id === null || touched.actorIds.has(id)) continue;
    newOf[actor] = picks.length;
    picks.push({ from: old, at: actor });
  }
  const actors: ActorColumns = {
    actorIds: picks.map(({ from, at }) => from.actorIds[at]),
    actorNames: picks.map(({ from, at }) => from.actorNames[at]),
    actorSector: Uint8Array.from(picks, ({ from, at }) => from.actorSector[at]),
    actorKind: Uint8Array.from(picks, ({ from, at }) => from.actorKind[at]),
    actorSynthetic: Uint8Array.from(picks, ({ from, at }) => from.actorSynthetic[at]),
    actorRegisteredBy: picks.map(({ from, at }) => from.actorRegisteredBy[at]),
  };
  const actorIds = actors.actorIds;

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
    for (let at = old.adjStart[actor]; at < old.adjStart[actor + 1]; at += 1) {
      // Each tie once, from its stored start, so that it keeps its direction.
      if (!old.adjOutgoing[at] || newOf[old.adjOther[at]] < 0) continue;
      builder.tieNumbers(newOf[actor], newOf[old.adjOther[at]], old.adjKind[at], old.adjStrength[at], old.adjSince[at], old.adjUntil[at], old.adjTieId[at]);
    }
  }
  for (const tie of touched.ties) builder.tie(tie);
  return new CollaborationIndex(
    version,
    builder.columns(
      actors,
      { areaIds: old.areaIds, areaNames: old.areaNames, areaParents: old.areaParents, areaLevels: old.areaLevels, areaSynthetic: old.areaSynthetic },
    ),
  );
}
