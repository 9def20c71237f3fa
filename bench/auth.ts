/**
 * The authentication cost benchmark (issue 7): `npm run bench:auth [-- options]`.
 *
 * Starts an embedded Neo4j in a temporary folder, migrates, loads the Malmö seed
 * (and, with --actors N, a generated city next to it), and serves the real HTTP
 * stack (createServer: Express, body parsing, rate limiter, Apollo, schema, context)
 * three times in this process on loopback ports, all sharing one Database:
 *  - `off`: no authenticator work at all, every request acts as one fixed ANALYST
 *    principal: the baseline, the same role and so the same data as with credentials;
 *  - `dev-admin`: createAuthenticator in development mode, no credential sent: the
 *    service as it runs without authentication (an ADMIN, who sees citizens' names);
 *  - createAuthenticator in `required` mode with an HS256 secret, called by `token`
 *    (a bearer token signed with jose, role ANALYST, 1 h) and by `key` (an ANALYST
 *    API key from ApiKeyService.create in `X-API-Key`).
 * The variants take turns in every round (the order rotates from round to round, so
 * none always follows the same neighbour), per query and concurrency; the first round
 * is a warm-up and not counted. Every response must be 200 without `errors`, and
 * `token` and `key` must return exactly the data of `off`.
 *
 * It prints requests/s, p50 and p95 per variant and the throughput ratio to `off`
 * with the cost in percent against the issue's target (under 5 %). It asserts nothing
 * about time and exits non-zero only when a response is wrong.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { ApiKeyService } from '../src/auth/apiKeys/apiKeyService';
import { createAuthenticator } from '../src/auth/authenticate';
import type { Principal } from '../src/auth/principal';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { DEFAULT_LIMITS, type AuthConfig } from '../src/config';
import { createContext } from '../src/context';
import { Database, createDriver } from '../src/db/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { migrate } from '../src/db/migrate';
import { QueryStore } from '../src/db/queryStore';
import { silentLogger } from '../src/logger';
import { buildSchema } from '../src/schema/buildSchema';
import { generateCity } from '../src/seed/generateCity';
import { loadDataset, seedIfEmpty } from '../src/seed/loadDataset';
import { createServer, type RunningServer, type ServerDependencies } from '../src/server/createServer';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { VERSION } from '../src/version';

const USAGE = `Usage: npm run bench:auth -- [options]

  --requests N          requests per variant, query and concurrency in each round (default 400)
  --rounds N            counted rounds, after one warm-up round (default 5)
  --concurrency A,B     requests in flight at once (default 1,16)
  --actors N            also load a generated city of N actors (default: only the Malmö seed)
  --seed S              the generated city's seed (default 1)
  --verbose             Neo4j's output on stderr

Embedded Neo4j heap and page cache: NEO4J_HEAP (default 1g), NEO4J_PAGE_CACHE (default 256m).`;

interface Options {
  requests: number;
  rounds: number;
  concurrency: number[];
  actors: number | null;
  seed: number;
  verbose: boolean;
}

class UsageError extends Error {}

function whole(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        requests: { type: 'string' },
        rounds: { type: 'string' },
        concurrency: { type: 'string' },
        actors: { type: 'string' },
        seed: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    requests: values.requests === undefined ? 400 : whole('requests', values.requests, 1, 1_000_000),
    rounds: values.rounds === undefined ? 5 : whole('rounds', values.rounds, 1, 1000),
    concurrency: (values.concurrency ?? '1,16').split(',').map((raw) => whole('concurrency', raw, 1, 256)),
    actors: values.actors === undefined ? null : whole('actors', values.actors, 1, 2_000_000),
    seed: values.seed === undefined ? 1 : whole('seed', values.seed, 0, 2 ** 31),
    verbose: values.verbose ?? false,
  };
}

// The README's example "Who is active in Rosengård, and with whom do they work?", and a list page.
const QUERIES = [
  {
    name: 'Rosengård area page (README)',
    document: `{
  area(id: "area-rosengard") {
    name
    parent { name }
    actors(asOf: "2022-06-01", first: 3) {
      totalCount
      nodes {
        name
        sector
        collaborations(asOf: "2022-06-01", first: 2) {
          totalCount
          edges { partner { name sector } node { kind since strength } }
        }
      }
    }
  }
}`,
  },
  { name: 'actors list page', document: '{ actors(first: 50) { nodes { id name sector } } }' },
];

type VariantName = 'off' | 'dev-admin' | 'token' | 'key';
const VARIANTS: VariantName[] = ['off', 'token', 'key', 'dev-admin'];
/** Variants whose data must equal the baseline's: the same role, ANALYST. */
const ANALYST_VARIANTS = new Set<VariantName>(['off', 'token', 'key']);

interface Target {
  url: string;
  headers: Record<string, string>;
}

interface Batch {
  wallMs: number;
  latencies: number[];
}

class WrongResponse extends Error {}

/** The first response of each query and variant; every later one must match it byte for byte. */
const expected = new Map<string, string>();

