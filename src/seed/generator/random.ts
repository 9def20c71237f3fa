/** Seeded randomness for the city generator: a hash that seeds one small stream per (seed, stream, index), so any row can be redrawn without the others. */

/** Stream tags: each kind of draw has its own, so adding draws to one never shifts another. */
export const STREAM = { layout: 1, actor: 2, membership: 3, local: 4, cross: 5, initiative: 6, participation: 7, name: 8 } as const;

function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of the seed, a stream tag and up to two indices: the seed of one small random stream. */
export function hash(seed: number, stream: number, a: number, b = 0): number {
  return mix32(mix32(mix32(seed ^ Math.imul(stream, 0x9e3779b9)) ^ a) + Math.imul(b, 0x85ebca77));
}

/** The 32-bit generator seed of any safe-integer seed: both of its 32-bit halves count. */
export function citySeed(seed: number): number {
  return (mix32(seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) + 1)) >>> 0;
}

/** mulberry32: tiny, fast, and good enough for test data. */
export class Rng {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index into cumulative weights, e.g. [0.5, 0.8, 1]. */
  weighted(cumulative: readonly number[]): number {
    const r = this.next() * cumulative[cumulative.length - 1];
    let index = 0;
    while (cumulative[index] <= r) index += 1;
    return index;
  }
}
