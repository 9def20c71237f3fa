import type { ActorKind, AreaLevel, CollaborationKind, InitiativeKind, ParticipationRole, Sector } from '../model';

/** A row after its checks: what the write pass stores. Ties are kept from the smaller actor id to the larger, as everywhere. */
export type ImportRecord =
  | { kind: 'areas'; id: string; name: string; level: AreaLevel; parentId: string | null }
  | {
      kind: 'actors';
      id: string;
      /** False when the id was derived from the organisation number (then an existing actor with that number is matched). */
      idGiven: boolean;
      actorKind: ActorKind;
      sector: Sector;
      name: string | null;
      organisationNumber: string | null;
      description: string | null;
      website: string | null;
      registeredBy: string | null;
      consentGiven: boolean | null;
      consentDate: string | null;
      consentPurpose: string | null;
    }
  | {
      kind: 'initiatives';
      id: string;
      name: string;
      initiativeKind: InitiativeKind;
      description: string | null;
      website: string | null;
      startDate: string;
      endDate: string | null;
      sdgs: number[];
      areaIds: string[];
    }
  | { kind: 'memberships'; actorId: string; areaId: string; since: string; until: string | null }
  | { kind: 'participations'; actorId: string; initiativeId: string; role: ParticipationRole; since: string; until: string | null }
  | {
      kind: 'collaborations';
      id: string;
      /** False when the id was derived from the pair, kind and start date (stableId). */
      idGiven: boolean;
      /** As the row gives them (for messages); firstId < secondId is how the tie is stored. */
      actorId: string;
      partnerId: string;
      firstId: string;
      secondId: string;
      tieKind: CollaborationKind;
      since: string;
      until: string | null;
      strength: number;
      initiativeId: string | null;
      /** Where the tie is known from; null keeps a stored tie's source ('import' for a new one). */
      source: string | null;
    };

export type RecordOf<K extends ImportRecord['kind']> = Extract<ImportRecord, { kind: K }>;

/** A checked record with where it came from: spilled as one NDJSON line. */
export interface SpilledRecord {
  sheet: string | null;
  row: number;
  record: ImportRecord;
  /**
   * What the row does to its stored record, when the second pass has already read
   * that record (ties: the same lookup that checks overlaps), so that the write
   * pass need not read it again.
   */
  plan?: RowPlan;
  /**
   * The stored ties a tie row meets, looked up while the first pass read the file
   * (tieLookahead.ts); absent when it meets none. The second pass reports and plans
   * from it and drops it.
   */
  stored?: StoredTie;
}

/** Stored ties a tie row meets: the tie with its id (its ends and importable properties) and others of its kind it overlaps. */
export interface StoredTie {
  ends: string[] | null;
  existing: Record<string, unknown> | null;
  overlapping: string[];
}

export type RowPlan = 'create' | 'update' | 'unchanged';

/** A tie's ends as it is stored: from the smaller actor id to the larger. */
export function storedEnds(actorId: string, partnerId: string): [string, string] {
  return actorId < partnerId ? [actorId, partnerId] : [partnerId, actorId];
}

/**
 * A batch of tie rows as parallel lists, one per column, as checkCollaborations
 * and createCollaborations take them (a list of maps repeats every key in every row).
 */
export function tieColumns(items: readonly SpilledRecord[]): {
  ids: string[];
  firstIds: string[];
  secondIds: string[];
  kinds: CollaborationKind[];
  sinces: string[];
  untils: Array<string | null>;
} {
  const ties = items.map((item) => item.record as RecordOf<'collaborations'>);
  return {
    ids: ties.map((tie) => tie.id),
    firstIds: ties.map((tie) => tie.firstId),
    secondIds: ties.map((tie) => tie.secondId),
    kinds: ties.map((tie) => tie.tieKind),
    sinces: ties.map((tie) => tie.since),
    untils: ties.map((tie) => tie.until),
  };
}