function check(variant: VariantName, query: string, status: number, text: string): void {
  const key = `${query}\u0000${variant}`;
  const known = expected.get(key);
  if (text === known) return;
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (status !== 200 || body.errors?.length) {
    const first = body.errors?.[0];
    throw new WrongResponse(`${variant}, ${query}: HTTP ${status}, ${first?.extensions?.code ?? ''} ${first?.message ?? text.slice(0, 200)}`);
  }
  if (known !== undefined) throw new WrongResponse(`${variant}, ${query}: the data changed between two requests`);
  if (ANALYST_VARIANTS.has(variant) && variant !== 'off') {
    const baseline = expected.get(`${query}\u0000off`);
    if (baseline !== text) throw new WrongResponse(`${variant}, ${query}: the data differ from the baseline's (off)`);
  }
  expected.set(key, text);
}

/** `requests` POSTs with `concurrency` in flight, over keep-alive connections (undici's default agent). */
async function runBatch(variant: VariantName, target: Target, query: (typeof QUERIES)[number], requests: number, concurrency: number): Promise<Batch> {
  const body = JSON.stringify({ query: query.document });
  const headers = { 'content-type': 'application/json', ...target.headers };
  const latencies: number[] = [];
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < requests) {
      started += 1;
      const sent = performance.now();
      const response = await fetch(target.url, { method: 'POST', headers, body });
      const text = await response.text();
      latencies.push(performance.now() - sent);
      check(variant, query.name, response.status, text);
    }
  };
  const begun = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return { wallMs: performance.now() - begun, latencies };
}

// ---------------------------------------------------------------------------------------
// Figures

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const perSecond = (batches: Batch[]): number => (batches.reduce((sum, b) => sum + b.latencies.length, 0) * 1000) / batches.reduce((sum, b) => sum + b.wallMs, 0);
const pct = (value: number): string => `${value >= 0 ? ' ' : ''}${value.toFixed(1)} %`;

