import DataLoader from 'dataloader';
import type { ActorRepository, ActorRow, DetailShape, ListedActor, ListShape } from '../actors/actorRepository';
import type { AreaRepository } from '../areas/areaRepository';
import type { InitiativeRepository } from '../initiatives/initiativeRepository';
import type { CollaborationRepository, TieListArgs } from '../collaborations/collaborationRepository';
import type { ActorRecord, AreaRecord, CollaborationEdgeRecord, CollaborationRecord, InitiativeRecord, ParticipationRole } from '../model';
import { groupByKeys, loaderFamily, oneByKeys } from './loaderFamily';
import type { AuditRepository } from '../audit/auditRepository';
import type { PrivacyRepository } from '../privacy/privacyRepository';
import { areaActorCountFromIndex, areaActorsFromIndex, listFromIndexFits, requestIndex, tiesFromIndex, tiesFromIndexFit, type IndexSource } from './indexReads';
import { tieCount } from '../analytics/collaborationIndex/indexActorLists';
import { detailKey, keepDetail, keptDetail } from './detailCache';

export interface Repositories {
  actors: ActorRepository;
  areas: AreaRepository;
  initiatives: InitiativeRepository;
  collaborations: CollaborationRepository;
  audit: AuditRepository;
  privacy: PrivacyRepository;
}

