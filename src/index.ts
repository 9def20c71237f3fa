import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { MissingToolchainError } from './db/connectDatabase';
import { MigrationError } from './db/migrate';
import { startApp, type App } from './app';
import { limitHeapGrowth } from './system/heap';

// Many requests at once each keep their rows and results alive across awaits (system/heap.ts).
limitHeapGrowth();

/** Process entry: start, print where we listen, stop cleanly on signals and crashes. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`samverkan: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let app: App | null = null;
  const shutdown = async (reason: string, code: number) => {
    logger.info('stopping', { reason });
    try {
      await app?.stop();
    } finally {
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.once('uncaughtException', (error) => {
    logger.error('uncaught exception', { error: error.stack ?? String(error) });
    void shutdown('crash', 1);
  });
  process.once('unhandledRejection', (error) => {
    logger.error('unhandled rejection', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    void shutdown('crash', 1);
  });
  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof MissingToolchainError || error instanceof MigrationError) {
      process.stderr.write(`samverkan: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  process.stdout.write(`Samverkan GraphQL API listening on ${app.url}` + (config.ide ? ` (open it in a browser for the offline GraphiQL IDE)` : '') + '\n');
  if (app.database.embedded) process.stdout.write(`Embedded Neo4j: ${app.database.embedded.uri} (data in ${config.database.mode === 'embedded' ? config.database.dataDir : ''})\n`);
}

void main();
