/**
 * The GraphQL read-path benchmark (issue 11): `npm run bench:api [-- --sizes 10000,100000 --rounds 3]`.
 *
 * For each size: loads a generated city (src/seed/generateCity.ts, seed 1) into an
 * embedded Neo4j in a temporary folder (or NEO4J_URI, which is then WIPED), starts
 * three contenders as child processes on that database — Samverkan itself
 * (src/index.ts, development auth, collaboration index on), @neo4j/graphql 7 on
 * Apollo Server 5 (bench/api/neo4jGraphqlServer.ts) and a raw-driver endpoint
 * (bench/api/rawServer.ts) — checks that all return the same data for each
 * workload, then times them in interleaved rounds: p50 and p95 at concurrency 1,
 * throughput (and p95) at concurrency 16, with the ratios against raw and against
 * @neo4j/graphql and PASS/FAIL against the targets. Also the Samverkan
 * process's RSS at idle and its peak under 32 concurrent area pages. Asserts
 * nothing; docs/performance.md explains the numbers and how to profile.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { loadConfig } from '../../src/config';
import { migrate } from '../../src/db/migrate';
import { silentLogger } from '../../src/logger';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset, wipeDatabase } from '../../src/seed/loadDataset';
import { openBenchDatabase, type BenchDatabase } from '../benchDatabase';
import { rssMb, startChild, type Child } from './children';
import { compileSamverkan } from './compiledSamverkan';
import { post } from './httpClient';
import { drive, emptySample, type Sample } from './measure';
import { WORKLOADS, type ContenderName, type WorkloadParams } from './workloads';
import { printMemory, printSummary, printWorkload, type Verdict } from './report';
import os from 'node:os';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    'c1-ops': { type: 'string', default: '20' },
    'c16-seconds': { type: 'string', default: '3' },
    'warmup-seconds': { type: 'string', default: '1' },
    'settle-ms': { type: 'string', default: '1000' },
    workloads: { type: 'string', default: WORKLOADS.map((w) => w.name).join(',') },
    contenders: { type: 'string', default: 'samverkan,samverkanArea,neo4jGraphql,raw' },
    /** Extra node flags for the Samverkan process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
    'samverkan-node-args': { type: 'string', default: '' },
    /** Another checkout of Samverkan to run instead of this one (with node_modules), for before/after tables. */
    'samverkan-dir': { type: 'string' },
    /** Run Samverkan's TypeScript through tsx instead of compiled (as earlier runs did; tsx adds its loader thread's memory). */
    'samverkan-tsx': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    /** With NEO4J_URI: keep a city of the same size that an earlier run loaded (for profiling iterations). */
    reuse: { type: 'boolean', default: false },
    /** How long to wait for the collaboration index before measuring memory anyway. */
    'index-wait-seconds': { type: 'string', default: '600' },
    /** At most this long for the RSS to settle after the index build before reading the idle RSS. */
    'idle-settle-seconds': { type: 'string', default: '300' },
  },
});
const log = (line: string) => process.stderr.write(`[bench:api] ${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits until the Samverkan process has built its collaboration index (its
 * Prometheus counter of rebuilds that succeeded), so that the idle RSS includes it;
 * after `seconds` the run goes on (and says so). An analytics answer cannot tell:
 * it is cached per graph version, so at 100k actors the first answer, computed by
 * Cypher while the index was still loading, kept saying so after the index was built.
 */
async function waitForIndex(baseUrl: string, seconds = 180): Promise<boolean> {
  for (let attempt = 0; attempt < seconds / 2; attempt++) {
    const metrics = await fetch(`${baseUrl}metrics`).then((response) => response.text(), () => '');
    const built = /samverkan_collaboration_index_rebuilds_total\{outcome="ok"\} (\d+)/.exec(metrics);
    if (built && Number(built[1]) >= 1) return true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  return false;
}

/**
 * The RSS once it has stopped falling (no drop of more than 2 MB for 60 s, or
 * after `seconds`): after building its index the process holds the build's
 * garbage until it is returned (at 100k actors, before the service returned it
 * itself after a build (src/system/heap.ts), V8's memory reducer took
 * 100–200 s: 442 MB, then 233, then 169 MB; now about 192 MB 15 s after start).
 * Idle is what the process settles at, not the build's tail.
 */
async function settledRss(pid: number, seconds: number): Promise<number> {
  const started = performance.now();
  let lowest = rssMb(pid);
  let lowestAt = started;
  while (performance.now() - started < seconds * 1000 && performance.now() - lowestAt < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const now = rssMb(pid);
    if (now < lowest - 2) lowestAt = performance.now();
    lowest = Math.min(lowest, now);
  }
  return rssMb(pid);
}

/** How many actors the database holds: with --reuse, a city of the same size loaded by an earlier run is kept. */
async function actorCount(bench: BenchDatabase): Promise<number> {
  const session = bench.db.driver.session();
  try {
    const result = await session.run(fs.readFileSync(path.join(__dirname, 'cypher', 'actorCount.cypher'), 'utf8'));
    return Number(result.records[0].get('actors'));
  } finally {
    await session.close();
  }
}

async function benchSize(actors: number): Promise<void> {
  const config = loadConfig();
  const bench = await openBenchDatabase(config, 'api', log, Boolean(values.yes));
  const children: Child[] = [];
  try {
    if (values.reuse && (await actorCount(bench)) === actors) {
      log(`--reuse: the database already holds ${actors} actors; not reloading`);
    } else {
      await wipeDatabase(bench.db);
      await migrate(bench.db, silentLogger);
      log(`generating and loading a city of ${actors} actors (seed ${values.seed})…`);
      const loaded = await loadDataset(bench.db, generateCity({ actors, seed: Number(values.seed) }));
      log(`loaded in ${loaded.seconds.toFixed(1)} s`);
    }
    const boltUri = bench.uri;
    // Compiled, as the Dockerfile runs it, unless --samverkan-tsx (compiledSamverkan.ts says what tsx would add).
    const checkout = path.resolve(values['samverkan-dir'] ?? path.join(__dirname, '..', '..'));
    const entry = values['samverkan-tsx'] ? 'src/index.ts' : compileSamverkan(checkout, path.join(bench.workDir, 'samverkan'));
    const samverkan = await startChild(entry, {
      NEO4J_URI: boltUri, HOST: '127.0.0.1', PORT: String(await freePort()), SAMVERKAN_SEED: 'false', SAMVERKAN_IDE: 'false',
      SAMVERKAN_RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn', SAMVERKAN_AUTH: 'development',
    }, values['samverkan-node-args'] ? values['samverkan-node-args'].split(' ') : [], values['samverkan-tsx'] ? checkout : path.dirname(path.dirname(path.dirname(entry))));
    children.push(samverkan);
    const neo4jGraphql = await startChild('bench/api/neo4jGraphqlServer.ts', { BENCH_NEO4J_URI: boltUri });
    children.push(neo4jGraphql);
    const raw = await startChild('bench/api/rawServer.ts', { BENCH_NEO4J_URI: boltUri });
    children.push(raw);
    const svUrl = `${samverkan.url}graphql`;
    const indexed = await waitForIndex(samverkan.url, Number(values['index-wait-seconds']));
    if (!indexed) log('the collaboration index was not built in time: the idle RSS below may not include it');
    const [setup] = ((await post(raw.url, { statement: 'largestDistrict', params: {} })) as { rows: Array<{ areaId: string; actors: number; actorId: string; ties: number }> }).rows;
    const params: WorkloadParams = { areaId: setup.areaId, actorId: setup.actorId, pages: 20 };
    log(`district ${setup.areaId}: ${setup.actors} actors; detail actor ${setup.actorId}: ${setup.ties} ties`);
    const builtRss = rssMb(samverkan.process.pid as number);
    const idleRss = await settledRss(samverkan.process.pid as number, Number(values['idle-settle-seconds']));
    log(`Samverkan RSS when the index was built: ${builtRss.toFixed(0)} MB; settled at idle: ${idleRss.toFixed(0)} MB`);

    const contenders = new Map<ContenderName, { url: string; pid: number }>([
      ['samverkan', { url: svUrl, pid: samverkan.process.pid as number }],
      ['samverkanArea', { url: svUrl, pid: samverkan.process.pid as number }],
      ['neo4jGraphql', { url: neo4jGraphql.url, pid: neo4jGraphql.process.pid as number }],
      ['raw', { url: raw.url, pid: raw.process.pid as number }],
    ]);
    const wanted = new Set(values.contenders.split(','));
    const verdicts: Verdict[] = [];
    const loadBefore = os.loadavg();
    log(`load average: ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`);
    const rounds = Number(values.rounds);
    for (const workload of WORKLOADS.filter((w) => values.workloads.split(',').includes(w.name))) {
      const names = [...contenders.keys()].filter((name) => workload.operations[name] && wanted.has(name));
      // Same data from every contender, before any timing.
      const answers = new Map<ContenderName, unknown>();
      for (const name of names) {
        try {
          answers.set(name, await workload.operations[name]!(post, contenders.get(name)!.url, params));
        } catch (error) {
          log(`${workload.name}: ${name} failed: ${String(error).slice(0, 300)}`);
        }
      }
      // The raw statement's answer is the reference (the first contender's when raw is left out).
      const referenceName = answers.has('raw') ? 'raw' : [...answers.keys()][0];
      const reference = answers.get(referenceName);
      for (const [name, answer] of answers) {
        if (!isDeepStrictEqual(answer, reference)) {
          log(`${workload.name}: ${name} answers differently from ${referenceName}: ${String(JSON.stringify(answer)).slice(0, 300)} vs ${String(JSON.stringify(reference)).slice(0, 300)}`);
          answers.delete(name);
        }
      }
      const c1 = new Map(names.map((name) => [name, emptySample()]));
      const c16 = new Map(names.map((name) => [name, emptySample()]));
      const failures = new Map<ContenderName, string>();
      const pagesPerOp = workload.name === 'paging' ? params.pages : 1;
      // Untimed warm-up of every contender on this workload, so that the first one timed does not alone pay for
      // compiling the workload's code paths and collecting the previous workload's garbage (it made one form of
      // the same question look 1.5× dearer than the other on a loaded machine).
      for (const name of names.filter((n) => answers.has(n))) {
        const { url } = contenders.get(name)!;
        await drive(() => workload.operations[name]!(post, url, params), 16, { seconds: Number(values['warmup-seconds']), count: 32 }, null, emptySample()).catch(() => undefined);
      }
      for (let round = 0; round < rounds; round++) {
        const order = names.map((_, i) => names[(i + round) % names.length]);
        for (const name of order) {
          if (!answers.has(name) || failures.has(name)) continue;
          const { url, pid } = contenders.get(name)!;
          const operation = () => workload.operations[name]!(post, url, params);
          // A pause before each contender's phases: the previous contender's c=16 leaves Neo4j and its own process busy
          // for a moment (garbage collection), and with 4 contenders in 3 rotated rounds the same one follows raw twice.
          await new Promise((resolve) => setTimeout(resolve, Number(values['settle-ms'])));
          try {
            await drive(operation, 1, { count: Math.max(2, Math.round(Number(values['c1-ops']) / pagesPerOp)) }, null, c1.get(name) as Sample);
            await drive(operation, 16, { seconds: Number(values['c16-seconds']) }, pid, c16.get(name) as Sample);
          } catch (error) {
            failures.set(name, String(error).slice(0, 200));
            log(`${workload.name}: ${name} failed while timed: ${failures.get(name)}`);
          }
        }
      }
      verdicts.push(...printWorkload(workload, actors, names, c1, c16, answers, failures));
    }

    // Memory: peak RSS of the Samverkan process under 32 concurrent area pages.
    let peakRss = rssMb(samverkan.process.pid as number);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(samverkan.process.pid as number))), 20);
    const areaPage = WORKLOADS[0].operations.samverkan!;
    await drive(() => areaPage(post, svUrl, params), 32, { seconds: 5 }, null, emptySample());
    clearInterval(sampler);
    verdicts.push(...printMemory(actors, idleRss, peakRss, indexed));
    printSummary(actors, verdicts, { before: loadBefore, after: os.loadavg() });
  } finally {
    for (const child of children) await child.stop();
    await bench.close();
  }
}

async function main(): Promise<void> {
  for (const size of values.sizes.split(',').map(Number)) await benchSize(size);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
