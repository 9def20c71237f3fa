import type { Sector } from '../model';

/**
 * The one sector palette: the explorer draws with it and the exports write it
 * (GEXF viz colours), so a sector looks the same in the browser and in Gephi.
 * Okabe–Ito, safe for the common colour-vision deficiencies, distinct on white.
 */
export const SECTOR_COLOURS: Readonly<Record<Sector, string>> = {
  CITIZEN: '#E69F00',
  CIVIL_SOCIETY: '#009E73',
  PRIVATE: '#0072B2',
  PUBLIC: '#D55E00',
  ACADEMIA: '#CC79A7',
};

/** Ties within one sector are drawn light, ties across sectors strong. */
export const TIE_COLOURS = { withinSector: '#C8C8C8', acrossSectors: '#333333' } as const;

/** `#RRGGBB` → its red, green and blue (GEXF 1.3 readers that want r/g/b rather than hex). */
export function rgbOf(hex: string): { r: number; g: number; b: number } {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}
