import type { Tx } from '../db/database';
import type { ImportKind } from './kinds';
import type { ImportRecord, RecordOf, RowPlan, SpilledRecord } from './records';

export interface BatchPlan {
  create: SpilledRecord[];
  update: SpilledRecord[];
  unchanged: number;
}

type Stored = Record<string, unknown> | null;

/** A value the row gives (not null) that differs from the stored one. An empty cell leaves a stored value alone. */
function differs(given: unknown, stored: unknown): boolean {
  if (given === null || given === undefined) return false;
  return given !== (stored ?? null);
}

function sameSet(a: readonly unknown[], b: unknown): boolean {
  const other = Array.isArray(b) ? b : [];
  return a.length === other.length && a.every((value) => other.includes(value));
}

/** Whether a row would change its stored record (null: there is none, so it creates one). */
const CHANGES: { [K in ImportKind]: (record: RecordOf<K>, stored: Record<string, unknown>) => boolean } = {
  areas: (r, s) => r.name !== s.name || r.level !== s.level || differs(r.parentId, s.parentId),
  actors: (r, s) =>
    differs(r.name, s.name) ||
    differs(r.organisationNumber, s.organisationNumber) ||
    differs(r.description, s.description) ||
    differs(r.website, s.website) ||
    differs(r.registeredBy, s.registeredBy) ||
    differs(r.consentGiven, s.consentGiven) ||
    differs(r.consentDate, s.consentDate) ||
    differs(r.consentPurpose, s.consentPurpose),
  initiatives: (r, s) =>
    r.name !== s.name ||
    r.initiativeKind !== s.kind ||
    r.startDate !== s.startDate ||
    differs(r.description, s.description) ||
    differs(r.website, s.website) ||
    differs(r.endDate, s.endDate) ||
    (r.sdgs.length > 0 && !sameSet(r.sdgs, s.sdgs)) ||
    (r.areaIds.length > 0 && !sameSet(r.areaIds, s.areaIds)),
  memberships: (r, s) => differs(r.until, s.until),
  participations: (r, s) => r.since !== s.since || differs(r.until, s.until),
  collaborations: (r, s) =>
    r.tieKind !== s.kind || r.since !== s.since || r.strength !== s.strength || differs(r.until, s.until) || differs(r.initiativeId, s.initiativeId) || differs(r.source, s.source),
};

export function relationKey(record: ImportRecord): string {
  if (record.kind === 'memberships') return `${record.actorId}|${record.areaId}|${record.since}`;
  if (record.kind === 'participations') return `${record.actorId}|${record.initiativeId}|${record.role}`;
  return record.id;
}

async function storedState(tx: Tx, kind: ImportKind, records: ImportRecord[]): Promise<Map<string, Stored>> {
  if (kind === 'memberships' || kind === 'participations') {
    const rows = await tx.run<{ key: string; existing: Stored }>(kind === 'memberships' ? 'import/planMemberships' : 'import/planParticipations', {
      rows: records.map((record) => ({ ...record, key: relationKey(record) })),
    });
    return new Map(rows.map((row) => [row.key, row.existing]));
  }
  const statement = { areas: 'import/planAreas', actors: 'import/planActors', initiatives: 'import/planInitiatives', collaborations: 'import/planCollaborations' }[kind];
  const rows = await tx.run<{ id: string; existing: Stored }>(statement, { ids: records.map(relationKey) });
  return new Map(rows.map((row) => [row.id, row.existing]));
}

/** What a row does to the record it is stored as (null: none is). */
export function planOf(record: ImportRecord, existing: Stored): RowPlan {
  if (existing === null) return 'create';
  return (CHANGES[record.kind] as (record: ImportRecord, stored: Record<string, unknown>) => boolean)(record, existing) ? 'update' : 'unchanged';
}

/** Sorts a batch by each row's plan. */
function sortPlanned(batch: SpilledRecord[], planOfItem: (item: SpilledRecord) => RowPlan | undefined): BatchPlan {
  const plan: BatchPlan = { create: [], update: [], unchanged: 0 };
  for (const item of batch) {
    const row = planOfItem(item);
    if (row === 'create') plan.create.push(item);
    else if (row === 'update') plan.update.push(item);
    else plan.unchanged += 1;
  }
  return plan;
}

/**
 * Sorts a batch into create, update and unchanged: by the plans its rows carry
 * when the second pass read their stored records already (no statement), else by
 * reading what the batch's records are stored as.
 */
export async function planBatch(tx: Tx, kind: ImportKind, batch: SpilledRecord[]): Promise<BatchPlan> {
  if (batch.every((item) => item.plan !== undefined)) return sortPlanned(batch, (item) => item.plan);
  // Read inside the caller's transaction, and not kept on the rows: a retried attempt reads again.
  const stored = await storedState(tx, kind, batch.map((item) => item.record));
  return sortPlanned(batch, (item) => planOf(item.record, stored.get(relationKey(item.record)) ?? null));
}
