import type { Database, Tx } from '../db/database';
import type { Principal } from '../auth/principal';
import { writeScope } from '../auth/policy';
import { ForbiddenError } from '../errors';
import { TYPE_OF_KIND } from '../model';
import { IMPORT_KINDS, type ImportKind } from './kinds';
import { planBatch } from './planBatch';
import { readSpillBatches } from './spill';
import type { ImportRecord, SpilledRecord } from './records';

export const WRITE_BATCH = 5000;
/**
 * Ties, the kind a large file is mostly made of, are written 10,000 to a
 * transaction: half the commits, receipts and progress records of 5,000, and
 * still a small transaction for the database (a few MB of state).
 */
export const TIE_WRITE_BATCH = 10_000;

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportCounts = Partial<Record<ImportKind, KindCounts>>;

export interface WritePlan {
  db: Database;
  principal: Principal;
  checked: Partial<Record<ImportKind, string>>;
  /** Absent for a dry run: nothing is written. */
  write?: {
    importId: string;
    file: string;
    sha256: string;
    partial: boolean;
    /** Batches an interrupted run of this import committed: skipped, their counts taken from `counts`. */
    resumeFrom: number;
    counts: ImportCounts;
    /** Test hook (SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH): stop after this many batches, as a crash would. */
    pauseAfterBatch?: number;
  };
  onRows?: (rows: number) => void;
}

export interface WriteOutcome {
  counts: ImportCounts;
  /** Whether this import has an (:Import) record: it wrote something now or in an interrupted run. */
  recorded: boolean;
  batches: number;
}

const MERGE: Readonly<Record<ImportKind, string>> = {
  areas: 'import/mergeAreas',
  actors: 'import/mergeActors',
  initiatives: 'import/mergeInitiatives',
  memberships: 'import/mergeMemberships',
  participations: 'import/mergeParticipations',
  collaborations: 'import/mergeCollaborations',
};

/**
 * Rows the batch's own plan found absent go through CREATE where a kind has such a
 * statement (the two big kinds): no locking MERGE seek per row, about a quarter
 * less time per tie in PROFILE. Updates keep MERGE.
 */
const CREATE: Readonly<Partial<Record<ImportKind, string>>> = {
  actors: 'import/createActors',
  collaborations: 'import/createCollaborations',
};

/** A record as its merge statement's row: the names the .cypher files use. */
function rowParams(item: SpilledRecord): Record<string, unknown> {
  const tie = item.record;
  if (tie.kind === 'collaborations') {
    // A literal of exactly the statement's names, for the kind with most rows: a spread
    // and `delete` leave the object in V8's slow dictionary mode for the copy and packing that follow.
    return { id: tie.id, firstId: tie.firstId, secondId: tie.secondId, kind: tie.tieKind, since: tie.since, until: tie.until, strength: tie.strength, initiativeId: tie.initiativeId, source: tie.source, row: item.row };
  }
  const { kind, ...record } = item.record as ImportRecord & Record<string, unknown>;
  const row: Record<string, unknown> = { ...record, row: item.row };
  if (kind === 'actors') {
    row.kind = record.actorKind;
    // The label of the kind is its GraphQL type's name, as everywhere.
    row.label = TYPE_OF_KIND[record.actorKind as keyof typeof TYPE_OF_KIND];
  }
  if (kind === 'initiatives') row.kind = record.initiativeKind;
  return row;
}

/** The actors a row touches, and whether all or any of them must be within an EDITOR's organisations. */
function touched(record: ImportRecord): { ids: string[]; need: 'every' | 'any' } | null {
  if (record.kind === 'actors') return { ids: [record.registeredBy ?? record.id], need: 'every' };
  if (record.kind === 'memberships' || record.kind === 'participations') return { ids: [record.actorId], need: 'every' };
  if (record.kind === 'collaborations') return { ids: [record.firstId, record.secondId], need: 'any' };
  return null;
}

/**
 * An EDITOR's scope, checked again inside the batch's own transaction with the
 * touched actors locked (auth/lockActorsForWrite, as every write does), so that
 * nothing changes between the second pass and the write.
 */
async function lockScope(tx: Tx, principal: Principal, items: SpilledRecord[]): Promise<void> {
  const organisations = writeScope(principal);
  if (organisations === null || items.length === 0) return;
  const ids = [...new Set(items.flatMap((item) => touched(item.record)?.ids ?? []))];
  const rows = await tx.run<{ id: string; inScope: boolean }>('auth/lockActorsForWrite', { ids, organisations });
  const inScope = new Set(rows.filter((row) => row.inScope).map((row) => row.id));
  for (const item of items) {
    const need = touched(item.record);
    if (!need) throw new ForbiddenError(`Row ${item.row}: importing ${item.record.kind} needs the ADMIN role.`);
    const covered = need.need === 'every' ? need.ids.every((id) => inScope.has(id)) : need.ids.some((id) => inScope.has(id));
    if (!covered) throw new ForbiddenError(`Row ${item.row}: ${need.ids.join(' and ')} ${need.ids.length > 1 ? 'are' : 'is'} outside your organisations (${organisations.join(', ') || 'none'}); nothing of this batch was written.`);
  }
}

