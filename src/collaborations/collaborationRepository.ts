import type { Database, QueryObserver } from '../db/database';
import type { CollaborationEdgeRecord, CollaborationKind, CollaborationRecord } from '../model';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import type { Principal } from '../auth/principal';
import { lockActorsInScope, lockTieInScope } from '../auth/writeScope';
import { bumpGraphVersion } from '../analytics/collaborationIndex/graphChanges';

export interface NewCollaboration {
  id: string;
  actorId: string;
  partnerId: string;
  kind: CollaborationKind;
  since: string;
  until: string | null;
  strength: number;
  initiativeId: string | null;
  source: string;
}

export interface TieListArgs {
  asOf: string | null;
  kind: CollaborationKind | null;
  after: string | null;
  limit: number;
  /** Every property of the ties, not only those a list shows (the request selects source, recordedAt or recordedBy). */
  tieDetail: boolean;
  /** Every property of the partners (the request selects e.g. their description or createdAt). */
  partnerDetail: boolean;
  /** The tie's initiative is selected: the page cannot come from the collaboration index, which does not hold it. */
  initiative: boolean;
}

/** A tie as a list statement returns it: `partial` when it holds only the list projection. */
export type TieRow = CollaborationRecord & { partial?: true; recordedBy?: string | null };

/** One typed function per statement in cypher/queries/collaborations/. */
export class CollaborationRepository {
  constructor(
    private readonly db: Database,
    private readonly observer: QueryObserver | undefined,
    private readonly principal: Principal,
  ) {}

  async byIds(ids: readonly string[]): Promise<Array<CollaborationRecord | null>> {
    const rows = await this.db.readRows<{ collaboration: CollaborationRecord }>('collaborations/byIds', { ids }, this.observer);
    const byId = new Map(rows.map((row) => [row.collaboration.id, row.collaboration]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  byActors(ids: readonly string[], args: TieListArgs): Promise<Array<{ actorId: string; ties: CollaborationEdgeRecord[] }>> {
    return this.db.readRows('collaborations/byActors', { ids, ...args }, this.observer);
  }

  countByActors(ids: readonly string[], args: Pick<TieListArgs, 'asOf' | 'kind'>): Promise<Array<{ actorId: string; total: number }>> {
    return this.db.readRows('collaborations/countByActors', { ids, ...args }, this.observer);
  }

  /**
   * Stores the tie once, from the smaller actor id to the larger, after locking
   * both actors and checking for a tie of the same kind whose period overlaps.
   */
  add(tie: NewCollaboration): Promise<CollaborationRecord> {
    const [firstId, secondId] = [tie.actorId, tie.partnerId].sort();
    return this.db.write(async (tx) => {
      await lockActorsInScope(tx, this.principal, [firstId, secondId], 'any');
      if (tie.initiativeId && (await tx.run('initiatives/byIds', { ids: [tie.initiativeId] })).length === 0) {
        throw new NotFoundError('Initiative', tie.initiativeId);
      }
      const [pair] = await tx.run<{ overlapping: string[] }>('collaborations/lockPairAndFindOverlap', {
        firstId,
        secondId,
        kind: tie.kind,
        since: tie.since,
        until: tie.until,
      });
      if (!pair) {
        const found = await tx.run<{ actor: { id: string } }>('actors/byIds', { ids: [firstId, secondId] });
        const missing = [firstId, secondId].find((id) => !found.some((row) => row.actor.id === id)) ?? firstId;
        throw new NotFoundError('Actor', missing);
      }
      if (pair.overlapping.length > 0) {
        throw new ConflictError(
          `Actors "${firstId}" and "${secondId}" already have a ${tie.kind} tie over that period (${pair.overlapping.join(', ')}). End it with endCollaboration first, or record a different kind.`,
        );
      }
      const [row] = await tx.run<{ collaboration: CollaborationRecord }>('collaborations/create', {
        firstId,
        secondId,
        since: tie.since,
        until: tie.until,
        props: { id: tie.id, kind: tie.kind, strength: tie.strength, initiativeId: tie.initiativeId, source: tie.source, recordedBy: this.principal.id },
      });
      await bumpGraphVersion(tx, { actorIds: [firstId, secondId] });
      return row.collaboration;
    }, this.observer);
  }

  end(id: string, until: string): Promise<CollaborationRecord> {
    return this.db.write(async (tx) => {
      await lockTieInScope(tx, this.principal, id);
      const [row] = await tx.run<{ collaboration: CollaborationRecord }>('collaborations/end', { id, until });
      if (!row) throw new NotFoundError('Collaboration', id);
      if (until < row.collaboration.since) {
        throw new BadUserInputError(`until (${until}) is before the tie began (${row.collaboration.since}).`, 'until');
      }
      await bumpGraphVersion(tx, { tieIds: [id] });
      return row.collaboration;
    }, this.observer);
  }

  remove(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      await lockTieInScope(tx, this.principal, id);
      const [row] = await tx.run<{ deleted: number }>('collaborations/remove', { id });
      await bumpGraphVersion(tx, { tieIds: [id] });
      return row.deleted > 0;
    }, this.observer);
  }
}
