import type { Context } from '../context';
import type { AreaRecord, InitiativeKind, InitiativeRecord, ParticipationRole } from '../model';
import { BadUserInputError, NotFoundError } from '../errors';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/connection';
import { toFulltextQuery } from '../db/fulltextQuery';
import { period, today } from '../validation/inputs';
import { SDG_TITLES } from './sdgTitles';
import { parseCreateInitiative, parseUpdateInitiative, type CreateInitiativeInput, type UpdateInitiativeInput } from './initiativeInput';
import type { InitiativeListFilter } from './initiativeRepository';

interface InitiativeFilterInput {
  kinds?: InitiativeKind[] | null;
  areaId?: string | null;
  sdg?: number | null;
  activeAsOf?: string | null;
  search?: string | null;
}

function listFilter(filter: InitiativeFilterInput | null | undefined): InitiativeListFilter {
  const sdg = filter?.sdg ?? null;
  if (sdg !== null && (sdg < 1 || sdg > 17)) throw new BadUserInputError(`filter.sdg must be from 1 to 17; got ${sdg}.`, 'filter.sdg');
  return {
    search: filter?.search == null ? null : toFulltextQuery(filter.search),
    kinds: filter?.kinds?.length ? filter.kinds : null,
    areaId: filter?.areaId ?? null,
    sdg,
    activeAsOf: filter?.activeAsOf ?? null,
  };
}

interface JoinInput {
  actorId: string;
  initiativeId: string;
  role: ParticipationRole;
  since?: string | null;
  until?: string | null;
}

export const initiativeResolvers = {
  Initiative: {
    synthetic: (initiative: InitiativeRecord) => initiative.synthetic ?? false,
    sdgs: (initiative: InitiativeRecord) => (initiative.sdgs ?? []).map((number) => ({ number, title: SDG_TITLES[number] })),
    areas: async (initiative: InitiativeRecord, _: unknown, ctx: Context) =>
      (await ctx.loaders.area.loadMany(initiative.areaIds))
        .filter((area): area is AreaRecord => area !== null && !(area instanceof Error))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    participants: (initiative: InitiativeRecord, args: { asOf?: string | null; role?: ParticipationRole | null }, ctx: Context) =>
      ctx.loaders
        .initiativeParticipants({ asOf: args.asOf ?? null, role: args.role ?? null })
        .load(initiative.id)
        .then((rows) => rows.map((row) => ({ ...row, initiative }))),
  },
  Query: {
    initiative: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.initiative.load(args.id),
    initiatives: async (_: unknown, args: { filter?: InitiativeFilterInput | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const first = pageSize(args.first);
      const after = decodeCursor('initiatives', args.after);
      const filter = listFilter(args.filter);
      const rows = await ctx.repos.initiatives.list(filter, after, first + 1);
      return toConnection('initiatives', rows.map((node) => ({ node })), first, (row) => row.node.id, () => ctx.repos.initiatives.count(filter));
    },
  },
  Mutation: {
    createInitiative: (_: unknown, args: { input: CreateInitiativeInput }, ctx: Context) => ctx.repos.initiatives.create(parseCreateInitiative(args.input)),
    updateInitiative: (_: unknown, args: { id: string; input: UpdateInitiativeInput }, ctx: Context) =>
      ctx.repos.initiatives.update(args.id, parseUpdateInitiative(args.input)),
    deleteInitiative: async (_: unknown, args: { id: string }, ctx: Context) => {
      if (!(await ctx.repos.initiatives.delete(args.id))) throw new NotFoundError('Initiative', args.id);
      return { id: args.id, deleted: true };
    },
    joinInitiative: (_: unknown, args: { input: JoinInput }, ctx: Context) => {
      const since = args.input.since ?? today(ctx.now);
      period(since, args.input.until, 'input.until');
      return ctx.repos.initiatives.join({ ...args.input, since, until: args.input.until ?? null });
    },
    leaveInitiative: (_: unknown, args: { actorId: string; initiativeId: string; until?: string | null }, ctx: Context) =>
      ctx.repos.initiatives.leave(args.actorId, args.initiativeId, args.until ?? today(ctx.now)),
  },
};
