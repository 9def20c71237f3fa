import { COLLABORATION_KINDS, SECTORS, type CollaborationKind, type Sector } from '../model';
import type { Scope } from '../analytics/scope';
import { compareIds } from '../analytics/compareIds';
import type { CollaborationIndex } from '../analytics/collaborationIndex/collaborationIndex';
import { dayNumber } from '../analytics/collaborationIndex/collaborationIndex';
import { ALWAYS, NEVER, dateOfIndexDay } from '../analytics/collaborationIndex/indexColumns';

/** An inclusive run of days, yyyymmdd (see dayNumber). */
export interface DaySpan {
  from: number;
  to: number;
}

/** One actor of a scope's network, before any caller's view of it. */
export interface ScopeNode {
  id: string;
  sector: Sector;
  /** The stored name, or the pseudonym for a citizen without one (as the index holds it). */
  name: string;
  /** Areas the actor is active in on the scope's as-of date. */
  areas: string[];
  /** First and last day of its membership in the scope's areas within the span; null: open (or no area scope). */
  start: string | null;
  end: string | null;
  /**
   * Its memberships of the scope that overlap the span, merged where they touch:
   * one open period without an area scope, none for an outside partner (TOUCHING).
   * A client filters the span's union by date with them, exactly as the scope rules do.
   */
  periods: DatePeriod[];
}

/** A run of days, `YYYY-MM-DD`; null ends are open. */
export interface DatePeriod {
  start: string | null;
  end: string | null;
}

/** One tie, each once, from the smaller actor id to the larger. */
export interface ScopeEdge {
  id: string;
  source: string;
  target: string;
  kind: CollaborationKind;
  strength: number;
  since: string | null;
  until: string | null;
  crossesSectors: boolean;
}

export interface ScopeNetwork {
  nodes: ScopeNode[];
  edges: ScopeEdge[];
  /** Each member's home area within the scope (a leaf area first, then the first by index): the layout's start groups. */
  homes: Map<string, string>;
}


const OPEN_PERIOD: DatePeriod = { start: null, end: null };

/** Overlapping or adjacent runs of days as fewer runs, in order (memberships of an area and its sub-areas often overlap). */
function mergedPeriods(runs: Array<[number, number]>): DatePeriod[] {
  runs.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [since, until] of runs) {
    const last = merged[merged.length - 1];
    // Day numbers are yyyymmdd: "adjacent" is only recognised within a month, which merging does not need for correctness.
    if (last && since <= last[1] + 1) last[1] = Math.max(last[1], until);
    else merged.push([since, until]);
  }
  return merged.map(([since, until]) => ({ start: dateOfIndexDay(since), end: dateOfIndexDay(until) }));
}

/** The scope's as-of date alone, as a span. */
export const asOfSpan = (scope: Scope): DaySpan => ({ from: dayNumber(scope.asOf), to: dayNumber(scope.asOf) });

/**
 * The scope's actors and ties over a span of days, by the scope rules of the
 * analytics (src/analytics/scope.ts, collaborationIndex.membersOf/tieCounts)
 * with "active on asOf" widened to "active on some day of the span": an actor
 * whose membership in the area (sub-areas included) overlaps the span, of an
 * allowed sector (every actor of an allowed sector without an area); a tie whose
 * dates overlap the span, of an allowed kind, at least minStrength strong, with
 * both ends members (WITHIN) or one (TOUCHING, which adds the outside partner).
 * With the span of the as-of date alone, the nodes and pairs are exactly the
 * analytics' scope network; over a longer span they are its union, on which the
 * stable layout is computed and which a dynamic export plays back.
 */
