import type { CollaborationIndex } from '../../../src/analytics/collaborationIndex/collaborationIndex';

/**
 * An index as plain data that does not depend on the order rows arrived in:
 * actors in number order, each area's memberships and each actor's adjacency
 * entries sorted. Two indexes of the same graph give equal forms.
 */
export function canonicalIndex(index: CollaborationIndex) {
  const key = (values: Array<number | string>) => values.join('|');
  return {
    tieCount: index.tieCount,
    actors: index.actorIds.map((id, actor) =>
      key([id, index.actorNames[actor], index.actorSector[actor], index.actorKind[actor], index.actorSynthetic[actor], index.actorRegisteredBy[actor] ?? ''])),
    areas: index.areaIds.map((id, area) => ({
      area: key([id, index.areaNames[area], index.areaLevels[area], String(index.areaSynthetic[area]), ...[...index.areaChildren[area]].sort((a, b) => a - b)]),
      members: Array.from({ length: index.memberStart[area + 1] - index.memberStart[area] }, (_, offset) => {
        const at = index.memberStart[area] + offset;
        return key([index.memberActor[at], index.memberSince[at], index.memberUntil[at]]);
      }).sort(),
    })),
    adjacency: index.actorIds.map((_, actor) =>
      Array.from({ length: index.adjStart[actor + 1] - index.adjStart[actor] }, (__, offset) => {
        const at = index.adjStart[actor] + offset;
        return key([index.adjOther[at], index.adjKind[at], index.adjStrength[at], index.adjSince[at], index.adjUntil[at], index.adjTieId[at], index.adjOutgoing[at]]);
      }).sort(),
    ),
  };
}
