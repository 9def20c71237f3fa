import type { Database, Params } from '../db/database';
import type { Logger } from '../logger';
import { malmoDataset } from './malmoDataset';
import type { ActorRow, AreaRow, CollaborationRow, Dataset, DatasetPhase, InitiativeRow, MembershipRow, ParticipationRow } from './types';

/** The load steps, in order: areas and their PART_OF links before anything points at them. */
export const LOAD_PHASES = ['areas', 'partOf', 'actors', 'memberships', 'initiatives', 'participations', 'collaborations'] as const;
export type LoadPhase = (typeof LOAD_PHASES)[number];

export interface LoadOptions {
  /** Rows per `UNWIND $rows` statement; each batch is its own write transaction. */
  batchSize?: number;
  /** Called after every batch with rows done and rows in total, over all phases. */
  onProgress?: (done: number, total: number, phase: LoadPhase) => void;
}

export interface LoadSummary {
  rows: Record<LoadPhase, number>;
  /** Wall-clock seconds per phase and in total. */
  phaseSeconds: Record<LoadPhase, number>;
  seconds: number;
}

export const DEFAULT_BATCH_SIZE = 5000;

interface Step<T> {
  phase: LoadPhase;
  statement: string;
  rows: Iterable<T>;
  count: number;
  params: (row: T) => Params;
}

/**
 * Loads a dataset in batches. Nodes are MERGEd on their ids and relationships on their
 * keys, so loading the same dataset again (or after an interrupted load) is safe.
 */
export async function loadDataset(db: Database, dataset: Dataset, options: LoadOptions = {}): Promise<LoadSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive whole number, got ${batchSize}`);
  const areas: AreaRow[] = [...dataset.areas];
  const links = areas.filter((area) => area.parentId !== null);
  const count = (phase: DatasetPhase, rows: Iterable<unknown>) => countRows(rows, dataset.counts?.[phase]);
  const steps = [
    step('areas', 'seed/mergeAreas', areas, areas.length, areaParams),
    step('partOf', 'seed/linkAreas', links, links.length, (area: AreaRow) => ({ childId: area.id, parentId: area.parentId })),
    step('actors', 'seed/mergeActors', dataset.actors, count('actors', dataset.actors), actorParams),
    step('memberships', 'seed/mergeMemberships', dataset.memberships, count('memberships', dataset.memberships), membershipParams),
    step('initiatives', 'seed/mergeInitiatives', dataset.initiatives, count('initiatives', dataset.initiatives), initiativeParams),
    step('participations', 'seed/mergeParticipations', dataset.participations, count('participations', dataset.participations), participationParams),
    step('collaborations', 'seed/mergeCollaborations', dataset.collaborations, count('collaborations', dataset.collaborations), collaborationParams),
  ];
  const total = steps.reduce((sum, current) => sum + current.count, 0);
  const rows = Object.fromEntries(LOAD_PHASES.map((phase) => [phase, 0])) as Record<LoadPhase, number>;
  const phaseSeconds = { ...rows };
  const started = performance.now();
  let done = 0;
  options.onProgress?.(0, total, 'areas');
  for (const current of steps) {
    const phaseStarted = performance.now();
    for (const batch of batches(current.rows, batchSize, current.params)) {
      // A seed batch is bulk work: the per-request transaction bound does not apply.
      await db.write((tx) => tx.run(current.statement, { rows: batch }), undefined, { timeoutMs: 30 * 60_000 });
      rows[current.phase] += batch.length;
      done += batch.length;
      options.onProgress?.(done, Math.max(total, done), current.phase);
    }
    phaseSeconds[current.phase] = (performance.now() - phaseStarted) / 1000;
  }
  // Cached analytics of the graph before the load must not be served after it.
  await db.writeRows('system/bumpGraphVersion');
  return { rows, phaseSeconds, seconds: (performance.now() - started) / 1000 };
}

/**
 * Deletes everything but the schema-migration records: relationships first, then
 * nodes, each in auto-committed batches of 10000 so memory stays flat on big graphs.
 */
export async function wipeDatabase(db: Database): Promise<void> {
  await db.autoCommit('seed/wipeRelationships');
  await db.autoCommit('seed/wipeNodes');
}

/** Loads the Malmö dataset when the database holds no actors; says whether it did. */
export async function seedIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [{ hasActors }] = await db.readRows<{ hasActors: boolean }>('seed/hasActors');
  if (hasActors) return false;
  const dataset = malmoDataset();
  const summary = await loadDataset(db, dataset);
  logger.info('seed dataset loaded', { dataset: dataset.name, ...summary.rows, seconds: Number(summary.seconds.toFixed(2)) });
  return true;
}

function step<T>(phase: LoadPhase, statement: string, rows: Iterable<T>, count: number, params: (row: T) => Params): Step<unknown> {
  return { phase, statement, rows, count, params } as Step<unknown>;
}

function countRows(rows: Iterable<unknown>, known: number | undefined): number {
  if (Array.isArray(rows)) return rows.length;
  if (known !== undefined) return known;
  let count = 0;
  for (const _ of rows) count += 1;
  return count;
}

function* batches<T>(rows: Iterable<T>, size: number, params: (row: T) => Params): Generator<Params[]> {
  let batch: Params[] = [];
  for (const row of rows) {
    batch.push(params(row));
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// Every statement parameter is spelled out (null when absent) so the Cypher sees the same keys for each kind of row.

function areaParams(area: AreaRow): Params {
  return { id: area.id, name: area.name, level: area.level, synthetic: area.synthetic };
}

function actorParams(actor: ActorRow): Params {
  const common = { id: actor.id, kind: actor.kind, sector: actor.sector, name: actor.name, synthetic: actor.synthetic };
  if (actor.kind === 'CITIZEN') {
    return { ...common, description: null, website: null, organisationNumber: null, consentGiven: actor.consentGiven, consentDate: actor.consentDate, consentPurpose: actor.consentPurpose };
  }
  return { ...common, description: actor.description, website: actor.website, organisationNumber: actor.organisationNumber, consentGiven: null, consentDate: null, consentPurpose: null };
}

function membershipParams(row: MembershipRow): Params {
  return { actorId: row.actorId, areaId: row.areaId, since: row.since, until: row.until };
}

function initiativeParams(row: InitiativeRow): Params {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    website: row.website,
    startDate: row.startDate,
    endDate: row.endDate,
    sdgs: row.sdgs,
    areaIds: row.areaIds,
    synthetic: row.synthetic,
  };
}

function participationParams(row: ParticipationRow): Params {
  return { actorId: row.actorId, initiativeId: row.initiativeId, role: row.role, since: row.since, until: row.until };
}

function collaborationParams(row: CollaborationRow): Params {
  return {
    id: row.id,
    fromId: row.fromId,
    toId: row.toId,
    kind: row.kind,
    since: row.since,
    until: row.until,
    strength: row.strength,
    initiativeId: row.initiativeId,
    source: row.source,
  };
}

/** How many actors and ties the database holds. */
export async function datasetSize(db: Database): Promise<{ actors: number; ties: number }> {
  const [row] = await db.readRows<{ actors: number; ties: number }>('seed/datasetSize');
  return row;
}
