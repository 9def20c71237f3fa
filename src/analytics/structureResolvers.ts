import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../errors';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/connection';
import { intInRange } from '../validation/inputs';
import type { MethodParts } from './analyticsService';
import { actorReference, areaReference } from './references';
import { parseScope, type AnalyticsScopeInput, type Scope } from './scope';
import type { ScopeGraph } from './scopeGraph';
import { assortativity } from './measures/assortativity';
import { areaDiversityFromCounts } from './measures/blau';
import { crossSectorTies, rowsAfter, tieKey, type CrossSectorTieRow } from './measures/crossSectorTies';
import { eiIndex } from './measures/eiIndex';
import { helixCoverage } from './measures/helixCoverage';
import { indexHelixCoverage } from './collaborationIndex/indexHelixCoverage';
import { candidates, partnerSuggestions, SUGGESTION_WEIGHTS, type SharedContext } from './measures/partnerSuggestions';
import { sectorMatrix } from './measures/sectorMatrix';
import type { SectorMixing } from './measures/sectorMixing';
import { areaMembersOf, diversityCountsOf, sectorMixingOf } from './scopeCounts';
import { shortestPaths } from './measures/shortestPaths';
import { basisOfGraph, basisOfMixing, CITIZEN, type WithCitizenBasis } from './suppression/citizenBasis';
import { diversityView } from './suppression/diversityView';
import { citizensPerArea, helixCoverageView } from './suppression/helixCoverageView';
import { crossSectorTiesView, methodOnlyView } from './suppression/methodView';
import { assortativityView, eiIndexView, sectorMatrixView } from './suppression/mixingViews';
import { suppressorOf } from './suppression/suppressor';

interface ScopeArgs {
  scope?: AnalyticsScopeInput | null;
}

const PAIRS =
  'each pair of actors with at least one tie active on asOf (of the scope’s kinds, minStrength and sectors) counted once, however many ties join it; isolates count as actors, not ties';

/** The method parts every structural measure shares: the network's size. */
const sized = (graph: ScopeGraph, parts: Omit<MethodParts, 'nodeCount' | 'tieCount'>): MethodParts => ({
  ...parts,
  engine: graph.engine,
  nodeCount: graph.actors.length,
  tieCount: graph.pairs.length,
});

/**
 * A measure computed from the scope's network alone. The result keeps the
 * network's citizen counts (cached with it, never sent) for each caller's view.
 */
function fromGraph<T extends object>(ctx: Context, field: string, scope: Scope, args: unknown, measure: (graph: ScopeGraph) => { result: T; method: MethodParts }) {
  return ctx.analytics.analyse(field, scope, args, async (version) => {
    const graph = await ctx.analytics.scopeGraph(scope, version);
    const { result, method } = measure(graph);
    return { result: { ...result, citizenBasis: basisOfGraph(graph) } as T & WithCitizenBasis, method };
  });
}

/** A measure computed from the counts per sector pair alone, with the citizen counts among them. */
function fromMixing<T extends object>(ctx: Context, field: string, scope: Scope, measure: (mixing: SectorMixing) => T, parts: Omit<MethodParts, 'nodeCount' | 'tieCount'>) {
  return ctx.analytics.analyse(field, scope, null, async (version) => {
    const { value: mixing, engine } = await sectorMixingOf(ctx.analytics, scope, version);
    return {
      result: { ...measure(mixing), citizenBasis: basisOfMixing(mixing) } as T & WithCitizenBasis,
      method: { ...parts, engine, nodeCount: mixing.nodeCount, tieCount: mixing.totalTies },
    };
  });
}

async function existingActor(ctx: Context, id: string): Promise<void> {
  if (!(await ctx.loaders.actor.load(id))) throw new NotFoundError('Actor', id);
}


/**
 * Resolvers of the structural analytics fields: no GDS needed. Each parses its
 * arguments, then hands a pure measure (src/analytics/measures/) its input through
 * `analyse`, which adds the method block, the cache and the timeout. The cached
 * result is the same for every caller; the suppression views (suppression/) then
 * shape it for this caller, withholding small counts of citizens. The formulas
 * and conventions are in docs/analytics.md.
 */
