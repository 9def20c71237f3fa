/** The generated ties: how many each neighbourhood plans inside and across, and the Chung–Lu style draw of the collaboration rows. */
import type { CollaborationRow } from '../types';
import type { ActorPopulation } from './actorPopulation';
import type { AreaLayout } from './areaLayout';
import { DATES, LAST_DAY, LAST_SINCE } from './calendar';
import { actorId, collaborationId, initiativeId as initiativeIdOf } from './ids';
import type { InitiativePlan } from './initiativePlan';
import { hash, Rng, STREAM } from './random';
import { CROSS_AFFINITY, LOCAL_SHARE, MAX_CROSS_AFFINITY, MEAN_DEGREE, STRENGTH_CUMULATIVE, TIE_TABLE } from './vocabulary';

export class CollaborationPlan {
  /** Ties planned inside each neighbourhood, and from it to other neighbourhoods. */
  readonly localTarget: number[] = [];
  readonly crossTarget: number[] = [];

  constructor(
    private readonly layout: AreaLayout,
    private readonly population: ActorPopulation,
    private readonly initiatives: InitiativePlan,
    private readonly seed: number,
  ) {
    const { size, neighbourhoods } = layout;
    for (let k = 0; k < neighbourhoods; k += 1) {
      const n = layout.actorsIn(k);
      const planned = (n * MEAN_DEGREE) / 2;
      const cross = neighbourhoods > 1 ? Math.min(Math.round(planned * (1 - LOCAL_SHARE)), Math.floor(0.3 * n * (size - n))) : 0;
      this.crossTarget.push(cross);
      this.localTarget.push(Math.min(Math.round(planned) - cross, Math.floor((0.3 * n * (n - 1)) / 2)));
    }
  }

  get localTies(): number {
    return this.localTarget.reduce((a, b) => a + b, 0);
  }

  get crossTies(): number {
    return this.crossTarget.reduce((a, b) => a + b, 0);
  }

  /**
   * Chung–Lu style ties: both ends drawn in proportion to their activity weight, so
   * degrees inherit the weights' heavy tail. Most ties stay in the neighbourhood; the
   * rest reach the district or the whole city, more often from departments and academia.
   */
  *collaborations(): Generator<CollaborationRow> {
    const { layout, population } = this;
    const { size } = layout;
    let serial = 0;
    const crossSeen = new Set<number>();
    const key = (a: number, b: number) => (a < b ? a * size + b : b * size + a);
    for (let k = 0; k < layout.neighbourhoods; k += 1) {
      const lo = layout.start[k];
      const hi = layout.start[k + 1];
      const local = new Rng(hash(this.seed, STREAM.local, k));
      const localSeen = new Set<number>();
      const localTarget = this.localTarget[k];
      for (let attempt = 0; localSeen.size < localTarget && attempt < localTarget * 20; attempt += 1) {
        const a = population.sample(local, lo, hi);
        const b = population.sample(local, lo, hi);
        if (a === b || localSeen.has(key(a, b))) continue;
        localSeen.add(key(a, b));
        yield this.tie((serial += 1), a, b, local, k);
      }
      // Rarely needed (tiny or saturated neighbourhoods): fill the quota with the nearest unused pairs.
      for (let gap = 1; localSeen.size < localTarget && gap < hi - lo; gap += 1) {
        for (let a = lo; a + gap < hi && localSeen.size < localTarget; a += 1) {
          if (localSeen.has(key(a, a + gap))) continue;
          localSeen.add(key(a, a + gap));
          yield this.tie((serial += 1), a, a + gap, local, k);
        }
      }
      const cross = new Rng(hash(this.seed, STREAM.cross, k));
      const crossTarget = this.crossTarget[k];
      const district = layout.districtRange(layout.districtOf[k]);
      const ownSeen = new Set<number>();
      const accept = (a: number, b: number, seen: Set<number>) => {
        if (b >= lo && b < hi) return false;
        const pair = key(a, b);
        if (seen.has(pair)) return false;
        crossSeen.add(pair);
        ownSeen.add(pair);
        return true;
      };
      for (let attempt = 0; ownSeen.size < crossTarget && attempt < crossTarget * 50; attempt += 1) {
        const a = population.sample(cross, lo, hi);
        if (cross.next() * MAX_CROSS_AFFINITY >= CROSS_AFFINITY[population.kind[a]]) continue;
        const inDistrict = cross.next() < 0.5 && district[1] - district[0] > hi - lo;
        const b = inDistrict ? population.sample(cross, district[0], district[1]) : population.sample(cross, 0, size);
        if (accept(a, b, crossSeen)) yield this.tie((serial += 1), a, b, cross, -1);
      }
      // Tiny cities only: scan pairs in order, first avoiding every earlier cross tie, then only this neighbourhood's own.
      for (const seen of [crossSeen, ownSeen]) {
        for (let a = lo; a < hi && ownSeen.size < crossTarget; a += 1) {
          for (let b = 0; b < size && ownSeen.size < crossTarget; b += 1) {
            if (accept(a, b, seen)) yield this.tie((serial += 1), a, b, cross, -1);
          }
        }
      }
    }
  }

  /** One tie's kind, dates and strength; a local tie (`neighbourhood` >= 0) sometimes belongs to one of its initiatives. */
  private tie(serial: number, a: number, b: number, rng: Rng, neighbourhood: number): CollaborationRow {
    const { population, initiatives } = this;
    const [from, to] = a < b ? [a, b] : [b, a];
    const table = TIE_TABLE[population.kind[a] * 5 + population.kind[b]];
    const ends = [population.end[a], population.end[b]].filter((day) => day > 0);
    const latest = Math.min(LAST_SINCE, ...ends);
    let since = Math.max(population.since[a], population.since[b]);
    let initiativeId: string | null = null;
    if (neighbourhood >= 0 && rng.next() < 0.1) {
      const j = rng.int(initiatives.start[neighbourhood], initiatives.start[neighbourhood + 1] - 1);
      const initiative = initiatives.initiative(j);
      if (initiative.start >= since && initiative.start <= latest) {
        initiativeId = initiativeIdOf(j);
        since = initiative.start;
      }
    }
    if (initiativeId === null && latest > since) since += Math.floor(rng.next() * rng.next() * (latest - since));
    let until: number | null = null;
    if (rng.next() < 0.3) until = since + rng.int(90, 6 * 365);
    if (ends.length > 0) until = Math.min(until ?? Infinity, ...ends);
    if (until !== null && until > LAST_DAY) until = null;
    return {
      id: collaborationId(serial),
      fromId: actorId(from),
      toId: actorId(to),
      kind: table.kinds[rng.weighted(table.cumulative)],
      since: DATES[since],
      until: until === null ? null : DATES[Math.max(until, since)],
      strength: rng.weighted(STRENGTH_CUMULATIVE) + 1,
      initiativeId,
      source: 'seed: generateCity',
    };
  }
}