function table(results: Map<VariantName, Batch[]>): string {
  const off = results.get('off') as Batch[];
  const offRate = perSecond(off);
  const lines = [`  ${'variant'.padEnd(10)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'on/off'.padStart(7)} ${'cost'.padStart(8)}   ${'per-round cost (median, min … max)'.padEnd(36)} target < 5 %`];
  for (const variant of VARIANTS) {
    const batches = results.get(variant) as Batch[];
    const sorted = batches.flatMap((b) => b.latencies).sort((a, b) => a - b);
    const rate = perSecond(batches);
    const figures = `  ${variant.padEnd(10)} ${rate.toFixed(1).padStart(8)} ${percentile(sorted, 50).toFixed(2).padStart(7)} ${percentile(sorted, 95).toFixed(2).padStart(7)}`;
    if (variant === 'off') {
      lines.push(`${figures} ${'–'.padStart(7)} ${'–'.padStart(8)}   ${'–'.padEnd(36)} baseline`);
      continue;
    }
    const ratio = rate / offRate;
    const cost = (1 - ratio) * 100;
    const rounds = batches.map((b, i) => (1 - perSecond([b]) / perSecond([off[i]])) * 100).sort((a, b) => a - b);
    const spread = `${pct(percentile(rounds, 50))}, ${pct(rounds[0])} … ${pct(rounds[rounds.length - 1])}`;
    const verdict = variant === 'dev-admin' ? '(no credential; ADMIN, not a target)' : cost < 5 ? 'met' : 'NOT met';
    lines.push(`${figures} ${ratio.toFixed(3).padStart(7)} ${pct(cost).padStart(8)}   ${spread.padEnd(36)} ${verdict}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// Setup and the run

const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-auth-'));
  let embedded: EmbeddedNeo4j | null = null;
  let db: Database | null = null;
  const servers: RunningServer[] = [];
  const cleanUp = async (): Promise<void> => {
    for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await embedded?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    log('interrupted: stopping');
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    const heap = process.env.NEO4J_HEAP || '1g';
    const pageCache = process.env.NEO4J_PAGE_CACHE || '256m';
    log(`starting an embedded Neo4j in ${workDir} (heap ${heap}, page cache ${pageCache})`);
    embedded = await startEmbeddedNeo4j({
      dataDir: path.join(workDir, 'neo4j'),
      boltPort: 0,
      heap,
      pageCache,
      log: options.verbose ? (line) => process.stderr.write(`neo4j: ${line}\n`) : undefined,
    });
    db = new Database(createDriver({ uri: embedded.uri }), QueryStore.load());
    await migrate(db, silentLogger);
    await seedIfEmpty(db, silentLogger);
    if (options.actors !== null) {
      log(`loading a generated city of ${options.actors} actors (seed ${options.seed})`);
      await loadDataset(db, generateCity({ actors: options.actors, seed: options.seed }));
    }
    const database = db;
    const serviceInfo = createServiceInfoProvider(database, VERSION);
    const analytics = new AnalyticsService({ db: database, serviceInfo, logger: silentLogger, timeoutMs: 30_000 });
    const apiKeys = new ApiKeyService({ db: database, logger: silentLogger });
    const schema = buildSchema();

    const secret = randomBytes(32).toString('base64url');
    const issuer = 'https://issuer.bench.invalid/';
    const audience = 'samverkan-bench';
    const required: AuthConfig = { mode: 'required', jwt: { secret, issuer, audience, algorithms: ['HS256'], rolesClaim: 'roles', organisationsClaim: 'organisations' }, explicit: true };
    const development: AuthConfig = { mode: 'development', jwt: null, explicit: true };
    const analyst: Principal = Object.freeze({ id: 'bench:analyst', via: 'development', role: 'ANALYST', organisations: [] });
    const serve = async (authenticate: ServerDependencies['authenticate']): Promise<string> => {
      const server = await createServer(
        {
          schema,
          logger: silentLogger,
          ide: false,
          authenticate,
          context: async (principal) => createContext({ db: database, logger: silentLogger, serviceInfo, analytics, principal, apiKeys }),
          ready: async () => {
            await database.readRows('system/ping');
          },
          // The default 600 a minute per principal would refuse most of the run with RATE_LIMITED; the limiter still runs.
          limits: { bodyLimitBytes: DEFAULT_LIMITS.bodyLimitBytes, rateLimitPerMinute: 1_000_000_000 },
        },
        '127.0.0.1',
        0,
      );
      servers.push(server);
      return server.url;
    };
    const authenticateOn = createAuthenticator({ auth: required, apiKeys, logger: silentLogger });
    const offUrl = await serve(async () => analyst);
    const devUrl = await serve(createAuthenticator({ auth: development, apiKeys, logger: silentLogger }));
    const onUrl = await serve(authenticateOn);
    const { key } = await apiKeys.create({ name: 'bench auth', role: 'ANALYST' }, 'system');
    // A client reuses its token until it nears expiry; a fresh one each round keeps long runs valid.
    const signToken = (): Promise<string> =>
      new SignJWT({ roles: ['ANALYST'], organisations: [] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('bench-analyst')
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret));
    let token = await signToken();
    const targets = (): Record<VariantName, Target> => ({
      off: { url: offUrl, headers: {} },
      'dev-admin': { url: devUrl, headers: {} },
      token: { url: onUrl, headers: { authorization: `Bearer ${token}` } },
      key: { url: onUrl, headers: { 'x-api-key': key } },
    });

    const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
    process.stdout.write(
      `Samverkan authentication benchmark — ${new Date().toISOString()}\n` +
        `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${load}; node ${process.version}; client and server in one process\n` +
        `data: Malmö seed${options.actors === null ? '' : ` + generated city of ${options.actors} actors (seed ${options.seed})`}; ` +
        `${options.rounds} counted rounds after 1 warm-up, ${options.requests} requests per variant, query and concurrency per round\n`,
    );

    const results = new Map<string, Map<VariantName, Batch[]>>();
    for (let round = 0; round <= options.rounds; round += 1) {
      token = await signToken();
      const current = targets();
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
      for (const concurrency of options.concurrency) {
        for (const query of QUERIES) {
          for (const variant of order) {
            const batch = await runBatch(variant, current[variant], query, options.requests, concurrency);
            if (round === 0) continue;
            const key = `${query.name}, c=${concurrency}`;
            if (!results.has(key)) results.set(key, new Map(VARIANTS.map((name) => [name, []])));
            (results.get(key)?.get(variant) as Batch[]).push(batch);
          }
        }
      }
      log(round === 0 ? 'warm-up round done' : `round ${round}/${options.rounds} done`);
    }
    for (const [label, byVariant] of results) process.stdout.write(`\n${label}\n${table(byVariant)}\n`);
    // The authenticator alone, called directly: what each request pays for it, without the HTTP noise around it.
    const alone = async (headers: Record<string, string>, calls: number): Promise<number> => {
      for (let i = 0; i < 50; i += 1) await authenticateOn({ headers });
      const begun = performance.now();
      for (let i = 0; i < calls; i += 1) await authenticateOn({ headers });
      return ((performance.now() - begun) * 1000) / calls;
    };
    const tokenMicros = await alone(targets().token.headers, 5000);
    const keyMicros = await alone(targets().key.headers, 500);
    process.stdout.write(
      `\nThe authenticator alone, called in-process one call at a time: token ${tokenMicros.toFixed(0)} µs a call (jose jwtVerify, HS256), ` +
        `key ${keyMicros.toFixed(0)} µs a call (SHA-256 and one Neo4j read transaction).\n`,
    );
    const devSame = QUERIES.map((query) => expected.get(`${query.name}\u0000dev-admin`) === expected.get(`${query.name}\u0000off`));
    process.stdout.write(
      `\nEvery response was 200 without errors; token and key returned exactly the data of off. ` +
        `dev-admin's data ${devSame.every(Boolean) ? 'were the same too' : `differed on ${QUERIES.filter((_, i) => !devSame[i]).map((q) => q.name).join(', ')} (an ADMIN sees citizens' names)`}.\n` +
        `Cost = 1 − (req/s ÷ off's req/s); load average at the end ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}.\n`,
    );
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

void main().then((code) => process.exit(code));
