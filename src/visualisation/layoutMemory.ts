/**
 * The latest layout of each scope, whatever its graph version, so the next
 * version's layout can start from it (layoutReuse.ts). It lives as one entry of
 * the analytics cache: cleared with it (after an erasure no position of an erased
 * actor survives), and gone with it when evicted (then a full layout runs).
 */
import type { AnalyticsCache } from '../analytics/analyticsCache';
import type { Position } from './forceAtlas2Layout';

/** Scopes remembered; the oldest is forgotten first. */
const MAX_SCOPES = 16;
/** Outside the `field|version|…` keys of analyses. */
const CACHE_KEY = 'visualisation:layoutMemory';

export interface RememberedLayout {
  version: string;
  positions: ReadonlyMap<string, Position>;
}

export class LayoutMemory {
  private readonly layouts = new Map<string, RememberedLayout>();

  latest(scopeKey: string): RememberedLayout | null {
    return this.layouts.get(scopeKey) ?? null;
  }

  /** Every remembered scope's layout, oldest first (to keep them on disk: unionWarmer.ts). */
  entries(): Array<[string, RememberedLayout]> {
    return [...this.layouts];
  }

  remember(scopeKey: string, layout: RememberedLayout): void {
    this.layouts.delete(scopeKey);
    this.layouts.set(scopeKey, layout);
    while (this.layouts.size > MAX_SCOPES) this.layouts.delete(this.layouts.keys().next().value as string);
  }
}

/** The cache's layout memory (a new, empty one after the cache was cleared). */
export async function layoutMemoryOf(cache: AnalyticsCache): Promise<LayoutMemory> {
  const { value } = await cache.getOrCompute(CACHE_KEY, async () => new LayoutMemory());
  return value;
}
