import type { AreaHelixCoverageRow, AreaMembers } from '../measures/helixCoverage';
import { rankAreas } from '../measures/helixCoverage';
import { scopeWithholding } from './citizenBasis';
import { methodView, type Analysed } from './methodView';
import type { Suppressor } from './suppressor';

/** Citizens active in each area (sub-areas included), kept with the cached result, never sent. */
export function citizensPerArea(areas: readonly AreaMembers[]): Map<string, number> {
  return new Map(areas.map((area) => [area.id, area.members.filter((member) => member.sector === 'CITIZEN').length]));
}

export interface HelixCoverageResult {
  areas: AreaHelixCoverageRow[];
  citizensInArea: Map<string, number>;
}

/**
 * In an area with few citizens, the CITIZEN sector's presence and its tied and
 * missing pairs describe those few people, so the caller's view leaves CITIZEN
 * out of the area's sectors and pairs and withholds its coverage (null, as for
 * an area with fewer than two sectors). The areas are ranked again on the view,
 * so that a withheld row's rank does not bound its coverage.
 */
export function helixCoverageView(suppressor: Suppressor, analysed: Analysed<HelixCoverageResult>) {
  const record = suppressor.response();
  const notCitizen = (pair: { sectorA: string; sectorB: string }) => pair.sectorA !== 'CITIZEN' && pair.sectorB !== 'CITIZEN';
  const rows = analysed.areas.map((row) => {
    const suppressed = record.withholds(analysed.citizensInArea.get(row.areaId) ?? 0);
    if (!suppressed) return { ...row, suppressed };
    return {
      ...row,
      sectorsPresent: row.sectorsPresent.filter((sector) => sector !== 'CITIZEN'),
      connectedPairs: row.connectedPairs.filter(notCitizen),
      missingPairs: row.missingPairs.filter(notCitizen),
      coverage: null,
      suppressed,
    };
  });
  // Unsuppressed views keep the measure's order and ranks unchanged.
  const areas = rows.some((row) => row.suppressed) ? rankAreas(rows) : rows;
  return { areas, method: methodView(record, analysed.method, scopeWithholding(record, analysed.citizenBasis)) };
}
