/**
 * The sectors as the page shows them: Swedish label with the English one, and the
 * colour from the service's palette (src/visualisation/sectorColours.ts, bundled in).
 */
import { SECTOR_COLOURS } from '../../../src/visualisation/sectorColours';

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

export const TIE_KINDS = ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'] as const;

export function sectorLabel(sector: string): string {
  return (SECTOR_LABELS as Record<string, string>)[sector] ?? sector;
}

/** The service's one palette, so a sector looks the same here and in a GEXF opened in Gephi. */
export function sectorColour(sector: string): string {
  return (SECTOR_COLOURS as Record<string, string>)[sector] ?? '#777777';
}
