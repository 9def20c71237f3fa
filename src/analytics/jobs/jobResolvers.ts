import type { Context } from '../../context';
import { hasRole } from '../../auth/policy';
import { NotFoundError } from '../../errors';
import { brokersAnalysis, brokersArguments, type BetweennessInput } from '../brokersAnalysis';
import { parseScope, type AnalyticsScopeInput } from '../scope';
import { methodOnlyView, type Analysed } from '../suppression/methodView';
import { suppressorOf } from '../suppression/suppressor';
import type { AnalysisJob } from './analysisJobs';

/**
 * startAnalysis, analysisJob and cancelAnalysis (docs/analytics.md, "Analysis
 * jobs"). Arguments are checked when the job is started, so a bad one is refused
 * at once; the job then runs the field's own analysis through the analytics
 * service (cached under the field's key). A job is visible only to its starter
 * and to ADMIN: to anyone else it does not exist (NOT_FOUND), so ids reveal nothing.
 */

type AnalysisField = 'BROKERS';

interface StartArgs {
  field: AnalysisField;
  scope?: AnalyticsScopeInput | null;
  arguments?: { first?: number | null; betweenness?: BetweennessInput | null } | null;
}

/** What a job keeps: the analysed result, shaped for each reader when read (suppression depends on who asks). */
interface StoredResult {
  typename: 'BrokerRanking';
  analysed: Analysed<object>;
}

function ownJob(ctx: Context, id: string): AnalysisJob {
  const job = ctx.analytics.jobs.get(id);
  if (!job || (job.ownerId !== ctx.principal.id && !hasRole(ctx.principal, 'ADMIN'))) throw new NotFoundError('AnalysisJob', id);
  return job;
}

async function start(ctx: Context, args: StartArgs): Promise<AnalysisJob> {
  const scope = parseScope(args.scope, ctx.now);
  const parsed = brokersArguments(args.arguments ?? {});
  await ctx.analytics.checkScope(scope, await ctx.analytics.graphVersion());
  const deps = { analytics: ctx.analytics, logger: ctx.logger };
  return ctx.analytics.jobs.start(ctx.principal.id, args.field, async (signal, onProgress): Promise<StoredResult> => {
    // In a job exact betweenness runs in the service, where cancelling stops it between batches of sources.
    const compute = brokersAnalysis(deps, scope, parsed, { exactEngine: 'SERVICE', onProgress });
    return { typename: 'BrokerRanking', analysed: await ctx.analytics.analyseInBackground('brokers', scope, parsed, compute, signal) };
  });
}

export const jobResolvers = {
  AnalysisResult: {
    __resolveType: (result: { __typename: string }) => result.__typename,
  },
  AnalysisJob: {
    queuePosition: (job: AnalysisJob, _: unknown, ctx: Context) => ctx.analytics.jobs.queuePosition(job.id),
    result: (job: AnalysisJob, _: unknown, ctx: Context) => {
      if (job.status !== 'SUCCEEDED' || !job.result) return null;
      const stored = job.result as StoredResult;
      return { __typename: stored.typename, ...methodOnlyView(suppressorOf(ctx), stored.analysed) };
    },
  },
  Query: {
    analysisJob: (_: unknown, args: { id: string }, ctx: Context) => ownJob(ctx, args.id),
  },
  Mutation: {
    startAnalysis: (_: unknown, args: StartArgs, ctx: Context) => start(ctx, args),
    cancelAnalysis: (_: unknown, args: { id: string }, ctx: Context) => {
      const job = ownJob(ctx, args.id);
      return ctx.analytics.jobs.cancel(job.id) ?? job;
    },
  },
};
