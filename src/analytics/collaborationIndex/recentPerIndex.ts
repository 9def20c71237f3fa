import type { CollaborationIndex } from './collaborationIndex';

/**
 * The few most recently asked results of one kind, kept with the index they were
 * computed from. An index is immutable, so a kept result never goes stale; a new
 * graph version brings a new index, and the old one's results go with it.
 * Results are shared between requests: callers read them and never modify them.
 */
export class RecentPerIndex<T> {
  private readonly kept = new WeakMap<CollaborationIndex, Map<string, T>>();

  constructor(private readonly size: number) {}

  get(index: CollaborationIndex, key: string, build: () => T): T {
    let results = this.kept.get(index);
    if (!results) {
      results = new Map();
      this.kept.set(index, results);
    }
    const known = results.get(key);
    if (known !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      results.delete(key);
      results.set(key, known);
      return known;
    }
    const built = build();
    results.set(key, built);
    if (results.size > this.size) results.delete(results.keys().next().value as string);
    return built;
  }
}
