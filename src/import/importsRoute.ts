import fs from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { BadUserInputError, ClientError, ErrorCode, ServiceUnavailableError } from '../errors';
import { sendError } from '../server/httpErrors';
import { callerWithRole, sendError as sendClientError } from '../server/httpQuery';
import { runImport } from './runImport';
import { withdrawImport } from './withdrawImport';
import { ImportRepository, parseCounts } from './importRepository';
import { kindOfName } from './kinds';
import { receiveUpload, UploadError } from './receiveUpload';

export interface ImportsRouterDependencies {
  db: Database;
  logger: Logger;
  /** The largest upload, in bytes (default 64 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

function flag(raw: string | undefined, name: string): boolean {
  if (raw === undefined || raw === '') return false;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new BadUserInputError(`${name} must be true or false; got "${raw.slice(0, 20)}".`, name);
}

function fail(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof UploadError) return sendError(res, error.status, String(error.extensions.code), error.message);
  if (error instanceof ClientError) return sendClientError(res, error);
  logger.error('import failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'The import failed unexpectedly; the failure is logged. Batches already committed stay: send the same file again to complete it.');
}

/**
 * POST /imports (multipart: `file`, optional `kind`, `dryRun`, `partial`): the
 * bulk import of docs/import.md, EDITOR or higher, an editor within its
 * organisations. Answers the import report: 200 when it ran (written, unchanged,
 * or a dry run without problems), 422 when the file had problems and nothing was
 * written. GET /imports and GET /imports/:id list and show import records (an
 * editor its own); DELETE /imports/:id withdraws one (ADMIN). One import runs at
 * a time per process; another gets 503 and may retry.
 */
export function importsRouter(deps: ImportsRouterDependencies): Router {
  const router = express.Router();
  const repository = new ImportRepository(deps.db);
  let running = false;

  router.post('/imports', async (req: Request, res: Response) => {
    try {
      const principal = callerWithRole(res, 'EDITOR', 'imports');
      if (running) throw new ServiceUnavailableError('Another import is running on this instance; send the file again when it has finished.');
      running = true;
      try {
        const upload = await receiveUpload(req, deps.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
        try {
          const kind = upload.fields.kind ? kindOfName(upload.fields.kind) : null;
          if (upload.fields.kind && !kind) throw new BadUserInputError(`kind must be one of actors, areas, memberships, initiatives, participations, collaborations; got "${upload.fields.kind.slice(0, 30)}".`, 'kind');
          const report = await runImport(deps.db, {
            filePath: upload.filePath,
            fileName: upload.fileName,
            kind,
            dryRun: flag(upload.fields.dryRun, 'dryRun'),
            partial: flag(upload.fields.partial, 'partial'),
            principal,
            logger: deps.logger,
          });
          const rejected = report.problems.total > 0 && report.importId === null;
          if (rejected) (res.locals.errorCodes ??= []).push(ErrorCode.BAD_USER_INPUT);
          res.setHeader('Cache-Control', 'no-store');
          res.status(rejected ? 422 : 200).json(report);
        } finally {
          fs.rmSync(upload.dir, { recursive: true, force: true });
        }
      } finally {
        running = false;
      }
    } catch (error) {
      fail(res, error, deps.logger);
    }
  });

  router.get('/imports', async (_req, res) => {
    try {
      const principal = callerWithRole(res, 'EDITOR', 'imports');
      const rows = await repository.list(principal.role === 'ADMIN' ? null : principal.id, 100);
      res.json({ imports: rows.map((row) => ({ ...row, counts: parseCounts(row.counts) })) });
    } catch (error) {
      fail(res, error, deps.logger);
    }
  });

  router.get('/imports/:id', async (req, res) => {
    try {
      const principal = callerWithRole(res, 'EDITOR', 'imports');
      const row = await repository.byId(String(req.params.id));
      // An editor sees only its own imports; another's answers as missing, like an unknown id.
      if (!row || (principal.role !== 'ADMIN' && row.by !== principal.id)) throw new ClientError(`No import has id "${String(req.params.id).slice(0, 60)}".`, ErrorCode.NOT_FOUND);
      res.json({ ...row, counts: parseCounts(row.counts), stillPresent: await repository.createdCounts(row.id) });
    } catch (error) {
      fail(res, error, deps.logger);
    }
  });

  router.delete('/imports/:id', async (req, res) => {
    try {
      const principal = callerWithRole(res, 'ADMIN', 'withdrawals of imports');
      res.json(await withdrawImport(deps.db, String(req.params.id), principal));
    } catch (error) {
      fail(res, error, deps.logger);
    }
  });
  return router;
}
