import type { Context } from '../context';
import { parseScope, type AnalyticsScopeInput } from '../analytics/scope';
import { NETWORK_MEASURES, type NetworkMeasure } from './networkMeasures';
import { layoutPeriod, loadNetwork, type NetworkLayout } from './networkService';

interface NetworkArgs {
  scope?: AnalyticsScopeInput | null;
  layout?: NetworkLayout | null;
  layoutFrom?: string | null;
  layoutTo?: string | null;
  include?: NetworkMeasure[] | null;
  overLayoutPeriod?: boolean | null;
}

/** The measures asked for, once each, in the enum's order (so equal requests share one cache entry). */
export const measuresOf = (include: readonly NetworkMeasure[] | null | undefined): NetworkMeasure[] =>
  NETWORK_MEASURES.filter((measure) => include?.includes(measure));

/** The `network` field: arguments checked here, the work in networkService (docs/visualisation.md). */
export const networkResolvers = {
  Query: {
    network: (_: unknown, args: NetworkArgs, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const period = layoutPeriod(args.layoutFrom ?? null, args.layoutTo ?? null);
      return loadNetwork(ctx, { scope, layout: args.layout ?? 'FORCE_ATLAS2', ...period, include: measuresOf(args.include), overLayoutPeriod: args.overLayoutPeriod === true });
    },
  },
};
