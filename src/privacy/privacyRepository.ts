import { randomUUID } from 'node:crypto';
import type { Database, QueryObserver } from '../db/database';
import type { Principal } from '../auth/principal';
import { lockActorsInScope } from '../auth/writeScope';
import { BadUserInputError, NotFoundError } from '../errors';
import { quoteForError } from '../validation/quoteForError';
import { bumpGraphVersion } from '../analytics/collaborationIndex/graphChanges';

export interface ErasureRecord {
  erasureId: string;
  at: string;
  ties: number;
  memberships: number;
  participations: number;
}

export type ErasureReason = 'ERASURE' | 'CONSENT_WITHDRAWN';

/**
 * Erasure (GDPR Art. 17) in one write transaction: the citizen and everything
 * attached, the citizen's id (and the erased ties' ids) in the audit log replaced
 * by the erasure's id, the write receipts that name the citizen, an erasure event without personal data, and a new graph
 * version. The caller then drops in-memory copies (AnalyticsService.forgetAll).
 */
export class PrivacyRepository {
  constructor(
    private readonly db: Database,
    private readonly observer: QueryObserver | undefined,
    private readonly principal: Principal,
  ) {}

  /** Every property, anywhere in the graph, that contains the text (a subject-access search; scans everything). */
  trace(text: string): Promise<Array<{ kind: string; labels: string[]; key: string }>> {
    return this.db.readRows('privacy/trace', { text }, this.observer);
  }

  erase(citizenId: string, reason: ErasureReason): Promise<ErasureRecord> {
    return this.db.write(async (tx) => {
      const [citizen] = await lockActorsInScope(tx, this.principal, [citizenId]);
      if (citizen.kind !== 'CITIZEN') throw new BadUserInputError(`${quoteForError(citizenId)} is an organisation, not a citizen; delete it with deleteActor.`, 'id');
      const [erased] = await tx.run<{ tieIds: string[]; memberships: number; participations: number }>('privacy/eraseCitizen', { id: citizenId });
      if (!erased) throw new NotFoundError('Citizen', citizenId);
      const erasureId = `erasure-${randomUUID()}`;
      await tx.run('audit/scrubTargets', { citizenId, tieIds: erased.tieIds, replacement: erasureId });
      // Write receipts keep a write's result for retries: those naming the citizen go too.
      await tx.run('system/deleteReceiptsMentioning', { text: citizenId });
      const [row] = await tx.run<{ erasure: { at: string } }>('privacy/recordErasure', {
        id: erasureId,
        by: this.principal.id,
        ties: erased.tieIds.length,
        memberships: erased.memberships,
        participations: erased.participations,
        reason,
      });
      await bumpGraphVersion(tx, { full: true, forget: [citizenId, ...erased.tieIds] });
      return { erasureId, at: row.erasure.at, ties: erased.tieIds.length, memberships: erased.memberships, participations: erased.participations };
    }, this.observer);
  }
}
