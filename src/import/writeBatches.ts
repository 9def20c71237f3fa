import type { Database, Tx } from '../db/database';
import type { Principal } from '../auth/principal';
import { writeScope } from '../auth/policy';
import { ForbiddenError } from '../errors';
import { TYPE_OF_KIND } from '../model';
import { IMPORT_KINDS, type ImportKind } from './kinds';
import { planBatch } from './planBatch';
import { readSpillBatches } from './spill';
import { disjointBatches, type DisjointBatch } from './disjointBatches';
import { tieColumns, type ImportRecord, type RecordOf, type SpilledRecord } from './records';

export const WRITE_BATCH = 5000;
/**
 * Ties, the kind a large file is mostly made of, are written 10,000 to a
 * transaction: half the commits, receipts and progress records of 5,000, and
 * still a small transaction for the database (a few MB of state).
 */
export const TIE_WRITE_BATCH = 10_000;
/**
 * Tie batches written at once: two, one per core of the database. The first does
 * its CREATE while the other commits (about 40 % of a batch's time), and the two
 * share no actor (disjointBatches), so neither waits for the other's locks.
 */
export const TIE_WRITERS = 2;

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
    /** Indices of the batches an interrupted run of this import committed: skipped, their counts already in `counts`. */
    done: ReadonlySet<number>;
    counts: ImportCounts;
    /** Whether the (:Import) record exists already (an interrupted run of this import made it). */
    recorded: boolean;
    /** Test hook (SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH): stop after this many batches, as a crash would. */
    pauseAfterBatch?: number;
    /** Test hook (SAMVERKAN_IMPORT_TIE_BATCH): ties per batch instead of TIE_WRITE_BATCH, to have many batches from a small file. */
    tieBatch?: number;
    /** Tie transactions at once (default TIE_WRITERS); 1 writes them one after another, for comparison. */
    tieWriters?: number;
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

/**
 * The parameters of a kind's CREATE statement: ties as parallel lists, one per
 * property (createCollaborations.cypher says why); actors as rows.
 */
