import type { Context } from '../context';
import type { ActorKind, Sector } from '../model';
import { SECTOR_OF_KIND } from '../model';
import { AnalyticsTimeoutError, BadUserInputError } from '../errors';
import { dayNumber } from '../analytics/collaborationIndex/collaborationIndex';
import type { Scope } from '../analytics/scope';
import { basisOfGraph } from '../analytics/suppression/citizenBasis';
import { methodOnlyView, type MethodView } from '../analytics/suppression/methodView';
import { suppressorOf } from '../analytics/suppression/suppressor';
import { timelineIndexOf } from '../timeline/timelineIndex';
import { actorRef } from '../reports/actorNames';
import { today } from '../validation/inputs';
import { networkMeasures, type BrokerageRole, type NetworkMeasure } from './networkMeasures';
import { asOfSpan, scopeNetwork, type DatePeriod, type DaySpan, type ScopeEdge, type ScopeNetwork, type ScopeNode } from './scopeNetwork';
import { barnesHutThetaFor, type Position } from './forceAtlas2Layout';
import { layoutMemoryOf } from './layoutMemory';
import { layoutFromPrevious, layoutStartFrom } from './layoutReuse';

export type NetworkLayout = 'NONE' | 'FORCE_ATLAS2';

/** What to draw: a checked scope, the layout and its period, the measures, and optionally a span of dates. */
export interface NetworkRequest {
  scope: Scope;
  layout: NetworkLayout;
  /** The layout's period (`YYYY-MM-DD`); null: from the earliest tie, to today. */
  layoutFrom: string | null;
  layoutTo: string | null;
  include: readonly NetworkMeasure[];
  /**
   * Exports only: every actor and tie of the scope on some day of this period
   * (dates `YYYY-MM-DD`), instead of on scope.asOf alone. Degree and the measures
   * stay those of scope.asOf.
   */
  span?: { from: string; to: string } | null;
  /**
   * The explorer's slider: every actor and tie of the scope on some day of the
   * layout period (the union the layout is computed on), each node with its
   * membership periods, so the client filters by date itself. Overrides `span`.
   */
  overLayoutPeriod?: boolean;
}

export interface NetworkNode {
  id: string;
  label: string;
  kind: ActorKind;
  sector: Sector;
  areas: string[];
  degree: number;
  betweenness: number | null;
  community: number | null;
  brokerageRole: BrokerageRole | null;
  x: number | null;
  y: number | null;
  /** Membership span in the scope's areas (exports' dynamic mode); null: open. */
  start: string | null;
  end: string | null;
  /** Membership periods in the scope within the payload's span (see ScopeNode.periods). */
  periods: DatePeriod[];
}

export type NetworkEdge = ScopeEdge;

export interface NetworkPayload {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  layout: NetworkLayout;
  /** True when the positions are the layout's start: the scope is not laid out on this graph version (see LoadOptions). */
  provisional?: boolean;
  method: MethodView;
}

export interface LoadOptions {
  /**
   * The explorer's first picture (a union over the layout period, `overLayoutPeriod`;
   * other requests ignore it): when the scope's layout period is not laid out
   * on this graph version (never, or not since a write), the positions are where
   * the layout starts (the seeded start, or every actor where the scope's last
   * layout had it: layoutReuse.ts), at once, and nothing more is computed: the
   * layout runs when a caller asks without this option (the explorer does once its
   * provisional picture is on screen, so that the layout's seconds of CPU do not
   * slow the drawing on a machine that does both), or when the warmer takes the
   * scope. Every other caller (the field, the exports) waits for the layout.
   */
  provisionalLayout?: boolean;
}

/** The layout's period as given (null: the default end), refused when it runs backwards. */
export function layoutPeriod(layoutFrom: string | null, layoutTo: string | null): { layoutFrom: string | null; layoutTo: string | null } {
  if (layoutFrom && layoutTo && layoutTo < layoutFrom) {
    throw new BadUserInputError(`layoutTo (${layoutTo}) is before layoutFrom (${layoutFrom}); give the layout period in order.`, 'layoutTo');
  }
  return { layoutFrom, layoutTo };
}

const KIND_OF_SECTOR = Object.fromEntries(Object.entries(SECTOR_OF_KIND).map(([kind, sector]) => [sector, kind])) as Record<Sector, ActorKind>;

/** What the cached analysis keeps: the scope's network with measures, names unmasked (each caller gets its own view). */
interface AnalysedNode extends ScopeNode {
  degree: number;
  betweenness: number | null;
  community: number | null;
  brokerageRole: BrokerageRole | null;
}

const spanOf = (request: NetworkRequest): DaySpan =>
  request.span ? { from: dayNumber(request.span.from), to: dayNumber(request.span.to) } : asOfSpan(request.scope);

