import { SECTORS, type Sector } from '../../model';
import type { SectorMixing } from './sectorMixing';

export interface SectorMatrixCell {
  sectorA: Sector;
  sectorB: Sector;
  ties: number;
  possiblePairs: number;
  density: number | null;
}

export interface SectorMatrixResult {
  sectors: Array<{ sector: Sector; actors: number }>;
  cells: SectorMatrixCell[];
  totalTies: number;
}

/** Pairs of actors that could be tied: nA·nB between two sectors, nA(nA−1)/2 within one. */
export function possiblePairs(sizeA: number, sizeB: number, sameSector: boolean): number {
  return sameSector ? (sizeA * (sizeA - 1)) / 2 : sizeA * sizeB;
}

/**
 * The upper triangle (sectorA <= sectorB in enum order) of the symmetric
 * sector × sector matrix, with each cell's density; all five sectors are listed,
 * empty ones too.
 */
export function sectorMatrix(mixing: SectorMixing): SectorMatrixResult {
  const cells: SectorMatrixCell[] = [];
  for (let a = 0; a < SECTORS.length; a += 1) {
    for (let b = a; b < SECTORS.length; b += 1) {
      const possible = possiblePairs(mixing.sizes[a], mixing.sizes[b], a === b);
      const ties = mixing.ties[a][b];
      cells.push({ sectorA: SECTORS[a], sectorB: SECTORS[b], ties, possiblePairs: possible, density: possible > 0 ? ties / possible : null });
    }
  }
  return {
    sectors: SECTORS.map((sector, index) => ({ sector, actors: mixing.sizes[index] })),
    cells,
    totalTies: mixing.totalTies,
  };
}
