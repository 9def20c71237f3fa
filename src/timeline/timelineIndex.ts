import type { AnalyticsService } from '../analytics/analyticsService';
import { CollaborationIndex } from '../analytics/collaborationIndex/collaborationIndex';
import { loadIndexColumns } from '../analytics/collaborationIndex/indexLoader';

/**
 * The collaboration index of this graph version, which holds every tie and
 * membership with its dates: the service's own when it is built for exactly this
 * version; otherwise (the index is switched off, or a rebuild is under way) one
 * built here by the same loader as the service's index, once
 * per graph version (kept in the analytics cache). A timeline needs every date,
 * which the as-of scope statements do not give.
 */
export async function timelineIndexOf(analytics: AnalyticsService, version: string): Promise<{ index: CollaborationIndex; own: boolean }> {
  const shared = analytics.indexFor(version);
  if (shared) return { index: shared, own: false };
  const { value } = await analytics.cache.getOrCompute(`timelineIndex|${version}`, async () => {
    const columns = await analytics.readTx((tx) => loadIndexColumns(tx));
    return new CollaborationIndex(version, columns);
  });
  return { index: value, own: true };
}
