import { compareIds } from '../compareIds';
import type { Sector } from '../../model';
import { Separation, separatedSectors } from './separation';
import type { NeighbourGraph } from './tieIndex';

export interface BridgeRow {
  sourceId: string;
  targetId: string;
  sectorsOnSourceSide: Sector[];
  sectorsOnTargetSide: Sector[];
  separatedSectors: Sector[];
}

export interface ArticulationPointRow {
  actorId: string;
  componentsAfterRemoval: number;
  sectorsPerPart: Sector[][];
  separatedSectors: Sector[];
}

/**
 * Describes the bridges and articulation points an algorithm found (GDS, by
 * actor id) with the sectors each would separate, read off the scope graph.
 * - A bridge's source is its smaller actor id. Sides are the two parts of its
 *   component once the tie is gone; separatedSectors are those on one side only.
 * - An articulation point's parts are those its component falls into without
 *   it; separatedSectors are present in some part but not in every part.
 * Both lists: most separated sectors first, then bridges by (source, target) id
 * and articulation points by more parts, then id. Ids the scope graph lacks, or
 * that do not separate anything in it, are left out (the data changed between
 * reading the graph and projecting it).
 */
export function describeRisks(
  graph: NeighbourGraph & { indexOf: ReadonlyMap<string, number> },
  bridges: ReadonlyArray<{ source: string; target: string }>,
  articulationPoints: readonly string[],
  separation: Separation = new Separation(graph),
): { bridges: BridgeRow[]; articulationPoints: ArticulationPointRow[] } {
  const bridgeRows: BridgeRow[] = [];
  for (const bridge of bridges) {
    const [sourceId, targetId] = bridge.source < bridge.target ? [bridge.source, bridge.target] : [bridge.target, bridge.source];
    const source = graph.indexOf.get(sourceId);
    const target = graph.indexOf.get(targetId);
    const sides = source === undefined || target === undefined ? null : separation.bridgeSides(source, target);
    if (!sides) continue;
    bridgeRows.push({
      sourceId,
      targetId,
      sectorsOnSourceSide: sides.uSide,
      sectorsOnTargetSide: sides.vSide,
      separatedSectors: separatedSectors([sides.uSide, sides.vSide]),
    });
  }
  bridgeRows.sort((a, b) => b.separatedSectors.length - a.separatedSectors.length || compareIds(a.sourceId, b.sourceId) || compareIds(a.targetId, b.targetId));
  const pointRows: ArticulationPointRow[] = [];
  for (const actorId of articulationPoints) {
    const index = graph.indexOf.get(actorId);
    const parts = index === undefined ? [] : separation.partsWithout(index);
    if (parts.length < 2) continue;
    pointRows.push({ actorId, componentsAfterRemoval: parts.length, sectorsPerPart: parts, separatedSectors: separatedSectors(parts) });
  }
  pointRows.sort(
    (a, b) =>
      b.separatedSectors.length - a.separatedSectors.length || b.componentsAfterRemoval - a.componentsAfterRemoval || compareIds(a.actorId, b.actorId),
  );
  return { bridges: bridgeRows, articulationPoints: pointRows };
}


/**
 * The structural risks of a scope graph, found in the service: one depth-first
 * search gives the bridges, the articulation points and the sectors each would
 * separate (O(n + m); a GDS projection of a city's network took seconds for the same).
 */
export function structuralRisksOf(graph: NeighbourGraph & { indexOf: ReadonlyMap<string, number> }): { bridges: BridgeRow[]; articulationPoints: ArticulationPointRow[] } {
  const separation = new Separation(graph);
  const idOf = (index: number) => graph.actors[index].id;
  const bridges = separation.bridges().map(([source, target]) => ({ source: idOf(source), target: idOf(target) }));
  return describeRisks(graph, bridges, separation.articulationPoints().map(idOf), separation);
}
