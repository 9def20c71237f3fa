import type { GraphQLResolveInfo } from 'graphql';
import type { CollaborationIndex } from '../analytics/collaborationIndex/collaborationIndex';
import { ACTOR_KINDS, dateOfIndexDay } from '../analytics/collaborationIndex/indexColumns';
import { areaMemberNumbers, pageAfter, tiePage, type AreaMembersArgs } from '../analytics/collaborationIndex/indexActorLists';
import { COLLABORATION_KINDS, SECTORS, type AreaRecord, type CollaborationEdgeRecord } from '../model';
import type { ActorRow, ListedActor, ListShape } from '../actors/actorRepository';
import type { TieListArgs, TieRow } from '../collaborations/collaborationRepository';

/**
 * Lists answered from the in-memory collaboration index instead of Cypher, when
 * the index is of exactly the graph version the database holds now and the
 * selection asks only for what the index holds. The records are those the list
 * statements' projections return (marked `partial`), so the field resolvers, the
 * citizen masking and the detail fields' fallbacks treat both alike.
 */

/** Where the current index comes from: the analytics service decides it (see AnalyticsService.graphVersion, indexFor). */
export interface IndexSource {
  graphVersion(): Promise<string>;
  indexFor(version: string): CollaborationIndex | null;
}

/** The collaboration index as one request sees it. */
export interface RequestIndex {
  /**
   * Starts (once per request) and returns the index this query may answer from,
   * or null (Cypher then): one look at the graph version per query operation
   * (GraphVersionClock: a statement at most every 250 ms), shared by all its
   * fields. Null for mutations, whose later fields must see their earlier writes.
   */
  forRequest(info: GraphQLResolveInfo): Promise<CollaborationIndex | null>;
  /** The index forRequest found, when some field of the request asked for it; else null without a statement. */
  started(): Promise<CollaborationIndex | null>;
}

export function requestIndex(source: IndexSource | undefined): RequestIndex {
  let current: Promise<CollaborationIndex | null> | null = null;
  return {
    forRequest(info) {
      if (!source || info.operation.operation !== 'query') return Promise.resolve(null);
      current ??= source.graphVersion().then((version) => source.indexFor(version));
      return current;
    },
    started: () => current ?? Promise.resolve(null),
  };
}

/** Whether the index holds every field a page of ties with this shape selects (not the tie's source, recorder or initiative, nor the partner's details). */
export function tiesFromIndexFit(ties: TieListArgs): boolean {
  return !ties.tieDetail && !ties.partnerDetail && !ties.initiative;
}

/** Whether the index holds every field a list with this shape selects. */
export function listFromIndexFits(shape: ListShape): boolean {
  return !shape.detail && (shape.ties === null || tiesFromIndexFit(shape.ties));
}

/** An actor as the list projection returns it (`a {.id, .kind, .sector, .name, .registeredBy, .synthetic}`). */
export function actorRowOf(index: CollaborationIndex, actor: number): ActorRow {
  return {
    id: index.actorIds[actor],
    kind: ACTOR_KINDS[index.actorKind[actor]],
    sector: SECTORS[index.actorSector[actor]],
    name: index.actorNames[actor],
    registeredBy: index.actorRegisteredBy[actor],
    synthetic: index.actorSynthetic[actor] === 1,
    partial: true,
  } as ActorRow;
}

/** The tie at adjacency position `at` of `actor`, with its partner, as the ties' list projection returns it. */
function edgeOf(index: CollaborationIndex, actor: number, at: number): CollaborationEdgeRecord {
  const other = index.adjOther[at];
  const outgoing = index.adjOutgoing[at] === 1;
  // Without source, recordedAt, recordedBy and initiativeId: their resolvers fetch the whole tie for a partial one.
  const collaboration: Omit<TieRow, 'source' | 'recordedAt'> = {
    id: index.adjTieId[at],
    kind: COLLABORATION_KINDS[index.adjKind[at]],
    strength: index.adjStrength[at],
    since: dateOfIndexDay(index.adjSince[at]) as string,
    until: dateOfIndexDay(index.adjUntil[at]),
    actorIds: outgoing ? [index.actorIds[actor], index.actorIds[other]] : [index.actorIds[other], index.actorIds[actor]],
    partial: true,
  };
  return { collaboration: collaboration as TieRow, partner: actorRowOf(index, other) };
}

/** One page of an actor's ties from the index; empty for an actor the index does not know (as the statement answers). */
export function tiesFromIndex(index: CollaborationIndex, actorId: string, ties: TieListArgs): CollaborationEdgeRecord[] {
  const actor = index.actorNumber(actorId);
  if (actor < 0) return [];
  return tiePage(index, actor, ties).map((at) => edgeOf(index, actor, at));
}

/** One keyset page of an area's actors, each with its page of ties when the shape asks for them: areas/actorsByAreas from the index. */
export function areaActorsFromIndex(index: CollaborationIndex, areaId: string, args: AreaMembersArgs & { after: string | null; limit: number }, shape: ListShape): ListedActor[] {
  const page = pageAfter(index, areaMemberNumbers(index, areaId, args), args.after, args.limit);
  return Array.from(page, (actor) => ({
    actor: actorRowOf(index, actor),
    ties: shape.ties ? tiePage(index, actor, shape.ties).map((at) => edgeOf(index, actor, at)) : [],
  }));
}

/** How many actors areas/countActorsByAreas counts for the area, from the index. */
export function areaActorCountFromIndex(index: CollaborationIndex, areaId: string, args: AreaMembersArgs): number {
  return areaMemberNumbers(index, areaId, args).length;
}

/** The fields of an area the index holds (not createdAt, updatedAt); parent, children and actors resolve through their own loaders. */
export const AREA_FIELDS_IN_INDEX: ReadonlySet<string> = new Set(['__typename', 'id', 'name', 'level', 'synthetic', 'parent', 'children', 'actors']);

/** An area as areas/byIds returns it, without its timestamps; null for an area the index does not know (none at this version). */
export function areaFromIndex(index: CollaborationIndex, areaId: string): AreaRecord | null {
  const area = index.areaIndexOf.get(areaId);
  if (area === undefined) return null;
  const parent = index.areaParents[area][0];
  const record: Omit<AreaRecord, 'createdAt' | 'updatedAt'> = {
    id: index.areaIds[area],
    name: index.areaNames[area],
    level: index.areaLevels[area],
    parentId: parent === undefined ? null : index.areaIds[parent],
    synthetic: index.areaSynthetic[area],
  };
  return record as AreaRecord;
}
