import { SECTORS, type Sector } from '../../model';

/** The least a pair needs for sector counts: the sectors of its two ends. */
export interface SectorPairEnds {
  sourceSector: Sector;
  targetSector: Sector;
}

/**
 * Ties counted by the sectors of their ends: everything the sector matrix, the
 * E-I index and assortativity need. Indices follow `SECTORS` (the Sector enum's order).
 */
export interface SectorMixing {
  /** Actors per sector, isolates included. */
  sizes: number[];
  /** ties[a][b] = ties[b][a]: distinct pairs between sectors a and b; ties[a][a] pairs within a. */
  ties: number[][];
  /** Distinct pairs in all. */
  totalTies: number;
  /** Actors in all. */
  nodeCount: number;
}

const INDEX_OF_SECTOR = new Map<Sector, number>(SECTORS.map((sector, index) => [sector, index]));

/** The position of a sector in `SECTORS`; a programmer error for anything else. */
export function sectorIndex(sector: Sector): number {
  const index = INDEX_OF_SECTOR.get(sector);
  if (index === undefined) throw new Error(`unknown sector ${String(sector)}`);
  return index;
}

/** Counts actors per sector and pairs per (unordered) sector pair. Each pair is counted once. */
export function sectorMixing(actors: ReadonlyArray<{ sector: Sector }>, pairs: readonly SectorPairEnds[]): SectorMixing {
  const sizes = SECTORS.map(() => 0);
  for (const actor of actors) sizes[sectorIndex(actor.sector)] += 1;
  const ties = SECTORS.map(() => SECTORS.map(() => 0));
  for (const pair of pairs) {
    const a = sectorIndex(pair.sourceSector);
    const b = sectorIndex(pair.targetSector);
    ties[a][b] += 1;
    if (a !== b) ties[b][a] += 1;
  }
  return { sizes, ties, totalTies: pairs.length, nodeCount: actors.length };
}

/** The row of the analytics/sectorMixing statement: the same counts, aggregated in the database. */
export interface SectorMixingCounts {
  sizes: Array<{ sector: Sector; actors: number }>;
  pairs: Array<{ sourceSector: Sector; targetSector: Sector; pairs: number }>;
}

/** Builds the mixing from counts aggregated in the database. */
export function mixingFromCounts(counts: SectorMixingCounts | undefined): SectorMixing {
  const sizes = SECTORS.map(() => 0);
  const ties = SECTORS.map(() => SECTORS.map(() => 0));
  let totalTies = 0;
  for (const { sector, actors } of counts?.sizes ?? []) sizes[sectorIndex(sector)] += actors;
  for (const { sourceSector, targetSector, pairs } of counts?.pairs ?? []) {
    const a = sectorIndex(sourceSector);
    const b = sectorIndex(targetSector);
    ties[a][b] += pairs;
    if (a !== b) ties[b][a] += pairs;
    totalTies += pairs;
  }
  return { sizes, ties, totalTies, nodeCount: sizes.reduce((sum, size) => sum + size, 0) };
}

/** Internal (within-sector) and external (between-sector) pair totals. */
export function internalExternal(mixing: SectorMixing): { internal: number; external: number } {
  let internal = 0;
  for (let a = 0; a < SECTORS.length; a += 1) internal += mixing.ties[a][a];
  return { internal, external: mixing.totalTies - internal };
}
