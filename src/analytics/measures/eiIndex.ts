import { SECTORS, type Sector } from '../../model';
import { internalExternal, type SectorMixing } from './sectorMixing';

export interface EIValue {
  external: number;
  internal: number;
  value: number | null;
  reason: string | null;
}

export interface EIIndexResult {
  overall: EIValue;
  bySector: Array<{ sector: Sector; index: EIValue }>;
  expected: number | null;
  expectedReason: string | null;
}

/** (E − I)/(E + I), or null with the reason when there is no tie to count. */
export function eiValue(external: number, internal: number, whose: string): EIValue {
  if (external + internal === 0) {
    return { external, internal, value: null, reason: `${whose} no ties in this scope, so E-I (E − I)/(E + I) is undefined (0/0).` };
  }
  return { external, internal, value: (external - internal) / (external + internal), reason: null };
}

/**
 * The E-I index expected when ties fall at random between actors, given the
 * sector sizes: every possible pair is equally likely, so E and I are in the
 * proportion of possible between-sector pairs Pe = Σ_{k<l} nk·nl to possible
 * within-sector pairs Pi = Σ nk(nk−1)/2.
 */
export function expectedEI(sizes: readonly number[]): { expected: number | null; expectedReason: string | null } {
  let within = 0;
  let between = 0;
  for (let k = 0; k < sizes.length; k += 1) {
    within += (sizes[k] * (sizes[k] - 1)) / 2;
    for (let l = k + 1; l < sizes.length; l += 1) between += sizes[k] * sizes[l];
  }
  if (within + between === 0) {
    return { expected: null, expectedReason: 'The scope has fewer than two actors, so no pair is possible and the expected E-I is undefined.' };
  }
  return { expected: (between - within) / (between + within), expectedReason: null };
}

/**
 * Krackhardt–Stern E-I index: overall, and for each sector present (at least
 * one actor), where a sector's E is its ties to other sectors and I the ties
 * among its own members. Each pair is one tie, however many ties join it.
 */
export function eiIndex(mixing: SectorMixing): EIIndexResult {
  const { internal, external } = internalExternal(mixing);
  const bySector: EIIndexResult['bySector'] = [];
  SECTORS.forEach((sector, k) => {
    if (mixing.sizes[k] === 0) return;
    let sectorExternal = 0;
    for (let l = 0; l < SECTORS.length; l += 1) if (l !== k) sectorExternal += mixing.ties[k][l];
    bySector.push({ sector, index: eiValue(sectorExternal, mixing.ties[k][k], `The sector ${sector} has`) });
  });
  return { overall: eiValue(external, internal, 'The network has'), bySector, ...expectedEI(mixing.sizes) };
}
