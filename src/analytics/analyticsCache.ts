interface Entry {
  value: unknown;
  computedAt: string;
}

/**
 * Results of heavy analyses, kept per (field, scope, arguments, graph version).
 * Every mutation bumps the graph version in the same transaction as its write,
 * so a key from before a write can never be served after it: invalidation
 * without coordination, which also holds with several API processes.
 *
 * Callers asking for a key that is being computed share that computation
 * instead of starting their own: a burst of identical requests costs one run. A
 * failure is handed to everyone waiting on it and is not kept.
 */
export class AnalyticsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  // Bumped by clear(): a computation begun before it must not be stored after it.
  private generation = 0;

  constructor(private readonly maxEntries = 200) {}

  async getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; computedAt: string; cached: boolean }> {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh recency: Map keeps insertion order, so re-insert to mark as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { value: hit.value as T, computedAt: hit.computedAt, cached: true };
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      const shared = await pending;
      return { value: shared.value as T, computedAt: shared.computedAt, cached: false };
    }
    const generation = this.generation;
    const computation = (async (): Promise<Entry> => {
      const value = await compute();
      return { value, computedAt: new Date().toISOString() };
    })();
    this.inFlight.set(key, computation);
    try {
      const entry = await computation;
      if (generation === this.generation) this.store(key, entry);
      return { value: entry.value as T, computedAt: entry.computedAt, cached: false };
    } finally {
      if (this.inFlight.get(key) === computation) this.inFlight.delete(key);
    }
  }

  private store(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets every result: after an erasure no cached answer may still hold the erased person. */
  clear(): void {
    this.entries.clear();
    // Later callers start afresh; computations already running finish for their own callers only.
    this.inFlight.clear();
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keys being computed right now. */
  get computing(): number {
    return this.inFlight.size;
  }
}
