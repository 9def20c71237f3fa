import type { Tx } from '../../db/database';
import { actorColumns, areaColumns, binarySearchId, ColumnBuilder, lookupOrThrow, type ActorIndexRow, type IndexColumns, type IndexRows, type MembershipRow, type TieRow } from './indexColumns';
import type { TouchedRows } from './indexPatch';

/** Actors per statement: a page of rows is turned into columns and dropped before the next is read. */
export const PAGE = 5000;

/**
 * Reads the whole graph into columns, a page at a time: actors in id order by
 * keyset, then the memberships and ties of each page of actors. Only one page of
 * rows is alive at once, so the build's peak memory is the columns plus a page,
 * not every row of the city (which the service's heap kept long after the build).
 */
export async function loadIndexColumns(tx: Tx, page = PAGE): Promise<IndexColumns> {
  const areas = areaColumns(await tx.run<IndexRows['areas'][number]>('analytics/indexAreas'));
  const actorRows: ActorIndexRow[] = [];
  for (let after = ''; ; ) {
    const rows = await tx.run<ActorIndexRow>('analytics/indexActorPage', { after, limit: page });
    actorRows.push(...rows);
    if (rows.length < page) break;
    after = rows[rows.length - 1].id;
  }
  const actors = actorColumns(actorRows);
  actorRows.length = 0;
  const areaNumber = new Map(areas.areaIds.map((id, index) => [id, index]));
  const builder = new ColumnBuilder(
    lookupOrThrow((id) => binarySearchId(actors.actorIds, id), 'actor'),
    lookupOrThrow((id) => areaNumber.get(id) ?? -1, 'area'),
  );
  for (let start = 0; start < actors.actorIds.length; start += page) {
    const ids = actors.actorIds.slice(start, start + page);
    for (const row of await tx.run<MembershipRow>('analytics/indexMemberships', { ids })) builder.membership(row);
    for (const row of await tx.run<TieRow>('analytics/indexTies', { ids })) builder.tie(row);
  }
  return builder.columns(actors, areas);
}

/** What the database holds now for these actors (indexPatch.ts). */
export async function loadTouchedRows(tx: Tx, actorIds: ReadonlySet<string>): Promise<TouchedRows> {
  const ids = [...actorIds];
  return {
    actorIds,
    actors: await tx.run<ActorIndexRow>('analytics/indexActors', { ids }),
    memberships: await tx.run<MembershipRow>('analytics/indexMemberships', { ids }),
    ties: await tx.run<TieRow>('analytics/indexTiesTouching', { ids }),
  };
}
