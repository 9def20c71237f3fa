/**
 * The command line of the benchmarks that check their options (bench/analytics,
 * bench/auth): strict parsing, `--help`, and whole numbers within bounds, each
 * mistake a UsageError that the entry prints with the usage text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Values<T extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; strict: true; options: T }>>['values'];

/** Parses `argv` strictly (an unknown option or a missing value is a UsageError); `--help` prints `usage` and exits. */
export function parseCommandLine<const T extends OptionsConfig>(argv: string[], options: T, usage: string): Values<T> {
  let values: Values<T>;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return values;
}

/** `raw` as a whole number from `min` to `max`, or a UsageError naming the option. */
export function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** The parsed options, or null once the mistake and `usage` are printed (the entry then exits 2). */
export function optionsOrUsage<T>(parse: (argv: string[]) => T, usage: string): T | null {
  try {
    return parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${usage}\n`);
    return null;
  }
}

/** On Ctrl-C: says so, runs `cleanUp` (the database started, the temporary folder) and exits 130. */
export function cleanUpOnInterrupt(log: (message: string) => void, cleanUp: () => Promise<void>): void {
  process.once('SIGINT', () => {
    log('interrupted: stopping');
    void cleanUp().finally(() => process.exit(130));
  });
}
