import type { AnalysisMethod, AnalyticsService } from '../analytics/analyticsService';
import type { Scope } from '../analytics/scope';
import type { WithCitizenBasis } from '../analytics/suppression/citizenBasis';
import { dateOfDay, dayBefore, parseRange, periodsBetween, type PeriodKind } from './period';
import { pointFigures, type TimelinePointFigures } from './timelineFigures';
import { timelineIndexOf } from './timelineIndex';
import { sweepSnapshots } from './timelineSweep';

export const PAIRS_OVER_TIME =
  'each pair of actors with at least one tie active on the point’s date (of the scope’s kinds, minStrength and sectors) counted once, however many ties join it; isolates count as actors, not ties; a pair opens on the first day it is in the network and ends on the first day it is not';

/** A timeline as the analytics cache keeps it: unsuppressed, with the citizen counts of its last point. */
export interface TimelineResult {
  interval: PeriodKind;
  from: string;
  to: string;
  points: TimelinePointFigures[];
}

export type AnalysedTimeline = TimelineResult & WithCitizenBasis & { method: AnalysisMethod };

/**
 * The scope as of a date: timeline and changes take their dates from periods,
 * and the cache key and method block carry the last one.
 */
export const scopeAsOf = (scope: Scope, asOf: string): Scope => ({ ...scope, asOf });

/**
 * The network over time: one point per period of `interval` from the period
 * holding `from`'s first day to the one holding `to`'s last day, each as of the
 * period's last day, computed in one sweep over the collaboration index's dates
 * (src/timeline/timelineSweep.ts). Cached per scope, arguments and graph version
 * and bounded by the analytics timeout, as every analytics field.
 * `from` and `to` are periods as users write them (`2022-Q3`, `2022-07`, `2022`);
 * a bad one is BAD_USER_INPUT. `scope.asOf` is not used. Unsuppressed: shape it for
 * a caller with `timelineView(suppressor, result)`.
 */
export async function timelineOf(analytics: AnalyticsService, scope: Scope, from: string, to: string, interval: PeriodKind = 'QUARTER'): Promise<AnalysedTimeline> {
  const range = parseRange(from, to);
  const periods = periodsBetween(range.from, range.to, interval);
  const last = periods[periods.length - 1];
  const keyed = scopeAsOf(scope, last.last);
  return analytics.analyse('timeline', keyed, { from: range.from.label, to: range.to.label, interval }, async (version) => {
    const { index } = await timelineIndexOf(analytics, version);
    const days = [dayBefore(periods[0].firstDay), ...periods.map((period) => period.lastDay)];
    const snapshots = sweepSnapshots(index, keyed, days);
    const points = periods.map((period, at) => pointFigures(period, snapshots[at], snapshots[at + 1]));
    const end = points[points.length - 1];
    return {
      result: { interval, from: range.from.label, to: range.to.label, points, citizenBasis: end.citizenBasis },
      method: {
        engine: 'COLLABORATION_INDEX',
        algorithm: `One sweep over the ${index.tieCount} ties' and the memberships' start and end dates in date order, keeping each actor pair's number of active ties, each sector pair's count of pairs and the actors per sector; at each period's last day the counts give the figures with the single-date measures' formulas (sectorMatrix, eiIndex, assortativity, helixCoverage; docs/timeline.md). The network before the first period is as of ${dateOfDay(days[0])}.`,
        normalisation: 'crossSectorShare = cross-sector ties ÷ ties; density = ties ÷ (n(n−1)/2); E-I from −1 to +1; coverage = connected ÷ C(sectors present, 2)',
        counting: PAIRS_OVER_TIME,
        nodeCount: end.actors,
        tieCount: end.ties,
      },
    };
  });
}
