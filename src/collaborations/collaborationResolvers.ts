import type { Context } from '../context';
import type { CollaborationKind, CollaborationRecord } from '../model';
import { BadUserInputError, NotFoundError } from '../errors';
import type { TieRow } from './collaborationRepository';
import { idOrGenerate, intInRange, period, requiredText, today } from '../validation/inputs';

interface AddCollaborationInput {
  id?: string | null;
  actorId: string;
  partnerId: string;
  kind: CollaborationKind;
  since?: string | null;
  until?: string | null;
  strength?: number | null;
  initiativeId?: string | null;
  source: string;
}

function wholeTie<K extends keyof TieRow>(key: K) {
  return (tie: TieRow, _: unknown, ctx: Context): TieRow[K] | Promise<TieRow[K] | null> =>
    tie.partial ? ctx.loaders.collaboration.load(tie.id).then((found) => (found as TieRow | null)?.[key] ?? null) : tie[key];
}

export const collaborationResolvers = {
  Collaboration: {
    // The list projection of a tie leaves these out; the ties' statements fetch them when selected, this is the safety net.
    source: wholeTie('source'),
    recordedAt: wholeTie('recordedAt'),
    recordedBy: wholeTie('recordedBy'),
    actors: async (tie: CollaborationRecord, _: unknown, ctx: Context) => {
      const actors = await ctx.loaders.actor.loadMany(tie.actorIds);
      return actors.filter((actor) => actor && !(actor instanceof Error));
    },
    initiative: async (tie: CollaborationRecord, _: unknown, ctx: Context) => {
      // A tie from the collaboration index has no initiativeId at all (the lists read such ties only when `initiative` is not selected).
      const initiativeId = tie.initiativeId === undefined ? (await ctx.loaders.collaboration.load(tie.id))?.initiativeId : tie.initiativeId;
      return initiativeId ? ctx.loaders.initiative.load(initiativeId) : null;
    },
    isActive: (tie: CollaborationRecord, args: { asOf?: string | null }, ctx: Context) => {
      const day = args.asOf ?? today(ctx.now);
      return tie.since <= day && (tie.until == null || tie.until >= day);
    },
  },
  Query: {
    collaboration: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.collaboration.load(args.id),
  },
  Mutation: {
    addCollaboration: (_: unknown, args: { input: AddCollaborationInput }, ctx: Context) => {
      const { input } = args;
      if (input.actorId === input.partnerId) {
        throw new BadUserInputError('input.partnerId equals input.actorId: a collaboration ties two different actors.', 'input.partnerId');
      }
      const since = input.since ?? today(ctx.now);
      period(since, input.until, 'input.until');
      return ctx.repos.collaborations.add({
        id: idOrGenerate(input.id, 'collab'),
        actorId: input.actorId,
        partnerId: input.partnerId,
        kind: input.kind,
        since,
        until: input.until ?? null,
        strength: intInRange(input.strength, 'input.strength', 1, 5) ?? 3,
        initiativeId: input.initiativeId ?? null,
        source: requiredText(input.source, 'input.source'),
      });
    },
    endCollaboration: (_: unknown, args: { id: string; until?: string | null }, ctx: Context) =>
      ctx.repos.collaborations.end(args.id, args.until ?? today(ctx.now)),
    removeCollaboration: async (_: unknown, args: { id: string }, ctx: Context) => {
      if (!(await ctx.repos.collaborations.remove(args.id))) throw new NotFoundError('Collaboration', args.id);
      return { id: args.id, deleted: true };
    },
  },
};