/**
 * A scope's network ready to draw, for one caller. The network comes from the
 * collaboration index of the graph version (the service's own when current,
 * otherwise one loaded from the same statements and kept per version), degree and
 * measures from the analytics' scope graph and measures, all through the
 * analytics service (cache, timeout, heavy-work slots, method block). Citizens'
 * labels follow the policy (reports/actorNames), and the method block the
 * small-cell rule, for this caller.
 */
export async function loadNetwork(ctx: Context, given: NetworkRequest, options: LoadOptions = {}): Promise<NetworkPayload> {
  const request = given.overLayoutPeriod ? { ...given, span: layoutSpanOf(ctx, given) } : given;
  const { scope, include } = request;
  if (include.includes('BETWEENNESS') || include.includes('COMMUNITY')) await ctx.analytics.requireGds();
  const span = spanOf(request);
  const analysed = await ctx.analytics.analyse('network', scope, { include, span: request.span ?? null }, async (version) => {
    const [{ index }, graph] = await Promise.all([timelineIndexOf(ctx.analytics, version), ctx.analytics.scopeGraph(scope, version)]);
    const network = scopeNetwork(index, scope, span);
    const measures = await networkMeasures(ctx, graph, include);
    // Fields written out, not spread: a spread copies by a runtime loop, 13k times on a district's union.
    const nodes: AnalysedNode[] = network.nodes.map((node) => {
      const at = graph.indexOf.get(node.id);
      return {
        id: node.id,
        sector: node.sector,
        name: node.name,
        areas: node.areas,
        start: node.start,
        end: node.end,
        periods: node.periods,
        degree: at === undefined ? 0 : graph.neighbours[at].length,
        betweenness: measures.betweenness ? (measures.betweenness.get(node.id) ?? 0) : null,
        community: measures.community?.get(node.id) ?? null,
        brokerageRole: measures.brokerageRole ? (measures.brokerageRole.get(node.id) ?? 'NONE') : null,
      };
    });
    return {
      result: { nodes, edges: network.edges, homes: network.homes, citizenBasis: basisOfGraph(graph) },
      method: {
        engine: 'COLLABORATION_INDEX' as const,
        usesGds: include.includes('BETWEENNESS') || include.includes('COMMUNITY'),
        algorithm: `The scope’s actors and ties ${request.span ? `on some day from ${request.span.from} to ${request.span.to}` : 'on asOf'}; degree = distinct partners on asOf; measures asked for: ${include.join(', ') || 'none'} (as brokers and communities compute them)`,
        counting: 'nodes: every actor of the scope, isolates included; edges: every tie (relationship), each once; nodeCount and tieCount: actors and distinct pairs of the scope on asOf',
        nodeCount: graph.actors.length,
        tieCount: graph.pairs.length,
      },
    };
  });
  const { nodes, edges, method } = methodOnlyView(suppressorOf(ctx), analysed);
  // Over the layout period, this network is the layout's union (its asOf changes only the actors' areas): a provisional start is taken from it.
  const provisionalFrom = options.provisionalLayout && given.overLayoutPeriod ? analysed : null;
  const layout = request.layout === 'FORCE_ATLAS2' ? await layoutOf(ctx, request, provisionalFrom) : null;
  const positions = layout?.positions ?? null;
  const labels = await labelsFor(ctx, nodes);
  return {
    nodes: nodes.map((node) => {
      const place = positions?.get(node.id);
      // The stored name stays here: the label is the caller's view of it.
      return {
        id: node.id,
        sector: node.sector,
        areas: node.areas,
        start: node.start,
        end: node.end,
        periods: node.periods,
        degree: node.degree,
        betweenness: node.betweenness,
        community: node.community,
        brokerageRole: node.brokerageRole,
        label: labels.get(node.id) as string,
        kind: KIND_OF_SECTOR[node.sector],
        x: place?.x ?? null,
        y: place?.y ?? null,
      };
    }),
    edges,
    layout: request.layout,
    ...(layout?.provisional ? { provisional: true } : {}),
    method,
  };
}

/**
 * Each node's label for this caller: a citizen's name only where the policy
 * allows it (reports/actorNames.actorRef, the rule every surface uses). Only an
 * EDITOR's view depends on who registered a citizen, so only then are the
 * citizens' records loaded.
 */
async function labelsFor(ctx: Context, nodes: ReadonlyArray<{ id: string; sector: Sector; name: string }>): Promise<Map<string, string>> {
  const registeredBy = new Map<string, string | null>();
  if (ctx.principal.role === 'EDITOR') {
    const citizens = nodes.filter((node) => node.sector === 'CITIZEN').map((node) => node.id);
    const records = await ctx.loaders.actor.loadMany(citizens);
    records.forEach((record, i) => registeredBy.set(citizens[i], record && !(record instanceof Error) ? (record.registeredBy ?? null) : null));
  }
  // Only the fields the policy reads, not a copy of each node (13k on a district's union).
  return new Map(nodes.map((node) => [node.id, actorRef(ctx, { id: node.id, sector: node.sector, name: node.name, registeredBy: registeredBy.get(node.id) ?? null }).name]));
}

