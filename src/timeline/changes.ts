import { compareIds } from '../analytics/compareIds';
import type { AnalysisMethod, AnalyticsService } from '../analytics/analyticsService';
import type { Scope } from '../analytics/scope';
import type { ScopeGraph, ScopePair } from '../analytics/scopeGraph';
import { sectorIndex } from '../analytics/measures/sectorMixing';
import { basisOfGraph, type CitizenBasis, type WithCitizenBasis } from '../analytics/suppression/citizenBasis';
import { SECTORS, type CollaborationKind, type Sector } from '../model';
import { parseRange } from './period';
import { scopeAsOf } from './timelineService';

const K = SECTORS.length;

/** A pair in one of the two networks and not in the other. */
export interface TieChangeRow {
  change: 'OPENED' | 'ENDED';
  /** The smaller id. */
  source: string;
  target: string;
  sourceSector: Sector;
  targetSector: Sector;
  /** As of the date the pair is in the network (`to` for OPENED, `from` for ENDED). */
  strength: number;
  kinds: CollaborationKind[];
}

/** One sector × sector cell (sectorA <= sectorB) before and after. */
export interface SectorPairChangeRow {
  sectorA: Sector;
  sectorB: Sector;
  tiesBefore: number;
  tiesAfter: number;
  opened: number;
  ended: number;
  newlyConnected: boolean;
  newlyDisconnected: boolean;
}

export interface ActorChangeRows {
  /** Actor ids, ordered by id. */
  ids: string[];
  /** Per sector, in SECTORS order. */
  sizes: number[];
}

export interface ChangesResult {
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
  /** Ordered by (source, target): the keyset order of the connection. */
  ties: TieChangeRow[];
  actorsJoined: ActorChangeRows;
  actorsLeft: ActorChangeRows;
  sectorPairs: SectorPairChangeRow[];
  /** The citizen counts of the network at `from` (`citizenBasis` holds those at `to`). */
  previousBasis: CitizenBasis;
}

export type AnalysedChanges = ChangesResult & WithCitizenBasis & { method: AnalysisMethod };

const turned = (pair: ScopePair): boolean => compareIds(pair.source, pair.target) > 0;
const keyOf = (pair: ScopePair): string => (turned(pair) ? `${pair.target}|${pair.source}` : `${pair.source}|${pair.target}`);

function rowOf(pair: ScopePair, change: TieChangeRow['change']): TieChangeRow {
  const turn = turned(pair);
  return {
    change,
    source: turn ? pair.target : pair.source,
    target: turn ? pair.source : pair.target,
    sourceSector: turn ? pair.targetSector : pair.sourceSector,
    targetSector: turn ? pair.sourceSector : pair.targetSector,
    strength: pair.strength,
    kinds: [...(pair.kinds as CollaborationKind[])].sort(),
  };
}

function actorChanges(present: ScopeGraph, absent: ScopeGraph): ActorChangeRows {
  const sizes = SECTORS.map(() => 0);
  const ids: string[] = [];
  for (const actor of present.actors) {
    if (absent.indexOf.has(actor.id)) continue;
    ids.push(actor.id);
    sizes[sectorIndex(actor.sector)] += 1;
  }
  return { ids, sizes };
}

const cellOf = (row: Pick<TieChangeRow, 'sourceSector' | 'targetSector'>): number => {
  const a = sectorIndex(row.sourceSector);
  const b = sectorIndex(row.targetSector);
  return Math.min(a, b) * K + Math.max(a, b);
};

/**
 * The difference of two as-of networks of one scope: as of the last day of `from`
 * and of the last day of `to` (the same scope rules as every analytics field, from
 * the same scope networks). OPENED: pairs in the later network and not the earlier;
 * ENDED: the reverse. A pair that opened and ended in between is in neither.
 */
export function networkDifference(before: ScopeGraph, after: ScopeGraph): Pick<ChangesResult, 'ties' | 'actorsJoined' | 'actorsLeft' | 'sectorPairs'> {
  const beforeKeys = new Set(before.pairs.map(keyOf));
  const afterKeys = new Set(after.pairs.map(keyOf));
  const ties = [
    ...after.pairs.filter((pair) => !beforeKeys.has(keyOf(pair))).map((pair) => rowOf(pair, 'OPENED')),
    ...before.pairs.filter((pair) => !afterKeys.has(keyOf(pair))).map((pair) => rowOf(pair, 'ENDED')),
  ].sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
  const cells = Array.from({ length: K * K }, () => ({ before: 0, after: 0, opened: 0, ended: 0 }));
  for (const pair of before.pairs) cells[cellOf(pair)].before += 1;
  for (const pair of after.pairs) cells[cellOf(pair)].after += 1;
  for (const row of ties) cells[cellOf(row)][row.change === 'OPENED' ? 'opened' : 'ended'] += 1;
  const sectorPairs: SectorPairChangeRow[] = [];
  for (let a = 0; a < K; a += 1) {
    for (let b = a; b < K; b += 1) {
      const cell = cells[a * K + b];
      sectorPairs.push({
        sectorA: SECTORS[a],
        sectorB: SECTORS[b],
        tiesBefore: cell.before,
        tiesAfter: cell.after,
        opened: cell.opened,
        ended: cell.ended,
        newlyConnected: cell.before === 0 && cell.after > 0,
        newlyDisconnected: cell.before > 0 && cell.after === 0,
      });
    }
  }
  return { ties, actorsJoined: actorChanges(after, before), actorsLeft: actorChanges(before, after), sectorPairs };
}

/**
 * What changed in a scope's network between the end of period `from` and the end
 * of period `to` (`2022-Q2`, `2022-06`, `2022`): ties opened and ended, actors who
 * joined or left, and per sector pair the counts before and after. Cached per
 * scope, periods and graph version, under the analytics timeout. Unsuppressed:
 * shape it for a caller with `changesView(suppressor, result)`. `scope.asOf` is not used.
 */
export async function changesBetween(analytics: AnalyticsService, scope: Scope, from: string, to: string): Promise<AnalysedChanges> {
  const range = parseRange(from, to);
  const beforeScope = scopeAsOf(scope, range.from.last);
  const afterScope = scopeAsOf(scope, range.to.last);
  return analytics.analyse('changes', afterScope, { from: range.from.label, to: range.to.label }, async (version) => {
    const [before, after] = await Promise.all([analytics.scopeGraph(beforeScope, version), analytics.scopeGraph(afterScope, version)]);
    return {
      result: {
        from: range.from.label,
        to: range.to.label,
        fromDate: range.from.last,
        toDate: range.to.last,
        ...networkDifference(before, after),
        previousBasis: basisOfGraph(before),
        citizenBasis: basisOfGraph(after),
      },
      method: {
        engine: after.engine,
        algorithm: `The difference of the scope’s network as of ${range.from.last} (end of ${range.from.label}) and as of ${range.to.last} (end of ${range.to.label}): pairs and actors in one and not the other`,
        counting: `each pair of actors with at least one tie active on the date (of the scope’s kinds, minStrength and sectors) counted once, however many ties join it; a pair that opened and ended between the two dates is in neither network`,
        nodeCount: after.actors.length,
        tieCount: after.pairs.length,
      },
    };
  });
}

