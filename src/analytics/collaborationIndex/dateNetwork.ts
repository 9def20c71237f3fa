import type { CollaborationIndex, ScopeFilter } from './collaborationIndex';
import { RecentPerIndex } from './recentPerIndex';

/**
 * The network of one day under one strength and kind filter: every actor's
 * distinct partners through ties that qualify then, in ascending actor number.
 * It plays the part of a graph library's graph already built: the counts of a
 * scope (indexCounts.ts, indexPartnerTable.ts) walk each pair once, with no date
 * check and no de-duplication of parallel ties, and a pair inside a scope is
 * found from its smaller end by the order alone.
 *
 * Built from the index in two passes over the adjacency (about 20 ms for a
 * 100k-actor city) and kept with that index, for the few most recent filters:
 * the index is immutable, so a kept network never goes stale; a new graph
 * version brings a new index and new networks.
 */
export interface DateNetwork {
  /** Partners of actor a: positions start[a] … start[a+1]−1, ascending, each once. */
  readonly start: Int32Array;
  readonly partner: Int32Array;
}

/** Analysts and reports ask a handful of dates at a time. */
const recent = new RecentPerIndex<DateNetwork>(4);

/** The day's network under the filter's strength and kinds (the sector filter is the caller's: it applies to members and partners alike). */
export function dateNetworkOf(index: CollaborationIndex, filter: ScopeFilter): DateNetwork {
  const key = `${filter.day}|${filter.minStrength}|${filter.kindAllowed?.join('') ?? 'all'}`;
  return recent.get(index, key, () => buildDateNetwork(index, filter));
}

function buildDateNetwork(index: CollaborationIndex, filter: ScopeFilter): DateNetwork {
  const n = index.actorCount;
  const { adjStart, adjOther, adjSince, adjUntil, adjStrength, adjKind } = index;
  const { day, minStrength, kindAllowed } = filter;
  // lastVisitor[b] = a + 1 once b has been met as a partner of a (parallel ties count once).
  const lastVisitor = new Int32Array(n);
  const start = new Int32Array(n + 1);
  const visit = (fill: Int32Array | null, next: Int32Array | null): void => {
    for (let actor = 0; actor < n; actor += 1) {
      for (let at = adjStart[actor]; at < adjStart[actor + 1]; at += 1) {
        if (adjSince[at] > day || adjUntil[at] < day || adjStrength[at] < minStrength) continue;
        if (kindAllowed !== null && kindAllowed[adjKind[at]] !== 1) continue;
        const partner = adjOther[at];
        if (lastVisitor[partner] === actor + 1) continue;
        lastVisitor[partner] = actor + 1;
        if (fill === null || next === null) start[actor + 1] += 1;
        // Ties are listed under both ends, so putting `actor` in its partner's list fills every list, each ascending.
        else fill[next[partner]++] = actor;
      }
    }
  };
  visit(null, null);
  for (let actor = 0; actor < n; actor += 1) start[actor + 1] += start[actor];
  const partner = new Int32Array(start[n]);
  lastVisitor.fill(0);
  visit(partner, start.slice(0, n));
  return { start, partner };
}