/**
 * The items of `source`, each next one requested as soon as the current one is
 * handed out: the reading and parsing of batch k+1 runs while the caller awaits
 * the database with batch k.
 */
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = source.next();
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    // The caller stopped early (or failed): close the source once its pending read settles.
    await next.then(() => source.return(undefined), () => undefined);
  }
}

function add(counts: ImportCounts, kind: ImportKind, delta: KindCounts): void {
  const current = (counts[kind] ??= { created: 0, updated: 0, unchanged: 0 });
  current.created += delta.created;
  current.updated += delta.updated;
  current.unchanged += delta.unchanged;
}

/**
 * The write pass (or, without `write`, the dry run's plan): the checked rows of
 * each kind in dependency order, `WRITE_BATCH` rows per transaction (ties
 * `TIE_WRITE_BATCH`). Each batch reads what it would change (unless the second pass read it already: ties),
 * writes only created and updated rows with one UNWIND statement, and records the
 * import's progress in the same transaction, so a re-run after a crash skips
 * exactly the committed batches. The next batch is read from its spill and parsed
 * while the database writes the current one (the two run on different cores).
 */
export async function writeBatches(plan: WritePlan): Promise<WriteOutcome> {
  const { db, write } = plan;
  const counts: ImportCounts = write ? structuredClone(write.counts) : {};
  let recorded = write ? write.resumeFrom > 0 : false;
  let batchIndex = 0;
  let rows = 0;
  const areaLinks: Array<{ id: string; parentId: string }> = [];
  for (const kind of IMPORT_KINDS) {
    const file = plan.checked[kind];
    if (!file) continue;
    for await (const batch of readAhead(readSpillBatches(file, kind === 'collaborations' ? TIE_WRITE_BATCH : WRITE_BATCH))) {
      const index = batchIndex++;
      rows += batch.length;
      if (kind === 'areas') for (const item of batch) if (item.record.kind === 'areas' && item.record.parentId) areaLinks.push({ id: item.record.id, parentId: item.record.parentId });
      if (write && index < write.resumeFrom) continue;
      if (!recorded && batch.every((item) => item.plan === 'unchanged')) {
        // Known unchanged from the second pass, and no import record to advance: no transaction at all.
        add(counts, kind, { created: 0, updated: 0, unchanged: batch.length });
      } else if (!write) {
        const planned = await db.read((tx) => planBatch(tx, kind, batch));
        add(counts, kind, { created: planned.create.length, updated: planned.update.length, unchanged: planned.unchanged });
      } else {
        // Counts are computed inside the transaction (saved with it) and kept only once it committed: a retried attempt starts again.
        const outcome = await db.write(async (tx) => {
          const planned = await planBatch(tx, kind, batch);
          const changed = [...planned.create, ...planned.update];
          const next = structuredClone(counts);
          add(next, kind, { created: planned.create.length, updated: planned.update.length, unchanged: planned.unchanged });
          if (changed.length > 0) {
            await lockScope(tx, plan.principal, planned.update.concat(planned.create.filter((item) => item.record.kind !== 'actors' || item.record.actorKind === 'CITIZEN')));
            const provenance = { importId: write.importId, file: write.file, by: plan.principal.id };
            const create = CREATE[kind];
            const merged = create ? planned.update : changed;
            if (create && planned.create.length > 0) await tx.run(create, { rows: planned.create.map(rowParams), ...provenance });
            if (merged.length > 0) await tx.run(MERGE[kind], { rows: merged.map(rowParams), ...provenance });
          }
          if (changed.length > 0 || recorded) {
            await tx.run('import/saveProgress', { id: write.importId, file: write.file, sha256: write.sha256, by: plan.principal.id, partial: write.partial, batchesDone: index + 1, counts: JSON.stringify(next) });
          }
          return { wrote: changed.length > 0, next };
        });
        Object.assign(counts, outcome.next);
        const wrote = outcome.wrote;
        recorded ||= wrote;
        if (write.pauseAfterBatch !== undefined && index + 1 >= write.pauseAfterBatch) {
          process.stderr.write(`import: paused after batch ${index + 1} (SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH)\n`);
          await new Promise<never>(() => undefined);
        }
      }
      plan.onRows?.(rows);
    }
  }
  if (write && recorded && areaLinks.length > 0) {
    for (let start = 0; start < areaLinks.length; start += WRITE_BATCH) {
      await db.write((tx) => tx.run('import/linkAreas', { rows: areaLinks.slice(start, start + WRITE_BATCH) }));
    }
  }
  return { counts, recorded, batches: batchIndex };
}
