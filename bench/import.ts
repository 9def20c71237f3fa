/**
 * npm run bench:import [-- --actors 100000 --ties 400000 --sample 500 --rows 1000000 --yes]
 *
 * 1. Bulk import from CSV, end to end (validation, checks, writes): N actors,
 *    then M ties, on a fresh embedded Neo4j (or NEO4J_URI, which it WIPES).
 * 2. The same kinds of rows through one GraphQL mutation per row (createActor,
 *    addCollaboration) on a sample, interleaved with the imports in the same run;
 *    the ratio of rows/s is printed. Targets: ≥ 20× and ≥ 10,000 ties/s.
 * 3. A file of `--rows` tie rows (about 50 MB at 1M) between the same actors,
 *    imported to the end by the real command in a child process, whose peak RSS
 *    (VmHWM) is read from /proc. Target: < 300 MB. `--rows 0` skips it; `--ties 0`
 *    with `--rows` runs only the memory check (after importing the actors).
 * The ties imports' time per pass (hash, validate, check, write, finish) is printed too.
 * The machine's load average is printed: the 2 cores are shared, so absolute
 * rates move with it; the ratios are measured in the same run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { loadConfig } from '../src/config';
import { openBenchDatabase } from './benchDatabase';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/logger';
import { buildSchema } from '../src/schema/buildSchema';
import { createContext, type Context } from '../src/context';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { wipeDatabase } from '../src/seed/loadDataset';
import { runImport } from '../src/import/runImport';

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '100000' },
    ties: { type: 'string', default: '400000' },
    sample: { type: 'string', default: '500' },
    rows: { type: 'string', default: '1000000' },
    yes: { type: 'boolean', default: false },
  },
});
const ACTORS = Number(values.actors);
const TIES = Number(values.ties);
const SAMPLE = Number(values.sample);
const RSS_ROWS = Number(values.rows);
const TARGET_TIES_PER_S = 10_000;
const TARGET_RATIO = 20;
const TARGET_RSS_MB = 300;
const KINDS = ['ASSOCIATION', 'COMPANY', 'CITY_DEPARTMENT', 'ACADEMIC_INSTITUTION'];
const TIE_KINDS = ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'];
const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);
const rate = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

/** Actor rows `prefix-000001,COMPANY,…`: synthetic, unique ids and names. */
function writeActors(file: string, count: number, prefix: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,kind,name,description\n');
  for (let start = 0; start < count; start += 10_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + 10_000); i++) lines.push(`${prefix}-${String(i).padStart(7, '0')},${KINDS[i % 4]},Organisation ${i} i Malmö,Verksamhet nummer ${i}`);
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
}

/**
 * Tie j joins actor j mod N to an actor a fixed step away; the steps never add up
 * to N, so no pair repeats. `round` shifts the steps, so that a second file (the
 * memory check's) joins other pairs than the first.
 */
function tieRow(j: number, actors: number, prefix: string, round = 0): string {
  const a = j % actors;
  const step = 1 + (Math.floor(j / actors) + round) * 7919;
  const b = (a + step) % actors;
  const year = 2010 + (j % 15);
  return `${prefix}-${String(a).padStart(7, '0')},${prefix}-${String(b).padStart(7, '0')},${TIE_KINDS[j % 5]},${year}-0${1 + (j % 9)}-1${j % 10},,${1 + (j % 5)}`;
}

function writeTies(file: string, count: number, actors: number, prefix: string, round = 0): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'actorId,partnerId,kind,since,until,strength\n');
  for (let start = 0; start < count; start += 10_000) {
    const lines: string[] = [];
    for (let j = start; j < Math.min(count, start + 10_000); j++) lines.push(tieRow(j, actors, prefix, round));
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
}

async function mutationsPerRow(server: ApolloServer<Context>, context: () => Context, count: number, kind: 'actors' | 'ties'): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response =
      kind === 'actors'
        ? await server.executeOperation({ query: 'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }', variables: { input: { id: `gql-${String(i).padStart(7, '0')}`, kind: KINDS[i % 4], name: `GraphQL ${i}`, description: `Verksamhet nummer ${i}` } } }, { contextValue: context() })
        : await (async () => {
            const [actorId, partnerId, tieKind, since, , strength] = tieRow(i, count, 'gql').split(',');
            return server.executeOperation({ query: 'mutation($input: AddCollaborationInput!) { addCollaboration(input: $input) { id } }', variables: { input: { actorId, partnerId, kind: tieKind, since, strength: Number(strength), source: 'bench' } } }, { contextValue: context() });
          })();
    if (response.body.kind === 'single' && response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors[0]));
  }
  return performance.now() - started;
}

