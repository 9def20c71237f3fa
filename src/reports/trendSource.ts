import type { Context } from '../context';
import { structureResolvers } from '../analytics/structureResolvers';
import type { Period } from './period';
import type { ReportMethod, TrendPoint } from './reportModel';
import { DECIMALS, figure } from './figures';
import { methodEntry } from './methodEntry';
import { parseScope } from '../analytics/scope';
import { suppressorOf } from '../analytics/suppression/suppressor';
import { timelineOf, timelineView } from '../timeline';

/** The E-I view one caller gets for one date: what a trend point is made of. */
type EIView = Awaited<ReturnType<typeof structureResolvers.Query.eiIndex>>;

/** Cross-sector share E ÷ (E + I) of the overall E-I counts; withheld with them. */
export function crossSectorShareOf(ei: EIView): { value: number | null; suppressed: boolean } {
  const { external, internal, suppressed } = ei.overall;
  if (suppressed || external === null || internal === null) return { value: null, suppressed };
  return { value: external + internal === 0 ? null : external / (external + internal), suppressed: false };
}

export function trendPointOf(period: Period, ei: EIView): TrendPoint {
  const share = crossSectorShareOf(ei);
  return {
    period: period.label,
    asOf: period.end,
    crossSectorShare: figure(share.value, share.suppressed, DECIMALS.index),
    eiIndex: figure(ei.overall.value, ei.overall.suppressed, DECIMALS.index),
    eiExpected: figure(ei.expected, ei.expectedSuppressed, DECIMALS.index),
  };
}

/**
 * Where the report's trend of cross-sector share and E-I comes from: the
 * timeline (default, one sweep for every period end), or eiIndex asked at each
 * period end (slower, the very same figures; tests compare the two).
 */
export interface TrendSource {
  trend(ctx: Context, areaId: string | null, periods: readonly Period[]): Promise<{ points: TrendPoint[]; methods: ReportMethod[] }>;
}

/** The eiIndex field at each period end, as the caller sees it (cached per scope and graph version). */
export const singleDateTrend: TrendSource = {
  async trend(ctx, areaId, periods) {
    const views = await Promise.all(periods.map((period) => structureResolvers.Query.eiIndex(null, { scope: { areaId, asOf: period.end } }, ctx)));
    return {
      points: views.map((view, i) => trendPointOf(periods[i], view)),
      methods: views.map((view, i) => methodEntry(`trend ${periods[i].label}`, 'eiIndex', view.method)),
    };
  },
};

/**
 * The timeline (src/timeline/): every period end in one sweep over the
 * collaboration index's dates, shaped for the caller by the timeline's own view.
 * Its points equal the single-date fields (the timeline's tests hold it to that).
 */
export const timelineTrend: TrendSource = {
  async trend(ctx, areaId, periods) {
    const first = periods[0];
    const last = periods[periods.length - 1];
    const analysed = await timelineOf(ctx.analytics, parseScope({ areaId, asOf: last.end }, ctx.now), first.label, last.label, last.kind);
    const view = timelineView(suppressorOf(ctx), analysed);
    const byLabel = new Map(view.points.map((point) => [point.period, point]));
    const points = periods.map((period): TrendPoint => {
      const point = byLabel.get(period.label);
      if (!point) throw new Error(`timeline has no point for ${period.label}`);
      return {
        period: period.label,
        asOf: period.end,
        crossSectorShare: figure(point.crossSectorShare, point.eiIndex.suppressed, DECIMALS.index),
        eiIndex: figure(point.eiIndex.value, point.eiIndex.suppressed, DECIMALS.index),
        eiExpected: figure(point.expectedEiIndex, point.expectedEiIndexSuppressed, DECIMALS.index),
      };
    });
    return { points, methods: [methodEntry(`trend ${first.label}–${last.label}`, 'timeline', view.method)] };
  },
};