/** The layout's period: the one asked for (default: from the earliest tie to today), widened to take in asOf and an export's span. */
function layoutPeriodOf(ctx: Context, request: NetworkRequest): { from: string | null; to: string } {
  const dates = [request.scope.asOf, ...(request.span ? [request.span.from, request.span.to] : [])].sort();
  const to = [request.layoutTo ?? today(ctx.now), dates[dates.length - 1]].sort()[1];
  const from = request.layoutFrom === null ? null : [request.layoutFrom, dates[0]].sort()[0];
  return { from, to };
}

/** Before every stored date: "from the earliest tie" as a span's first day. */
const EARLIEST = '0001-01-01';

/** The span of the layout's union, for a payload over it. */
function layoutSpanOf(ctx: Context, request: NetworkRequest): { from: string; to: string } {
  const { from, to } = layoutPeriodOf(ctx, { ...request, span: null });
  return { from: from ?? EARLIEST, to };
}

/** A scope's network over the layout period, as the layout reads it. */
type LayoutUnion = Pick<ScopeNetwork, 'homes'> & { nodes: ReadonlyArray<{ id: string }>; edges: ReadonlyArray<{ source: string; target: string }> };

/** What ForceAtlas2 runs on: the union's actors and ties, the actors grouped by home area (the seeded start). */
const layoutInputOf = (union: LayoutUnion) => ({ nodes: union.nodes.map((node) => node.id), edges: union.edges.map((edge) => [edge.source, edge.target] as const), groups: union.homes });

/**
 * The stable layout: ForceAtlas2 on the union of the scope's network over the
 * layout period (widened to take in asOf and an export's span), so it does not
 * depend on asOf. Cached per scope without asOf, period and graph version (the
 * analysis' scope carries the period's end as its date). A new graph version's
 * layout starts from the scope's latest layout when there is one (layoutReuse.ts):
 * a few iterations instead of a full run after a write, and actors keep their place.
 */
async function layoutOf(ctx: Context, request: NetworkRequest, provisionalFrom: LayoutUnion | null): Promise<{ positions: Map<string, Position>; provisional?: true }> {
  const { from, to } = layoutPeriodOf(ctx, request);
  const layoutScope: Scope = { ...request.scope, asOf: to };
  const { asOf: _date, ...scopeWithoutDate } = request.scope;
  const memoryKey = JSON.stringify([scopeWithoutDate, from, request.layoutTo]);
  const unionSpan = { from: from === null ? 0 : dayNumber(from), to: dayNumber(to) };
  // What the layout runs on: the union of the layout period on a graph version, its actors grouped by home area.
  const layoutInputOn = async (version: string) => {
    const { index } = await timelineIndexOf(ctx.analytics, version);
    const union = scopeNetwork(index, layoutScope, unionSpan);
    return { union, input: layoutInputOf(union) };
  };
  const computed = () => ctx.analytics.analyse('networkLayout', layoutScope, { from }, async (version) => {
    const deadline = Date.now() + ctx.analytics.timeoutMs;
    const [{ union, input }, memory] = await Promise.all([layoutInputOn(version), layoutMemoryOf(ctx.analytics.cache)]);
    const previous = memory.latest(memoryKey);
    const layout = await layoutFromPrevious(
      input,
      previous?.positions ?? null,
      { deadline, onDeadline: () => new AnalyticsTimeoutError(ctx.analytics.timeoutMs), sameVersion: previous?.version === version },
    );
    memory.remember(memoryKey, { version, positions: layout.positions });
    const start =
      layout.mode === 'SAME'
        ? 'the layout kept for this graph version (computed before a restart)'
        : layout.mode === 'REFINED'
          ? `started from the layout of graph version ${previous?.version} (${layout.reused} of ${union.nodes.length} actors where they were, new ones beside their partners)`
          : "seeded from a hash of each actor id near its home area's centre";
    return {
      result: { positions: layout.positions },
      method: {
        engine: 'COLLABORATION_INDEX' as const,
        algorithm: `ForceAtlas2 (graphology-layout-forceatlas2, inferred settings, ${layout.iterations} iterations, Barnes–Hut θ ${barnesHutThetaFor(union.nodes.length)}, ${start})`,
        counting: 'the union of the scope’s actors and ties over the layout period; repeated pairs count once',
        nodeCount: union.nodes.length,
        tieCount: union.edges.length,
      },
    };
  });
  if (provisionalFrom) {
    const version = await ctx.analytics.graphVersion();
    const previous = (await layoutMemoryOf(ctx.analytics.cache)).latest(memoryKey);
    if (previous?.version !== version) {
      // Not laid out on this graph version: the layout (seconds on a large district never laid out, a refinement after a write) would hold
      // the first picture. Its start is sent; the layout waits for a caller who asks for it (LoadOptions).
      return { positions: layoutStartFrom(layoutInputOf(provisionalFrom), previous?.positions ?? null), provisional: true };
    }
  }
  return { positions: (await computed()).positions };
}
