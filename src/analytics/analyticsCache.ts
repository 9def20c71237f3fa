/**
 * Results of heavy analyses, kept per (field, scope, arguments, graph version).
 * Every mutation bumps the graph version in the same transaction as its write,
 * so a key from before a write can never be served after it: invalidation
 * without coordination, which also holds with several API processes.
 */
export class AnalyticsCache {
  private readonly entries = new Map<string, { value: unknown; computedAt: string }>();

  constructor(private readonly maxEntries = 200) {}

  async getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; computedAt: string; cached: boolean }> {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh recency: Map keeps insertion order, so re-insert to mark as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { value: hit.value as T, computedAt: hit.computedAt, cached: true };
    }
    const value = await compute();
    const computedAt = new Date().toISOString();
    this.entries.set(key, { value, computedAt });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return { value, computedAt, cached: false };
  }

  /** Forgets every result: after an erasure no cached answer may still hold the erased person. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
