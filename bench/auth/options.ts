/** The authentication benchmark's command line: its options, their defaults and the usage text. */
import { parseCommandLine, wholeNumber } from '../cli';

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

export function parseOptions(argv: string[]): Options {
  const values = parseCommandLine(
    argv,
    {
      requests: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      actors: { type: 'string' },
      seed: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  return {
    requests: values.requests === undefined ? 400 : wholeNumber('requests', values.requests, 1, 1_000_000),
    rounds: values.rounds === undefined ? 5 : wholeNumber('rounds', values.rounds, 1, 1000),
    concurrency: (values.concurrency ?? '1,16').split(',').map((raw) => wholeNumber('concurrency', raw, 1, 256)),
    actors: values.actors === undefined ? null : wholeNumber('actors', values.actors, 1, 2_000_000),
    seed: values.seed === undefined ? 1 : wholeNumber('seed', values.seed, 0, 2 ** 31),
    verbose: values.verbose ?? false,
  };
}
