/** Days since 1970-01-01 of a checked `YYYY-MM-DD` date. */
export function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The `YYYY-MM-DD` of a day number (the inverse of dayOf). */
export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** An open period's end: later than any day a date column can hold. */
export const OPEN = 2 ** 31 - 1;

/** A period that meets a row's: its start and end as days (end OPEN when open). */
export interface Period {
  since: number;
  until: number;
}

/**
 * The periods of the ties in a file, per pair and kind, in typed arrays rather
 * than a Map of strings: a million tie rows were a million map entries, boxed
 * keys and period strings on the heap (most of the first pass's memory, and what
 * made the collector let the heap grow). Here a key (a number below 2^53 that
 * the caller makes from interned ids) costs 12 bytes in an open-addressing table
 * and each period 12 bytes in three parallel arrays chained per key, outside the
 * JavaScript heap.
 */
export class TiePeriods {
  private keys = new Float64Array(1024);
  /** Per table slot: the newest period of the key + 1 (0: empty slot). */
  private heads = new Int32Array(1024);
  private used = 0;
  private since = new Int32Array(1024);
  private until = new Int32Array(1024);
  /** Per period: the previous period of the same key + 1 (0: none). */
  private next = new Int32Array(1024);
  private periods = 0;

  get size(): number {
    return this.periods;
  }

  /** The earliest added period of `key` that `test` accepts, or null. */
  find(key: number, test: (period: Period) => boolean): Period | null {
    let found: Period | null = null;
    // The chain runs newest first: the last accepted is the earliest added.
    for (let at = this.heads[this.slotOf(key)]; at !== 0; at = this.next[at - 1]) {
      const period = { since: this.since[at - 1], until: this.until[at - 1] };
      if (test(period)) found = period;
    }
    return found;
  }

  add(key: number, since: number, until: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.growTable();
    if (this.periods === this.since.length) this.growPeriods();
    const slot = this.slotOf(key);
    if (this.heads[slot] === 0) {
      this.keys[slot] = key;
      this.used += 1;
    }
    const at = this.periods++;
    this.since[at] = since;
    this.until[at] = until;
    this.next[at] = this.heads[slot];
    this.heads[slot] = at + 1;
  }

  /** Frees the arrays (the state is released after the second pass). */
  clear(): void {
    this.keys = new Float64Array(1024);
    this.heads = new Int32Array(1024);
    this.since = new Int32Array(1024);
    this.until = new Int32Array(1024);
    this.next = new Int32Array(1024);
    this.used = 0;
    this.periods = 0;
  }

  /** The slot holding `key`, or the empty slot where it goes (linear probing). */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    // Both halves of the key, through murmur3's finaliser: keys are built from small
    // interned numbers, whose low bits alone would crowd a few runs of slots.
    let h = (key | 0) ^ Math.imul(Math.floor(key / 4_294_967_296), 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let slot = (h ^ (h >>> 16)) & mask;
    while (this.heads[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const keys = this.keys;
    const heads = this.heads;
    this.keys = new Float64Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot++) {
      if (heads[slot] === 0) continue;
      const to = this.slotOf(keys[slot]);
      this.keys[to] = keys[slot];
      this.heads[to] = heads[slot];
    }
  }

  private growPeriods(): void {
    const grow = (array: Int32Array) => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.since = grow(this.since);
    this.until = grow(this.until);
    this.next = grow(this.next);
  }
}
