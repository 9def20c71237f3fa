/**
 * The analytics benchmark (issue 3): `npm run bench:analytics [-- options]`.
 *
 * For each city size it loads a synthetic city (src/seed/generateCity.ts) through
 * loadGeneratedCity (bench/benchDatabase.ts: wipe, migrations, load; with
 * BENCH_REUSE_CITY=1 and NEO4J_URI a database already holding that city is reused),
 * and then, for the whole city and for its largest district:
 *  - times every analytics field through the real schema, resolvers and context,
 *    in-process (a warm-up of up to 5 asks or 1 s, then N runs, each with a fresh AnalyticsService and
 *    cache so no result is served from the analytics cache): median and p95;
 *  - times the export-plus-NetworkX path for the same measure on the same scope:
 *    the scope statements (analytics/scopeActors, analytics/scopeTies, and
 *    analytics/areaMembers for the area measures) through the same Database,
 *    written as JSON to a file, then `python3 bench/networkx_measures.py` (Python
 *    start-up, import and graph build included), and the ratio networkx/samverkan.
 * Then the per-area scaling: an area of about the same size as the smallest city
 * (its root area) inside each larger city, timed for a few fields, with the ratio
 * to the smallest city (target below 1.3).
 *
 * It prints figures and ratios and writes them to .bench/analytics-<time>.json;
 * it asserts nothing. A field that errors (not implemented yet, ANALYTICS_TIMEOUT,
 * ANALYTICS_UNAVAILABLE…) is reported as such and the run goes on.
 *
 * Neo4j: an embedded one in a temporary folder, stopped and removed at the end;
 * or NEO4J_URI when set, and then that database is WIPED (a warning and a pause
 * come first, skipped with --yes). See bench/README.md. The parts of the run live
 * beside this file: options, fields, samverkan (in-process timing), networkx,
 * scopes, scaling and report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CollaborationIndexStore } from '../../src/analytics/collaborationIndex/collaborationIndexStore';
import { loadConfig } from '../../src/config';
import { Database, createDriver } from '../../src/db/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { migrate } from '../../src/db/migrate';
import { QueryStore } from '../../src/db/queryStore';
import { silentLogger } from '../../src/logger';
import { generatorVersion } from '../../src/seed/generateCity';
import { datasetSize } from '../../src/seed/loadDataset';
import type { ServiceInfo } from '../../src/system/serviceInfo';
import { VERSION } from '../../src/version';
import { loadGeneratedCity } from '../benchDatabase';
import { compareIndexMemory, memoryNow } from '../indexMemory';
import { FIELDS, type FieldSpec } from './fields';
import { count, log, ms, sleep } from './helpers';
import { PYTHON } from './networkx';
import { cleanUpOnInterrupt, optionsOrUsage } from '../cli';
import { parseOptions, USAGE } from './options';
import { machineInfo, NOTES, scopeTable, writeReport } from './report';
import type { CityResult } from './results';
import { createBenchApi, type BenchApi } from './samverkan';
import { benchScaling, scalingAreaOf, scalingReport } from './scaling';
import { areaCounts, benchScope, type AreaCount, type BenchApis } from './scopes';

/** Logs every tenth percent of a load. */
function loadProgress(): (done: number, total: number, phase: string) => void {
  let lastShown = 0;
  return (done, total, phase) => {
    const percent = Math.floor((done / Math.max(total, 1)) * 10) * 10;
    if (percent > lastShown) {
      lastShown = percent;
      log(`  loaded ${percent}% (${phase})`);
    }
  };
}

