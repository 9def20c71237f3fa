import { SECTORS } from '../model';
import type { AnalysisEngine, AnalyticsService } from './analyticsService';
import { indexAreaMembers, indexAreaSectorCounts, indexSectorMixing } from './collaborationIndex/indexCounts';
import { indexPartnerTable } from './collaborationIndex/indexPartnerTable';
import { PartnerTable } from './measures/partnerTable';
import type { AreaMembers } from './measures/helixCoverage';
import type { AreaSectorCounts, PartnerSectorCounts } from './measures/blau';
import { mixingFromCounts, type SectorMixing, type SectorMixingCounts } from './measures/sectorMixing';
import { scopeParams, type Scope } from './scope';

/**
 * The counts behind the sector matrix, E-I, assortativity, diversity and the
 * areas of helix coverage, from
 * whichever engine holds them for this graph version: the in-memory collaboration
 * index when it is built for exactly this version, else the Cypher statements
 * (analytics/sectorMixing, partnerSectorCounts, areaSectorCounts), which count
 * the same things in the database. Each answer says which engine gave it.
 */
export interface Counted<T> {
  value: T;
  engine: AnalysisEngine;
}

/** Actors per sector and pairs per sector pair; the three mixing measures of one scope share one count. */
export async function sectorMixingOf(analytics: AnalyticsService, scope: Scope, version: string): Promise<Counted<SectorMixing>> {
  const key = `sectorMixing|${version}|${JSON.stringify(scope)}`;
  const { value } = await analytics.cache.getOrCompute(key, async (): Promise<Counted<SectorMixing>> => {
    const index = analytics.indexFor(version);
    if (index) return { value: mixingFromCounts(indexSectorMixing(index, scope)), engine: 'COLLABORATION_INDEX' };
    const [row] = await analytics.read<SectorMixingCounts>('analytics/sectorMixing', scopeParams(scope));
    return { value: mixingFromCounts(row), engine: 'CYPHER_AGGREGATION' };
  });
  return value;
}

/** Each scope actor's distinct partners per sector, and each area's actors per sector. */
export async function diversityCountsOf(
  analytics: AnalyticsService,
  scope: Scope,
  version: string,
): Promise<Counted<{ partners: PartnerTable; areas: AreaSectorCounts[] }>> {
  const index = analytics.indexFor(version);
  if (index) {
    return { value: { partners: indexPartnerTable(index, scope), areas: indexAreaSectorCounts(index, scope) ?? [] }, engine: 'COLLABORATION_INDEX' };
  }
  const [partners, areas] = await Promise.all([
    analytics.read<PartnerSectorCounts>('analytics/partnerSectorCounts', { ...scopeParams(scope), sectorOrder: SECTORS }),
    analytics.read<AreaSectorCounts>('analytics/areaSectorCounts', { areaId: scope.areaId, asOf: scope.asOf, sectors: scope.sectors, sectorOrder: SECTORS }),
  ]);
  return { value: { partners: PartnerTable.fromRows(partners), areas }, engine: 'CYPHER_AGGREGATION' };
}

/** The scope's areas (its area and every area beneath it, or every area), each with its actors. */
export async function areaMembersOf(analytics: AnalyticsService, scope: Scope, version: string): Promise<Counted<AreaMembers[]>> {
  const index = analytics.indexFor(version);
  if (index) return { value: indexAreaMembers(index, scope) ?? [], engine: 'COLLABORATION_INDEX' };
  const value = await analytics.read<AreaMembers>('analytics/areaMembers', { areaId: scope.areaId, asOf: scope.asOf, sectors: scope.sectors });
  return { value, engine: 'CYPHER_AGGREGATION' };
}
