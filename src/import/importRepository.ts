import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { bumpGraphVersion } from '../analytics/collaborationIndex/graphChanges';
import type { ImportCounts } from './writeBatches';

export interface ImportRecordRow {
  id: string;
  file: string;
  sha256?: string;
  status: 'running' | 'completed' | 'withdrawn';
  by: string;
  partial?: boolean;
  /** How many write batches are done (progress records of a running import). */
  batchesDone?: number;
  /** A running import's committed batches: index and counts (JSON), in no particular order. */
  batches?: Array<{ batch: number; counts: string }>;
  counts: string | null;
  startedAt: string;
  finishedAt: string | null;
  problems?: number | null;
  withdrawnAt?: string | null;
  withdrawnBy?: string | null;
}

export interface CreatedCounts {
  actors: number;
  areas: number;
  initiatives: number;
  memberships: number;
  participations: number;
  collaborations: number;
  /** Ties, memberships and participations others recorded on the import's records: removed with them. */
  othersTies: number;
}

export interface ProbableDuplicate {
  id: string;
  otherId: string;
  areaId: string;
}

/** Ids that sort by time, like audit ids. */
export function newImportId(now: Date = new Date()): string {
  return `import-${now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(4).toString('hex')}`;
}

export function parseCounts(raw: string | null | undefined): ImportCounts {
  return raw ? (JSON.parse(raw) as ImportCounts) : {};
}

/** The (:Import) records and what hangs on them, over cypher/queries/import/. */
export class ImportRepository {
  constructor(private readonly db: Database) {}

  async bySha(sha256: string): Promise<ImportRecordRow[]> {
    const rows = await this.db.readRows<{ import: ImportRecordRow }>('import/findBySha', { sha256 });
    return rows.map((row) => row.import);
  }

  async byId(id: string): Promise<ImportRecordRow | null> {
    const [row] = await this.db.readRows<{ import: ImportRecordRow }>('import/byId', { id });
    return row?.import ?? null;
  }

  async list(by: string | null, limit: number): Promise<ImportRecordRow[]> {
    const rows = await this.db.readRows<{ import: ImportRecordRow }>('import/list', { by, limit });
    return rows.map((row) => row.import);
  }

  /** Completes the import and bumps the graph version, once for the whole import, in one transaction. */
  async finish(id: string, counts: ImportCounts, problems: number): Promise<string> {
    return this.db.write(async (tx) => {
      await tx.run('import/finish', { id, counts: JSON.stringify(counts), problems });
      // The totals are on the (:Import) now: the batches' progress records have served.
      await tx.run('import/forgetBatches', { id });
      // One change for the whole import, marked full: the collaboration index rebuilds once rather than patching thousands of actors.
      await bumpGraphVersion(tx, { full: true });
      const [version] = await tx.run<{ version: string }>('system/graphVersion');
      return version.version;
    });
  }

  async createdCounts(id: string): Promise<CreatedCounts> {
    const [row] = await this.db.readRows<CreatedCounts>('import/createdCounts', { id });
    return row;
  }

  probableDuplicates(id: string, limit = 200): Promise<ProbableDuplicate[]> {
    return this.db.readRows<ProbableDuplicate>('import/probableDuplicates', { id, limit });
  }
}
