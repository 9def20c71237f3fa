import type { DatabaseConfig } from '../config';
import type { Logger } from '../logger';
import { Database, createDriver, type DatabaseEvents } from './database';
import { QueryStore } from './queryStore';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embeddedNeo4j';
import { checkJavaToolchain } from './javaToolchain';
import { superviseEmbedded, type EmbeddedState, type EmbeddedSupervisor } from './embeddedSupervisor';

export interface ConnectedDatabase {
  db: Database;
  /** Set when we started Neo4j ourselves: the JVM running now (a new one after a restart). */
  readonly embedded: EmbeddedNeo4j | null;
  /** 'up' for an external database; for the embedded one, whether its JVM runs or is being restarted. */
  state(): EmbeddedState;
  /** Closes the driver, then stops the embedded JVM if there is one. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  queries?: QueryStore;
  /** Server-side timeout of each transaction that sets none itself. */
  transactionTimeoutMs?: number;
  /** Told when a request finds the database unreachable (metrics). */
  events?: DatabaseEvents;
  /**
   * Embedded mode: called when the JVM died and every restart failed. The default
   * logs and exits the process with code 1, so that a supervisor (systemd, Docker,
   * Kubernetes) restarts the whole service.
   */
  onGiveUp?: (error: Error) => void;
  /** Embedded mode: wait before the first restart, doubling per attempt (default 1 s). */
  restartBackoffMs?: number;
  /** Embedded mode: called after each successful restart. */
  onRestarted?: (neo4j: EmbeddedNeo4j) => void;
}

export class MissingToolchainError extends Error {
  override name = 'MissingToolchainError';
}

/**
 * An external Neo4j when NEO4J_URI is set; otherwise a real embedded Neo4j in a
 * child JVM, restarted when it dies. Either way the rest of the service sees one
 * `Database`, whose requests fail fast with DATABASE_UNAVAILABLE while Neo4j is away.
 */
export async function connectDatabase(config: DatabaseConfig, logger: Logger, options: ConnectOptions = {}): Promise<ConnectedDatabase> {
  let supervisor: EmbeddedSupervisor | null = null;
  let uri: string;
  let username: string | undefined;
  let password: string | undefined;
  if (config.mode === 'external') {
    ({ uri, username, password } = config);
  } else {
    const toolchain = checkJavaToolchain();
    if (!toolchain.ok) throw new MissingToolchainError(toolchain.message);
    logger.info('starting embedded Neo4j', { dataDir: config.dataDir });
    const start = (boltPort: number) =>
      startEmbeddedNeo4j({
        dataDir: config.dataDir,
        boltPort,
        heap: config.heap,
        pageCache: config.pageCache,
        log: (line) => logger.debug('neo4j', { line }),
      });
    const first = await start(config.boltPort);
    supervisor = superviseEmbedded(first, {
      start,
      restarts: config.restarts,
      backoffMs: options.restartBackoffMs,
      logger,
      onRestarted: options.onRestarted,
      onGiveUp:
        options.onGiveUp ??
        ((error) => {
          logger.error('exiting: the embedded Neo4j is gone', { error: error.message.split('\n')[0] });
          process.exit(1);
        }),
    });
    uri = first.uri;
  }
  const driver = createDriver({ uri, username, password, connectTimeoutMs: config.connectTimeoutMs, logger });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    await supervisor?.stop();
    throw error;
  }
  logger.info('connected to Neo4j', { uri, embedded: supervisor !== null });
  const db = new Database(driver, options.queries ?? QueryStore.load(), config.database, options.events, { timeoutMs: options.transactionTimeoutMs });
  return {
    db,
    get embedded() {
      return supervisor?.current() ?? null;
    },
    state: () => supervisor?.state() ?? 'up',
    async close() {
      await db.close();
      await supervisor?.stop();
    },
  };
}