/** Runs the import command on `file` against `uri`, sampling the child's peak RSS (VmHWM). */
function peakRss(file: string, uri: string, auth: { username?: string; password?: string }): Promise<{ code: number | null; peakMb: number; ms: number; report: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, '..', 'scripts', 'import.ts'), file, '--json'], {
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: auth.username ?? 'neo4j', NEO4J_PASSWORD: auth.password ?? '', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peakKb = 0;
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const sample = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // The child has exited between two samples.
    }
  }, 100);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ code, peakMb: peakKb / 1024, ms: performance.now() - started, report: stdout });
    }),
  );
}

const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const thousands = (value: number) => value.toLocaleString('en');

async function main(): Promise<void> {
  const config = loadConfig();
  const bench = await openBenchDatabase(config, 'import', log, values.yes);
  const { db, workDir } = bench;
  // The command in step 3 connects on its own: to the same server, by the address the driver reports.
  const uri = config.database.mode === 'external' ? config.database.uri : `bolt://${(await db.driver.getServerInfo()).address}`;
  const auth = config.database.mode === 'external' ? { username: config.database.username, password: config.database.password } : {};
  const logger = createLogger('error');
  const loadAtStart = loadAverage();
  const lines: string[] = [];
  // Each result is logged as soon as it is known, as well as in the table at the end: a long run shows what it has.
  const result = (...rows: string[]) => {
    lines.push(...rows);
    for (const row of rows) log(row.trim());
  };
  try {
    await migrate(db, logger);
    await wipeDatabase(db);
    const serviceInfo = createServiceInfoProvider(db, 'bench');
    const analytics = new AnalyticsService({ db, serviceInfo, logger, timeoutMs: 60_000 });
    const server = new ApolloServer<Context>({ schema: buildSchema() });
    await server.start();
    const context = () => createContext({ db, logger, serviceInfo, analytics, principal: SYSTEM_PRINCIPAL });

    const actorsFile = path.join(workDir, 'actors.csv');
    const tiesFile = path.join(workDir, 'ties.csv');
    writeActors(actorsFile, ACTORS, 'bench');
    writeTies(tiesFile, TIES, ACTORS, 'bench');
    log(`files: ${thousands(ACTORS)} actors (${(fs.statSync(actorsFile).size / 1048576).toFixed(1)} MB), ${thousands(TIES)} ties (${(fs.statSync(tiesFile).size / 1048576).toFixed(1)} MB); load average ${loadAtStart}`);

    // Interleaved: mutations on a sample, the import, mutations again, the next import.
    const gqlActorsMs = SAMPLE > 0 ? await mutationsPerRow(server, context, SAMPLE, 'actors') : NaN;
    log(`GraphQL createActor × ${SAMPLE}: ${rate(SAMPLE, gqlActorsMs)} rows/s`);
    const importOptions = { kind: null, dryRun: false, partial: false, principal: SYSTEM_PRINCIPAL };
    let started = performance.now();
    const actorsReport = await runImport(db, { filePath: actorsFile, fileName: 'actors.csv', ...importOptions });
    const actorsMs = performance.now() - started;
    if (actorsReport.status !== 'completed') throw new Error(`the actors import ended ${actorsReport.status}: ${actorsReport.message}`);
    log(`import actors: ${actorsReport.status}, ${rate(ACTORS, actorsMs)} rows/s (${(actorsMs / 1000).toFixed(1)} s)`);
    const actorRatio = rate(ACTORS, actorsMs) / rate(SAMPLE, gqlActorsMs);
    result(`  import actors         ${thousands(rate(ACTORS, actorsMs)).padStart(8)} rows/s   GraphQL createActor      ${thousands(rate(SAMPLE, gqlActorsMs)).padStart(6)} rows/s   ratio ${actorRatio.toFixed(1)}×   ${verdict(actorRatio >= TARGET_RATIO)} (≥ ${TARGET_RATIO}×)`);

    if (TIES > 0) {
      const gqlTiesMs = SAMPLE > 0 ? await mutationsPerRow(server, context, SAMPLE, 'ties') : NaN;
      log(`GraphQL addCollaboration × ${SAMPLE}: ${rate(SAMPLE, gqlTiesMs)} rows/s`);
      started = performance.now();
      const passes: string[] = [];
      const onPassTime = (pass: string, ms: number) => passes.push(`${pass} ${(ms / 1000).toFixed(1)} s`);
      const tiesReport = await runImport(db, { filePath: tiesFile, fileName: 'ties.csv', ...importOptions, onPassTime });
      const tiesMs = performance.now() - started;
      if (tiesReport.status !== 'completed') throw new Error(`the ties import ended ${tiesReport.status}: ${tiesReport.message}`);
      log(`import ties: ${tiesReport.status}, ${rate(TIES, tiesMs)} ties/s (${(tiesMs / 1000).toFixed(1)} s)`);
      const firstPasses = passes.splice(0);
      started = performance.now();
      const again = await runImport(db, { filePath: tiesFile, fileName: 'ties.csv', ...importOptions, onPassTime });
      const againMs = performance.now() - started;
      const tieRatio = rate(TIES, tiesMs) / rate(SAMPLE, gqlTiesMs);
      result(
        `  import ties           ${thousands(rate(TIES, tiesMs)).padStart(8)} ties/s   GraphQL addCollaboration ${thousands(rate(SAMPLE, gqlTiesMs)).padStart(6)} rows/s   ratio ${tieRatio.toFixed(1)}×   ${verdict(tieRatio >= TARGET_RATIO)} (≥ ${TARGET_RATIO}×)`,
        `  ties end to end       ${thousands(rate(TIES, tiesMs)).padStart(8)} ties/s   (${(tiesMs / 1000).toFixed(1)} s for ${thousands(TIES)})   ${verdict(rate(TIES, tiesMs) >= TARGET_TIES_PER_S)} (≥ ${thousands(TARGET_TIES_PER_S)} ties/s)`,
        `  same ties file again  ${(againMs / 1000).toFixed(1)} s: ${again.status} (${thousands(rate(TIES, againMs))} rows/s checked)`,
        `  ties, by pass         ${firstPasses.join(', ')}; again: ${passes.join(', ')}`,
      );
    }
    await server.stop();

    if (RSS_ROWS > 0) {
      // Ties between the same actors, on other pairs than the first file's: the kind whose rows the passes remember most of.
      const rss = path.join(workDir, 'ties-rss.csv');
      writeTies(rss, RSS_ROWS, ACTORS, 'bench', Math.ceil(TIES / ACTORS) + 1);
      const sizeMb = fs.statSync(rss).size / 1048576;
      log(`memory check: ${thousands(RSS_ROWS)} tie rows, ${sizeMb.toFixed(1)} MB; importing with the command (load average ${loadAverage()})…`);
      const run = await peakRss(rss, uri, auth);
      const status = (() => {
        try {
          return (JSON.parse(run.report) as { status: string }).status;
        } catch {
          return `exit ${run.code}`;
        }
      })();
      result(`  npm run import on ${thousands(RSS_ROWS)} rows (${sizeMb.toFixed(0)} MB): peak RSS ${run.peakMb.toFixed(0)} MB, ${status}, ${thousands(rate(RSS_ROWS, run.ms))} rows/s   ${verdict(run.peakMb < TARGET_RSS_MB && status === 'completed')} (< ${TARGET_RSS_MB} MB, completed)`);
    } else {
      result('  peak RSS: skipped (--rows 0)');
    }
    process.stdout.write(
      [
        `bench:import — ${thousands(ACTORS)} actors, ${thousands(TIES)} ties from CSV, ${config.database.mode === 'external' ? uri : 'embedded Neo4j'}; GraphQL sample ${SAMPLE} rows per kind`,
        `  load average (1/5/15 min) at start ${loadAtStart}, at end ${loadAverage()} on ${os.cpus().length} cores`,
        ...lines,
        '',
      ].join('\n'),
    );
  } finally {
    await bench.close();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
