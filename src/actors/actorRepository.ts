import type { Database, QueryObserver, Tx } from '../db/database';
import type { ActorKind, ActorRecord, CollaborationEdgeRecord, MembershipRecord, Sector } from '../model';
import type { TieListArgs } from '../collaborations/collaborationRepository';
import { NotFoundError, ConflictError, BadUserInputError } from '../errors';
import type { Principal } from '../auth/principal';
import { lockActorsInScope } from '../auth/writeScope';
import { quoteForError } from '../validation/quoteForError';
import { bumpGraphVersion } from '../analytics/collaborationIndex/graphChanges';

export interface ActorListFilter {
  search: string | null;
  /** Whose citizens a name search may match: null for all, else the registering organisations (empty: none). */
  citizenNamesOf: string[] | null;
  areaId: string | null;
  kinds: ActorKind[] | null;
  sectors: Sector[] | null;
  activeAsOf: string | null;
  synthetic: boolean | null;
}

export interface NewActor {
  props: Record<string, unknown>;
  areas: Array<{ areaId: string; since: string; until: string | null }>;
}

export interface MembershipRow {
  actorId: string;
  area: MembershipRecord['area'];
  since: string;
  until: string | null;
}

/** An actor as a list statement returns it: `partial` when it holds only the list projection. */
export type ActorRow = ActorRecord & { partial?: true };

/** What a list statement fetches besides the actors' ids: their full records, and one page of each one's ties. */
export interface ListShape {
  detail: boolean;
  ties: TieListArgs | null;
}

/** A listed actor with the page of ties fetched with it (empty when the shape asked for none). */
export interface ListedActor {
  actor: ActorRow;
  ties: CollaborationEdgeRecord[];
}

/** What `actor(id)` fetches with each actor: one page of its ties, its memberships as of a date; null for a part not selected. */
export interface DetailShape {
  ties: TieListArgs | null;
  areas: { asOf: string | null } | null;
}

/** An actor with the parts of it that a DetailShape asked for (empty lists for the others). */
export interface DetailRow {
  actor: ActorRecord;
  ties: CollaborationEdgeRecord[];
  areas: Array<{ area: MembershipRecord['area']; since: string; until: string | null }>;
}

/** The statement parameters of a ListShape (actors/list and areas/actorsByAreas share them). */
export function listShapeParams(shape: ListShape): Record<string, unknown> {
  return {
    detail: shape.detail,
    withTies: shape.ties !== null,
    tieAsOf: shape.ties?.asOf ?? null,
    tieKind: shape.ties?.kind ?? null,
    tieAfter: shape.ties?.after ?? null,
    tieLimit: shape.ties?.limit ?? 0,
    tieDetail: shape.ties?.tieDetail ?? false,
    partnerDetail: shape.ties?.partnerDetail ?? false,
  };
}

/** One typed function per actor statement in cypher/queries/actors/. */
export class ActorRepository {
  constructor(
    private readonly db: Database,
    private readonly observer: QueryObserver | undefined,
    private readonly principal: Principal,
  ) {}

