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
 * about time and exits non-zero only when a response is wrong. The parts live beside
 * this file: options, requests (queries, variants, checks), servers and figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database, createDriver } from '../../src/db/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { migrate } from '../../src/db/migrate';
import { QueryStore } from '../../src/db/queryStore';
import { silentLogger } from '../../src/logger';
import type { RunningServer } from '../../src/server/createServer';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset, seedIfEmpty } from '../../src/seed/loadDataset';
import { table } from './figures';
import { cleanUpOnInterrupt, optionsOrUsage } from '../cli';
import { parseOptions, USAGE } from './options';
import { expected, QUERIES, runBatch, VARIANTS, type Batch, type VariantName } from './requests';
import { startVariantServers } from './servers';

const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<number> {
  const options = optionsOrUsage(parseOptions, USAGE);
  if (options === null) return 2;
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
  cleanUpOnInterrupt(log, cleanUp);

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
    const { targets, renewToken, authenticateOn } = await startVariantServers(db, servers);

    const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
    process.stdout.write(
      `Samverkan authentication benchmark — ${new Date().toISOString()}\n` +
        `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${load}; node ${process.version}; client and server in one process\n` +
        `data: Malmö seed${options.actors === null ? '' : ` + generated city of ${options.actors} actors (seed ${options.seed})`}; ` +
        `${options.rounds} counted rounds after 1 warm-up, ${options.requests} requests per variant, query and concurrency per round\n`,
    );

    const results = new Map<string, Map<VariantName, Batch[]>>();
    for (let round = 0; round <= options.rounds; round += 1) {
      await renewToken();
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
