import { SECTORS } from '../model';
import { CITIZEN, scopeWithholding } from '../analytics/suppression/citizenBasis';
import { methodView } from '../analytics/suppression/methodView';
import type { ResponseSuppression, Suppressor } from '../analytics/suppression/suppressor';
import type { SectorPair } from '../analytics/measures/helixCoverage';
import type { TimelinePointFigures } from './timelineFigures';
import type { AnalysedTimeline } from './timelineService';

export const WITHHELD = (k: number) => `Withheld: it would reveal a count of fewer than ${k} citizens (or of their ties), and the caller has no citizen access.`;

const notCitizen = (pair: SectorPair) => pair.sectorA !== 'CITIZEN' && pair.sectorB !== 'CITIZEN';

/**
 * One point as the caller sees it, by the rules of the single-date fields
 * (docs/analytics.md, "Small-cell suppression"), point by point: what the sector
 * matrix, eiIndex, assortativity and helixCoverage would withhold at that date is
 * withheld here too. The changes within the period rest on the network at both
 * ends of it (ties now = ties before + opened − ended), so they are withheld when
 * the totals are withheld at either end.
 */
function pointView(record: ResponseSuppression, k: number, point: TimelinePointFigures) {
  const now = scopeWithholding(record, point.citizenBasis);
  const before = scopeWithholding(record, point.previousBasis);
  const fewMembers = record.withholds(point.memberCitizens);
  const fewMembersBefore = record.withholds(point.previousMemberCitizens);
  const eiSuppressed = now.crossTies || now.cell[CITIZEN];
  const coverage = point.helixCoverage;
  const pairsSuppressed = now.citizens || before.citizens || fewMembers || fewMembersBefore;
  const tieChangesSuppressed = now.ties || before.ties;
  const actorChangesSuppressed = now.citizens || before.citizens;
  return {
    period: point.period,
    periodStart: point.periodStart,
    asOf: point.asOf,
    actors: record.keep(point.actors, now.citizens),
    actorsSuppressed: now.citizens,
    sectors: SECTORS.map((sector, at) => {
      const suppressed = at === CITIZEN && now.citizens;
      return { sector, actors: record.keep(point.sizes[at], suppressed), suppressed };
    }),
    ties: record.keep(point.ties, now.ties),
    tiesSuppressed: now.ties,
    crossSectorTies: record.keep(point.crossSectorTies, now.crossTies),
    crossSectorTiesSuppressed: now.crossTies,
    // share = E ÷ (E + I) and E-I = 2·share − 1: each gives the other back.
    crossSectorShare: record.keep(point.crossSectorShare, eiSuppressed),
    density: record.keep(point.density, now.ties || now.citizens),
    densitySuppressed: now.ties || now.citizens,
    eiIndex: {
      external: record.keep(point.eiIndex.external, now.crossTies),
      internal: record.keep(point.eiIndex.internal, now.cell[CITIZEN]),
      value: record.keep(point.eiIndex.value, eiSuppressed),
      reason: eiSuppressed ? WITHHELD(k) : point.eiIndex.reason,
      suppressed: eiSuppressed,
    },
    expectedEiIndex: record.keep(point.expectedEiIndex, now.citizens),
    expectedEiIndexReason: now.citizens ? WITHHELD(k) : point.expectedEiIndexReason,
    expectedEiIndexSuppressed: now.citizens,
    assortativity: record.keep(point.assortativity.coefficient, now.ties),
    assortativityReason: now.ties ? WITHHELD(k) : point.assortativity.reason,
    assortativitySuppressed: now.ties,
    helixCoverage: fewMembers
      ? {
          sectorsPresent: coverage.sectorsPresent.filter((sector) => sector !== 'CITIZEN'),
          connectedPairs: coverage.connectedPairs.filter(notCitizen),
          missingPairs: coverage.missingPairs.filter(notCitizen),
          coverage: null,
          suppressed: true,
        }
      : { ...coverage, suppressed: false },
    tiesOpened: record.keep(point.tiesOpened, tieChangesSuppressed),
    tiesEnded: record.keep(point.tiesEnded, tieChangesSuppressed),
    tieChangesSuppressed,
    actorsJoined: record.keep(point.actorsJoined, actorChangesSuppressed),
    actorsLeft: record.keep(point.actorsLeft, actorChangesSuppressed),
    actorChangesSuppressed,
    sectorPairsConnected: pairsSuppressed ? point.sectorPairsConnected.filter(notCitizen) : point.sectorPairsConnected,
    sectorPairsDisconnected: pairsSuppressed ? point.sectorPairsDisconnected.filter(notCitizen) : point.sectorPairsDisconnected,
    sectorPairsSuppressed: pairsSuppressed,
  };
}

export type TimelinePointView = ReturnType<typeof pointView>;

/**
 * The timeline as one caller sees it: the cached, unsuppressed result is never
 * changed; new objects are built. The method block describes the last point.
 */
export function timelineView(suppressor: Suppressor, analysed: AnalysedTimeline) {
  const record = suppressor.response();
  const points = analysed.points.map((point) => pointView(record, suppressor.k, point));
  return {
    interval: analysed.interval,
    from: analysed.from,
    to: analysed.to,
    points,
    method: methodView(record, analysed.method, scopeWithholding(record, analysed.citizenBasis)),
  };
}