export function scopeNetwork(index: CollaborationIndex, scope: Scope, span: DaySpan): ScopeNetwork {
  const filter = index.filterOf(scope);
  const n = index.actorCount;
  const isMember = new Uint8Array(n);
  const start = new Int32Array(n).fill(NEVER);
  const end = new Int32Array(n).fill(ALWAYS);
  const areas = index.areaIds.map((_, area) => area);
  const inScope = scope.areaId === null ? null : new Set(index.subtreeOf(scope.areaId) ?? []);
  const periodsOf = new Map<number, Array<[number, number]>>();
  const home = new Int32Array(n).fill(-1);
  const isLeaf = (area: number) => index.areaChildren[area].length === 0;
  if (inScope === null) {
    for (let actor = 0; actor < n; actor += 1) if (filter.sectorAllowed[index.actorSector[actor]]) isMember[actor] = 1;
  }
  // One pass over every membership: the scope's (to find its members and their spans) and each actor's areas on asOf.
  const areasOf = new Map<number, string[]>();
  for (const area of areas) {
    for (let at = index.memberStart[area]; at < index.memberStart[area + 1]; at += 1) {
      const actor = index.memberActor[at];
      if (!filter.sectorAllowed[index.actorSector[actor]]) continue;
      const since = index.memberSince[at];
      const until = index.memberUntil[at];
      if (since <= filter.day && until >= filter.day) {
        const list = areasOf.get(actor);
        if (list) list.push(index.areaIds[area]);
        else areasOf.set(actor, [index.areaIds[area]]);
      }
      if (inScope?.has(area) && since <= span.to && until >= span.from) {
        isMember[actor] = 1;
        start[actor] = Math.min(start[actor], since);
        end[actor] = Math.max(end[actor], until);
        if (home[actor] === -1 || (isLeaf(area) && !isLeaf(home[actor]))) home[actor] = area;
        const periods = periodsOf.get(actor);
        if (periods) periods.push([since, until]);
        else periodsOf.set(actor, [[since, until]]);
      }
    }
  }
  const isNode = Uint8Array.from(isMember);
  const edges: ScopeEdge[] = [];
  for (let member = 0; member < n; member += 1) {
    if (!isMember[member]) continue;
    for (let at = index.adjStart[member]; at < index.adjStart[member + 1]; at += 1) {
      const partner = index.adjOther[at];
      if (index.adjSince[at] > span.to || index.adjUntil[at] < span.from) continue;
      if (index.adjStrength[at] < filter.minStrength) continue;
      if (filter.kindAllowed !== null && filter.kindAllowed[index.adjKind[at]] !== 1) continue;
      if (!filter.sectorAllowed[index.actorSector[partner]]) continue;
      // Each tie sits under both ends: take it from the smaller end when both are members.
      if (isMember[partner] ? partner < member : !filter.touching) continue;
      isNode[partner] = 1;
      const low = member < partner ? member : partner;
      const high = member < partner ? partner : member;
      edges.push({
        id: index.adjTieId[at],
        source: index.actorIds[low],
        target: index.actorIds[high],
        kind: COLLABORATION_KINDS[index.adjKind[at]],
        strength: index.adjStrength[at],
        since: dateOfIndexDay(index.adjSince[at]),
        until: dateOfIndexDay(index.adjUntil[at]),
        crossesSectors: index.actorSector[low] !== index.actorSector[high],
      });
    }
  }
  edges.sort((a, b) => compareIds(a.id, b.id));
  const nodes: ScopeNode[] = [];
  for (let actor = 0; actor < n; actor += 1) {
    if (!isNode[actor]) continue;
    const member = inScope !== null && isMember[actor] === 1;
    nodes.push({
      id: index.actorIds[actor],
      sector: SECTORS[index.actorSector[actor]],
      name: index.actorNames[actor],
      areas: (areasOf.get(actor) ?? []).sort(),
      start: member ? dateOfIndexDay(start[actor]) : null,
      end: member ? dateOfIndexDay(end[actor]) : null,
      periods: inScope === null ? [OPEN_PERIOD] : mergedPeriods(periodsOf.get(actor) ?? []),
    });
  }
  const homes = new Map<string, string>();
  for (let actor = 0; actor < n; actor += 1) if (home[actor] !== -1) homes.set(index.actorIds[actor], index.areaIds[home[actor]]);
  return { nodes, edges, homes };
}
