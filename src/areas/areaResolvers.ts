import type { Context } from '../context';
import type { AreaLevel, AreaRecord } from '../model';
import { BadUserInputError, NotFoundError } from '../errors';
import type { GraphQLResolveInfo } from 'graphql';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { selects } from '../loaders/selection';
import { actorListShape, needsPage } from '../actors/actorListShape';
import { toConnection } from '../pagination/connection';
import { idOrGenerate, requiredText } from '../validation/inputs';

interface CreateAreaInput {
  id?: string | null;
  name: string;
  level: AreaLevel;
  parentId?: string | null;
}

const CHILD_LEVEL: Record<AreaLevel, AreaLevel | null> = { CITY: 'DISTRICT', DISTRICT: 'NEIGHBOURHOOD', NEIGHBOURHOOD: null };

export const areaResolvers = {
  Area: {
    synthetic: (area: AreaRecord) => area.synthetic ?? false,
    parent: (area: AreaRecord, _: unknown, ctx: Context) => (area.parentId ? ctx.loaders.area.load(area.parentId) : null),
    children: (area: AreaRecord, _: unknown, ctx: Context) => ctx.loaders.areaChildren.load(area.id),
    // The same statements' shape as Query.actors(filter: {areaId}): one walk, the list projection, ties prefetched, the count beside the page.
    actors: async (area: AreaRecord, args: { asOf?: string | null; includeSubAreas?: boolean | null; first?: number | null; after?: string | null }, ctx: Context, info: GraphQLResolveInfo) => {
      const first = pageSize(args.first);
      const after = decodeCursor('actors', args.after);
      const scope = { asOf: args.asOf ?? null, includeSubAreas: args.includeSubAreas ?? true };
      const total = selects(info, 'totalCount') ? ctx.loaders.areaActorCount(scope).load(area.id) : null;
      total?.catch(() => undefined);
      const rows = needsPage(info) ? await ctx.loaders.areaActors({ ...scope, after, limit: first + 1, shape: actorListShape(info) }).load(area.id) : [];
      return toConnection('actors', rows.map((row) => ({ node: row.actor })), first, (row) => row.node.id, () => total ?? ctx.loaders.areaActorCount(scope).load(area.id));
    },
  },
  AreaMembership: {
    area: (membership: { area: AreaRecord }) => membership.area,
  },
  Query: {
    area: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.area.load(args.id),
    areas: (_: unknown, args: { level?: AreaLevel | null; parentId?: string | null }, ctx: Context) =>
      ctx.repos.areas.list(args.level ?? null, args.parentId ?? null),
  },
  Mutation: {
    createArea: async (_: unknown, args: { input: CreateAreaInput }, ctx: Context) => {
      const { input } = args;
      const parentId = input.parentId ?? null;
      if (input.level === 'CITY' && parentId) {
        throw new BadUserInputError('input.parentId must be left out for a CITY: a city is the top of the hierarchy.', 'input.parentId');
      }
      if (input.level !== 'CITY') {
        if (!parentId) throw new BadUserInputError(`input.parentId is required for a ${input.level}: name the area it is part of.`, 'input.parentId');
        const parent = await ctx.loaders.area.load(parentId);
        if (!parent) throw new NotFoundError('Area', parentId);
        if (CHILD_LEVEL[parent.level] !== input.level) {
          throw new BadUserInputError(
            `A ${input.level} cannot be part of a ${parent.level}: the hierarchy is CITY → DISTRICT → NEIGHBOURHOOD.`,
            'input.level',
          );
        }
      }
      return ctx.repos.areas.create(
        { id: idOrGenerate(input.id, 'area'), name: requiredText(input.name, 'input.name'), level: input.level, synthetic: false },
        parentId,
      );
    },
    updateArea: (_: unknown, args: { id: string; input: { name?: string | null } }, ctx: Context) => {
      if (!('name' in args.input)) throw new BadUserInputError('input has no fields to change.', 'input');
      return ctx.repos.areas.update(args.id, { name: requiredText(args.input.name, 'input.name') });
    },
    deleteArea: async (_: unknown, args: { id: string }, ctx: Context) => {
      if (!(await ctx.repos.areas.delete(args.id))) throw new NotFoundError('Area', args.id);
      return { id: args.id, deleted: true };
    },
  },
};