export const structureResolvers = {
  CrossSectorTie: { source: actorReference('source'), target: actorReference('target') },
  ActorDiversity: { actor: actorReference('actorId') },
  AreaDiversity: { area: areaReference },
  Diversity: {
    actors: (parent: { actors: (first: number) => unknown[] }, args: { first?: number | null }) => parent.actors(pageSize(args.first)),
  },
  AreaHelixCoverage: { area: areaReference },
  PathHop: { actor: actorReference('actorId') },
  PartnerSuggestion: { actor: actorReference('actorId') },
  Query: {
    crossSectorTies: async (_: unknown, args: ScopeArgs & { first?: number | null; after?: string | null }, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const first = pageSize(args.first);
      const after = decodeCursor('crossSectorTies', args.after);
      const analysed = await fromGraph(ctx, 'crossSectorTies', scope, null, (graph) => ({
        result: { ties: crossSectorTies(graph.pairs) },
        method: sized(graph, { algorithm: 'The scope’s actor pairs whose two actors are of different sectors, ordered by (source id, target id)', counting: PAIRS }),
      }));
      const { ties, method, totalCountSuppressed } = crossSectorTiesView(suppressorOf(ctx), analysed);
      const rows = rowsAfter(ties, after, first + 1).map((node) => ({ node }));
      const connection = toConnection<CrossSectorTieRow>('crossSectorTies', rows, first, (row) => tieKey(row.node), async () => ties.length);
      return { ...connection, totalCount: totalCountSuppressed ? null : connection.totalCount, totalCountSuppressed, method };
    },
    sectorMatrix: async (_: unknown, args: ScopeArgs, ctx: Context) =>
      sectorMatrixView(suppressorOf(ctx), await fromMixing(ctx, 'sectorMatrix', parseScope(args.scope, ctx.now), sectorMatrix, {
        algorithm: 'Pairs counted per unordered sector pair; density = ties ÷ possible pairs (nA·nB between two sectors, nA(nA−1)/2 within one)',
        normalisation: 'density: ties ÷ possible pairs; null when no pair is possible',
        counting: PAIRS,
      })),
    eiIndex: async (_: unknown, args: ScopeArgs, ctx: Context) =>
      eiIndexView(suppressorOf(ctx), await fromMixing(ctx, 'eiIndex', parseScope(args.scope, ctx.now), eiIndex, {
        algorithm:
          'Krackhardt–Stern E-I index (E − I)/(E + I), E = pairs between sectors, I = pairs within one; expected = (Pe − Pi)/(Pe + Pi), Pe = Σ_{k<l} nk·nl, Pi = Σ nk(nk−1)/2',
        normalisation: 'none: −1 (all ties within sectors) to +1 (all between)',
        counting: PAIRS,
      })),
    assortativity: async (_: unknown, args: ScopeArgs, ctx: Context) =>
      assortativityView(suppressorOf(ctx), await fromMixing(ctx, 'assortativity', parseScope(args.scope, ctx.now), assortativity, {
        algorithm:
          'Newman’s attribute assortativity by sector, r = (Σ e_kk − Σ a_k²)/(1 − Σ a_k²), as networkx.attribute_assortativity_coefficient; sectorModularity Q = Σ_k (e_kk − a_k²), Newman’s modularity of the sector partition, as networkx community.modularity with the sectors as communities',
        normalisation: 'none: −1 to 1',
        counting: `${PAIRS}; each tie enters the mixing matrix in both directions`,
      })),
    diversity: async (_: unknown, args: ScopeArgs, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      // Counts per actor and per area, with no export of the network. The citizen
      // counts of the network come from the partner counts, or, when outside partners
      // of unknown sector take part (TOUCHING), from the scope's sector mixing.
      const analysed = await ctx.analytics.analyse('diversity', scope, null, async (version) => {
        const { value, engine } = await diversityCountsOf(ctx.analytics, scope, version);
        const table = value.partners;
        const basis = table.citizenBasis() ?? basisOfMixing((await sectorMixingOf(ctx.analytics, scope, version)).value);
        return {
          result: {
            table,
            areas: areaDiversityFromCounts(value.areas),
            citizensInArea: new Map(value.areas.map((area) => [area.id, area.counts[CITIZEN]])),
            citizenBasis: basis,
          },
          method: {
            engine,
            algorithm: 'Blau’s index 1 − Σ pₖ² of the sectors of each actor’s partners, and of each area’s actors (sub-areas included)',
            normalisation: 'normalised = value ÷ (1 − 1/5): 1 is an even mix of all five sectors',
            counting: `${PAIRS}; a partner is counted once however many ties join the pair`,
            nodeCount: table.rows,
            tieCount: table.tieCount,
          },
        };
      });
      return diversityView(suppressorOf(ctx), analysed);
    },
    helixCoverage: async (_: unknown, args: ScopeArgs, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const parts = {
        algorithm: 'For each area: pairs of sectors present joined by at least one tie with both actors in the area (sub-areas included)',
        normalisation: 'coverage = connected pairs ÷ C(sectors present, 2); null with fewer than two sectors',
        counting: PAIRS,
      };
      const analysed = await ctx.analytics.analyse('helixCoverage', scope, null, async (version) => {
        const index = ctx.analytics.indexFor(version);
        const fromIndex = index ? indexHelixCoverage(index, scope) : null;
        if (fromIndex) {
          // From the index's arrays: no scope graph is built (a whole city's took most of a report's time).
          const { value: mixing, engine } = await sectorMixingOf(ctx.analytics, scope, version);
          return { result: { ...fromIndex, citizenBasis: basisOfMixing(mixing) }, method: { ...parts, engine, nodeCount: mixing.nodeCount, tieCount: mixing.totalTies } };
        }
        const [graph, areas] = await Promise.all([ctx.analytics.scopeGraph(scope, version), areaMembersOf(ctx.analytics, scope, version)]);
        return {
          result: { areas: helixCoverage(areas.value, graph.pairs), citizensInArea: citizensPerArea(areas.value), citizenBasis: basisOfGraph(graph) },
          method: sized(graph, parts),
        };
      });
      return helixCoverageView(suppressorOf(ctx), analysed);
    },
    connectionPaths: async (_: unknown, args: ScopeArgs & { from: string; to: string; maxHops?: number | null }, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const maxHops = intInRange(args.maxHops, 'maxHops', 1, 6) ?? 4;
      if (args.from === args.to) throw new BadUserInputError('from and to must be two different actors: a path needs two ends.', 'to');
      await Promise.all([existingActor(ctx, args.from), existingActor(ctx, args.to)]);
      const analysed = await fromGraph(ctx, 'connectionPaths', scope, { from: args.from, to: args.to, maxHops }, (graph) => {
        const start = graph.indexOf.get(args.from);
        const end = graph.indexOf.get(args.to);
        const found = start === undefined || end === undefined ? [] : shortestPaths(graph, start, end, maxHops);
        const paths = found.map((path) => ({
          hops: path.nodes.map((index) => ({ actorId: graph.actors[index].id, sector: graph.actors[index].sector })),
          length: path.length,
          sectorCrossings: path.sectorCrossings,
        }));
        return {
          result: { paths },
          method: sized(graph, {
            algorithm: `All shortest paths of at most ${maxHops} ties in the scope’s network (breadth-first search), at most 25, fewest sector crossings first`,
            counting: PAIRS,
          }),
        };
      });
      return methodOnlyView(suppressorOf(ctx), analysed);
    },
    partnerSuggestions: async (_: unknown, args: ScopeArgs & { actorId: string; first?: number | null }, ctx: Context) => {
      const scope = parseScope(args.scope, ctx.now);
      const first = intInRange(args.first, 'first', 0, 100) ?? 10;
      await existingActor(ctx, args.actorId);
      const analysed = await ctx.analytics.analyse('partnerSuggestions', scope, { actorId: args.actorId, first }, async (version) => {
        const graph = await ctx.analytics.scopeGraph(scope, version);
        const index = graph.indexOf.get(args.actorId);
        const candidateIds = index === undefined ? [] : candidates(graph, index).map((other) => graph.actors[other].id);
        const context =
          candidateIds.length === 0
            ? []
            : await ctx.analytics.read<SharedContext>('analytics/sharedContext', { actorId: args.actorId, candidateIds, asOf: scope.asOf });
        return {
          result: { suggestions: index === undefined ? [] : partnerSuggestions(graph, index, context, first), citizenBasis: basisOfGraph(graph) },
          method: sized(graph, {
            algorithm: `score = Adamic–Adar (Σ 1/ln deg z over shared partners z) + ${SUGGESTION_WEIGHTS.area}·shared areas + ${SUGGESTION_WEIGHTS.initiative}·shared initiatives + ${SUGGESTION_WEIGHTS.sdg}·shared SDGs; candidates: actors of other sectors in the scope not tied to the actor, score > 0`,
            counting: `${PAIRS}; shared areas, initiatives and SDGs as of asOf`,
          }),
        };
      });
      return methodOnlyView(suppressorOf(ctx), analysed);
    },
  },
};