function createParams(kind: ImportKind, items: SpilledRecord[]): Record<string, unknown> {
  if (kind !== 'collaborations') return { rows: items.map(rowParams) };
  const ties = items.map((item) => item.record as RecordOf<'collaborations'>);
  return {
    ...tieColumns(items),
    strengths: ties.map((tie) => tie.strength),
    initiativeIds: ties.map((tie) => tie.initiativeId),
    sources: ties.map((tie) => tie.source),
    rows: items.map((item) => item.row),
  };
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

/** The counts of the batches an interrupted run committed, from their progress records. */
export function sumCounts(batches: ReadonlyArray<ImportCounts>): ImportCounts {
  const total: ImportCounts = {};
  for (const counts of batches) for (const [kind, delta] of Object.entries(counts) as Array<[ImportKind, KindCounts]>) add(total, kind, delta);
  return total;
}

function tieActors(item: SpilledRecord): readonly string[] {
  const record = item.record;
  return record.kind === 'collaborations' ? [record.firstId, record.secondId] : [];
}

/** Ties in batches that share no actor with the one before (written two at a time); other kinds in file order, one at a time. */
async function* batchesOf(kind: ImportKind, file: string, tieBatch = TIE_WRITE_BATCH): AsyncGenerator<DisjointBatch> {
  const chunks = readAhead(readSpillBatches(file, WRITE_BATCH));
  if (kind === 'collaborations') {
    yield* disjointBatches(chunks, tieBatch, tieActors);
    return;
  }
  for await (const items of chunks) yield { items, afterPrevious: true };
}

/**
 * The write pass (or, without `write`, the dry run's plan): the checked rows of
 * each kind in dependency order, `WRITE_BATCH` rows per transaction (ties
 * `TIE_WRITE_BATCH`, `TIE_WRITERS` transactions at once). Each batch reads what it
 * would change (unless the second pass read it already: ties), writes only created
 * and updated rows with one UNWIND statement, and records itself as done (an
 * (:ImportBatch) with its index and counts) in the same transaction, so a re-run
 * after a crash skips exactly the committed batches, whatever order they committed
 * in. The next batch is read from its spill and parsed while the database writes.
 */
export async function writeBatches(plan: WritePlan): Promise<WriteOutcome> {
  const { db, write } = plan;
  const counts: ImportCounts = write ? structuredClone(write.counts) : {};
  let recorded = write?.recorded ?? false;
  let batchIndex = 0;
  let committed = 0;
  let rows = 0;
  const areaLinks: Array<{ id: string; parentId: string }> = [];
  const inFlight = new Map<number, Promise<void>>();
  /** Waits for the batches in flight below `index` (and a failure among them). */
  const settleBelow = async (index: number) => {
    for (const [at, done] of [...inFlight]) if (at < index) await done;
  };
  const writeOne = async (kind: ImportKind, index: number, items: SpilledRecord[], target: NonNullable<WritePlan['write']>) => {
    // Counts are computed inside the transaction and kept only once it committed: a retried attempt starts again.
    const delta = await db.write(async (tx) => {
      const planned = await planBatch(tx, kind, items);
      const changed = [...planned.create, ...planned.update];
      if (changed.length > 0) {
        // The first batch that writes records the import, in its own transaction: an import that changes nothing leaves no trace.
        if (!recorded) await tx.run('import/begin', { id: target.importId, file: target.file, sha256: target.sha256, by: plan.principal.id, partial: target.partial });
        await lockScope(tx, plan.principal, planned.update.concat(planned.create.filter((item) => item.record.kind !== 'actors' || item.record.actorKind === 'CITIZEN')));
        const provenance = { importId: target.importId, file: target.file, by: plan.principal.id };
        const create = CREATE[kind];
        const merged = create ? planned.update : changed;
        if (create && planned.create.length > 0) await tx.run(create, { ...createParams(kind, planned.create), ...provenance });
        if (merged.length > 0) await tx.run(MERGE[kind], { rows: merged.map(rowParams), ...provenance });
      }
      const delta: KindCounts = { created: planned.create.length, updated: planned.update.length, unchanged: planned.unchanged };
      // A batch that changed nothing needs no record: a re-run finds it unchanged again.
      if (changed.length > 0) await tx.run('import/batchDone', { id: target.importId, batch: index, counts: JSON.stringify({ [kind]: delta }) });
      return delta;
    });
    recorded ||= delta.created + delta.updated > 0;
    add(counts, kind, delta);
    committed += 1;
    if (target.pauseAfterBatch !== undefined && committed >= target.pauseAfterBatch) {
      process.stderr.write(`import: paused after batch ${committed} (SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH)\n`);
      await new Promise<never>(() => undefined);
    }
  };
  try {
    for (const kind of IMPORT_KINDS) {
      const file = plan.checked[kind];
      if (!file) continue;
      for await (const { items, afterPrevious } of batchesOf(kind, file, write?.tieBatch)) {
        const index = batchIndex++;
        rows += items.length;
        if (kind === 'areas') for (const item of items) if (item.record.kind === 'areas' && item.record.parentId) areaLinks.push({ id: item.record.id, parentId: item.record.parentId });
        if (write?.done.has(index)) {
          plan.onRows?.(rows);
          continue;
        }
        if (items.every((item) => item.plan === 'unchanged')) {
          // Known unchanged from the second pass: no transaction at all.
          add(counts, kind, { created: 0, updated: 0, unchanged: items.length });
        } else if (!write) {
          const planned = await db.read((tx) => planBatch(tx, kind, items));
          add(counts, kind, { created: planned.create.length, updated: planned.update.length, unchanged: planned.unchanged });
        } else {
          // Batch i may share actors with i - 2 (and with i - 1 when afterPrevious): those commit first.
          // Until the import's record exists, a batch is written alone (it may be the one that creates it).
          await settleBelow(afterPrevious || !recorded || (write.tieWriters ?? TIE_WRITERS) < 2 ? index : index - 1);
          const done = writeOne(kind, index, items, write).finally(() => inFlight.delete(index));
          // Awaited by settleBelow; until then a failure must not count as unhandled.
          done.catch(() => undefined);
          inFlight.set(index, done);
        }
        plan.onRows?.(rows);
      }
      // The next kind refers to this one's records: all of them commit first.
      await settleBelow(batchIndex);
    }
  } finally {
    // A failed batch leaves the other in flight to settle before the error goes on.
    await Promise.allSettled([...inFlight.values()]);
  }
  if (write && recorded && areaLinks.length > 0) {
    for (let start = 0; start < areaLinks.length; start += WRITE_BATCH) {
      await db.write((tx) => tx.run('import/linkAreas', { rows: areaLinks.slice(start, start + WRITE_BATCH) }));
    }
  }
  return { counts, recorded, batches: batchIndex };
}
