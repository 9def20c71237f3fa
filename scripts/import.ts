/**
 * Bulk import from the command line (see docs/import.md):
 *
 *   npm run import -- <file> [--kind actors] [--dry-run] [--partial] [--json] [--as EDITOR:org-a,org-b]
 *   npm run import -- --withdraw <importId> [--json]
 *
 * Talks to the database directly, like the seed and the report: NEO4J_URI when
 * set, otherwise the embedded store in SAMVERKAN_DATA_DIR (only while the
 * service is not running). Runs as the SYSTEM principal unless --as names a role
 * (and organisations) to import with an editor's limits. The report goes to
 * stdout (JSON with --json), progress to stderr. Exit 0 when the import
 * succeeded (or changed nothing), 1 when the file had problems or the import
 * failed, 2 on bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../src/config';
import { startCli, UsageError } from './cliStart';
import { connectDatabase, type ConnectedDatabase } from '../src/db/connectDatabase';
import { migrate } from '../src/db/migrate';
import { ClientError, ForbiddenError } from '../src/errors';
import { createLogger } from '../src/logger';
import { SYSTEM_PRINCIPAL, type Principal } from '../src/auth/principal';
import { ROLES, type Role } from '../src/auth/roles';
import { runImport } from '../src/import/runImport';
import { withdrawImport } from '../src/import/withdrawImport';
import { importProgress } from '../src/import/importProgress';
import { formatImportReport } from '../src/import/formatReport';
import { IMPORT_KINDS, kindOfName, type ImportKind } from '../src/import/kinds';
import { limitHeapGrowth } from '../src/system/heap';

// A batch job over a file of any size: the garbage of a million rows must not pile up (system/heap.ts).
limitHeapGrowth();

const USAGE = `Usage: npm run import -- FILE [--kind KIND] [--dry-run] [--partial] [--json] [--as ROLE[:ORG,ORG]]
       npm run import -- --withdraw IMPORT_ID [--json]

  FILE             a .csv (comma or semicolon, UTF-8), .xlsx (a sheet per kind) or .json file
  --kind KIND      what a single-table file holds: ${IMPORT_KINDS.join(', ')} (or the Swedish names);
                   inferred from the file name or the header when left out
  --dry-run        validate and report what would be created, updated and unchanged; write nothing
  --partial        write the valid rows and report the rest (default: any problem writes nothing)
  --json           print the report as JSON
  --as ROLE:ORGS   import with a principal's limits, e.g. --as EDITOR:malmo-ideella (default: SYSTEM, full rights)
  --withdraw ID    remove what import ID created (records, ties, memberships, participations)`;


interface Options {
  file: string | null;
  withdraw: string | null;
  kind: ImportKind | null;
  dryRun: boolean;
  partial: boolean;
  json: boolean;
  principal: Principal;
}

function parsePrincipal(raw: string | undefined): Principal {
  if (raw === undefined) return SYSTEM_PRINCIPAL;
  const [roleText, organisations = ''] = raw.split(':');
  const role = roleText.toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--as must start with a role (${ROLES.join(', ')}); got "${roleText.slice(0, 20)}"`);
  return Object.freeze({ id: `system:as-${role.toLowerCase()}`, via: 'system', role, organisations: organisations.split(',').map((o) => o.trim()).filter(Boolean) });
}

function parseOptions(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        partial: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        as: { type: 'string' },
        withdraw: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.withdraw !== undefined && positionals.length > 0) throw new UsageError('give either a file or --withdraw, not both');
  if (values.withdraw === undefined && positionals.length !== 1) throw new UsageError('give one file to import (or --withdraw IMPORT_ID)');
  const kind = values.kind === undefined ? null : kindOfName(values.kind);
  if (values.kind !== undefined && !kind) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}; got "${values.kind.slice(0, 30)}"`);
  return { file: positionals[0] ?? null, withdraw: values.withdraw ?? null, kind, dryRun: values['dry-run'], partial: values.partial, json: values.json, principal: parsePrincipal(values.as) };
}

/** A test hook's whole number from the environment, if set. */
function hook(name: 'SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH' | 'SAMVERKAN_IMPORT_TIE_BATCH'): number | undefined {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}

async function main(): Promise<number> {
  const cli = startCli('import', USAGE, parseOptions);
  if (typeof cli === 'number') return cli;
  const { options, config } = cli;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database: DatabaseConfig = config.database.mode === 'embedded' ? { ...config.database, boltPort: 0 } : config.database;
  let connected: ConnectedDatabase | null = null;
  process.once('SIGINT', () => {
    process.stderr.write('\nimport: interrupted; batches already committed stay, and running the same file again completes the import\n');
    void (connected?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    try {
      connected = await connectDatabase(database, logger);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`import: ${/lock/i.test(message) ? 'the embedded store is in use, most likely by the running service: stop it, or use POST /imports' : `could not connect to the database: ${message.split('\n')[0]}`}\n`);
      return 1;
    }
    await migrate(connected.db, logger);
    if (options.withdraw !== null) {
      if (options.principal.role !== 'ADMIN') throw new ForbiddenError('Withdrawing an import needs the ADMIN role.');
      const withdrawn = await withdrawImport(connected.db, options.withdraw, options.principal);
      process.stdout.write(options.json ? `${JSON.stringify(withdrawn, null, 2)}\n` : `${withdrawn.message}\n`);
      return 0;
    }
    const file = options.file as string;
    const progress = importProgress(file);
    const report = await runImport(connected.db, {
      filePath: file,
      fileName: path.basename(file),
      kind: options.kind,
      dryRun: options.dryRun,
      partial: options.partial,
      principal: options.principal,
      pauseAfterBatch: hook('SAMVERKAN_IMPORT_PAUSE_AFTER_BATCH'),
      tieBatch: hook('SAMVERKAN_IMPORT_TIE_BATCH'),
      onProgress: (phase, rows, total) => progress.update(phase, rows, total),
      logger,
    }).finally(() => progress.stop());
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report));
    return report.status === 'rejected' || (report.dryRun && report.problems.total > 0) ? 1 : 0;
  } catch (error) {
    if (error instanceof ClientError) {
      process.stderr.write(`import: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`import: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await connected?.close();
  }
}

void main().then((code) => process.exit(code));