export interface AreaActorArgs {
  asOf: string | null;
  includeSubAreas: boolean;
  after: string | null;
  limit: number;
  shape: ListShape;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Every loader of one request. Each batch is one `UNWIND $ids` statement, so a
 * nested query costs one round trip per field and depth, however many parents;
 * or, for the area lists, their counts and the pages of ties, no statement when
 * a field of the request found the collaboration index current and the
 * selection asks only for what it holds (src/loaders/indexReads.ts).
 */
export function createLoaders(repos: Repositories, indexSource?: IndexSource) {
  const index = requestIndex(indexSource);
  const actor = new DataLoader<string, ActorRecord | null>((ids) => repos.actors.byIds(ids));
  const area = new DataLoader<string, AreaRecord | null>((ids) => repos.areas.byIds(ids));
  const initiative = new DataLoader<string, InitiativeRecord | null>((ids) => repos.initiatives.byIds(ids));
  const collaboration = new DataLoader<string, CollaborationRecord | null>((ids) => repos.collaborations.byIds(ids));

  /**
   * Actors that arrive inside other rows are put in the actor loader, saving a later
   * fetch; partial ones (the list projection) are not, as the loader promises whole records.
   */
  const primeActor = (record: ActorRow) => {
    if (!record.partial) actor.prime(record.id, record);
  };

  const actorTies = loaderFamily((args: TieListArgs) =>
    new DataLoader<string, CollaborationEdgeRecord[]>(async (ids) => {
      const known = await index.started();
      if (known && tiesFromIndexFit(args)) return ids.map((id) => tiesFromIndex(known, id, args));
      const rows = await repos.collaborations.byActors(ids, args);
      rows.forEach((row) => row.ties.forEach((tie) => primeActor(tie.partner)));
      return oneByKeys(ids, rows, (row) => row.actorId, (row) => row.ties, []);
    }),
  );

  /** A listed page's actors and the ties fetched with them go into the loaders, so nested fields find them without a statement. */
  const primeListed = (listed: readonly ListedActor[], shape: ListShape) => {
    for (const row of listed) {
      primeActor(row.actor);
      if (!shape.ties) continue;
      actorTies(shape.ties).prime(row.actor.id, row.ties);
      for (const tie of row.ties) primeActor(tie.partner);
    }
  };

  const actorMemberships = loaderFamily((asOf: string | null) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await repos.actors.membershipsByActors(ids, asOf);
      return groupByKeys(ids, rows, (row) => row.actorId, (row) => ({ area: row.area, since: row.since, until: row.until }));
    }),
  );

  /**
   * `actor(id)` with the parts its selection names, one statement per batch; the
   * ties and memberships go into their loaders under the keys their fields compute.
   * Without ties (they come from the index then), the rows kept for the current
   * index stand in for the statement (src/loaders/detailCache.ts).
   */
  const actorDetail = loaderFamily((shape: DetailShape) =>
    new DataLoader<string, ActorRecord | null>(async (ids) => {
      const known = shape.ties === null ? await index.started() : null;
      const kept = known ? ids.map((id) => keptDetail(known, detailKey(id, shape))).filter((row) => row !== undefined) : [];
      const keptIds = new Set(kept.map((row) => row.actor.id));
      const missing = keptIds.size === 0 ? ids : ids.filter((id) => !keptIds.has(id));
      const fetched = missing.length > 0 ? await repos.actors.detailByIds(missing, shape) : [];
      if (known) for (const row of fetched) keepDetail(known, detailKey(row.actor.id, shape), row);
      const rows = kept.length === 0 ? fetched : [...kept, ...fetched];
      for (const row of rows) {
        actor.prime(row.actor.id, row.actor);
        if (shape.ties) {
          actorTies(shape.ties).prime(row.actor.id, row.ties);
          for (const tie of row.ties) primeActor(tie.partner);
        }
        if (shape.areas) actorMemberships(shape.areas.asOf).prime(row.actor.id, row.areas);
      }
      return oneByKeys(ids, rows, (row) => row.actor.id, (row) => row.actor, null);
    }),
  );

  return {
    index,
    actor,
    actorDetail,
    area,
    initiative,
    collaboration,
    primeActor,
    primeListed,
    actorTies,
    areaChildren: new DataLoader<string, AreaRecord[]>(async (ids) => {
      const rows = await repos.areas.childrenByIds(ids);
      return groupByKeys(ids, rows, (row) => row.parentId, (row) => row.area);
    }),
    actorMemberships,
    actorParticipations: loaderFamily((asOf: string | null) =>
      new DataLoader(async (ids: readonly string[]) => {
        const rows = await repos.initiatives.participationsByActors(ids, asOf);
        return groupByKeys(ids, rows, (row) => row.actorId, (row) => ({ initiative: row.initiative, role: row.role, since: row.since, until: row.until }));
      }),
    ),
    initiativeParticipants: loaderFamily((args: { asOf: string | null; role: ParticipationRole | null }) =>
      new DataLoader(async (ids: readonly string[]) => {
        const rows = await repos.initiatives.participationsByInitiatives(ids, args.asOf, args.role);
        rows.forEach((row) => primeActor(row.actor));
        return groupByKeys(ids, rows, (row) => row.initiativeId, (row) => ({ actor: row.actor, role: row.role, since: row.since, until: row.until }));
      }),
    ),
    actorTieCount: loaderFamily((args: Pick<TieListArgs, 'asOf' | 'kind'>) =>
      new DataLoader<string, number>(async (ids) => {
        const known = await index.started();
        if (known) return ids.map((id) => (known.actorNumber(id) < 0 ? 0 : tieCount(known, known.actorNumber(id), args)));
        const rows = await repos.collaborations.countByActors(ids, args);
        return oneByKeys(ids, rows, (row) => row.actorId, (row) => row.total, 0);
      }),
    ),
    areaActors: loaderFamily(({ shape, ...args }: AreaActorArgs) =>
      new DataLoader<string, ListedActor[]>(async (ids) => {
        const known = await index.started();
        if (known && listFromIndexFits(shape)) {
          const lists = ids.map((id) => areaActorsFromIndex(known, id, args, shape));
          lists.forEach((list) => primeListed(list, shape));
          return lists;
        }
        const rows = await repos.areas.actorsByAreas(ids, args, shape);
        rows.forEach((row) => primeListed(row.actors, shape));
        return oneByKeys(ids, rows, (row) => row.areaId, (row) => row.actors, []);
      }),
    ),
    areaActorCount: loaderFamily((args: Pick<AreaActorArgs, 'asOf' | 'includeSubAreas'>) =>
      new DataLoader<string, number>(async (ids) => {
        const known = await index.started();
        if (known) return ids.map((id) => areaActorCountFromIndex(known, id, args));
        const rows = await repos.areas.countActorsByAreas(ids, args);
        return oneByKeys(ids, rows, (row) => row.areaId, (row) => row.total, 0);
      }),
    ),
  };
}
