/**
 * API keys from the command line, for the operator on the host: the first
 * administrator key of an installation without an identity provider is made here.
 * Connects the way the service does: NEO4J_URI when set, otherwise the embedded
 * Neo4j in SAMVERKAN_DATA_DIR (which only one process can open at a time).
 *
 *   npm run apikey -- create --name "Report bot" --role ANALYST [--organisation ID ...] [--expires 2027-12-31] [--json]
 *   npm run apikey -- list [--json]
 *   npm run apikey -- revoke <id> [--json]
 *
 * Results go to stdout, messages to stderr. Exit 2 on bad arguments or input, 1 on failure.
 */
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../src/config';
import { startCli, UsageError } from './cliStart';
import { connectDatabase, type ConnectedDatabase } from '../src/db/connectDatabase';
import { migrate } from '../src/db/migrate';
import { ClientError } from '../src/errors';
import { createLogger } from '../src/logger';
import { ROLES } from '../src/auth/roles';
import { ApiKeyService, isActive } from '../src/auth/apiKeys/apiKeyService';
import type { ApiKeyRecord } from '../src/auth/apiKeys/apiKeyRepository';

const CREATED_BY = 'system:cli';
const PAGE = 100;
const USAGE = `Usage: npm run apikey -- create --name NAME --role ROLE [--organisation ID ...] [--expires DATE] [--json]
       npm run apikey -- list [--json]
       npm run apikey -- revoke ID [--json]

  create              make a key; it is printed once and never again
    --name NAME       what the key is for, 1–100 characters
    --role ROLE       ${ROLES.join(', ')}
    --organisation ID an organisation's actor id the key may write within (repeat it, or
                      separate ids with commas); an EDITOR key needs at least one
    --expires DATE    last day the key works (YYYY-MM-DD, through the end of that day UTC),
                      or an exact ISO 8601 date-time; default: never expires
  list                every key: id, role, status, name, organisations, dates
  revoke ID           stop a key at once (ID is the part after svk_)
  --json              machine-readable output on stdout (use npm run --silent)

Connects to NEO4J_URI when set, otherwise opens the embedded store in SAMVERKAN_DATA_DIR
(default .data/neo4j), which is possible only while the service is not running.`;


type Command =
  | { name: 'create'; input: { name: string; role: string; organisations: string[]; expiresAt: string | null }; json: boolean }
  | { name: 'list'; json: boolean }
  | { name: 'revoke'; id: string; json: boolean };

/** `2027-12-31` means through that day (UTC); a value with a time is taken as it is. */
function expiry(raw: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const day = new Date(`${raw}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== raw) throw new UsageError(`--expires ${raw} is not a calendar date`);
    return new Date(day.getTime() + 24 * 3600_000).toISOString();
  }
  const at = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(at.getTime())) {
    throw new UsageError(`--expires must be a date (YYYY-MM-DD) or an ISO 8601 date-time such as 2027-12-31T18:00:00Z; got "${raw.slice(0, 40)}"`);
  }
  return at.toISOString();
}

function parseCommand(argv: string[]): Command | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        organisation: { type: 'string', multiple: true },
        expires: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...rest] = positionals;
  const createOnly = (['name', 'role', 'organisation', 'expires'] as const).filter((flag) => values[flag] !== undefined);
  if (command !== 'create' && createOnly.length > 0) throw new UsageError(`--${createOnly[0]} belongs to create`);
  switch (command) {
    case 'create': {
      if (rest.length > 0) throw new UsageError(`create takes no positional arguments; got "${rest[0].slice(0, 40)}" (quote a name with spaces: --name "Report bot")`);
      if (values.name === undefined) throw new UsageError('create needs --name: what the key is for');
      if (values.role === undefined) throw new UsageError(`create needs --role: one of ${ROLES.join(', ')}`);
      const role = values.role.toUpperCase();
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got "${values.role.slice(0, 40)}"`);
      const organisations = (values.organisation ?? []).flatMap((value) => value.split(',')).map((id) => id.trim()).filter(Boolean);
      return { name: 'create', input: { name: values.name, role, organisations, expiresAt: values.expires === undefined ? null : expiry(values.expires) }, json: values.json };
    }
    case 'list':
      if (rest.length > 0) throw new UsageError('list takes no arguments');
      return { name: 'list', json: values.json };
    case 'revoke':
      if (rest.length !== 1) throw new UsageError('revoke takes exactly one key id, e.g. npm run apikey -- revoke q3x7abcd2efg');
      return { name: 'revoke', id: rest[0], json: values.json };
    case undefined:
      throw new UsageError('say what to do: create, list or revoke');
    default:
      throw new UsageError(`unknown command "${command.slice(0, 40)}": use create, list or revoke`);
  }
}

