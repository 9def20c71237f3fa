import type { CommunityRow } from '../measures/communityComposition';
import { scopeWithholding } from './citizenBasis';
import { methodView, type Analysed } from './methodView';
import type { Suppressor } from './suppressor';

export interface CommunitiesResult {
  communities: CommunityRow[];
  modularity: number | null;
}

/**
 * A community's CITIZEN share, when its citizens are few: the count and the share
 * (count ÷ size) are withheld and the row goes last, so its place among the
 * sectors (ordered by count) does not bound it. `size` stays: memberIds lists
 * the members anyway (docs/analytics.md, “Small-cell suppression”).
 */
export function communitiesView(suppressor: Suppressor, analysed: Analysed<CommunitiesResult>) {
  const record = suppressor.response();
  const communities = analysed.communities.map((community) => {
    const sectors = community.sectors.map((row) => {
      const suppressed = row.sector === 'CITIZEN' && record.withholds(row.actors);
      return { sector: row.sector, actors: record.keep(row.actors, suppressed), share: record.keep(row.share, suppressed), suppressed };
    });
    return { ...community, sectors: [...sectors.filter((row) => !row.suppressed), ...sectors.filter((row) => row.suppressed)] };
  });
  return { communities, modularity: analysed.modularity, method: methodView(record, analysed.method, scopeWithholding(record, analysed.citizenBasis)) };
}
