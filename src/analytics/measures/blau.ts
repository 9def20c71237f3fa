import { compareIds } from '../compareIds';
import { SECTORS, type Sector } from '../../model';
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

/** Most diverse first; an empty set (null) last; then by key. */
export function byDiversity<T>(valueOf: (item: T) => number | null, keyOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const va = valueOf(a) ?? -1;
    const vb = valueOf(b) ?? -1;
    if (va !== vb) return vb - va;
    return compareIds(keyOf(a), keyOf(b));
  };
}

export interface ActorDiversityRow {
  actorId: string;
  partners: BlauIndex;
}

export interface AreaDiversityRow {
  areaId: string;
  actors: BlauIndex;
}

/** One actor's partners per sector (SECTORS order), as analytics/partnerSectorCounts returns them. */
export interface PartnerSectorCounts {
  id: string;
  sector: Sector;
  counts: number[];
  /** With TOUCHING: partners outside the area, who join the network as actors. */
  outsideIds: string[];
}

/**
 * Blau's index of each actor's partners from counts made in the database. An
 * outside partner's own partners are the scope actors tied to it, so its counts
 * are gathered from the rows that name it.
 */
export function actorDiversityFromCounts(rows: readonly PartnerSectorCounts[]): { rows: ActorDiversityRow[]; nodeCount: number; tieCount: number } {
  const outsiders = new Map<string, number[]>();
  let degreeSum = 0;
  for (const row of rows) {
    degreeSum += row.counts.reduce((sum, value) => sum + value, 0);
    for (const outsideId of row.outsideIds) {
      const counts = outsiders.get(outsideId) ?? SECTORS.map(() => 0);
      counts[sectorIndex(row.sector)] += 1;
      outsiders.set(outsideId, counts);
    }
  }
  const all = [
    ...rows.map((row) => ({ actorId: row.id, partners: blau(row.counts) })),
    ...[...outsiders].map(([actorId, counts]) => ({ actorId, partners: blau(counts) })),
  ];
  // Every tie has two ends: both among the rows inside the scope, or one in the
  // rows and one in an outsider's counts.
  let outsideDegreeSum = 0;
  for (const counts of outsiders.values()) outsideDegreeSum += counts.reduce((sum, value) => sum + value, 0);
  const tieCount = (degreeSum + outsideDegreeSum) / 2;
  return { rows: all.sort(byDiversity((row) => row.partners.value, (row) => row.actorId)), nodeCount: all.length, tieCount };
}

/** One area's actors per sector (SECTORS order), as analytics/areaSectorCounts returns them. */
export interface AreaSectorCounts {
  id: string;
  name: string;
  counts: number[];
}

/** Blau's index of each area's actors from counts made in the database. */
export function areaDiversityFromCounts(areas: readonly AreaSectorCounts[]): AreaDiversityRow[] {
  return areas.map((area) => ({ areaId: area.id, actors: blau(area.counts) })).sort(byDiversity((row) => row.actors.value, (row) => row.areaId));
}
