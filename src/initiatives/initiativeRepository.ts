import type { Database, QueryObserver, Tx } from '../db/database';
import type { InitiativeKind, InitiativeRecord, ParticipationRecord, ParticipationRole } from '../model';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import type { Principal } from '../auth/principal';
import { lockActorsInScope } from '../auth/writeScope';
import { bumpGraphVersion, NO_INDEXED_CHANGE } from '../analytics/collaborationIndex/graphChanges';

export interface InitiativeListFilter {
  search: string | null;
  kinds: InitiativeKind[] | null;
  areaId: string | null;
  sdg: number | null;
  activeAsOf: string | null;
}

export interface InitiativeWrite {
  props: Record<string, unknown>;
  startDate: string | null;
  endDate: string | null;
  clearEndDate: boolean;
  areaIds: string[] | null;
}

export interface JoinInitiative {
  actorId: string;
  initiativeId: string;
  role: ParticipationRole;
  since: string;
  until: string | null;
}

/** One typed function per initiative statement in cypher/queries/initiatives/. */
export class InitiativeRepository {
  constructor(
    private readonly db: Database,
    private readonly observer: QueryObserver | undefined,
    private readonly principal: Principal,
  ) {}

  async byIds(ids: readonly string[]): Promise<Array<InitiativeRecord | null>> {
    const rows = await this.db.readRows<{ initiative: InitiativeRecord }>('initiatives/byIds', { ids }, this.observer);
    const byId = new Map(rows.map((row) => [row.initiative.id, row.initiative]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(filter: InitiativeListFilter, after: string | null, limit: number): Promise<InitiativeRecord[]> {
    const rows = await this.db.readRows<{ initiative: InitiativeRecord }>('initiatives/list', { ...filter, after, limit }, this.observer);
    return rows.map((row) => row.initiative);
  }

  async count(filter: InitiativeListFilter): Promise<number> {
    const [row] = await this.db.readRows<{ total: number }>('initiatives/count', { ...filter }, this.observer);
    return row?.total ?? 0;
  }

  participationsByInitiatives(ids: readonly string[], asOf: string | null, role: ParticipationRole | null) {
    return this.db.readRows<Omit<ParticipationRecord, 'initiative'> & { initiativeId: string }>('initiatives/participationsByInitiatives', { ids, asOf, role }, this.observer);
  }

  participationsByActors(ids: readonly string[], asOf: string | null) {
    return this.db.readRows<Omit<ParticipationRecord, 'actor'> & { actorId: string }>('initiatives/participationsByActors', { ids, asOf }, this.observer);
  }

  create(write: InitiativeWrite): Promise<InitiativeRecord> {
    return this.db.write(async (tx) => {
      await this.checkAreas(tx, write.areaIds ?? []);
      const [row] = await tx.run<{ initiative: InitiativeRecord }>('initiatives/create', {
        props: write.props,
        startDate: write.startDate,
        endDate: write.endDate,
        areaIds: write.areaIds ?? [],
      });
      await bumpGraphVersion(tx, NO_INDEXED_CHANGE);
      return row.initiative;
    }, this.observer);
  }

  update(id: string, write: InitiativeWrite): Promise<InitiativeRecord> {
    return this.db.write(async (tx) => {
      const [existing] = await tx.run<{ initiative: InitiativeRecord }>('initiatives/byIds', { ids: [id] });
      if (!existing) throw new NotFoundError('Initiative', id);
      const startDate = write.startDate ?? existing.initiative.startDate;
      const endDate = write.clearEndDate ? null : (write.endDate ?? existing.initiative.endDate ?? null);
      if (endDate && endDate < startDate) {
        throw new BadUserInputError(`input.endDate: the initiative would end (${endDate}) before it starts (${startDate}); change both dates together.`, 'input.endDate');
      }
      let [row] = await tx.run<{ initiative: InitiativeRecord }>('initiatives/update', {
        id,
        changes: write.props,
        startDate: write.startDate,
        endDate: write.endDate,
        clearEndDate: write.clearEndDate,
      });
      if (write.areaIds) {
        await this.checkAreas(tx, write.areaIds);
        [row] = await tx.run<{ initiative: InitiativeRecord }>('initiatives/setAreas', { id, areaIds: write.areaIds });
      }
      await bumpGraphVersion(tx, NO_INDEXED_CHANGE);
      return row.initiative;
    }, this.observer);
  }

  delete(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [row] = await tx.run<{ deleted: number }>('initiatives/delete', { id });
      await bumpGraphVersion(tx, NO_INDEXED_CHANGE);
      return row.deleted > 0;
    }, this.observer);
  }

  join(join: JoinInitiative): Promise<ParticipationRecord> {
    return this.db.write(async (tx) => {
      await lockActorsInScope(tx, this.principal, [join.actorId]);
      await this.checkActorAndInitiative(tx, join.actorId, join.initiativeId);
      const overlapping = await tx.run('initiatives/openParticipation', { ...join });
      if (overlapping.length > 0) {
        throw new ConflictError(`Actor "${join.actorId}" already takes part in initiative "${join.initiativeId}" during that period. End it with leaveInitiative first, or choose dates that do not overlap.`);
      }
      const [row] = await tx.run<ParticipationRecord>('initiatives/join', { ...join });
      await bumpGraphVersion(tx, NO_INDEXED_CHANGE);
      return row;
    }, this.observer);
  }

  leave(actorId: string, initiativeId: string, until: string): Promise<ParticipationRecord> {
    return this.db.write(async (tx) => {
      await lockActorsInScope(tx, this.principal, [actorId]);
      await this.checkActorAndInitiative(tx, actorId, initiativeId);
      const [row] = await tx.run<ParticipationRecord>('initiatives/leave', { actorId, initiativeId, until });
      if (!row) throw new ConflictError(`Actor "${actorId}" has no open participation in initiative "${initiativeId}" to end.`);
      if (row.until !== null && row.until < row.since) {
        throw new ConflictError(`until (${until}) is before the participation began (${row.since}).`);
      }
      await bumpGraphVersion(tx, NO_INDEXED_CHANGE);
      return row;
    }, this.observer);
  }

  private async checkAreas(tx: Tx, areaIds: string[]): Promise<void> {
    if (areaIds.length === 0) return;
    const rows = await tx.run<{ area: { id: string } }>('areas/byIds', { ids: areaIds });
    const found = new Set(rows.map((row) => row.area.id));
    const missing = areaIds.find((id) => !found.has(id));
    if (missing) throw new NotFoundError('Area', missing);
  }

  private async checkActorAndInitiative(tx: Tx, actorId: string, initiativeId: string): Promise<void> {
    if ((await tx.run('actors/byIds', { ids: [actorId] })).length === 0) throw new NotFoundError('Actor', actorId);
    if ((await tx.run('initiatives/byIds', { ids: [initiativeId] })).length === 0) throw new NotFoundError('Initiative', initiativeId);
  }
}
