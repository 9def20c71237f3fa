import { compareIds } from '../compareIds';
import { SECTORS } from '../../model';
import { sectorIndex } from './sectorMixing';
import type { PartnerSectorCounts } from './blau';

const K = SECTORS.length;
const CITIZEN = sectorIndex('CITIZEN');

/**
 * Each actor of a scope's network with its distinct partners per sector, in
 * flat arrays: the counts diversity is computed from, whichever engine made
 * them. Rows [0, members) are the scope's actors; with TOUCHING the partners
 * outside the area follow, each counting the scope actors tied to it as its
 * partners. `rank` orders the rows by id (any increasing numbers do), so ties
 * in a ranking break by id without comparing strings.
 *
 * A table of a 10k-actor city is four arrays; the rows of the same counts as
 * objects (one per actor, each with its own array) cost more to build and to
 * collect than the measure itself.
 */
export class PartnerTable {
  /** Row r's distinct partners, N. */
  readonly partners: Int32Array;
  /** Row r's Σ n_k² over its partners' sectors: Blau's index is 1 − S/N². */
  readonly squares: Float64Array;

  private named: readonly string[] | null = null;

  constructor(
    /** Row r's actor id. */
    readonly idOf: (row: number) => string,
    readonly rows: number,
    readonly sectors: Uint8Array,
    /** Row r's partners of sector s at r·K + s (K = SECTORS.length). */
    readonly counts: Int32Array,
    readonly members: number,
    readonly rank: Int32Array,
  ) {
    this.partners = new Int32Array(rows);
    this.squares = new Float64Array(rows);
    for (let r = 0; r < rows; r += 1) {
      for (let s = r * K; s < r * K + K; s += 1) {
        this.partners[r] += counts[s];
        this.squares[r] += counts[s] * counts[s];
      }
    }
  }

  /**
   * Whether row a comes before row b in the ranking of diversity: most diverse
   * first, comparing the exact fractions 1 − S/N² (as compareBlau does, without
   * the rounding noise of the floats), an empty set last, then by id.
   */
  before(a: number, b: number): boolean {
    const na = this.partners[a];
    const nb = this.partners[b];
    if (na === 0 || nb === 0) return na !== 0 || (nb === 0 && this.rank[a] < this.rank[b]);
    // a is more diverse when S_a/N_a² < S_b/N_b², i.e. S_a·N_b² < S_b·N_a².
    let difference: number;
    if ((na * nb) ** 2 <= Number.MAX_SAFE_INTEGER) difference = this.squares[a] * nb * nb - this.squares[b] * na * na;
    else difference = Number(BigInt(this.squares[a]) * BigInt(nb) ** 2n - BigInt(this.squares[b]) * BigInt(na) ** 2n);
    return difference < 0 || (difference === 0 && this.rank[a] < this.rank[b]);
  }

  /**
   * The first `first` rows of the ranking as a caller sees it: rows whose index
   * is withheld sort last, with the empty sets, by id (so a row's place does not
   * bound its value). One pass keeping the best `first`: a page of a city's
   * ranking without sorting the city.
   */
  top(first: number, withheld: (row: number) => boolean): number[] {
    if (first <= 0) return [];
    const ranked: number[] = [];
    const last: number[] = [];
    for (let r = 0; r < this.rows; r += 1) {
      if (this.partners[r] > 0 && !withheld(r)) keepBest(ranked, r, first, (a, b) => this.before(a, b));
      else if (ranked.length < first) keepBest(last, r, first, (a, b) => this.rank[a] < this.rank[b]);
    }
    return [...ranked, ...last].slice(0, first);
  }

  /** Every row's id, in row order (named once, when asked). */
  get ids(): readonly string[] {
    this.named ??= Array.from({ length: this.rows }, (_, row) => this.idOf(row));
    return this.named;
  }

  countsOf(row: number): Int32Array {
    return this.counts.subarray(row * K, row * K + K);
  }

  /** The fewest citizens among any row's partners, rows without citizen partners aside (0 when none has any). */
  get fewestCitizenPartners(): number {
    let fewest = 0;
    for (let at = CITIZEN; at < this.counts.length; at += K) {
      const citizens = this.counts[at];
      if (citizens > 0 && (fewest === 0 || citizens < fewest)) fewest = citizens;
    }
    return fewest;
  }

  /** Citizens among row r's partners: what decides whether its index is withheld. */
  citizenPartners(row: number): number {
    return this.counts[row * K + CITIZEN];
  }

  /** Every end of every tie is counted once in some row, so the ties are half of all counts. */
  get tieCount(): number {
    let ends = 0;
    for (let at = 0; at < this.counts.length; at += 1) ends += this.counts[at];
    return ends / 2;
  }

  /** From the rows of analytics/partnerSectorCounts (the Cypher engine). */
  static fromRows(rows: readonly PartnerSectorCounts[]): PartnerTable {
    const ids = rows.map((row) => row.id);
    const outsideRow = new Map<string, number>();
    for (const row of rows) {
      for (const outsideId of row.outsideIds) {
        if (!outsideRow.has(outsideId)) outsideRow.set(outsideId, ids.push(outsideId) - 1);
      }
    }
    const sectors = new Uint8Array(ids.length);
    const counts = new Int32Array(ids.length * K);
    rows.forEach((row, r) => {
      sectors[r] = sectorIndex(row.sector);
      for (let s = 0; s < K; s += 1) counts[r * K + s] = row.counts[s];
      for (const outsideId of row.outsideIds) counts[(outsideRow.get(outsideId) as number) * K + sectors[r]] += 1;
    });
    // An outsider's own sector is not known here and is never read: its rows only have counts.
    const byId = ids.map((_, r) => r).sort((a, b) => compareIds(ids[a], ids[b]));
    const rank = new Int32Array(ids.length);
    byId.forEach((r, position) => (rank[r] = position));
    return new PartnerTable((row) => ids[row], ids.length, sectors, counts, rows.length, rank);
  }

  /**
   * The citizens of the network and their partners per sector, when every actor
   * has a row of its own (no outside partners); null otherwise, when an outside
   * partner's sector is unknown here (see citizenBasis.ts).
   */
  citizenBasis(): { citizens: number; citizenTies: number[] } | null {
    if (this.rows > this.members) return null;
    const citizenTies = SECTORS.map(() => 0);
    let citizens = 0;
    for (let r = 0; r < this.members; r += 1) {
      if (this.sectors[r] !== CITIZEN) continue;
      citizens += 1;
      for (let s = 0; s < K; s += 1) citizenTies[s] += this.counts[r * K + s];
    }
    // A pair of two citizens was counted from both ends.
    citizenTies[CITIZEN] /= 2;
    return { citizens, citizenTies };
  }
}

/** Inserts `row` into `best` (ordered by `before`, at most `size` long) when it belongs there. */
function keepBest(best: number[], row: number, size: number, before: (a: number, b: number) => boolean): void {
  if (best.length === size && !before(row, best[size - 1])) return;
  let low = 0;
  let high = best.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(best[middle], row)) low = middle + 1;
    else high = middle;
  }
  best.splice(low, 0, row);
  if (best.length > size) best.pop();
}
