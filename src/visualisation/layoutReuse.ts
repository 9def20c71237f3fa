/**
 * A layout that starts from the previous one. After a write the graph version
 * changes and the cached layout no longer applies, but the network is nearly the
 * same: instead of a full ForceAtlas2 from the seeded start, every actor the
 * previous layout placed starts where it was, a new actor starts next to its
 * placed partners (or its home area's placed members), and a few iterations
 * settle the change. Deterministic: the same network and the same previous
 * positions give the same positions; and an actor keeps its place across writes.
 */
import { compareIds } from '../analytics/compareIds';
import {
  forceAtlas2Layout,
  hashOf,
  iterationsFor,
  layoutGraph,
  layoutStart,
  orderedPairs,
  runForceAtlas2,
  seedPosition,
  type LayoutInput,
  type LayoutOptions,
  type Position,
} from './forceAtlas2Layout';

/** Below this share of the network placed by the previous layout, the network changed too much: a full layout instead. */
export const REUSE_AT_LEAST = 0.5;

/**
 * Iterations of a refinement: a sixth of a full layout's (at least 5). The start
 * is already a converged layout; the iterations settle new actors and ties.
 */
export const refineIterationsFor = (order: number): number => Math.max(5, Math.ceil(iterationsFor(order) / 6));

export interface LayoutOutcome {
  positions: Map<string, Position>;
  /** 'FULL': from the seeded start; 'REFINED': from the previous positions; 'SAME': the previous layout, of this very graph version. */
  mode: 'FULL' | 'REFINED' | 'SAME';
  iterations: number;
  /** Actors placed where the previous layout had them. */
  reused: number;
}

/** A point near `centre`, on a small disc whose offset derives from the id: two newcomers with the same partners do not coincide. */
function near(centre: Position, id: string, radius: number): Position {
  const r = radius * (0.5 + 0.5 * Math.sqrt(hashOf(id, 3)));
  const angle = 2 * Math.PI * hashOf(id, 4);
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}

const mean = (points: readonly Position[]): Position => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});

/**
 * Start positions from a previous layout. Placed actors keep their place; new
 * ones are placed in rounds, in id order: next to the mean of their partners
 * already placed (so a newcomer tied to newcomers follows them), then near the
 * placed members of their home area, then at their seeded place round the
 * previous layout's centre.
 */
export function reusedStarts(ids: readonly string[], input: LayoutInput, previous: ReadonlyMap<string, Position>): Map<string, Position> {
  const starts = new Map<string, Position>();
  for (const id of ids) {
    const at = previous.get(id);
    if (at) starts.set(id, { x: at.x, y: at.y });
  }
  const placedAtFirst = [...starts.values()];
  const centre = placedAtFirst.length > 0 ? mean(placedAtFirst) : { x: 0, y: 0 };
  // The newcomer's offset: a small part of the previous layout's spread per actor.
  const spread = placedAtFirst.length > 0 ? Math.sqrt(placedAtFirst.reduce((sum, p) => sum + (p.x - centre.x) ** 2 + (p.y - centre.y) ** 2, 0) / placedAtFirst.length) : 10;
  const radius = Math.max(1, spread / Math.sqrt(Math.max(ids.length, 1)));
  const partners = new Map<string, string[]>();
  const push = <T>(lists: Map<string, T[]>, key: string, value: T) => {
    const list = lists.get(key);
    if (list) list.push(value);
    else lists.set(key, [value]);
  };
  for (const [a, b] of orderedPairs(input.edges)) {
    push(partners, a, b);
    push(partners, b, a);
  }
  let waiting = ids.filter((id) => !starts.has(id));
  for (let progress = true; progress && waiting.length > 0; ) {
    // One round places against the positions known at its start: the result does not depend on the order within the round.
    const round = new Map<string, Position>();
    for (const id of waiting) {
      const placed = (partners.get(id) ?? []).map((partner) => starts.get(partner)).filter((p): p is Position => p !== undefined);
      if (placed.length > 0) round.set(id, near(mean(placed), id, radius));
    }
    for (const [id, at] of round) starts.set(id, at);
    progress = round.size > 0;
    waiting = waiting.filter((id) => !round.has(id));
  }
  const byGroup = new Map<string, Position[]>();
  for (const [id, at] of previous) {
    const group = input.groups?.get(id);
    if (group !== undefined && starts.has(id)) push(byGroup, group, at);
  }
  for (const id of waiting) {
    const group = input.groups?.get(id);
    const members = group === undefined ? undefined : byGroup.get(group);
    if (members) starts.set(id, near(mean(members), id, radius * 4));
    else {
      const seeded = seedPosition(id, ids.length);
      starts.set(id, { x: centre.x + seeded.x, y: centre.y + seeded.y });
    }
  }
  return starts;
}

/** The actors `previous` places, when they are enough to refine from (else null: a full layout). */
function reusable(ids: readonly string[], previous: ReadonlyMap<string, Position> | null): number | null {
  const reused = previous ? ids.filter((id) => previous.has(id)).length : 0;
  return previous && ids.length > 0 && reused >= REUSE_AT_LEAST * ids.length ? reused : null;
}

/**
 * Where the layout of the network starts: beside `previous` as a refinement would
 * (layoutFromPrevious), else the seeded start of a full layout. The explorer's
 * first picture while the layout is computed (networkService's LoadOptions).
 */
export function layoutStartFrom(input: LayoutInput, previous: ReadonlyMap<string, Position> | null): Map<string, Position> {
  if (!previous) return layoutStart(input);
  const ids = [...new Set(input.nodes)].sort(compareIds);
  return reusable(ids, previous) !== null ? reusedStarts(ids, input, previous) : layoutStart(input);
}

/**
 * The layout of the network: refined from `previous` when it placed at least
 * REUSE_AT_LEAST of the actors, else a full seeded ForceAtlas2.
 */
export async function layoutFromPrevious(input: LayoutInput, previous: ReadonlyMap<string, Position> | null, options: LayoutOptions & { sameVersion?: boolean }): Promise<LayoutOutcome> {
  const ids = [...new Set(input.nodes)].sort(compareIds);
  // The previous layout is of this graph version (kept on disk across a restart): it is the layout, when it places every actor.
  if (previous && options.sameVersion && ids.every((id) => previous.has(id))) {
    return { positions: new Map(ids.map((id) => [id, previous.get(id) as Position])), mode: 'SAME', iterations: 0, reused: ids.length };
  }
  const reused = reusable(ids, previous);
  if (!previous || reused === null) {
    return { positions: await forceAtlas2Layout(input, options), mode: 'FULL', iterations: iterationsFor(ids.length), reused: 0 };
  }
  const iterations = refineIterationsFor(ids.length);
  const graph = layoutGraph(ids, input.edges, reusedStarts(ids, input, previous));
  return { positions: await runForceAtlas2(graph, iterations, options), mode: 'REFINED', iterations, reused };
}
