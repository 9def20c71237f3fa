import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { superviseEmbedded, type EmbeddedSupervisor } from '../../src/db/embeddedSupervisor';
import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { migrate } from '../../src/db/migrate';
import { createLogger, silentLogger } from '../../src/logger';
import { buildSchema } from '../../src/schema/buildSchema';
import { createServer, type RunningServer } from '../../src/server/createServer';
import { DEVELOPMENT_ADMIN } from '../../src/auth/principal';

/**
 * A Neo4j outage under a write load, on an embedded Neo4j of this file's own (the
 * shared test database is not touched): the JVM is killed mid-load. Requests must
 * fail fast with DATABASE_UNAVAILABLE, /readyz must say 503, the supervisor must
 * restart the JVM on the same data dir and port, the driver must reconnect by
 * itself, and every write that was acknowledged must be in the database.
 */
jest.setTimeout(300_000);

const CONNECT_TIMEOUT_MS = 2000;
// No hang: a failing request gives up within the driver's bounds (connection, retries) plus slack for a loaded 2-core machine.
const FAIL_FAST_BOUND_MS = 4 * CONNECT_TIMEOUT_MS + 5000;

let dataDir: string;
let supervisor: EmbeddedSupervisor;
let db: Database;
let server: RunningServer;
const log: string[] = [];
const driverLog: string[] = [];
let gaveUp: Error | undefined;

const start = (boltPort: number): Promise<EmbeddedNeo4j> => startEmbeddedNeo4j({ dataDir, boltPort, heap: '512m', pageCache: '64m' });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-outage-'));
  const first = await start(0);
  const logger = createLogger('info', (line) => log.push(line));
  supervisor = superviseEmbedded(first, { start, restarts: 3, backoffMs: 200, logger, onGiveUp: (error) => (gaveUp = error) });
  const driverLogger = createLogger('warn', (line) => driverLog.push(line));
  db = new Database(createDriver({ uri: first.uri, connectTimeoutMs: CONNECT_TIMEOUT_MS, logger: driverLogger }), QueryStore.load());
  await migrate(db, silentLogger);
  server = await createServer(
    {
      schema: buildSchema(),
      logger: silentLogger,
      ide: false,
      authenticate: async () => DEVELOPMENT_ADMIN,
      context: async () => {
        throw new Error('not used by this test');
      },
      ready: async () => {
        await db.readRows('system/ping');
      },
    },
    '127.0.0.1',
    0,
  );
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await supervisor?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const readyz = async () => {
  const res = await fetch(new URL('/readyz', server.url), { signal: AbortSignal.timeout(10_000) });
  return res.status;
};

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Failure {
  code: unknown;
  elapsedMs: number;
}

describe('a Neo4j outage under a write load', () => {
  it('fails fast with DATABASE_UNAVAILABLE, recovers by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const failures: Failure[] = [];
    let running = true;
    let next = 0;
    const worker = async () => {
      while (running) {
        const id = `outage-area-${next++}`;
        const started = Date.now();
        try {
          await db.write((tx) => tx.run('areas/create', { props: { id, name: `Outage area ${id}`, level: 'DISTRICT', synthetic: true }, parentId: null }));
          acknowledged.push(id);
        } catch (error) {
          failures.push({ code: error instanceof GraphQLError ? error.extensions.code : String(error), elapsedMs: Date.now() - started });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const workers = [worker(), worker(), worker(), worker()];

    await waitFor('writes before the kill', () => acknowledged.length >= 40);
    const killed = supervisor.current();
    process.kill(killed.pid, 'SIGKILL');

    await waitFor('failing writes during the outage', () => failures.length >= 8 || supervisor.state() === 'up');
    expect(await readyz()).toBe(503);

    await waitFor('the supervisor to restart Neo4j', () => supervisor.state() === 'up' && supervisor.current() !== killed);
    expect(supervisor.current().boltPort).toBe(killed.boltPort);
    await waitFor('readiness to recover', async () => (await readyz()) === 200);
    const afterRestart = acknowledged.length;
    await waitFor('writes after the restart', () => acknowledged.length >= afterRestart + 20);
    running = false;
    await Promise.all(workers);

    // Fast, coded failures: DATABASE_UNAVAILABLE only (no CONFLICT from a retry that met its own commit, no masked error).
    expect(failures.length).toBeGreaterThan(0);
    expect([...new Set(failures.map((failure) => failure.code))]).toEqual(['DATABASE_UNAVAILABLE']);
    expect(failures.filter((failure) => failure.elapsedMs > FAIL_FAST_BOUND_MS)).toEqual([]);

    // Every acknowledged write is there, exactly once.
    const rows = await db.readRows<{ area: { id: string } }>('areas/byIds', { ids: acknowledged });
    expect(new Set(rows.map((row) => row.area.id))).toEqual(new Set(acknowledged));

    // The death was said at error level, on one line; the driver's warnings stayed few.
    const died = log.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.message === 'embedded Neo4j died');
    expect(died).toMatchObject({ level: 'error', pid: killed.pid, signal: 'SIGKILL' });
    expect(driverLog.length).toBeLessThan(60);
    expect(gaveUp).toBeUndefined();
  });

  it('answers 503 on /readyz quickly when the database is gone', async () => {
    const current = supervisor.current();
    process.kill(current.pid, 'SIGKILL');
    await waitFor('the JVM to be gone', () => supervisor.state() !== 'up', 30_000);
    const res = await fetch(new URL('/readyz', server.url), { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
    await waitFor('the supervisor to restart Neo4j again', () => supervisor.state() === 'up');
    await waitFor('readiness to recover', async () => (await readyz()) === 200);
  });
});
