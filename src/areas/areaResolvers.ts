import type { Context } from '../context';
import type { AreaLevel, AreaRecord } from '../model';
import { BadUserInputError, NotFoundError } from '../errors';
import type { GraphQLResolveInfo } from 'graphql';
import { areaActorsConnection } from './areaActorsConnection';
import { selectsOnly } from '../loaders/selection';
import { AREA_FIELDS_IN_INDEX, areaFromIndex } from '../loaders/indexReads';
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
    // The same path as Query.actors(filter: {areaId}), so both forms cost the same.
    actors: (area: AreaRecord, args: { asOf?: string | null; includeSubAreas?: boolean | null; first?: number | null; after?: string | null }, ctx: Context, info: GraphQLResolveInfo) =>
      areaActorsConnection(ctx, info, area.id, { asOf: args.asOf ?? null, includeSubAreas: args.includeSubAreas ?? true }, args),
  },
  AreaMembership: {
    area: (membership: { area: AreaRecord }) => membership.area,
  },
  Query: {
    area: async (_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
      // From the collaboration index when it is current and holds what is selected: `area { actors }` then costs what `actors(filter: {areaId})` does.
      const index = selectsOnly(info, AREA_FIELDS_IN_INDEX) ? await ctx.loaders.index.forRequest(info) : null;
      return index ? areaFromIndex(index, args.id) : ctx.loaders.area.load(args.id);
    },
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
