import type { Tx } from '../../db/database';

/**
 * What one write changed, as far as the collaboration index is concerned: the
 * actors whose record, memberships or ties changed (one end of a tie is enough),
 * ties named by id when their ends are not at hand, or `full` when the write
 * cannot say (the area tree, an erasure): the index is then rebuilt whole.
 */
export interface GraphChange {
  actorIds?: readonly string[];
  tieIds?: readonly string[];
  full?: boolean;
  /** Erasure: ids to remove from the whole change log first, so that none survives there. */
  forget?: readonly string[];
}

/** Nothing the index holds changed (initiatives, participations): the index just moves to the new version. */
export const NO_INDEXED_CHANGE: GraphChange = {};

/**
 * Bumps the graph version in the write's transaction and records the change
 * under the new version's number, in the same transaction: the change log has an
 * entry for a version exactly when that version's write committed.
 */
export async function bumpGraphVersion(tx: Tx, change: GraphChange): Promise<void> {
  if (change.forget && change.forget.length > 0) await tx.run('system/forgetInGraphChanges', { ids: change.forget });
  await tx.run('system/bumpGraphVersionWithChange', { actorIds: change.actorIds ?? [], tieIds: change.tieIds ?? [], full: change.full ?? false });
}

/** A graph version string, `epoch:counter` (system/graphVersion.cypher). */
export interface ParsedVersion {
  epoch: string;
  seq: number;
}

export function parseVersion(version: string): ParsedVersion | null {
  const colon = version.lastIndexOf(':');
  const seq = Number(version.slice(colon + 1));
  return colon > 0 && Number.isInteger(seq) ? { epoch: version.slice(0, colon), seq } : null;
}

export interface ChangeRow {
  seq: number;
  actorIds: string[];
  tieIds: string[];
  full: boolean;
}

/**
 * The actors and ties the writes from `from` (excluded) to `to` touched, or null
 * when the log cannot tell: another epoch (a wiped database), a write with no
 * entry (a bulk import, a process predating the log, a pruned entry), or one
 * marked full.
 */
export async function touchedBetween(tx: Tx, from: string, to: string): Promise<{ actorIds: Set<string>; tieIds: Set<string> } | null> {
  const start = parseVersion(from);
  const end = parseVersion(to);
  if (!start || !end || start.epoch !== end.epoch || end.seq < start.seq) return null;
  const rows = await tx.run<ChangeRow>('analytics/indexChanges', { epoch: end.epoch, after: start.seq, upTo: end.seq });
  const actorIds = new Set<string>();
  const tieIds = new Set<string>();
  let expected = start.seq + 1;
  for (const row of rows) {
    if (row.seq !== expected || row.full) return null;
    expected += 1;
    for (const id of row.actorIds) actorIds.add(id);
    for (const id of row.tieIds) tieIds.add(id);
  }
  return expected === end.seq + 1 ? { actorIds, tieIds } : null;
}
