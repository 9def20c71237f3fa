/** The generated city's areas: how many districts and neighbourhoods, which actors live where, the areas' names and rows. */
import type { AreaRow } from '../types';
import { CITY_AREA_ID, districtId, neighbourhoodId } from './ids';
import { hash, Rng, STREAM } from './random';
import { ACTORS_PER_DISTRICT, ACTORS_PER_NEIGHBOURHOOD, AREA_PREFIXES, AREA_SUFFIXES, DISTRICT_NAMES } from './vocabulary';

/** Actors are numbered neighbourhood by neighbourhood, so each neighbourhood, and each district, is one range of actor indices. */
export class AreaLayout {
  readonly districts: number;
  readonly neighbourhoods: number;
  /** First actor index of each neighbourhood (length neighbourhoods + 1); neighbourhoods of a district are adjacent. */
  readonly start: Int32Array;
  readonly districtOf: Int32Array;
  /** First neighbourhood of each district (length districts + 1). */
  readonly districtStart: Int32Array;

  constructor(readonly size: number, private readonly seed: number, private readonly userSeed: number) {
    const rng = new Rng(hash(seed, STREAM.layout, 0));
    this.districts = Math.floor(size / ACTORS_PER_DISTRICT) + 3;
    this.neighbourhoods = Math.max(1, Math.min(size, Math.max(this.districts, Math.round(size / ACTORS_PER_NEIGHBOURHOOD))));
    // Neighbourhood sizes vary 1:5; the largest remainders take the leftover actors.
    const shares = Array.from({ length: this.neighbourhoods }, () => 1 + 4 * rng.next());
    const total = shares.reduce((a, b) => a + b, 0);
    const sizes = shares.map((share) => Math.max(1, Math.floor((share / total) * size)));
    let left = size - sizes.reduce((a, b) => a + b, 0);
    for (let k = 0; left !== 0; k = (k + 1) % sizes.length) {
      const step = left > 0 ? 1 : sizes[k] > 1 ? -1 : 0;
      sizes[k] += step;
      left -= step;
    }
    this.start = new Int32Array(this.neighbourhoods + 1);
    this.districtOf = new Int32Array(this.neighbourhoods);
    this.districtStart = new Int32Array(this.districts + 1);
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      this.start[k + 1] = this.start[k] + sizes[k];
      this.districtOf[k] = Math.floor((k * this.districts) / this.neighbourhoods);
    }
    for (let d = 0, k = 0; d <= this.districts; d += 1) {
      while (k < this.neighbourhoods && this.districtOf[k] < d) k += 1;
      this.districtStart[d] = k;
    }
  }

  /** How many actors live in neighbourhood `k`. */
  actorsIn(k: number): number {
    return this.start[k + 1] - this.start[k];
  }

  /** The actor indices `[from, to)` of district `d`. */
  districtRange(d: number): [number, number] {
    return [this.start[this.districtStart[d]], this.start[this.districtStart[d + 1]]];
  }

  neighbourhoodName(k: number): string {
    const combinations = AREA_PREFIXES.length * AREA_SUFFIXES.length;
    // 97 is prime to the 384 combinations, so the first 384 names are all different.
    const index = (k * 97 + (this.seed % combinations)) % combinations;
    const name = AREA_PREFIXES[Math.floor(index / AREA_SUFFIXES.length)] + AREA_SUFFIXES[index % AREA_SUFFIXES.length];
    return k < combinations ? name : `${name} ${Math.floor(k / combinations) + 1}`;
  }

  *areas(): Generator<AreaRow> {
    yield { id: CITY_AREA_ID, name: `Generated city (seed ${this.userSeed})`, level: 'CITY', parentId: null, synthetic: true };
    for (let d = 0; d < this.districts; d += 1) {
      const base = DISTRICT_NAMES[d % DISTRICT_NAMES.length];
      const name = d < DISTRICT_NAMES.length ? base : `${base} ${Math.floor(d / DISTRICT_NAMES.length) + 1}`;
      yield { id: districtId(d), name, level: 'DISTRICT', parentId: CITY_AREA_ID, synthetic: true };
    }
    for (let k = 0; k < this.neighbourhoods; k += 1) {
      yield { id: neighbourhoodId(k), name: this.neighbourhoodName(k), level: 'NEIGHBOURHOOD', parentId: districtId(this.districtOf[k]), synthetic: true };
    }
  }
}