  async byIds(ids: readonly string[]): Promise<Array<ActorRecord | null>> {
    const rows = await this.db.readRows<{ actor: ActorRecord }>('actors/byIds', { ids }, this.observer);
    const byId = new Map(rows.map((row) => [row.actor.id, row.actor]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Whole actors by id, each with its selected ties and memberships: one statement for `actor(id)` however much it selects. */
  detailByIds(ids: readonly string[], shape: DetailShape): Promise<DetailRow[]> {
    const params = { ids, ...listShapeParams({ detail: true, ties: shape.ties }), withAreas: shape.areas !== null, areasAsOf: shape.areas?.asOf ?? null };
    return this.db.readRows<DetailRow>('actors/detailByIds', params, this.observer);
  }

  list(filter: ActorListFilter, after: string | null, limit: number, shape: ListShape): Promise<ListedActor[]> {
    return this.db.readRows<ListedActor>('actors/list', { ...filter, after, limit, ...listShapeParams(shape) }, this.observer);
  }

  async count(filter: ActorListFilter): Promise<number> {
    const [row] = await this.db.readRows<{ total: number }>('actors/count', { ...filter }, this.observer);
    return row?.total ?? 0;
  }

  async membershipsByActors(ids: readonly string[], asOf: string | null): Promise<MembershipRow[]> {
    return this.db.readRows<MembershipRow>('actors/membershipsByActors', { ids, asOf }, this.observer);
  }

  /** Creates the actor and its memberships in one transaction. */
  create(actor: NewActor): Promise<ActorRecord> {
    return this.db.write(async (tx) => {
      const registeredBy = actor.props.registeredBy as string | null | undefined;
      if (registeredBy) {
        const [organisation] = await lockActorsInScope(tx, this.principal, [registeredBy]);
        if (organisation.kind === 'CITIZEN') throw new BadUserInputError(`input.registeredBy (${quoteForError(registeredBy)}) is a citizen; name the organisation that registers this citizen.`, 'input.registeredBy');
      }
      const [created] = await tx.run<{ actor: ActorRecord }>('actors/create', { props: actor.props });
      for (const membership of actor.areas) {
        const rows = await tx.run('actors/joinArea', { actorId: created.actor.id, ...membership });
        if (rows.length === 0) throw new NotFoundError('Area', membership.areaId);
      }
      await bumpGraphVersion(tx, { actorIds: [created.actor.id] });
      return created.actor;
    }, this.observer);
  }

  update(id: string, changes: Record<string, unknown>, consentDate: string | null): Promise<ActorRecord> {
    return this.db.write(async (tx) => {
      await lockActorsInScope(tx, this.principal, [id]);
      const [row] = await tx.run<{ actor: ActorRecord }>('actors/update', { id, changes, consentDate });
      if (!row) throw new NotFoundError('Actor', id);
      await bumpGraphVersion(tx, { actorIds: [id] });
      return row.actor;
    }, this.observer);
  }

  delete(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [actor] = await lockActorsInScope(tx, this.principal, [id]);
      if (actor.kind === 'CITIZEN') {
        throw new BadUserInputError(`${quoteForError(id)} is a citizen. A citizen is removed by erasure, which also clears cached results and the audit log: use withdrawConsent (the registering organisation's editors) or eraseCitizen (ADMIN).`, 'id');
      }
      const [row] = await tx.run<{ deleted: number }>('actors/delete', { id });
      await bumpGraphVersion(tx, { actorIds: [id] });
      return row.deleted > 0;
    }, this.observer);
  }

  joinArea(actorId: string, membership: { areaId: string; since: string; until: string | null }): Promise<MembershipRecord> {
    return this.db.write(async (tx) => {
      await lockActorsInScope(tx, this.principal, [actorId]);
      const overlapping = await tx.run('actors/openMembership', { actorId, ...membership });
      if (overlapping.length > 0) {
        throw new ConflictError(`Actor "${actorId}" is already active in area "${membership.areaId}" during that period. End the current membership with leaveArea first, or choose dates that do not overlap.`);
      }
      const [row] = await tx.run<MembershipRecord>('actors/joinArea', { actorId, ...membership });
      if (!row) throw await this.missing(tx, actorId, membership.areaId);
      await bumpGraphVersion(tx, { actorIds: [actorId] });
      return row;
    }, this.observer);
  }

  leaveArea(actorId: string, areaId: string, until: string): Promise<MembershipRecord> {
    return this.db.write(async (tx) => {
      await lockActorsInScope(tx, this.principal, [actorId]);
      const [row] = await tx.run<MembershipRecord>('actors/leaveArea', { actorId, areaId, until });
      if (!row) throw await this.missing(tx, actorId, areaId, `Actor "${actorId}" has no open membership of area "${areaId}" to end.`);
      if (row.until !== null && row.until < row.since) {
        throw new ConflictError(`until (${until}) is before the membership began (${row.since}).`);
      }
      await bumpGraphVersion(tx, { actorIds: [actorId] });
      return row;
    }, this.observer);
  }

  /** Which of the two is missing, as a NOT_FOUND; or, when both exist, the given conflict. */
  private async missing(tx: Tx, actorId: string, areaId: string, conflict?: string): Promise<Error> {
    const actors = await tx.run('actors/byIds', { ids: [actorId] });
    if (actors.length === 0) return new NotFoundError('Actor', actorId);
    const areas = await tx.run('areas/byIds', { ids: [areaId] });
    if (areas.length === 0) return new NotFoundError('Area', areaId);
    return new ConflictError(conflict ?? `Could not link actor "${actorId}" to area "${areaId}".`);
  }
}
