import type { Database } from '../../db/database';
import type { Logger } from '../../logger';
import { CollaborationIndex } from './collaborationIndex';
import { parseVersion, touchedBetween } from './graphChanges';
import { loadIndexColumns, loadTouchedRows } from './indexLoader';
import { patchIndex, type TouchedRows } from './indexPatch';

/** The index loads the whole graph in one transaction: minutes on a large city, not the per-request bound. */
const BULK_READ_TIMEOUT_MS = 30 * 60_000;

export interface CollaborationIndexStoreDependencies {
  db: Database;
  logger: Logger;
  /** Told of each rebuild's outcome (Prometheus). */
  onRebuild?: (outcome: 'ok' | 'followed' | 'failed' | 'discarded') => void;
}

/** Past this share of the actors touched, a whole rebuild is as cheap as applying the changes. */
const FOLLOW_AT_MOST = 0.2;
/** Attempts to apply the changes when writes keep landing during the (short) read. */
const FOLLOW_ATTEMPTS = 3;
/** Change-log entries older than this are pruned (an index further behind rebuilds whole). */
const CHANGE_LOG_MAX_AGE_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 5 * 60_000;

type Followed = CollaborationIndex | null | 'rebuild';

/**
 * Keeps the collaboration index of the newest graph version. A request asks for
 * the index of the version it read (`forVersion`): it gets it only when it is
 * exactly that version, so an answer from the index is never older than the
 * database. Otherwise the request answers from Cypher and a rebuild starts in the
 * background (one at a time).
 *
 * Following writes: every write bumps the version and records what it touched
 * in the change log, in its own transaction (graphChanges.ts). When the index is
 * behind, the store reads the log from its version to the database's, re-reads
 * only the touched actors (record, memberships, ties) and patches a new index
 * from the old one (indexPatch.ts): milliseconds, where a rebuild reads the whole
 * city. A gap in the log (a bulk import, another epoch, a pruned or `full`
 * entry) or a large share of the city touched rebuilds whole instead.
 *
 * Consistency: both the rebuild and the patch read in one read transaction that
 * reads the graph version first and last; equal versions mean no write landed
 * during the read; otherwise it is thrown away (a patch is retried at once).
 */
export class CollaborationIndexStore {
  private current: CollaborationIndex | null = null;
  private building: Promise<CollaborationIndex | null> | null = null;
  private closed = false;
  /** Bumped by drop(): a build that began before it is not kept. */
  private generation = 0;
  /** Milliseconds the last successful build took. */
  lastBuildMs: number | null = null;
  /** Milliseconds the last application of changes took, and how many actors it replaced. */
  lastFollow: { ms: number; actors: number; versions: number } | null = null;
  private lastPruneAt = 0;

  constructor(private readonly deps: CollaborationIndexStoreDependencies) {}

  /** The index of exactly this graph version, or null (and a rebuild begins in the background). */
  forVersion(version: string): CollaborationIndex | null {
    if (this.current?.version === version) return this.current;
    if (!this.closed) {
      this.refresh().catch((error: unknown) => this.deps.logger.warn('collaboration index: rebuild failed; analytics answer from Cypher meanwhile', { error: String(error) }));
    }
    return null;
  }

  /**
   * Brings the index to the graph as it is now, by applying the changes since its
   * version or else by a rebuild; concurrent callers share one update. Null when
   * a write landed during the load.
   */
  refresh(): Promise<CollaborationIndex | null> {
    this.building ??= this.update()
      .then(
        ({ index, followed }) => {
          this.deps.onRebuild?.(index ? (followed ? 'followed' : 'ok') : 'discarded');
          return index;
        },
        (error: unknown) => {
          this.deps.onRebuild?.('failed');
          throw error;
        },
      )
      .finally(() => {
        this.building = null;
      });
    return this.building;
  }

  /** Drops the copy of the graph (after an erasure); the next request rebuilds it from the database. */
  drop(): void {
    this.current = null;
    this.generation += 1;
  }

