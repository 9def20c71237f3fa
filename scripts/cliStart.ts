import { ConfigError, loadConfig, type Config } from '../src/config';

/** A mistake in a command's arguments: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * The common start of the repository's commands: parse the arguments, answer
 * `--help`, load the configuration. A usage or configuration mistake is printed
 * with the usage text. Returns the exit code when the command should stop there.
 */
export function startCli<T>(name: string, usage: string, parse: (argv: string[]) => T | 'help'): { options: T; config: Config } | number {
  try {
    const options = parse(process.argv.slice(2));
    if (options === 'help') {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    return { options, config: loadConfig() };
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    process.stderr.write(`${name}: ${error.message}\n\n${usage}\n`);
    return 2;
  }
}
