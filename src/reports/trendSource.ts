import type { Context } from '../context';
import { structureResolvers } from '../analytics/structureResolvers';
import type { Period } from './period';
import type { ReportMethod, TrendPoint } from './reportModel';
import { DECIMALS, figure } from './figures';
import { methodEntry } from './methodEntry';

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
 * Where the report's trend of cross-sector share and E-I comes from. The
 * timeline (src/timeline/, issue 8 section 1) computes many period ends in one
 * sweep; until a report uses it, the single-date fallback below asks eiIndex at
 * each period end, which is slower but gives the very same figures.
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
