import { SECTORS } from '../../model';
import type { SectorMixing } from './sectorMixing';

export interface AssortativityResult {
  coefficient: number | null;
  reason: string | null;
}

/**
 * Newman's attribute assortativity r = (Σ e_kk − Σ a_k²) / (1 − Σ a_k²), as
 * networkx.attribute_assortativity_coefficient computes it for an undirected
 * graph: the mixing matrix e counts every tie in both directions, normalised to
 * sum 1, and a_k is the share of tie ends in sector k. Isolates add nothing.
 * Undefined when every tie end is in one sector (numerator and denominator are
 * both 0; NetworkX gives NaN) and without ties (the mixing matrix is empty;
 * NetworkX 3.x then returns 0.0 from an empty array, which means nothing).
 */
export function assortativity(mixing: SectorMixing): AssortativityResult {
  const ends = 2 * mixing.totalTies;
  if (ends === 0) {
    return { coefficient: null, reason: 'The scope has no ties, so the mixing matrix is empty and r is undefined.' };
  }
  let trace = 0;
  let sumSquares = 0;
  for (let k = 0; k < SECTORS.length; k += 1) {
    trace += (2 * mixing.ties[k][k]) / ends;
    let endsInSector = 2 * mixing.ties[k][k];
    for (let l = 0; l < SECTORS.length; l += 1) if (l !== k) endsInSector += mixing.ties[k][l];
    const share = endsInSector / ends;
    sumSquares += share * share;
  }
  const sectorsWithEnds = SECTORS.filter((_, k) => mixing.ties[k].some((count) => count > 0));
  if (sectorsWithEnds.length < 2) {
    return {
      coefficient: null,
      reason: `Every tie in the scope joins actors of one sector (${sectorsWithEnds.join(', ')}), so r is 0/0 and undefined (NetworkX returns NaN).`,
    };
  }
  return { coefficient: (trace - sumSquares) / (1 - sumSquares), reason: null };
}
