import { SECTORS, type Sector } from '../../model';
import type { ScopeGraph } from '../scopeGraph';
import { sectorIndex } from './sectorMixing';

export interface BlauIndex {
  value: number | null;
  normalised: number | null;
  count: number;
}

/** Blau's 1 − Σ pₖ² at its largest, with all five sectors equally present: 1 − 1/K. */
export const MAX_BLAU = 1 - 1 / SECTORS.length;

/** Blau's index of counts per sector (in SECTORS order); null for an empty set. */
export function blau(counts: readonly number[]): BlauIndex {
  const count = counts.reduce((sum, value) => sum + value, 0);
  if (count === 0) return { value: null, normalised: null, count };
  let concentration = 0;
  for (const value of counts) concentration += (value / count) ** 2;
  const value = 1 - concentration;
  return { value, normalised: value / MAX_BLAU, count };
}

/** Counts per sector of a list of sectors. */
export function sectorCounts(sectors: Iterable<Sector>): number[] {
  const counts = SECTORS.map(() => 0);
  for (const sector of sectors) counts[sectorIndex(sector)] += 1;
  return counts;
}

/** Most diverse first; an empty set (null) last; then by key. */
export function byDiversity<T>(valueOf: (item: T) => number | null, keyOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const va = valueOf(a) ?? -1;
    const vb = valueOf(b) ?? -1;
    if (va !== vb) return vb - va;
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

export interface ActorDiversityRow {
  actorId: string;
  partners: BlauIndex;
}

/** Blau's index of each actor's partners' sectors; an isolate has an empty set (null). */
export function actorDiversity(graph: Pick<ScopeGraph, 'actors' | 'neighbours'>): ActorDiversityRow[] {
  const rows = graph.actors.map((actor, index) => ({
    actorId: actor.id,
    partners: blau(sectorCounts(graph.neighbours[index].map((partner) => graph.actors[partner].sector))),
  }));
  return rows.sort(byDiversity((row) => row.partners.value, (row) => row.actorId));
}

/** The actors of an area, its sub-areas included, as the areaMembers statement returns them. */
export interface AreaMembers {
  id: string;
  name: string;
  members: Array<{ id: string; sector: Sector }>;
}

export interface AreaDiversityRow {
  areaId: string;
  actors: BlauIndex;
}

/** Blau's index of each area's actors' sectors; an area without actors has an empty set (null). */
export function areaDiversity(areas: readonly AreaMembers[]): AreaDiversityRow[] {
  const rows = areas.map((area) => ({ areaId: area.id, actors: blau(sectorCounts(area.members.map((member) => member.sector))) }));
  return rows.sort(byDiversity((row) => row.actors.value, (row) => row.areaId));
}
