import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { actorRowOf, AREA_FIELDS_IN_INDEX, areaFromIndex } from '../loaders/indexReads';
import { selectsOnly } from '../loaders/selection';

/**
 * Resolvers of the actors and areas an analytics row names by id (a broker, a
 * diversity row, a tie's ends). When the request's collaboration index is
 * current they come from it, as the lists' rows do: an actor as a partial row
 * (the Actor resolvers load the rest, batched, only if asked, and mask citizens
 * alike), an area when the selection asks only for what the index holds. Else,
 * or for an id the index does not know, through the request's loaders. Twenty
 * names of a ranking then cost no round trip.
 */
export const actorReference =
  <K extends string>(key: K) =>
  async (parent: Record<K, string>, _: unknown, ctx: Context, info: GraphQLResolveInfo) => {
    const id = parent[key];
    const index = await ctx.loaders.index.forRequest(info);
    const actor = index ? index.actorNumber(id) : -1;
    return index && actor >= 0 ? actorRowOf(index, actor) : ctx.loaders.actor.load(id);
  };

export async function areaReference(parent: { areaId: string }, _: unknown, ctx: Context, info: GraphQLResolveInfo) {
  const index = selectsOnly(info, AREA_FIELDS_IN_INDEX) ? await ctx.loaders.index.forRequest(info) : null;
  return (index && areaFromIndex(index, parent.areaId)) ?? ctx.loaders.area.load(parent.areaId);
}
