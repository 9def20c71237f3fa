/**
 * Loads a generated city (or the Malmö dataset) into Neo4j, the way the service connects:
 * NEO4J_URI when set, otherwise the embedded Neo4j in SAMVERKAN_DATA_DIR.
 *
 *   npm run seed -- --actors 100000 --seed 42 [--wipe] [--batch-size 5000]
 *   npm run seed -- --malmo [--wipe]
 *
 * Progress goes to stderr, the summary to stdout. Exit 2 on bad arguments, 1 on failure.
 */
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { startCli, UsageError } from './cliStart';
import { connectDatabase, type ConnectedDatabase } from '../src/db/connectDatabase';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/logger';
import { generateCity, generatorVersion } from '../src/seed/generateCity';
import { DEFAULT_BATCH_SIZE, loadDataset, wipeDatabase, type LoadSummary } from '../src/seed/loadDataset';
import { malmoDataset } from '../src/seed/malmoDataset';
import type { Dataset } from '../src/seed/types';

const MAX_ACTORS = 2_000_000;
const USAGE = `Usage: npm run seed -- --actors N [--seed S] [--wipe] [--batch-size B]
       npm run seed -- --malmo [--wipe] [--batch-size B]

  --actors N       generate a synthetic city of N actors (1..${MAX_ACTORS.toLocaleString('en')})
  --seed S         generator seed, a whole number (default 1): same N and S, same city
  --malmo          load the curated Malmö dataset (seeds/malmo) instead
  --wipe           delete everything but the migration records first
  --batch-size B   rows per write transaction (1..100000, default ${DEFAULT_BATCH_SIZE})`;

interface Args {
  actors: number | null;
  seed: number;
  wipe: boolean;
  batchSize: number;
}


function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, got "${raw}"`);
  }
  return value;
}

function parseArguments(argv: string[]): Args {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        actors: { type: 'string' },
        seed: { type: 'string' },
        malmo: { type: 'boolean', default: false },
        wipe: { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return checkArguments(values);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

interface RawArgs {
  actors?: string;
  seed?: string;
  malmo: boolean;
  wipe: boolean;
  'batch-size'?: string;
  help: boolean;
}

function checkArguments(values: RawArgs): Args {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.malmo && values.actors !== undefined) throw new UsageError('give either --actors or --malmo, not both');
  if (!values.malmo && values.actors === undefined) throw new UsageError('say what to load: --actors N or --malmo');
  if (values.malmo && values.seed !== undefined) throw new UsageError('--seed only applies to a generated city (--actors)');
  return {
    actors: values.actors === undefined ? null : wholeNumber('actors', values.actors, 1, MAX_ACTORS),
    seed: values.seed === undefined ? 1 : wholeNumber('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    wipe: values.wipe,
    batchSize: values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : wholeNumber('batch-size', values['batch-size'], 1, 100_000),
  };
}

const rate = (rows: number, seconds: number) => (seconds > 0 ? Math.round(rows / seconds).toLocaleString('en') : '–');
const number = (value: number) => value.toLocaleString('en');

function printSummary(dataset: Dataset, summary: LoadSummary): void {
  const { rows, phaseSeconds, seconds } = summary;
  const line = (label: string, count: number, phase: number, showRate = true) =>
    `  ${label.padEnd(16)}${number(count).padStart(12)}   ${phase.toFixed(1).padStart(7)} s${showRate ? `   ${rate(count, phase).padStart(9)}/s` : ''}`;
  process.stdout.write(
    [
      `Loaded ${dataset.name}`,
      line('areas', rows.areas, phaseSeconds.areas + phaseSeconds.partOf, false),
      line('actors', rows.actors, phaseSeconds.actors),
      line('memberships', rows.memberships, phaseSeconds.memberships),
      line('initiatives', rows.initiatives, phaseSeconds.initiatives, false),
      line('participations', rows.participations, phaseSeconds.participations),
      line('ties', rows.collaborations, phaseSeconds.collaborations),
      `  total ${seconds.toFixed(1)} s: actors ${number(rows.actors)}, ties ${number(rows.collaborations)}, memberships ${number(rows.memberships)}; ` +
        `actors/s ${rate(rows.actors, seconds)}, ties/s ${rate(rows.collaborations, seconds)} (over the whole load)`,
      '',
    ].join('\n'),
  );
}

async function main(): Promise<number> {
  const cli = startCli('seed', USAGE, parseArguments);
  if (typeof cli === 'number') return cli;
  const { options: args, config } = cli;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let database: ConnectedDatabase | null = null;
  const bar = new SingleBar(
    { format: '{phase} |{bar}| {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}', etaBuffer: 50, hideCursor: true },
    Presets.shades_classic,
  );
  process.once('SIGINT', () => {
    bar.stop();
    process.stderr.write('seed: interrupted, stopping the database\n');
    void (database?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    const where = config.database.mode === 'external' ? config.database.uri : `embedded Neo4j in ${config.database.dataDir}`;
    process.stderr.write(`seed: connecting to ${where}\n`);
    database = await connectDatabase(config.database, logger);
    const { db } = database;
    await migrate(db, logger);
    if (args.wipe) {
      const started = performance.now();
      await wipeDatabase(db);
      process.stderr.write(`seed: wiped the database in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } else if ((await db.readRows<{ hasActors: boolean }>('seed/hasActors'))[0].hasActors) {
      process.stderr.write('seed: the database already holds actors; rows are merged by id (use --wipe for a clean load)\n');
    }
    let dataset: Dataset;
    if (args.actors === null) {
      dataset = malmoDataset();
    } else {
      const city = generateCity({ actors: args.actors, seed: args.seed });
      const { layout } = city;
      process.stderr.write(
        `seed: generator ${generatorVersion}: ${number(layout.districts)} districts, ${number(layout.neighbourhoods)} neighbourhoods, ` +
          `${number(layout.initiatives)} initiatives, ${number(layout.localTies)} local + ${number(layout.crossTies)} cross-neighbourhood ties\n`,
      );
      dataset = city;
    }
    const started = performance.now();
    bar.start(1, 0, { phase: 'areas', speed: '–' });
    const summary = await loadDataset(db, dataset, {
      batchSize: args.batchSize,
      onProgress: (done, total, phase) => {
        bar.setTotal(total);
        bar.update(done, { phase: phase.padEnd(14), speed: rate(done, (performance.now() - started) / 1000) });
      },
    });
    bar.stop();
    printSummary(dataset, summary);
    return 0;
  } catch (error) {
    bar.stop();
    process.stderr.write(`seed: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await database?.close();
  }
}

void main().then((code) => process.exit(code));