/** The service's messages name GraphQL input fields; here the same things are flags. */
function inFlags(message: string): string {
  return message
    .replace(/input\.name/g, '--name')
    .replace(/input\.role/g, '--role')
    .replace(/input\.organisations/g, '--organisation')
    .replace(/input\.expiresAt/g, '--expires');
}

function status(key: ApiKeyRecord, now: Date): string {
  return key.revokedAt !== null ? 'REVOKED' : isActive(key, now) ? 'ACTIVE' : 'EXPIRED';
}

function table(keys: ApiKeyRecord[], now: Date): string {
  const day = (value: string | null) => (value ? value.slice(0, 16).replace('T', ' ') : '–');
  const rows = [
    ['ID', 'ROLE', 'STATUS', 'NAME', 'ORGANISATIONS', 'CREATED', 'EXPIRES', 'LAST USED'],
    ...keys.map((key) => [key.id, key.role, status(key, now), key.name, key.organisations.join(',') || '–', day(key.createdAt), day(key.expiresAt), day(key.lastUsedAt)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

async function listAll(service: ApiKeyService): Promise<ApiKeyRecord[]> {
  const keys: ApiKeyRecord[] = [];
  for (;;) {
    const page = await service.list(keys.at(-1)?.id ?? null, PAGE);
    keys.push(...page);
    if (page.length < PAGE) return keys;
  }
}

async function execute(command: Command, service: ApiKeyService): Promise<void> {
  const now = new Date();
  const out = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };
  if (command.name === 'create') {
    const { key, apiKey } = await service.create(command.input, CREATED_BY);
    if (command.json) return out(JSON.stringify({ key, apiKey }, null, 2));
    const scope = apiKey.organisations.length > 0 ? `, organisations ${apiKey.organisations.join(', ')}` : '';
    process.stderr.write(`Created API key ${apiKey.id} "${apiKey.name}": ${apiKey.role}${scope}, ${apiKey.expiresAt ? `expires ${apiKey.expiresAt}` : 'does not expire'}.\n\n`);
    out(key);
    process.stderr.write(
      '\nThis is the only time the key is shown: only its hash is stored, so it cannot be shown again. ' +
        'Put it in a secret store now; if it is lost, revoke it and create another.\n' +
        'Send it as `Authorization: ApiKey <key>` or `X-API-Key: <key>`.\n',
    );
    return;
  }
  if (command.name === 'list') {
    const keys = await listAll(service);
    if (command.json) return out(JSON.stringify(keys.map((key) => ({ ...key, status: status(key, now) })), null, 2));
    return out(keys.length === 0 ? 'No API keys yet. Create one with: npm run apikey -- create --name NAME --role ROLE' : table(keys, now));
  }
  const revoked = await service.revoke(command.id);
  if (command.json) return out(JSON.stringify(revoked, null, 2));
  out(`Revoked API key ${revoked.id} "${revoked.name}" (${revoked.role}) at ${revoked.revokedAt}; requests presenting it are refused from now on.`);
}

/** The store's lock belongs to whoever opened it first, most likely the running service. */
function explainConnectionFailure(error: unknown, database: DatabaseConfig): string {
  const message = error instanceof Error ? error.message : String(error);
  if (database.mode === 'embedded' && /lock/i.test(message)) {
    return (
      `the embedded store in ${database.dataDir} is in use, most likely by the running service (the store can be opened by one process at a time). ` +
      'Stop the service and run this again, or, while it runs, create the key through the createApiKey mutation as an administrator, ' +
      'or point NEO4J_URI at a Neo4j server that both can reach.'
    );
  }
  return `could not connect to the database: ${message.split('\n')[0]}`;
}

async function main(): Promise<number> {
  const cli = startCli('apikey', USAGE, parseCommand);
  if (typeof cli === 'number') return cli;
  const { options: command, config } = cli;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  // A free Bolt port, so a running service's port is no obstacle and the store lock is the only one that can be.
  const database: DatabaseConfig =
    config.database.mode === 'embedded' ? { ...config.database, boltPort: 0, heap: process.env.NEO4J_HEAP ? config.database.heap : '512m' } : config.database;
  let connected: ConnectedDatabase | null = null;
  process.once('SIGINT', () => {
    void (connected?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    try {
      connected = await connectDatabase(database, logger);
    } catch (error) {
      process.stderr.write(`apikey: ${explainConnectionFailure(error, database)}\n`);
      return 1;
    }
    await migrate(connected.db, logger);
    await execute(command, new ApiKeyService({ db: connected.db, logger }));
    return 0;
  } catch (error) {
    if (error instanceof ClientError) {
      process.stderr.write(`apikey: ${inFlags(error.message)}\n`);
      return 2;
    }
    process.stderr.write(`apikey: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await connected?.close();
  }
}

void main().then((code) => process.exit(code));
