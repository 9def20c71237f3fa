import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/connection';
import { selects } from '../loaders/selection';
import { listFromIndexFits } from '../loaders/indexReads';
import { actorListShape, needsPage } from '../actors/actorListShape';

/** Whose actors: the area's (with its sub-areas unless `includeSubAreas` is false), active on `asOf` (any time when null). */
export interface AreaActorScope {
  asOf: string | null;
  includeSubAreas: boolean;
}

/**
 * A page of an area's actors as a connection: `area { actors }` and
 * `actors(filter: {areaId})` both answer through this, so both forms cost the
 * same. The list projection, each actor's page of ties with the page, the count
 * beside the page and no page for a count alone; all from the collaboration
 * index when it is current and holds what the selection asks for, otherwise
 * one statement each (areas/actorsByAreas, areas/countActorsByAreas).
 */
export async function areaActorsConnection(ctx: Context, info: GraphQLResolveInfo, areaId: string, scope: AreaActorScope, args: { first?: number | null; after?: string | null }) {
  const first = pageSize(args.first);
  const after = decodeCursor('actors', args.after);
  const shape = actorListShape(info);
  const page = needsPage(info);
  // Ask whether the index is current only when it can answer: otherwise that would be a round trip for nothing.
  if (!page || listFromIndexFits(shape)) await ctx.loaders.index.forRequest(info);
  const count = () => ctx.loaders.areaActorCount(scope).load(areaId);
  const total = selects(info, 'totalCount') ? count() : null;
  total?.catch(() => undefined);
  const rows = page ? await ctx.loaders.areaActors({ ...scope, after, limit: first + 1, shape }).load(areaId) : [];
  return toConnection('actors', rows.map((row) => ({ node: row.actor })), first, (row) => row.node.id, () => total ?? count());
}
