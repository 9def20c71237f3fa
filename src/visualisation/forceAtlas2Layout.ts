import Graph from 'graphology';
import { compareIds } from '../analytics/compareIds';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { graphToByteArrays, validateSettings } from 'graphology-layout-forceatlas2/helpers.js';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import { iterateInWorker } from './layoutWorker';

export interface Position {
  x: number;
  y: number;
}

export interface LayoutInput {
  /** Node ids; the order does not matter (they are sorted). */
  nodes: readonly string[];
  /** Ties as [source, target]; repeated pairs count once. */
  edges: ReadonlyArray<readonly [string, string]>;
  /**
   * Optional group per node (its home area): a node starts near its group's centre
   * instead of anywhere on the disc. Ties cluster by area, so the layout starts close
   * to its end and fewer iterations converge on large graphs.
   */
  groups?: ReadonlyMap<string, string>;
}

export interface LayoutOptions {
  /** Epoch milliseconds past which the layout stops with `onDeadline()`'s error. */
  deadline: number;
  onDeadline: () => Error;
}

/** Values per node in the layout's node matrix (graphology-layout-forceatlas2's PPN). */
const PER_NODE = 10;

/**
 * Fixed by the graph's size, so the same graph always gets the same number: fewer
 * on large graphs, where each costs more and the grouped start leaves less to do
 * (measured on a 10k city's largest district, 5.7k actors: 120 iterations took 9.7 s).
 */
export function iterationsFor(order: number): number {
  if (order <= 500) return 400;
  if (order <= 2_000) return 250;
  if (order <= 10_000) return 60;
  return 30;
}

/**
 * Barnes–Hut's accuracy on large graphs: 1.0 instead of the package's 0.5 costs a
 * third of the time per iteration (5.7k nodes) and still separates the clusters the
 * picture is about; small graphs keep the package's settings exactly.
 */
export const barnesHutThetaFor = (order: number): number => (order > 2_000 ? 1 : (DEFAULT_SETTINGS.barnesHutTheta as number));

/** FNV-1a of the id: the start position depends on the actor alone, not on the order or the other actors. */
export function hashOf(text: string, salt: number): number {
  let hash = 0x811c9dc5 ^ salt;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x100000000;
}

