import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/database';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';
import { AuditRepository } from '../audit/auditRepository';
import { ProblemCollector } from './problems';
import { validateFile } from './validateFile';
import { checkAgainstDatabase } from './checkAgainstDatabase';
import { lookUpStoredTies } from './tieLookahead';
import { sumCounts, writeBatches, type ImportCounts } from './writeBatches';
import { ImportRepository, newImportId, parseCounts } from './importRepository';
import { IMPORT_KINDS, type ImportKind } from './kinds';
import type { ImportReport } from './importReport';

export type ImportPass = 'hash' | 'validate' | 'check' | 'write' | 'finish';

export interface ImportOptions {
  filePath: string;
  /** The file's own name (an upload's original name): for kind inference, messages and provenance. */
  fileName: string;
  kind: ImportKind | null;
  dryRun: boolean;
  partial: boolean;
  principal: Principal;
  /** Test hook: stop after this many write batches, as a crash would (see docs/import.md). */
  pauseAfterBatch?: number;
  /** Test hook: ties per write batch (see docs/import.md). */
  tieBatch?: number;
  /** Tie write transactions at once (default 2; 1 for comparison in a benchmark). */
  tieWriters?: number;
  onProgress?: (phase: 'validating' | 'checking' | 'writing', rows: number, total?: number) => void;
  /** Called as each pass ends, with its wall-clock time: the benchmark's breakdown of where an import's time goes. */
  onPassTime?: (pass: ImportPass, ms: number) => void;
  logger?: Logger;
}

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function summary(report: ImportReport): string {
  const n = (key: 'created' | 'updated' | 'unchanged') => Object.values(report.kinds).reduce((t, k) => t + (k?.[key] ?? 0), 0);
  const changes = `${n('created')} created, ${n('updated')} updated, ${n('unchanged')} unchanged`;
  switch (report.status) {
    case 'rejected':
      return `Nothing was written: ${report.problems.total} problem(s) in the file. Fix them and import again, or use --partial to write the valid rows only.`;
    case 'dryRun':
      return `Dry run, nothing written: ${report.problems.total} problem(s); would be ${changes}.`;
    case 'unchanged':
      return `Nothing to change: every row matches the database${report.previousImport ? ` (this file was imported as ${report.previousImport.id})` : ''}. Nothing was written and the graph version is unchanged.`;
    case 'partial':
      return `Import ${report.importId}: ${changes}; ${report.problems.total} problem row(s) skipped (--partial).`;
    default:
      return `Import ${report.importId}${report.resumedAfterBatch ? ` (resumed after batch ${report.resumedAfterBatch})` : ''}: ${changes}.`;
  }
}

/**
 * Imports one file: validates every row (two passes, streamed, spilling the good
 * rows to a temporary folder), then, unless there were problems (or --partial)
 * or it is a dry run, writes in batches under one import id and bumps the graph
 * version once. The report says what happened; nothing is thrown for bad data.
 */
export async function runImport(db: Database, options: ImportOptions): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-import-'));
  const problems = new ProblemCollector(options.fileName);
  const repository = new ImportRepository(db);
  let passStarted = performance.now();
  const passDone = (pass: ImportPass) => {
    const now = performance.now();
    options.onPassTime?.(pass, now - passStarted);
    passStarted = now;
  };
  try {
    const sha256 = await sha256Of(options.filePath);
    passDone('hash');
    const first = await validateFile({
      ...options,
      problems,
      workDir,
      onRows: (rows) => options.onProgress?.('validating', rows),
      // The check pass's tie reads, done while the file is read (the database works on the other core).
      lookUpTies: (batch) => lookUpStoredTies(db, batch),
    });
    first.state.releaseFileChecks();
    passDone('validate');
    options.onProgress?.('checking', 0);
    const second = await checkAgainstDatabase(db, options.principal, first, problems, workDir);
    passDone('check');
    first.state.release();
    const kinds: ImportReport['kinds'] = {};
    for (const kind of IMPORT_KINDS) {
      const rows = first.rowsRead[kind];
      if (rows === undefined) continue;
      const valid = second.valid[kind] ?? 0;
      kinds[kind] = { rows, valid, invalid: rows - valid, created: 0, updated: 0, unchanged: 0 };
    }
    const report: ImportReport = {
      importId: null,
      status: 'rejected',
      message: '',
      file: options.fileName,
      sha256,
      by: options.principal.id,
      dryRun: options.dryRun,
      partial: options.partial,
      kinds,
      problems: { total: problems.total, listed: problems.listed, countsByRule: problems.countsByRule },
      probableDuplicates: [],
      resumedAfterBatch: null,
      previousImport: null,
      graphVersion: null,
      startedAt,
      finishedAt: startedAt,
    };
    const rejected = problems.total > 0 && !options.partial;
    if (!rejected || options.dryRun) {
      const earlier = options.dryRun ? [] : await repository.bySha(sha256);
      const running = earlier.find((row) => row.status === 'running' && row.by === options.principal.id);
      const importId = running?.id ?? newImportId();
      const outcome = await writeBatches({
        db,
        principal: options.principal,
        checked: second.checked,
        write: options.dryRun || rejected
          ? undefined
          : {
              importId,
              file: options.fileName,
              sha256,
              partial: options.partial,
              done: new Set((running?.batches ?? []).map((batch) => batch.batch)),
              counts: sumCounts((running?.batches ?? []).map((batch) => parseCounts(batch.counts))),
              recorded: running !== undefined,
              pauseAfterBatch: options.pauseAfterBatch,
              tieBatch: options.tieBatch,
              tieWriters: options.tieWriters,
            },
        onRows: (rows) => options.onProgress?.('writing', rows, Object.values(second.valid).reduce((a, b) => a + (b ?? 0), 0)),
      });
      passDone('write');
      for (const [kind, counts] of Object.entries(outcome.counts) as Array<[ImportKind, NonNullable<ImportCounts[ImportKind]>]>) Object.assign(kinds[kind] ?? {}, counts);
      if (options.dryRun) report.status = 'dryRun';
      else if (outcome.recorded) {
        report.importId = importId;
        report.resumedAfterBatch = running?.batchesDone ?? null;
        report.graphVersion = await repository.finish(importId, outcome.counts, problems.total);
        report.status = problems.total > 0 ? 'partial' : 'completed';
        report.probableDuplicates = await repository.probableDuplicates(importId);
      } else {
        report.status = problems.total > 0 ? 'partial' : 'unchanged';
        const previous = earlier.find((row) => row.status === 'completed');
        report.previousImport = previous ? { id: previous.id, finishedAt: previous.finishedAt } : null;
      }
    }
    passDone('finish');
    report.message = summary(report);
    report.finishedAt = new Date().toISOString();
    if (!options.dryRun) {
      const outcome = report.status === 'rejected' ? 'BAD_USER_INPUT' : 'OK';
      await new AuditRepository(db).record({ principal: options.principal.id, operation: 'import', targets: report.importId ? [report.importId] : [], outcome }).catch((error: unknown) => {
        options.logger?.error('audit entry could not be written', { operation: 'import', principal: options.principal.id, error: error instanceof Error ? error.message : String(error) });
      });
    }
    return report;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
