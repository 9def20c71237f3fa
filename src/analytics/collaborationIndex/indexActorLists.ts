import { compareIds } from '../compareIds';
import { COLLABORATION_KINDS, type CollaborationKind } from '../../model';
import type { CollaborationIndex } from './collaborationIndex';
import { dayNumber } from './collaborationIndex';

/** Which memberships count: those on `asOf` (all, past and present, when null), in the area or also beneath it. */
export interface AreaMembersArgs {
  asOf: string | null;
  includeSubAreas: boolean;
}

/** One page of an actor's ties, as `collaborations(first, after, asOf, kind)` asks for it. */
export interface TiePageQuery {
  asOf: string | null;
  kind: CollaborationKind | null;
  /** The last tie id of the previous page. */
  after: string | null;
  limit: number;
}

/** Member lists kept per index, by area and arguments: a walk through a district asks for the same list page after page. */
const MEMBER_LISTS_KEPT = 32;
const memberLists = new WeakMap<CollaborationIndex, Map<string, Int32Array>>();

/**
 * The actors with a membership that counts in the area (and, with
 * `includeSubAreas`, in the areas beneath it), as ascending actor numbers, which
 * is id order: what areas/actorsByAreas pages and areas/countActorsByAreas
 * counts. Empty for an unknown area, as the statements answer no row for it.
 */
export function areaMemberNumbers(index: CollaborationIndex, areaId: string, args: AreaMembersArgs): Int32Array {
  const key = `${areaId}|${args.asOf ?? ''}|${args.includeSubAreas}`;
  let lists = memberLists.get(index);
  const kept = lists?.get(key);
  if (kept) return kept;
  const areas = args.includeSubAreas ? (index.subtreeOf(areaId) ?? []) : index.areaIndexOf.has(areaId) ? [index.areaIndexOf.get(areaId) as number] : [];
  const day = args.asOf === null ? null : dayNumber(args.asOf);
  const found: number[] = [];
  for (const area of areas) {
    for (let at = index.memberStart[area]; at < index.memberStart[area + 1]; at += 1) {
      if (day === null || (index.memberSince[at] <= day && index.memberUntil[at] >= day)) found.push(index.memberActor[at]);
    }
  }
  const sorted = Int32Array.from(found).sort();
  let distinct = 0;
  for (let at = 0; at < sorted.length; at += 1) if (at === 0 || sorted[at] !== sorted[at - 1]) sorted[distinct++] = sorted[at];
  const list = sorted.slice(0, distinct);
  if (!lists) memberLists.set(index, (lists = new Map()));
  if (lists.size >= MEMBER_LISTS_KEPT) lists.delete(lists.keys().next().value as string);
  lists.set(key, list);
  return list;
}

/** The first actor number whose id sorts after `id` (the actor count when none does). */
function firstAfter(index: CollaborationIndex, id: string): number {
  let low = 0;
  let high = index.actorCount;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareIds(index.actorIds[middle], id) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Up to `limit` of `members` (ascending actor numbers) whose ids sort after `after`: a keyset page, as `a.id > $after ORDER BY a.id LIMIT $limit`. */
export function pageAfter(index: CollaborationIndex, members: Int32Array, after: string | null, limit: number): Int32Array {
  const threshold = after === null ? 0 : firstAfter(index, after);
  let low = 0;
  let high = members.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (members[middle] < threshold) low = middle + 1;
    else high = middle;
  }
  return members.subarray(low, Math.min(members.length, low + limit));
}

/**
 * Adjacency positions of one page of an actor's ties, in tie id order, as
 * collaborations/byActors selects them: of the kind, active on `asOf` (every
 * tie when null), with ids after `after`.
 */
export function tiePage(index: CollaborationIndex, actor: number, query: TiePageQuery): number[] {
  const day = query.asOf === null ? null : dayNumber(query.asOf);
  const kind = query.kind === null ? -1 : COLLABORATION_KINDS.indexOf(query.kind);
  const page: number[] = [];
  for (let at = index.adjStart[actor]; at < index.adjStart[actor + 1] && page.length < query.limit; at += 1) {
    if (query.after !== null && compareIds(index.adjTieId[at], query.after) <= 0) continue;
    if (kind >= 0 && index.adjKind[at] !== kind) continue;
    if (day !== null && !(index.adjSince[at] <= day && index.adjUntil[at] >= day)) continue;
    page.push(at);
  }
  return page;
}

/** How many of an actor's ties are of the kind and active on `asOf`, as collaborations/countByActors counts. */
export function tieCount(index: CollaborationIndex, actor: number, query: Pick<TiePageQuery, 'asOf' | 'kind'>): number {
  return tiePage(index, actor, { ...query, after: null, limit: Number.MAX_SAFE_INTEGER }).length;
}