/** The seeded start: each actor at a point of a disc derived from its id, the disc growing with the graph. */
export function seedPosition(id: string, order: number): Position {
  const radius = 10 * Math.sqrt(Math.max(order, 1)) * Math.sqrt(hashOf(id, 1));
  const angle = 2 * Math.PI * hashOf(id, 2);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/**
 * The groups' centres: evenly round a circle, in group id order, the circle wide
 * enough that groups of even size barely overlap; so the groups start apart and the
 * ties between them, not chance, decide which end up side by side.
 */
export function groupCentres(groups: readonly string[], order: number): Map<string, Position> {
  const sorted = [...new Set(groups)].sort(compareIds);
  const radius = sorted.length < 2 ? 0 : 10 * Math.sqrt(Math.max(order, 1)) * Math.max(1, Math.sqrt(sorted.length) / 3);
  return new Map(sorted.map((group, k) => [group, { x: radius * Math.cos((2 * Math.PI * k) / sorted.length), y: radius * Math.sin((2 * Math.PI * k) / sorted.length) }]));
}

/** A grouped node's start: a point of a disc round its group's centre, sized by the group, derived from its id. */
export function groupedSeedPosition(id: string, centre: Position, groupSize: number): Position {
  const radius = 10 * Math.sqrt(Math.max(groupSize, 1)) * Math.sqrt(hashOf(id, 1));
  const angle = 2 * Math.PI * hashOf(id, 2);
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

/** Where a full layout starts: each actor seeded from its id, near its group's centre when grouped (the explorer's first picture of a scope never laid out). */
export function layoutStart(input: Pick<LayoutInput, 'nodes' | 'groups'>): Map<string, Position> {
  return startPositions([...new Set(input.nodes)].sort(compareIds), input.groups);
}

function startPositions(ids: readonly string[], groups: ReadonlyMap<string, string> | undefined): Map<string, Position> {
  const sizes = new Map<string, number>();
  for (const id of ids) {
    const group = groups?.get(id);
    if (group !== undefined) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  }
  const centres = groupCentres([...sizes.keys()], ids.length);
  return new Map(
    ids.map((id) => {
      const group = groups?.get(id);
      return [id, group === undefined ? seedPosition(id, ids.length) : groupedSeedPosition(id, centres.get(group) as Position, sizes.get(group) as number)];
    }),
  );
}

/**
 * Deterministic ForceAtlas2 (graphology-layout-forceatlas2): nodes in id order,
 * seeded from a hash of their ids (near their group's centre when grouped), the
 * package's inferred settings for the graph's size (a coarser Barnes–Hut on large ones), and a fixed number of iterations, so the same network always
 * gets the same positions. The iterations run in a worker thread
 * (layoutWorker.ts), off the event loop. Past the deadline it stops and throws:
 * a long layout never holds a request (or the process) hostage.
 */
export async function forceAtlas2Layout(input: LayoutInput, options: LayoutOptions): Promise<Map<string, Position>> {
  const ids = [...new Set(input.nodes)].sort(compareIds);
  const starts = startPositions(ids, input.groups);
  const graph = layoutGraph(ids, input.edges, starts);
  return runForceAtlas2(graph, iterationsFor(graph.order), options);
}

/** Distinct ties as [smaller id, larger id], in a fixed order, without loops. */
export function orderedPairs(edges: LayoutInput['edges']): Array<[string, string]> {
  const pairs = edges.filter(([source, target]) => source !== target).map(([source, target]): [string, string] => (source < target ? [source, target] : [target, source]));
  return pairs.sort((a, b) => compareIds(a[0], b[0]) || compareIds(a[1], b[1]));
}

/** The graph the layout runs on: nodes in the given (sorted) order at their starts, ties in a fixed order. */
export function layoutGraph(ids: readonly string[], edges: LayoutInput['edges'], starts: ReadonlyMap<string, Position>): Graph {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const id of ids) graph.addNode(id, { ...(starts.get(id) as Position) });
  // Edges in a fixed order too: the forces are float sums, whose result depends on the order of their terms.
  for (const [source, target] of orderedPairs(edges)) {
    if (graph.hasNode(source) && graph.hasNode(target)) graph.mergeEdge(source, target);
  }
  return graph;
}

/**
 * Runs `iterations` of ForceAtlas2 on the graph from the positions its nodes hold,
 * with the package's defaults and the settings inferred for the graph's size, in
 * the layout worker, stopping with `onDeadline()`'s error.
 */
export async function runForceAtlas2(graph: Graph, iterations: number, options: LayoutOptions): Promise<Map<string, Position>> {
  const positions = new Map<string, Position>();
  if (graph.size === 0 || iterations === 0) {
    // Nothing pulls or pushes: the start is the layout.
    graph.forEachNode((id, attributes) => positions.set(id, { x: attributes.x as number, y: attributes.y as number }));
    return positions;
  }
  // As the package's own runner does: its defaults, then the settings inferred for the graph's size.
  const settings = { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(graph), barnesHutTheta: barnesHutThetaFor(graph.order) };
  const invalid = validateSettings(settings);
  if (invalid) throw new Error(`forceAtlas2Layout: ${invalid.message}`);
  if (Date.now() > options.deadline) throw options.onDeadline();
  const matrices = graphToByteArrays(graph, () => 1);
  const nodes = await iterateInWorker(settings, matrices.nodes, matrices.edges, iterations, options.deadline);
  if (nodes === null) throw options.onDeadline();
  graph.forEachNode((id) => {
    const at = positions.size * PER_NODE;
    positions.set(id, { x: round(nodes[at]), y: round(nodes[at + 1]) });
  });
  return positions;
}

/** Float32 noise is not part of a position: 3 decimals keep payloads short. */
const round = (value: number): number => Math.round(value * 1000) / 1000;
