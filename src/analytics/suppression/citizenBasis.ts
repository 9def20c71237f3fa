import { SECTORS, type Sector } from '../../model';
import { sectorIndex, sectorMixing, type SectorMixing, type SectorPairEnds } from '../measures/sectorMixing';
import type { ResponseSuppression } from './suppressor';

export const CITIZEN = sectorIndex('CITIZEN');

/**
 * The citizen counts of a scope's network that its figures rest on, kept with
 * the cached result (not sent to clients) so that each caller's view can be
 * derived from the unsuppressed value.
 */
export interface CitizenBasis {
  /** Citizens in the analysed network. */
  citizens: number;
  /** In SECTORS order: pairs with a citizen at one end and that sector at the other (at CITIZEN: both ends citizens). */
  citizenTies: number[];
}

export function basisOfMixing(mixing: SectorMixing): CitizenBasis {
  return { citizens: mixing.sizes[CITIZEN], citizenTies: [...mixing.ties[CITIZEN]] };
}

export function basisOfGraph(graph: { actors: ReadonlyArray<{ sector: Sector }>; pairs: readonly SectorPairEnds[] }): CitizenBasis {
  return basisOfMixing(sectorMixing(graph.actors, graph.pairs));
}

/** What a result carries, unseen by clients, for suppression. */
export interface WithCitizenBasis {
  citizenBasis: CitizenBasis;
}

/**
 * Which of the scope's figures this response withholds. Every figure that
 * depends on a withheld count is withheld with it, in every field of the same
 * scope, so that no field's figures and another's together give a count back:
 * - nodeCount (and anything resting on the number of citizens) when the citizens are few;
 * - the citizen–sector tie count of a sector (`cell`) when it is small;
 * - tieCount (and any total over all ties) when any of those cells is withheld,
 *   since the total minus the cells shown would give it back.
 */
export interface ScopeWithholding {
  citizens: boolean;
  /** In SECTORS order. */
  cell: boolean[];
  /** Any cell. */
  ties: boolean;
  /** Any cell other than CITIZEN–CITIZEN: totals of cross-sector ties. */
  crossTies: boolean;
}

export function scopeWithholding(record: ResponseSuppression, basis: CitizenBasis): ScopeWithholding {
  const citizens = record.withholds(basis.citizens);
  const cell = SECTORS.map((_, l) => record.withholds(basis.citizenTies[l]));
  return { citizens, cell, ties: cell.some(Boolean), crossTies: cell.some((withheld, l) => withheld && l !== CITIZEN) };
}
