import type { Database, QueryObserver } from '../db/database';
import type { AreaLevel, AreaRecord } from '../model';
import { listShapeParams, type ListedActor, type ListShape } from '../actors/actorRepository';
import { ConflictError, NotFoundError } from '../errors';
import { bumpGraphVersion } from '../analytics/collaborationIndex/graphChanges';

/** One typed function per area statement in cypher/queries/areas/. */
export class AreaRepository {
  constructor(
    private readonly db: Database,
    private readonly observer?: QueryObserver,
  ) {}

  async byIds(ids: readonly string[]): Promise<Array<AreaRecord | null>> {
    const rows = await this.db.readRows<{ area: AreaRecord }>('areas/byIds', { ids }, this.observer);
    const byId = new Map(rows.map((row) => [row.area.id, row.area]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(level: AreaLevel | null, parentId: string | null): Promise<AreaRecord[]> {
    const rows = await this.db.readRows<{ area: AreaRecord }>('areas/list', { level, parentId }, this.observer);
    return rows.map((row) => row.area);
  }

  childrenByIds(ids: readonly string[]): Promise<Array<{ parentId: string; area: AreaRecord }>> {
    return this.db.readRows('areas/childrenByIds', { ids }, this.observer);
  }

  actorsByAreas(
    ids: readonly string[],
    args: { asOf: string | null; includeSubAreas: boolean; after: string | null; limit: number },
    shape: ListShape,
  ): Promise<Array<{ areaId: string; actors: ListedActor[] }>> {
    return this.db.readRows('areas/actorsByAreas', { ids, ...args, ...listShapeParams(shape) }, this.observer);
  }

  countActorsByAreas(ids: readonly string[], args: { asOf: string | null; includeSubAreas: boolean }): Promise<Array<{ areaId: string; total: number }>> {
    return this.db.readRows('areas/countActorsByAreas', { ids, ...args }, this.observer);
  }

  create(props: { id: string; name: string; level: AreaLevel; synthetic: boolean }, parentId: string | null): Promise<AreaRecord> {
    return this.db.write(async (tx) => {
      const [row] = await tx.run<{ area: AreaRecord }>('areas/create', { props, parentId });
      if (!row) throw new NotFoundError('Area', parentId ?? '');
      await bumpGraphVersion(tx, { full: true });
      return row.area;
    }, this.observer);
  }

  update(id: string, changes: Record<string, unknown>): Promise<AreaRecord> {
    return this.db.write(async (tx) => {
      const [row] = await tx.run<{ area: AreaRecord }>('areas/update', { id, changes });
      if (!row) throw new NotFoundError('Area', id);
      await bumpGraphVersion(tx, { full: true });
      return row.area;
    }, this.observer);
  }

  delete(id: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const [usage] = await tx.run<{ found: boolean; children: number }>('areas/usage', { id });
      if (!usage.found) return false;
      if (usage.children > 0) {
        throw new ConflictError(`Area "${id}" still has ${usage.children} sub-area(s). Delete or move them first.`);
      }
      await tx.run('areas/delete', { id });
      await bumpGraphVersion(tx, { full: true });
      return true;
    }, this.observer);
  }
}
