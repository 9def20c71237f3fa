import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../src/config';
import { Database, createDriver } from '../src/db/database';
import { QueryStore } from '../src/db/queryStore';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { migrate } from '../src/db/migrate';
import { silentLogger } from '../src/logger';
import { generateCity } from '../src/seed/generateCity';
import { datasetSize, LOAD_PHASES, loadDataset, wipeDatabase, type LoadOptions, type LoadSummary } from '../src/seed/loadDataset';

export interface BenchDatabase {
  db: Database;
  /** The Bolt URI of the database, for child processes that connect on their own. */
  uri: string;
  /** A temporary folder for the benchmark's own files; removed by close(). */
  workDir: string;
  /** Closes the driver, stops an embedded Neo4j and removes its folder. */
  close(): Promise<void>;
}

/**
 * The database a benchmark loads its city into: the server NEO4J_URI names (which
 * it wipes, after a 10 s pause unless `skipPause`), or a fresh embedded Neo4j in a
 * temporary folder.
 */
export async function openBenchDatabase(config: Config, name: string, log: (line: string) => void, skipPause: boolean): Promise<BenchDatabase> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `samverkan-bench-${name}-`));
  let embedded: EmbeddedNeo4j | null = null;
  let uri: string;
  let auth: { username?: string; password?: string } = {};
  if (config.database.mode === 'external') {
    ({ uri } = config.database);
    auth = { username: config.database.username, password: config.database.password };
    log(`NEO4J_URI is set: this benchmark WIPES ${uri}.${skipPause ? '' : ' Ctrl-C within 10 s to keep it (--yes skips the pause).'}`);
    if (!skipPause) await new Promise((resolve) => setTimeout(resolve, 10_000));
  } else {
    embedded = await startEmbeddedNeo4j({ dataDir: path.join(workDir, 'neo4j'), heap: config.database.heap, pageCache: config.database.pageCache });
    uri = embedded.uri;
  }
  const db = new Database(createDriver({ uri, ...auth }), QueryStore.load(), config.database.database);
  return {
    db,
    uri,
    workDir,
    async close() {
      await db.close().catch(() => undefined);
      await embedded?.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** A load's summary, and whether the stored city was reused (then nothing was loaded or wiped). */
export interface LoadedCity extends LoadSummary {
  reused: boolean;
  /** Seconds spent emptying the database before the load; 0 when reused. */
  wipeSeconds: number;
}

/**
 * Empties the benchmark's database, applies the migrations and loads a generated
 * city. With BENCH_REUSE_CITY=1 and NEO4J_URI set, a database that already holds
 * as many actors and ties as this city (loaded by an earlier benchmark with the
 * same size and seed, and not written since) is kept as it is: one 100k load
 * serves every benchmark in turn.
 */
export async function loadGeneratedCity(db: Database, city: { actors: number; seed: number }, log: (line: string) => void, options: LoadOptions = {}): Promise<LoadedCity> {
  const generated = generateCity(city);
  if (process.env.BENCH_REUSE_CITY === '1' && process.env.NEO4J_URI) {
    const size = await datasetSize(db);
    // Cities of one size hold as many actors and ties whatever the seed: the names of the first hundred actors tell seeds apart.
    const sample = [...take(generated.actors, 100)];
    const stored = size.actors === generated.counts.actors ? await db.readRows<{ actor: { id: string; name?: string | null; sector: string } }>('actors/byIds', { ids: sample.map((actor) => actor.id) }) : [];
    const storedName = new Map(stored.map(({ actor }) => [actor.id, `${actor.name ?? ''}|${actor.sector}`]));
    const sameActors = sample.every((actor) => storedName.get(actor.id) === `${actor.name ?? ''}|${actor.sector}`);
    if (size.actors === generated.counts.actors && size.ties === generated.counts.collaborations && sameActors) {
      log(`BENCH_REUSE_CITY=1: ${process.env.NEO4J_URI} holds ${size.actors} actors and ${size.ties} ties, as the city of ${city.actors} actors (seed ${city.seed}) does; reused without loading`);
      await migrate(db, silentLogger);
      const none = Object.fromEntries(LOAD_PHASES.map((phase) => [phase, 0])) as LoadSummary['rows'];
      return { rows: none, phaseSeconds: { ...none }, seconds: 0, reused: true, wipeSeconds: 0 };
    }
  }
  const wipeStarted = performance.now();
  await wipeDatabase(db);
  const wipeSeconds = (performance.now() - wipeStarted) / 1000;
  await migrate(db, silentLogger);
  log(`generating and loading a city of ${city.actors} actors (seed ${city.seed})…`);
  return { ...(await loadDataset(db, generated, options)), reused: false, wipeSeconds };
}

function* take<T>(rows: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const row of rows) {
    yield row;
    taken += 1;
    if (taken >= count) return;
  }
}
