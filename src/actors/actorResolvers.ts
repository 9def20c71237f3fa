import type { Context } from '../context';
import type { ActorRecord } from '../model';
import { TYPE_OF_KIND } from '../model';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Principal } from '../auth/principal';
import { maySeeCitizenDetails } from '../auth/policy';
import type { GraphQLResolveInfo } from 'graphql';
import { decodeCursor, pageSize } from '../pagination/cursor';
import { toConnection } from '../pagination/connection';
import { toFulltextQuery } from '../db/fulltextQuery';
import { today } from '../validation/inputs';
import { membership, parseCreateActor, parseUpdateActor, type AreaMembershipInput, type CreateActorInput, type UpdateActorInput } from './actorInput';
import type { ActorListFilter, ActorRow } from './actorRepository';
import { tieListArgs, type TiePageArgs } from '../collaborations/tiePage';
import { selects, tieShapeOf } from '../loaders/selection';
import { actorDetailShape, actorListShape, needsPage } from './actorListShape';
import { areaActorsConnection } from '../areas/areaActorsConnection';
import { tiesFromIndexFit } from '../loaders/indexReads';

interface ActorFilterInput {
  kinds?: ActorListFilter['kinds'];
  sectors?: ActorListFilter['sectors'];
  areaId?: string | null;
  search?: string | null;
  activeAsOf?: string | null;
  synthetic?: boolean | null;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

function listFilter(filter: ActorFilterInput | null | undefined, principal: Principal): ActorListFilter {
  return {
    // A name search must not reveal the display names of citizens the caller may not see.
    citizenNamesOf: maySeeCitizenDetails(principal, null) ? null : principal.role === 'EDITOR' ? [...principal.organisations] : [],
    search: filter?.search == null ? null : toFulltextQuery(filter.search),
    areaId: filter?.areaId ?? null,
    kinds: filter?.kinds?.length ? filter.kinds : null,
    sectors: filter?.sectors?.length ? filter.sectors : null,
    activeAsOf: filter?.activeAsOf ?? null,
    synthetic: filter?.synthetic ?? null,
  };
}

/**
 * The area of a filter that asks for nothing but "active in this area (and its
 * sub-areas), optionally on a date": that is `area { actors }`'s question, whose
 * statements walk the hierarchy without the general list's union and per-row
 * re-checks (7 ms instead of 60 ms of Neo4j time for the count of a 5,000-actor
 * district, docs/performance.md). Null for any other filter.
 */
function areaOnly(filter: ActorListFilter): string | null {
  const other = filter.search !== null || filter.kinds !== null || filter.sectors !== null || filter.synthetic !== null;
  return other ? null : filter.areaId;
}

/**
 * Who may create what: organisations need ADMIN; an EDITOR registers citizens for
 * one of its organisations (by default its first), which the repository then
 * checks and locks inside the write's transaction.
 */
function withRegistration(input: CreateActorInput, principal: Principal): CreateActorInput {
  if (principal.role === 'ADMIN') return input;
  if (input.kind !== 'CITIZEN') {
    throw new ForbiddenError(`Creating an organisation (${input.kind}) needs the ADMIN role; an EDITOR may create citizens registered by its organisations.`, { requiredRole: 'ADMIN' });
  }
  const registeredBy = input.registeredBy ?? principal.organisations[0];
  if (!registeredBy) throw new ForbiddenError('Your credentials name no organisation, so you cannot register citizens. Ask an ADMIN to give your token or API key an organisation.');
  return { ...input, registeredBy };
}

/**
 * A field that the list projection leaves out: read from the record when it is
 * whole, else from the actor loader (one batched statement for all partial actors
 * of the request). The list statements fetch whole records whenever the selection
 * names such a field, so this is the safety net, not the usual path.
 */
function whole<K extends keyof ActorRecord>(key: K) {
  return (actor: ActorRow, _: unknown, ctx: Context): ActorRecord[K] | Promise<ActorRecord[K] | null> =>
    actor.partial ? ctx.loaders.actor.load(actor.id).then((found) => found?.[key] ?? null) : actor[key];
}

/** Fields every actor type shares. */
const actorFields = {
  name: (actor: ActorRecord) => actor.name ?? `Citizen ${actor.id}`,
  synthetic: (actor: ActorRecord) => actor.synthetic ?? false,
  description: whole('description'),
  website: whole('website'),
  createdAt: whole('createdAt'),
  updatedAt: whole('updatedAt'),
  areas: (actor: ActorRecord, args: { asOf?: string | null }, ctx: Context) =>
    ctx.loaders.actorMemberships(args.asOf ?? null).load(actor.id).then((rows) => rows.map((row) => ({ ...row, actor }))),
  initiatives: (actor: ActorRecord, args: { asOf?: string | null }, ctx: Context) =>
    ctx.loaders.actorParticipations(args.asOf ?? null).load(actor.id).then((rows) => rows.map((row) => ({ ...row, actor }))),
  collaborations: async (actor: ActorRecord, args: TiePageArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const tieArgs = tieListArgs(args, tieShapeOf(info));
    const ties = await ctx.loaders.actorTies(tieArgs).load(actor.id);
    const rows = ties.map((tie) => ({ node: tie.collaboration, partner: tie.partner }));
    const filter = { asOf: tieArgs.asOf, kind: tieArgs.kind };
    return toConnection('collaborations', rows, tieArgs.limit - 1, (row) => row.node.id, () => ctx.loaders.actorTieCount(filter).load(actor.id));
  },
};

const organisationTypes = Object.fromEntries(
  ['Association', 'Company', 'CityDepartment', 'AcademicInstitution'].map((type) => [type, { ...actorFields, organisationNumber: whole('organisationNumber') }]),
);

export const actorResolvers = {
  Actor: { __resolveType: (actor: ActorRecord) => TYPE_OF_KIND[actor.kind] },
  Organisation: { __resolveType: (actor: ActorRecord) => TYPE_OF_KIND[actor.kind] },
  Citizen: {
    ...actorFields,
    displayName: (actor: ActorRecord) => actor.name,
    registeredBy: (actor: ActorRecord, _: unknown, ctx: Context) => (actor.registeredBy ? ctx.loaders.actor.load(actor.registeredBy) : null),
    consent: async (actor: ActorRow, _: unknown, ctx: Context) => {
      const record = actor.partial ? await ctx.loaders.actor.load(actor.id) : actor;
      return record ? { given: record.consentGiven ?? false, date: record.consentDate, purpose: record.consentPurpose ?? '' } : null;
    },
  },
  ...organisationTypes,
  Query: {
    // The actor, its selected ties and its areas in one statement; the fields find their parts in their loaders.
    // When the collaboration index is current (and holds what the ties select), the ties come from it and the
    // rest from the rows kept for it, so asking again at the same graph version costs no statement.
    actor: async (_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
      const shape = actorDetailShape(info);
      const index = shape.ties === null || tiesFromIndexFit(shape.ties) ? await ctx.loaders.index.forRequest(info) : null;
      return ctx.loaders.actorDetail(index ? { ...shape, ties: null } : shape).load(args.id);
    },
    actors: async (_: unknown, args: { filter?: ActorFilterInput | null } & PageArgs, ctx: Context, info: GraphQLResolveInfo) => {
      const filter = listFilter(args.filter, ctx.principal);
      const areaId = areaOnly(filter);
      // The same question as `area { actors(asOf) }`, answered the same way, so both forms cost the same.
      if (areaId !== null) return areaActorsConnection(ctx, info, areaId, { asOf: filter.activeAsOf, includeSubAreas: true }, args);
      const first = pageSize(args.first);
      const after = decodeCursor('actors', args.after);
      const shape = actorListShape(info);
      // The count runs beside the page, not after it; a request for the count alone reads no page.
      const total = selects(info, 'totalCount') ? ctx.repos.actors.count(filter) : null;
      total?.catch(() => undefined);
      const rows = needsPage(info) ? await ctx.repos.actors.list(filter, after, first + 1, shape) : [];
      ctx.loaders.primeListed(rows, shape);
      return toConnection('actors', rows.map((row) => ({ node: row.actor })), first, (row) => row.node.id, () => total ?? ctx.repos.actors.count(filter));
    },
  },
  Mutation: {
    createActor: (_: unknown, args: { input: CreateActorInput }, ctx: Context) =>
      ctx.repos.actors.create(parseCreateActor(withRegistration(args.input, ctx.principal), ctx.now)),
    updateActor: async (_: unknown, args: { id: string; input: UpdateActorInput }, ctx: Context) => {
      const existing = await ctx.loaders.actor.load(args.id);
      if (!existing) throw new NotFoundError('Actor', args.id);
      const { changes, consentDate } = parseUpdateActor(existing.kind, args.input, ctx.now);
      return ctx.repos.actors.update(args.id, changes, consentDate);
    },
    deleteActor: async (_: unknown, args: { id: string }, ctx: Context) => {
      if (!(await ctx.repos.actors.delete(args.id))) throw new NotFoundError('Actor', args.id);
      return { id: args.id, deleted: true };
    },
    joinArea: (_: unknown, args: { actorId: string; input: AreaMembershipInput }, ctx: Context) =>
      ctx.repos.actors.joinArea(args.actorId, membership(args.input, ctx.now, 'input')),
    leaveArea: (_: unknown, args: { actorId: string; areaId: string; until?: string | null }, ctx: Context) =>
      ctx.repos.actors.leaveArea(args.actorId, args.areaId, args.until ?? today(ctx.now)),
  },
};
