import type { Database } from '../../db/database';
import type { Logger } from '../../logger';
import { CollaborationIndex, type IndexRows } from './collaborationIndex';

/** The index loads the whole graph in one transaction: minutes on a large city, not the per-request bound. */
const BULK_READ_TIMEOUT_MS = 30 * 60_000;

export interface CollaborationIndexStoreDependencies {
  db: Database;
  logger: Logger;
  /** Told of each rebuild's outcome (Prometheus). */
  onRebuild?: (outcome: 'ok' | 'failed' | 'discarded') => void;
}

/**
 * Keeps the collaboration index of the newest graph version. A request asks for
 * the index of the version it read (`forVersion`): it gets it only when it is
 * exactly that version, so an answer from the index is never older than the
 * database. Otherwise the request answers from Cypher and a rebuild starts in the
 * background (one at a time).
 *
 * Consistency: the index is loaded in one read transaction that reads the graph
 * version first and last. Every write bumps the version in its own transaction
 * (see system/bumpGraphVersion.cypher), so equal versions mean no write landed
 * during the load; otherwise the load is thrown away and the next request tries again.
 */
export class CollaborationIndexStore {
  private current: CollaborationIndex | null = null;
  private building: Promise<CollaborationIndex | null> | null = null;
  private closed = false;
  /** Bumped by drop(): a build that began before it is not kept. */
  private generation = 0;
  /** Milliseconds the last successful build took. */
  lastBuildMs: number | null = null;

  constructor(private readonly deps: CollaborationIndexStoreDependencies) {}

  /** The index of exactly this graph version, or null (and a rebuild begins in the background). */
  forVersion(version: string): CollaborationIndex | null {
    if (this.current?.version === version) return this.current;
    if (!this.closed) {
      this.refresh().catch((error: unknown) => this.deps.logger.warn('collaboration index: rebuild failed; analytics answer from Cypher meanwhile', { error: String(error) }));
    }
    return null;
  }

  /** Builds the index of the graph as it is now; concurrent callers share one build. Null when a write landed during the load. */
  refresh(): Promise<CollaborationIndex | null> {
    this.building ??= this.build()
      .then(
        (index) => {
          this.deps.onRebuild?.(index ? 'ok' : 'discarded');
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

  private async build(): Promise<CollaborationIndex | null> {
    const started = performance.now();
    const generation = this.generation;
    // A bulk read of the whole graph: the per-request transaction bound does not apply.
    const loaded = await this.deps.db.read(async (tx) => {
      const [before] = await tx.run<{ version: string }>('system/graphVersion');
      const actors = await tx.run<IndexRows['actors'][number]>('analytics/indexActors');
      const areas = await tx.run<IndexRows['areas'][number]>('analytics/indexAreas');
      const memberships = await tx.run<IndexRows['memberships'][number]>('analytics/indexMemberships');
      const ties = await tx.run<IndexRows['ties'][number]>('analytics/indexTies');
      const [after] = await tx.run<{ version: string }>('system/graphVersion');
      return { before: before.version, after: after.version, rows: { actors, areas, memberships, ties } };
    }, undefined, { timeoutMs: BULK_READ_TIMEOUT_MS });
    if (loaded.before !== loaded.after) {
      this.deps.logger.debug('collaboration index: a write landed during the load; not kept', { before: loaded.before, after: loaded.after });
      return null;
    }
    const index = new CollaborationIndex(loaded.before, loaded.rows);
    if (!this.closed && generation === this.generation) this.current = index;
    this.lastBuildMs = performance.now() - started;
    this.deps.logger.debug('collaboration index built', { version: index.version, actors: index.actorCount, ties: index.tieCount, ms: Math.round(this.lastBuildMs) });
    return index;
  }
}
