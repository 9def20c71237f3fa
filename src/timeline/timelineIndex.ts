import type { AnalyticsService } from '../analytics/analyticsService';
import { CollaborationIndex, type IndexRows } from '../analytics/collaborationIndex/collaborationIndex';

/**
 * The collaboration index of this graph version, which holds every tie and
 * membership with its dates: the service's own when it is built for exactly this
 * version; otherwise (the index is switched off, or a rebuild is under way) one
 * built here from the same statements the service's index is loaded from, once
 * per graph version (kept in the analytics cache). A timeline needs every date,
 * which the as-of scope statements do not give.
 */
export async function timelineIndexOf(analytics: AnalyticsService, version: string): Promise<{ index: CollaborationIndex; own: boolean }> {
  const shared = analytics.indexFor(version);
  if (shared) return { index: shared, own: false };
  const { value } = await analytics.cache.getOrCompute(`timelineIndex|${version}`, async () => {
    const [actors, areas, memberships, ties] = await Promise.all([
      analytics.read<IndexRows['actors'][number]>('analytics/indexActors'),
      analytics.read<IndexRows['areas'][number]>('analytics/indexAreas'),
      analytics.read<IndexRows['memberships'][number]>('analytics/indexMemberships'),
      analytics.read<IndexRows['ties'][number]>('analytics/indexTies'),
    ]);
    return new CollaborationIndex(version, { actors, areas, memberships, ties });
  });
  return { index: value, own: true };
}
