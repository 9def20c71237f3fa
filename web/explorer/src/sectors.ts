/**
 * The sectors as the page shows them: Swedish label with the English one, and the
 * colour. The palette lives here alone so that it becomes a one-line switch to the
 * service's own (src/visualisation/sectorColours.ts) once that exists.
 */
export type Sector = 'CITIZEN' | 'CIVIL_SOCIETY' | 'PRIVATE' | 'PUBLIC' | 'ACADEMIA';

export const SECTORS: readonly Sector[] = ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'];

export const SECTOR_LABELS: Record<Sector, string> = {
  CITIZEN: 'medborgare / citizens',
  CIVIL_SOCIETY: 'civilsamhälle / civil society',
  PRIVATE: 'näringsliv / business',
  PUBLIC: 'offentlig sektor / public sector',
  ACADEMIA: 'akademi / academia',
};

/** The actor kind that fixes each sector (one kind per sector). */
export const SECTOR_KINDS: Record<Sector, string> = {
  CITIZEN: 'CITIZEN',
  CIVIL_SOCIETY: 'ASSOCIATION',
  PRIVATE: 'COMPANY',
  PUBLIC: 'CITY_DEPARTMENT',
  ACADEMIA: 'ACADEMIC_INSTITUTION',
};

/** Colour-blind-safe (Okabe–Ito), distinct on a white background. */
export const SECTOR_COLOURS: Record<Sector, string> = {
  CITIZEN: '#E69F00',
  CIVIL_SOCIETY: '#009E73',
  PRIVATE: '#0072B2',
  PUBLIC: '#D55E00',
  ACADEMIA: '#CC79A7',
};

export const TIE_KINDS = ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'] as const;

export function sectorLabel(sector: string): string {
  return (SECTOR_LABELS as Record<string, string>)[sector] ?? sector;
}

export function sectorColour(sector: string): string {
  return (SECTOR_COLOURS as Record<string, string>)[sector] ?? '#777777';
}
