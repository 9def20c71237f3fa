import type { Context } from '../context';
import type { CompareTo } from './period';
import type { ReportLang } from './reportModel';
import { buildPartnershipReport } from './buildReport';
import { issuePartnershipReport } from './issueReport';
import { graphqlView } from './graphqlView';

interface ReportArgs {
  period: string;
  areaId?: string | null;
  compareTo?: CompareTo | null;
  lang?: ReportLang | null;
}

/**
 * The report fields. The model is built by calling the analytics resolvers
 * themselves with the caller's context (see buildReport.ts), not by executing
 * a GraphQL document: the same functions, cache and suppression views, with
 * no parse and no second pass of the access rules, which the root field's
 * @auth(requires: ANALYST) has already applied.
 */
export const reportResolvers = {
  Query: {
    partnershipReport: async (_: unknown, args: ReportArgs, ctx: Context) => graphqlView(await buildPartnershipReport(ctx, args)),
  },
  Mutation: {
    issuePartnershipReport: async (_: unknown, args: ReportArgs, ctx: Context) => graphqlView(await issuePartnershipReport(ctx, args)),
  },
};
