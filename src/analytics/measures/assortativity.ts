import { SECTORS } from '../../model';
import type { SectorMixing } from './sectorMixing';

export interface AssortativityResult {
  coefficient: number | null;
  reason: string | null;
  /** Newman's modularity of the sector partition; null without ties. */
  sectorModularity: number | null;
}

/**
 * Newman's attribute assortativity r = (Σ e_kk − Σ a_k²) / (1 − Σ a_k²), as
 * networkx.attribute_assortativity_coefficient computes it for an undirected
 * graph: the mixing matrix e counts every tie in both directions, normalised to
 * sum 1, and a_k is the share of tie ends in sector k. Isolates add nothing.
 * Undefined when every tie end is in one sector (numerator and denominator are
 * both 0; NetworkX gives NaN) and without ties (the mixing matrix is empty;
 * NetworkX 3.x then returns 0.0 from an empty array, which means nothing).
 *
 * Beside it, the modularity of the partition of actors by sector,
 * Q = Σ_k (e_kk − a_k²): r's numerator, the share of ties within sectors minus
 * the share expected if tie ends met at random. It equals
 * networkx.algorithms.community.modularity(G, sectors) at resolution 1
 * (Σ_k [L_k/m − (D_k/2m)²], with e_kk = L_k/m and a_k = D_k/2m). It is defined,
 * 0, where r is 0/0 (all ties in one sector), and null without ties (m = 0).
 */
export function assortativity(mixing: SectorMixing): AssortativityResult {
  const ends = 2 * mixing.totalTies;
  if (ends === 0) {
    return { coefficient: null, reason: 'The scope has no ties, so the mixing matrix is empty and r is undefined.', sectorModularity: null };
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
  const sectorModularity = trace - sumSquares;
  const sectorsWithEnds = SECTORS.filter((_, k) => mixing.ties[k].some((count) => count > 0));
  if (sectorsWithEnds.length < 2) {
    return {
      coefficient: null,
      reason: `Every tie in the scope joins actors of one sector (${sectorsWithEnds.join(', ')}), so r is 0/0 and undefined (NetworkX returns NaN).`,
      sectorModularity,
    };
  }
  return { coefficient: sectorModularity / (1 - sumSquares), reason: null, sectorModularity };
}
