import type { CollaborationIndex } from '../analytics/collaborationIndex/collaborationIndex';
import type { DetailRow, DetailShape } from '../actors/actorRepository';

/**
 * What `actor(id)` reads with Cypher once its ties come from the collaboration
 * index (the whole actor record and its memberships: actors/detailByIds without
 * ties), kept per index, so that asking for the same actor again at the same
 * graph version costs no statement. Every write that changes an actor record, a
 * membership or an area bumps the graph version (src/analytics/collaborationIndex/
 * graphChanges.ts), and a new version is a new index object, so a kept row is
 * never read at a version it does not belong to; an import's batches are seen
 * when the import bumps the version, as the index lists see them.
 *
 * The rows are what the statement returned, the same for every caller: citizen
 * masking happens in the field resolvers after this, as it does for rows read
 * fresh. They are frozen, since every request that reads them shares them.
 */

/** Rows kept per index: about 1–2 kB each, so a few MB at most. */
const DETAILS_KEPT = 2048;
const details = new WeakMap<CollaborationIndex, Map<string, DetailRow>>();

/** The key of one actor's row for a shape without ties (the memberships' `asOf`, or no memberships). */
export function detailKey(id: string, shape: DetailShape): string {
  return `${shape.areas === null ? '-' : `@${shape.areas.asOf ?? ''}`}|${id}`;
}

export function keptDetail(index: CollaborationIndex, key: string): DetailRow | undefined {
  return details.get(index)?.get(key);
}

/** Keeps a row read at the index's graph version; the oldest goes when DETAILS_KEPT are kept. */
export function keepDetail(index: CollaborationIndex, key: string, row: DetailRow): void {
  let rows = details.get(index);
  if (!rows) details.set(index, (rows = new Map()));
  if (rows.size >= DETAILS_KEPT) rows.delete(rows.keys().next().value as string);
  for (const membership of row.areas) Object.freeze(Object.freeze(membership).area);
  Object.freeze(row.areas);
  Object.freeze(row.ties);
  Object.freeze(row.actor);
  rows.set(key, Object.freeze(row));
}