async function main(): Promise<number> {
  const options = optionsOrUsage(parseOptions, USAGE);
  if (options === null) return 2;
  const config = loadConfig();
  const fields = FIELDS.filter((spec) => options.fields === null || options.fields.includes(spec.field));
  const scalingFields = options.scalingFields.map((name) => FIELDS.find((spec) => spec.field === name) as FieldSpec);
  const startedAt = new Date();
  const machine = machineInfo();
  if (options.networkx && machine.networkx === null) {
    log(`${PYTHON} with networkx was not found: the NetworkX path is skipped (install networkx, or set PYTHON)`);
    options.networkx = false;
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-'));
  let embedded: EmbeddedNeo4j | null = null;
  let db: Database | null = null;
  let api: BenchApi | null = null;
  let cypherApi: BenchApi | null = null;
  let index: CollaborationIndexStore | null = null;
  const cleanUp = async (): Promise<void> => {
    await api?.close().catch(() => undefined);
    await cypherApi?.close().catch(() => undefined);
    await index?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await embedded?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  cleanUpOnInterrupt(log, cleanUp);

  try {
    let uri: string;
    let auth: { username?: string; password?: string } = {};
    let databaseName: string | undefined;
    if (config.database.mode === 'external') {
      ({ uri } = config.database);
      auth = { username: config.database.username, password: config.database.password };
      databaseName = config.database.database;
      log(`NEO4J_URI is set: this benchmark WIPES the database at ${uri}${databaseName ? ` (database ${databaseName})` : ''} before every city${process.env.BENCH_REUSE_CITY === '1' ? ' it loads (BENCH_REUSE_CITY=1 keeps one that already holds the same city)' : ''}.`);
      if (!options.yes) {
        log('Press Ctrl-C within 10 s to keep it (pass --yes to skip this pause).');
        await sleep(10_000);
      }
    } else {
      log(`starting an embedded Neo4j in ${workDir} (heap ${config.database.heap}, page cache ${config.database.pageCache})`);
      embedded = await startEmbeddedNeo4j({
        dataDir: path.join(workDir, 'neo4j'),
        heap: config.database.heap,
        pageCache: config.database.pageCache,
        log: options.verbose ? (line) => process.stderr.write(`neo4j: ${line}\n`) : undefined,
      });
      uri = embedded.uri;
      databaseName = config.database.database;
      log(`embedded Neo4j pid ${embedded.pid} at ${uri}`);
    }
    db = new Database(createDriver({ uri, ...auth }), QueryStore.load(), databaseName);
    await migrate(db, silentLogger);
    index = new CollaborationIndexStore({ db, logger: silentLogger });
    api = await createBenchApi(db, options.timeoutMs, options.verbose, index);
    cypherApi = await createBenchApi(db, options.timeoutMs, options.verbose);
    const apis: BenchApis = { served: api, cypher: cypherApi };
    const info = await api.run('{ serviceInfo { version neo4jVersion gdsVersion apocVersion } }', {});
    const versions = (info.data?.serviceInfo as ServiceInfo | undefined) ?? null;

    const header = [
      `Samverkan analytics benchmark — ${startedAt.toISOString()}`,
      `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, load average ${(machine.loadAverageAtStart as number[]).join(' ')}; ${machine.platform}; node ${machine.node}; python ${machine.python ?? '–'}, networkx ${machine.networkx ?? '–'}`,
      `database: Neo4j ${versions?.neo4jVersion ?? '?'}, GDS ${versions?.gdsVersion ?? 'none'}, APOC ${versions?.apocVersion ?? 'none'} (${embedded ? `embedded, heap ${config.database.mode === 'embedded' ? config.database.heap : ''}` : 'external'}); Samverkan ${versions?.version ?? VERSION}`,
      `sizes ${options.sizes.map(count).join(', ')}; seed ${options.seed}; asOf ${options.asOf}; ${options.runs} timed runs${options.warmup ? ' after a warm-up (the first ask, then up to 5 asks or 1 s)' : ', no warm-up'}, analytics cache bypassed; analytics timeout ${options.timeoutMs} ms; ` +
        `NetworkX: ${options.networkx ? `${options.runs} runs (${options.nxHeavyRuns} for betweenness and communities), betweenness estimated from ${options.nxBetweennessSources} sampled sources above ${count(options.nxExactBetweennessMax)} actors` : 'skipped'}`,
    ].join('\n');
    process.stdout.write(`${header}\n`);

    const cities: CityResult[] = [];
    let scalingTarget: number | null = null;
    for (const size of options.sizes) {
      const summary = await loadGeneratedCity(db, { actors: size, seed: options.seed }, log, { onProgress: loadProgress() });
      const { wipeSeconds, reused } = summary;
      const counts = await areaCounts(db, options.asOf);
      // The server builds it in the background after a write; here it is built before timing, and its build time reported.
      const before = memoryNow();
      let built = await index.refresh();
      const after = memoryNow();
      const memoryLine = `   memory after a full GC: before the index ${before.rssMb} MB RSS (heap ${before.heapUsedMb} MB), with it ${after.rssMb} MB RSS (heap ${after.heapUsedMb} MB, array buffers ${after.arrayBuffersMb} MB)\n`;
      if (options.indexMemory) {
        process.stdout.write(`${await compareIndexMemory(db, index)}\n`);
        built = await index.refresh();
      }
      const city: CityResult = {
        size,
        seed: options.seed,
        generator: generatorVersion,
        load: { seconds: summary.seconds, rows: summary.rows, phaseSeconds: summary.phaseSeconds, wipeSeconds, reused },
        areas: counts.length,
        index: built ? { buildMs: index.lastBuildMs, actors: built.actorCount, ties: built.tieCount } : null,
        scopes: [],
        scaling: null,
      };
      // A reused city was not loaded: its size comes from the database, its memberships were not counted.
      const stored = reused ? await datasetSize(db) : null;
      const loadLine = stored
        ? `reused as stored (BENCH_REUSE_CITY=1), not loaded: ${count(stored.actors)} actors, ${count(stored.ties)} ties`
        : `loaded in ${summary.seconds.toFixed(1)} s (wipe ${wipeSeconds.toFixed(1)} s): ${count(summary.rows.actors)} actors, ${count(summary.rows.collaborations)} ties, ${count(summary.rows.memberships)} memberships`;
      process.stdout.write(
        `\n== City of ${count(size)} actors: ${loadLine}, ${count(counts.length)} areas\n` +
          `   collaboration index: ${city.index ? `built in ${ms(city.index.buildMs)} ms (${count(city.index.actors)} actors, ${count(city.index.ties)} ties), once per graph version` : 'not built (a write landed during its load)'}\n` +
          memoryLine,
      );
      const root = counts[0] ?? null;
      const district = counts.find((area) => area !== root) ?? null;
      const scopes: Array<[string, AreaCount | null]> = [['whole city', null]];
      if (district) scopes.push([`largest district ${district.name} (${district.id})`, district]);
      for (const [label, area] of scopes) {
        const scope = await benchScope(apis, { db, options, workDir }, label, area, fields);
        city.scopes.push(scope);
        const size = scope.actors === null || scope.ties === null ? 'size unknown (export timed out)' : `${count(scope.actors)} actors, ${count(scope.ties)} ties (distinct pairs)`;
        const slow = scope.slowExportMs === null ? '' : ` — its export took ${ms(scope.slowExportMs)} ms, so NetworkX ran once per field`;
        process.stdout.write(`\n-- ${label}: ${size} on ${options.asOf}${slow}\n${scopeTable(scope)}\n`);
      }
      // Per-area scaling: the root area of the smallest city; in larger ones the area closest to its size.
      if (root && scalingFields.length > 0) {
        scalingTarget ??= root.actors;
        const area = scalingAreaOf(counts, root, cities.length === 0, scalingTarget);
        if (area) city.scaling = await benchScaling(apis, options, area, scalingFields);
      }
      cities.push(city);
    }

    const scaling = scalingReport(cities);
    process.stdout.write(`\n${scaling.text}\n`);
    process.stdout.write(`\n${NOTES}\n`);

    const finishedAt = new Date();
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))) },
      versions,
      database: embedded ? { mode: 'embedded', heap: config.database.mode === 'embedded' ? config.database.heap : null, pageCache: config.database.mode === 'embedded' ? config.database.pageCache : null } : { mode: 'external' },
      options,
      cities,
      scaling: scaling.rows,
    };
    const outFile = writeReport(startedAt, report);
    process.stdout.write(`\nResults written to ${path.relative(process.cwd(), outFile)}\n`);
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

void main().then((code) => process.exit(code));
