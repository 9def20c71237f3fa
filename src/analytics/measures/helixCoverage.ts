import { SECTORS, type Sector } from '../../model';
import { sectorIndex } from './sectorMixing';

/** The actors of an area, its sub-areas included, as the areaMembers statement returns them. */
export interface AreaMembers {
  id: string;
  name: string;
  members: Array<{ id: string; sector: Sector }>;
}

export interface SectorPair {
  sectorA: Sector;
  sectorB: Sector;
}

export interface AreaHelixCoverageRow {
  areaId: string;
  name: string;
  sectorsPresent: Sector[];
  connectedPairs: SectorPair[];
  missingPairs: SectorPair[];
  coverage: number | null;
  rank: number;
}

/** The least a tie needs here: its two ends. */
export interface PairEnds {
  source: string;
  target: string;
}

/**
 * For each area: the sectors with an actor in it (sub-areas included), and
 * which pairs of those sectors are joined by at least one tie with both ends
 * in the area. coverage = connected pairs ÷ C(present, 2), null with fewer than
 * two sectors present. Ranked by coverage (null last), then connected pairs,
 * then name and id.
 */
export function helixCoverage(areas: readonly AreaMembers[], pairs: readonly PairEnds[]): AreaHelixCoverageRow[] {
  const sectorOf = new Map<string, number>();
  const areasOf = new Map<string, number[]>();
  const present = areas.map(() => SECTORS.map(() => false));
  areas.forEach((area, areaIndex) => {
    for (const member of area.members) {
      const k = sectorIndex(member.sector);
      sectorOf.set(member.id, k);
      present[areaIndex][k] = true;
      const list = areasOf.get(member.id);
      if (list) list.push(areaIndex);
      else areasOf.set(member.id, [areaIndex]);
    }
  });
  // connected[area][a * K + b] for a < b: a tie of that sector pair lies in the area.
  const connected = areas.map(() => new Set<number>());
  for (const pair of pairs) {
    const sourceAreas = areasOf.get(pair.source);
    const targetAreas = areasOf.get(pair.target);
    if (!sourceAreas || !targetAreas) continue;
    const a = sectorOf.get(pair.source) as number;
    const b = sectorOf.get(pair.target) as number;
    if (a === b) continue;
    const key = Math.min(a, b) * SECTORS.length + Math.max(a, b);
    for (const areaIndex of sourceAreas) if (targetAreas.includes(areaIndex)) connected[areaIndex].add(key);
  }
  return coverageRows(areas, present, connected);
}

/**
 * The ranked rows from what each area holds: `present[area][k]` whether sector k
 * has an actor in it, `connected[area]` the sector pairs (a * K + b, a < b)
 * joined by a tie inside it. Shared by the measure above and the index's own.
 */
export function coverageRows(areas: ReadonlyArray<{ id: string; name: string }>, present: ReadonlyArray<ArrayLike<boolean | number>>, connected: ReadonlyArray<ReadonlySet<number>>): AreaHelixCoverageRow[] {
  const rows = areas.map((area, areaIndex) => {
    const sectorsPresent = SECTORS.filter((_, k) => present[areaIndex][k]);
    const connectedPairs: SectorPair[] = [];
    const missingPairs: SectorPair[] = [];
    for (let a = 0; a < SECTORS.length; a += 1) {
      for (let b = a + 1; b < SECTORS.length; b += 1) {
        if (!present[areaIndex][a] || !present[areaIndex][b]) continue;
        const pair = { sectorA: SECTORS[a], sectorB: SECTORS[b] };
        (connected[areaIndex].has(a * SECTORS.length + b) ? connectedPairs : missingPairs).push(pair);
      }
    }
    const possible = (sectorsPresent.length * (sectorsPresent.length - 1)) / 2;
    const coverage = possible > 0 ? connectedPairs.length / possible : null;
    return { areaId: area.id, name: area.name, sectorsPresent, connectedPairs, missingPairs, coverage, rank: 0 };
  });
  return rankAreas(rows);
}

/** Ranks rows by coverage (null last), then connected pairs, then name and id; rank is 1-based. Also ranks a caller's suppressed view. */
export function rankAreas<T extends Pick<AreaHelixCoverageRow, 'areaId' | 'name' | 'connectedPairs' | 'coverage'>>(rows: readonly T[]): Array<T & { rank: number }> {
  return [...rows]
    .sort(
      (x, y) =>
        (y.coverage ?? -1) - (x.coverage ?? -1) ||
        y.connectedPairs.length - x.connectedPairs.length ||
        x.name.localeCompare(y.name, 'sv') ||
        (x.areaId < y.areaId ? -1 : x.areaId > y.areaId ? 1 : 0),
    )
    .map((row, index) => ({ ...row, rank: index + 1 }));
}
