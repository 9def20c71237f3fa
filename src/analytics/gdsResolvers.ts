import type { Context } from '../context';
import { BadUserInputError } from '../errors';
import { intInRange } from '../validation/inputs';
import type { MethodParts } from './analyticsService';
import { gdsLeiden, type CommunityAlgorithm } from './gdsRunner';
import { actorReference } from './references';
import { parseScope, type AnalyticsScopeInput } from './scope';
import type { ScopeGraph } from './scopeGraph';
import { brokersAnalysis, brokersArguments, type BetweennessInput } from './brokersAnalysis';
import { louvainCommunities } from './measures/louvain';
import { partition } from './measures/communityComposition';
import { modularity } from './measures/modularity';
import { structuralRisksOf } from './measures/structuralRisks';
import { basisOfGraph } from './suppression/citizenBasis';
import { communitiesView } from './suppression/communitiesView';
import { methodOnlyView } from './suppression/methodView';
import { suppressorOf } from './suppression/suppressor';

/**
 * Resolvers of the analytics fields that can use Graph Data Science: brokers
 * (exact betweenness by GDS, the estimate in the service), communities (Leiden
 * by GDS, Louvain in the service) and structuralRisks (in the service, by one
 * depth-first search) (docs/analytics.md, "Analytics with Graph Data Science").
 * What needs GDS checks that it is there; GDS runs on a projection of the scope
 * (gdsRunner), the rest is computed from the scope graph by the pure modules in
 * measures/. The cached result keeps the network's citizen counts; each caller
 * gets its view of them (suppression/).
 */

interface ScopeArgs {
  scope?: AnalyticsScopeInput | null;
}

const PAIRS =
  'undirected; each pair of actors with at least one tie active on asOf (of the scope’s kinds, minStrength and sectors) counted once, however many ties join it; isolates are nodes';

const MAX_RESOLUTION = 10;
const DEFAULT_SEED = 42;
const MAX_SEED = 2 ** 31 - 1;

const sized = (graph: ScopeGraph, parts: Omit<MethodParts, 'nodeCount' | 'tieCount' | 'usesGds'>): MethodParts => ({
  ...parts,
  nodeCount: graph.actors.length,
  tieCount: graph.pairs.length,
  usesGds: true,
});

function communityArgs(args: { algorithm?: CommunityAlgorithm | null; resolution?: number | null; seed?: number | null }) {
  const algorithm = args.algorithm ?? 'LOUVAIN';
  const resolution = args.resolution ?? 1;
  if (!(resolution > 0 && resolution <= MAX_RESOLUTION)) {
    throw new BadUserInputError(`resolution must be above 0 and at most ${MAX_RESOLUTION}; got ${resolution}.`, 'resolution');
  }
  const seed = intInRange(args.seed, 'seed', 0, MAX_SEED) ?? DEFAULT_SEED;
  return { algorithm, resolution, seed };
}


export const gdsResolvers = {
  Broker: { actor: actorReference('actorId') },
  Bridge: { source: actorReference('sourceId'), target: actorReference('targetId') },
  ArticulationPoint: { actor: actorReference('actorId') },
  Query: {
    brokers: async (_: unknown, args: ScopeArgs & { first?: number | null; betweenness?: BetweennessInput | null }, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const parsed = brokersArguments(args);
      const analysed = await ctx.analytics.analyse('brokers', scope, parsed, brokersAnalysis(ctx, scope, parsed, { exactEngine: 'GDS' }));
      // Brokerage counts describe one actor's role, not how many citizens there are: only the network's size is shaped.
      return methodOnlyView(suppressorOf(ctx), analysed);
    },
    structuralRisks: async (_: unknown, args: ScopeArgs, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const analysed = await ctx.analytics.analyse('structuralRisks', scope, null, async (version) => {
        const graph = await ctx.analytics.scopeGraph(scope, version);
        return {
          result: { ...structuralRisksOf(graph), citizenBasis: basisOfGraph(graph) },
          method: {
            ...sized(graph, {
              algorithm: 'Bridges and articulation points by one depth-first search (Hopcroft–Tarjan low points) in the service; separated sectors from the same search’s per-subtree sector counts',
              normalisation: null,
              counting: `${PAIRS}; each connected part of the network is analysed on its own`,
            }),
            usesGds: false,
            engine: graph.engine,
          },
        };
      });
      // Separated sectors name sectors, never how many of their actors there are.
      return methodOnlyView(suppressorOf(ctx), analysed);
    },
    communities: async (
      _: unknown,
      args: ScopeArgs & { algorithm?: CommunityAlgorithm | null; resolution?: number | null; seed?: number | null },
      ctx: Context,
    ) => {
      // Leiden is GDS's; Louvain runs in the service on the scope's network.
      if (args.algorithm === 'LEIDEN') await ctx.analytics.requireGds();
      const scope = parseScope(args.scope, ctx.now);
      const { algorithm, resolution, seed } = communityArgs(args);
      const analysed = await ctx.analytics.analyse('communities', scope, { algorithm, resolution, seed }, async (version) => {
        const graph = await ctx.analytics.scopeGraph(scope, version);
        const leiden = algorithm === 'LEIDEN';
        const labels = leiden ? await gdsLeiden(ctx, graph, resolution, seed) : louvainCommunities(graph, resolution, seed);
        const { communities, communityOf } = partition(graph, labels);
        const parts = {
          algorithm: leiden
            ? `Leiden (GDS gds.leiden.stream, gamma ${resolution}, randomSeed ${seed}, one thread over the id-ordered projection)`
            : `Louvain (Blondel et al. 2008, graphology-communities-louvain in the service, resolution ${resolution}, node order shuffled by the seed ${seed}: the same seed gives the same partition)`,
          normalisation: `Newman modularity, unweighted, resolution ${resolution}, computed from the returned partition as NetworkX community.modularity does; null without ties`,
          counting: `${PAIRS}; an isolate is a community of its own`,
        };
        return {
          result: { communities, modularity: modularity(graph, communityOf, resolution), citizenBasis: basisOfGraph(graph) },
          method: leiden ? sized(graph, parts) : { ...sized(graph, parts), usesGds: false, engine: graph.engine },
        };
      });
      return communitiesView(suppressorOf(ctx), analysed);
    },
  },
};
