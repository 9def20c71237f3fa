import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/connection';
import { actorReference } from '../analytics/references';
import { parseScope, type AnalyticsScopeInput, type Scope } from '../analytics/scope';
import { suppressorOf } from '../analytics/suppression/suppressor';
import { changesBetween, type TieChangeRow } from './changes';
import { rowsAfter } from '../analytics/measures/crossSectorTies';
import { changesView } from './changesView';
import { PeriodScalar } from './periodScalar';
import type { PeriodKind } from './period';
import { timelineOf } from './timelineService';
import { timelineView } from './timelineView';

interface PeriodArgs {
  scope?: AnalyticsScopeInput | null;
  from: string;
  to: string;
}

/** The scope without a date: the periods give the dates, so an asOf would be silently ignored. */
function undatedScope(input: AnalyticsScopeInput | null | undefined, ctx: Context): Scope {
  if (input?.asOf) {
    throw new BadUserInputError('scope.asOf is not used here: the periods from and to give the dates. Leave scope.asOf out.', 'scope.asOf');
  }
  return parseScope(input, ctx.now);
}


/**
 * The network over time (docs/timeline.md). Thin: parse the arguments, call the
 * service functions (timelineOf, changesBetween: cached, under the analytics
 * timeout), shape the result for the caller's citizen access.
 */
export const timelineResolvers = {
  Period: PeriodScalar as unknown as Record<string, unknown>,
  TieChange: { source: actorReference('source'), target: actorReference('target') },
  ActorChanges: {
    actors: (parent: { ids: string[] }, args: { first?: number | null }, ctx: Context) =>
      Promise.all(parent.ids.slice(0, pageSize(args.first)).map((id) => ctx.loaders.actor.load(id))),
  },
  Query: {
    timeline: async (_: unknown, args: PeriodArgs & { interval?: PeriodKind | null }, ctx: Context) =>
      timelineView(suppressorOf(ctx), await timelineOf(ctx.analytics, undatedScope(args.scope, ctx), args.from, args.to, args.interval ?? 'QUARTER')),
    changes: async (_: unknown, args: PeriodArgs & { first?: number | null; after?: string | null }, ctx: Context) => {
      const scope = undatedScope(args.scope, ctx);
      const first = pageSize(args.first);
      const after = decodeCursor('changes', args.after);
      const view = changesView(suppressorOf(ctx), await changesBetween(ctx.analytics, scope, args.from, args.to));
      const rows = rowsAfter(view.ties, after, first + 1).map((node) => ({ node }));
      const connection = toConnection<TieChangeRow>('changes', rows, first, (row) => `${row.node.source}|${row.node.target}`, async () => view.ties.length);
      return { ...view, ties: { ...connection, totalCount: view.totalsSuppressed ? null : connection.totalCount } };
    },
  },
};