  /** Waits for a build in flight; no new build starts afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.building?.catch(() => undefined);
  }

  private async update(): Promise<{ index: CollaborationIndex | null; followed: boolean }> {
    this.pruneNow();
    const base = this.current;
    if (base) {
      for (let attempt = 0; attempt < FOLLOW_ATTEMPTS; attempt += 1) {
        const followed = await this.follow(base).catch((error: unknown) => {
          this.deps.logger.warn('collaboration index: applying changes failed; rebuilding', { error: String(error) });
          return 'rebuild' as const;
        });
        if (followed === 'rebuild') break;
        if (followed) return { index: followed, followed: true };
      }
    }
    return { index: await this.build(), followed: false };
  }

  /** The index of the database's version, patched from `base`; null when a write landed during the read; 'rebuild' when the log cannot say. */
  private async follow(base: CollaborationIndex): Promise<Followed> {
    const started = performance.now();
    const generation = this.generation;
    const loaded = await this.deps.db.read(async (tx): Promise<{ before: string; after: string; touched: TouchedRows | null }> => {
      const [before] = await tx.run<{ version: string }>('system/graphVersion');
      if (before.version === base.version) return { before: before.version, after: before.version, touched: null };
      const changed = await touchedBetween(tx, base.version, before.version);
      if (!changed) return { before: before.version, after: before.version, touched: null };
      const actorIds = changed.actorIds;
      // A tie named by id: its ends, as the index knows them (a tie newer than the index came with its ends).
      if (changed.tieIds.size > 0) {
        for (let actor = 0; actor < base.actorCount; actor += 1) {
          for (let at = base.adjStart[actor]; at < base.adjStart[actor + 1]; at += 1) {
            if (changed.tieIds.has(base.adjTieId[at])) actorIds.add(base.actorIds[actor]);
          }
        }
      }
      if (actorIds.size > Math.max(100, FOLLOW_AT_MOST * base.actorCount)) return { before: before.version, after: before.version, touched: null };
      const touched = await loadTouchedRows(tx, actorIds);
      const [after] = await tx.run<{ version: string }>('system/graphVersion');
      return { before: before.version, after: after.version, touched };
    }, undefined, { timeoutMs: BULK_READ_TIMEOUT_MS });
    if (loaded.before === base.version) return base;
    if (!loaded.touched) return 'rebuild';
    if (loaded.before !== loaded.after) return null;
    const index = patchIndex(base, loaded.before, loaded.touched);
    if (this.closed || generation !== this.generation) return null;
    this.current = index;
    this.lastFollow = { ms: performance.now() - started, actors: loaded.touched.actorIds.size, versions: (parseVersion(index.version)?.seq ?? 0) - (parseVersion(base.version)?.seq ?? 0) };
    this.deps.logger.debug('collaboration index followed writes', { version: index.version, ...this.lastFollow });
    return index;
  }

  private async build(): Promise<CollaborationIndex | null> {
    const started = performance.now();
    const generation = this.generation;
    // A bulk read of the whole graph: the per-request transaction bound does not apply.
    const loaded = await this.deps.db.read(async (tx) => {
      const [before] = await tx.run<{ version: string }>('system/graphVersion');
      const columns = await loadIndexColumns(tx);
      const [after] = await tx.run<{ version: string }>('system/graphVersion');
      return { before: before.version, after: after.version, columns };
    }, undefined, { timeoutMs: BULK_READ_TIMEOUT_MS });
    if (loaded.before !== loaded.after) {
      this.deps.logger.debug('collaboration index: a write landed during the load; not kept', { before: loaded.before, after: loaded.after });
      return null;
    }
    const index = new CollaborationIndex(loaded.before, loaded.columns);
    if (!this.closed && generation === this.generation) this.current = index;
    this.lastBuildMs = performance.now() - started;
    this.deps.logger.debug('collaboration index built', { version: index.version, actors: index.actorCount, ties: index.tieCount, ms: Math.round(this.lastBuildMs) });
    return index;
  }

  /** Now and then, drops old change-log entries (every process may; it is idempotent). */
  private pruneNow(): void {
    if (this.closed || Date.now() - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = Date.now();
    Promise.resolve()
      .then(() => this.deps.db.writeRows('system/pruneGraphChanges', { maxAgeMs: CHANGE_LOG_MAX_AGE_MS, batch: 10_000 }))
      .catch((error: unknown) => this.deps.logger.warn('collaboration index: pruning the change log failed', { error: String(error) }));
  }
}
