import type { ImportProblem } from './problems';
import type { ImportKind } from './kinds';
import type { KindCounts } from './writeBatches';
import type { ProbableDuplicate } from './importRepository';

/**
 * What an import says, the same from the command line (--json) and POST /imports.
 * `status`: `completed` (written), `unchanged` (the file matched the database:
 * nothing written, the graph version kept), `dryRun` (validated and planned
 * only), `rejected` (problems found and nothing written), `partial` (--partial
 * wrote the valid rows and skipped the rest).
 */
export interface ImportReport {
  importId: string | null;
  status: 'completed' | 'unchanged' | 'dryRun' | 'rejected' | 'partial';
  message: string;
  file: string;
  sha256: string;
  by: string;
  dryRun: boolean;
  partial: boolean;
  /** Per kind: rows read, rows valid, and (unless rejected) created / updated / unchanged — for a dry run, what would be. */
  kinds: Partial<Record<ImportKind, { rows: number; valid: number; invalid: number } & KindCounts>>;
  problems: {
    total: number;
    /** The first 1,000, in full. */
    listed: ImportProblem[];
    countsByRule: Record<string, number>;
  };
  /** Organisations this import created with the same normalised name as another in a common area: not merged, for a person to decide. */
  probableDuplicates: ProbableDuplicate[];
  /** Set when this run completed an interrupted import of the same file: the batches that run had committed. */
  resumedAfterBatch: number | null;
  /** The earlier completed import of the same file, when this run changed nothing. */
  previousImport: { id: string; finishedAt: string | null } | null;
  /** The graph version after the import; null when it was not bumped. */
  graphVersion: string | null;
  startedAt: string;
  finishedAt: string;
}
