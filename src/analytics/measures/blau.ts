import { compareIds } from '../compareIds';
import { SECTORS, type Sector } from '../../model';

export interface BlauIndex {
  value: number | null;
  normalised: number | null;
  count: number;
}

/** Blau's 1 − Σ pₖ² at its largest, with all five sectors equally present: 1 − 1/K. */
export const MAX_BLAU = 1 - 1 / SECTORS.length;

/** Blau's index of counts per sector (in SECTORS order); null for an empty set. */
export function blau(counts: ArrayLike<number>): BlauIndex {
  let count = 0;
  for (let s = 0; s < counts.length; s += 1) count += counts[s];
  if (count === 0) return { value: null, normalised: null, count };
  let concentration = 0;
  for (let s = 0; s < counts.length; s += 1) concentration += (counts[s] / count) ** 2;
  const value = 1 - concentration;
  return { value, normalised: value / MAX_BLAU, count };
}

/** What an ordering needs of a Blau index: its value and the size of its set (both null when withheld). */
export interface BlauOrderKey {
  value: number | null;
  count: number | null;
}

/**
 * Σ n_k² of the counts behind an index: value = 1 − Σ n_k²/N², so (1 − value)·N²
 * is that integer up to rounding noise of about N²·1e-16, far below ½ for any
 * set under ten million members.
 */
const sumOfSquares = (value: number, count: number): number => Math.round((1 - value) * count * count);

/**
 * Compares two Blau indices as the exact fractions they are, 1 − S/N²: most
 * diverse first, an empty or withheld set (value null) last, equal indices 0.
 * Floating point alone would not do: 2/3 from counts 1,1,1 is 0.6666666666666667
 * and from 3,1,1,1 it is 0.6666666666666666, and the documented tie-break by id
 * would then never be reached.
 */
export function compareBlau(a: BlauOrderKey, b: BlauOrderKey): number {
  const aEmpty = a.value === null || !a.count;
  const bEmpty = b.value === null || !b.count;
  if (aEmpty || bEmpty) return Number(aEmpty) - Number(bEmpty);
  const aCount = a.count as number;
  const bCount = b.count as number;
  // a is more diverse when S_a/N_a² < S_b/N_b², i.e. S_a·N_b² < S_b·N_a².
  const aSquares = sumOfSquares(a.value as number, aCount);
  const bSquares = sumOfSquares(b.value as number, bCount);
  if ((aCount * bCount) ** 2 <= Number.MAX_SAFE_INTEGER) return Math.sign(aSquares * bCount * bCount - bSquares * aCount * aCount);
  const difference = BigInt(aSquares) * BigInt(bCount) ** 2n - BigInt(bSquares) * BigInt(aCount) ** 2n;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The order of every list of Blau indices: most diverse first (compareBlau), empty sets last, then by key. */
export function byDiversity<T>(indexOf: (item: T) => BlauOrderKey, keyOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareBlau(indexOf(a), indexOf(b)) || compareIds(keyOf(a), keyOf(b));
}

export interface AreaDiversityRow {
  areaId: string;
  actors: BlauIndex;
}

/** One actor's partners per sector (SECTORS order), as analytics/partnerSectorCounts returns them. */
export interface PartnerSectorCounts {
  id: string;
  sector: Sector;
  counts: number[];
  /** With TOUCHING: partners outside the area, who join the network as actors. */
  outsideIds: string[];
}

/** One area's actors per sector (SECTORS order), as analytics/areaSectorCounts returns them. */
export interface AreaSectorCounts {
  id: string;
  name: string;
  counts: number[];
}

/** Blau's index of each area's actors from counts made in the database. */
export function areaDiversityFromCounts(areas: readonly AreaSectorCounts[]): AreaDiversityRow[] {
  return areas.map((area) => ({ areaId: area.id, actors: blau(area.counts) })).sort(byDiversity((row) => row.actors, (row) => row.areaId));
}
