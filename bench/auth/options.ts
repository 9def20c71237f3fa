/** The authentication benchmark's command line: its options, their defaults and the usage text. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench:auth -- [options]

  --requests N          requests per variant, query and concurrency in each round (default 400)
  --rounds N            counted rounds, after one warm-up round (default 5)
  --concurrency A,B     requests in flight at once (default 1,16)
  --actors N            also load a generated city of N actors (default: only the Malmö seed)
  --seed S              the generated city's seed (default 1)
  --verbose             Neo4j's output on stderr

Embedded Neo4j heap and page cache: NEO4J_HEAP (default 1g), NEO4J_PAGE_CACHE (default 256m).`;

export interface Options {
  requests: number;
  rounds: number;
  concurrency: number[];
  actors: number | null;
  seed: number;
  verbose: boolean;
}

export class UsageError extends Error {}

function whole(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function parseOptions(argv: string[]): Options {
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
