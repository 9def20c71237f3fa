import type { Database } from '../db/database';
import { bumpGraphVersion } from '../analytics/collaborationIndex/graphChanges';
import type { Principal } from '../auth/principal';
import { AuditRepository } from '../audit/auditRepository';
import { NotFoundError, BadUserInputError } from '../errors';
import { ImportRepository, type CreatedCounts } from './importRepository';

export interface WithdrawReport {
  importId: string;
  file: string;
  removed: CreatedCounts;
  /** Always said: what the import changed in records it did not create stays as it is now. */
  message: string;
  graphVersion: string;
}

const BATCH = 10_000;

// Relationships first, then the records they join, each in batches of 10,000 per transaction.
const STEPS: ReadonlyArray<[keyof CreatedCounts, string]> = [
  ['collaborations', 'import/withdrawCollaborations'],
  ['memberships', 'import/withdrawMemberships'],
  ['participations', 'import/withdrawParticipations'],
  ['actors', 'import/withdrawActors'],
  ['initiatives', 'import/withdrawInitiatives'],
  ['areas', 'import/withdrawAreas'],
];

/**
 * Removes what one import created (records, ties, memberships, participations,
 * found by their importId) and nothing it merely updated; marks the import
 * withdrawn and bumps the graph version once. ADMIN only (checked by callers).
 */
export async function withdrawImport(db: Database, importId: string, principal: Principal): Promise<WithdrawReport> {
  const repository = new ImportRepository(db);
  const record = await repository.byId(importId);
  if (!record) throw new NotFoundError('Import', importId);
  if (record.status === 'withdrawn') throw new BadUserInputError(`Import ${importId} was already withdrawn (${record.withdrawnAt ?? ''} by ${record.withdrawnBy ?? 'unknown'}).`, 'importId');
  const removed = await repository.createdCounts(importId);
  for (const [, statement] of STEPS) {
    for (;;) {
      const [row] = await db.write((tx) => tx.run<{ deleted: number }>(statement, { id: importId, batch: BATCH }));
      if (!row || row.deleted === 0) break;
    }
  }
  const graphVersion = await db.write(async (tx) => {
    await tx.run('import/markWithdrawn', { id: importId, by: principal.id, removed: JSON.stringify(removed) });
    // A withdrawn unfinished import is never resumed: its progress records go too.
    await tx.run('import/forgetBatches', { id: importId });
    await bumpGraphVersion(tx, { full: true });
    const [version] = await tx.run<{ version: string }>('system/graphVersion');
    return version.version;
  });
  await new AuditRepository(db).record({ principal: principal.id, operation: 'withdrawImport', targets: [importId], outcome: 'OK' });
  const others = removed.othersTies > 0 ? ` ${removed.othersTies} tie(s), membership(s) or participation(s) that others recorded on those records went with them.` : '';
  return {
    importId,
    file: record.file,
    removed,
    graphVersion,
    message: `Withdrew import ${importId} (${record.file}): removed ${removed.actors} actor(s), ${removed.areas} area(s), ${removed.initiatives} initiative(s), ${removed.memberships} membership(s), ${removed.participations} participation(s) and ${removed.collaborations} tie(s) it created.${others} Changes it made to records it did not create are left as they are (they carry updatedByImport=${importId}).`,
  };
}
