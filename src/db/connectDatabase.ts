import type { DatabaseConfig } from '../config';
import type { Logger } from '../logger';
import { Database, createDriver } from './database';
import { QueryStore } from './queryStore';
import { checkJavaToolchain, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embeddedNeo4j';

export interface ConnectedDatabase {
  db: Database;
  /** Set when we started Neo4j ourselves. */
  embedded: EmbeddedNeo4j | null;
  /** Closes the driver, then stops the embedded JVM if there is one. */
  close(): Promise<void>;
}

export class MissingToolchainError extends Error {
  override name = 'MissingToolchainError';
}

/**
 * An external Neo4j when NEO4J_URI is set; otherwise a real embedded Neo4j in a
 * child JVM. Either way the rest of the service sees one `Database`.
 */
export async function connectDatabase(config: DatabaseConfig, logger: Logger, queries: QueryStore = QueryStore.load()): Promise<ConnectedDatabase> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri: string;
  let username: string | undefined;
  let password: string | undefined;
  if (config.mode === 'external') {
    ({ uri, username, password } = config);
  } else {
    const toolchain = checkJavaToolchain();
    if (!toolchain.ok) throw new MissingToolchainError(toolchain.message);
    logger.info('starting embedded Neo4j', { dataDir: config.dataDir });
    embedded = await startEmbeddedNeo4j({
      dataDir: config.dataDir,
      boltPort: config.boltPort,
      heap: config.heap,
      pageCache: config.pageCache,
      log: (line) => logger.debug('neo4j', { line }),
    });
    uri = embedded.uri;
  }
  const driver = createDriver({ uri, username, password });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  logger.info('connected to Neo4j', { uri, embedded: embedded !== null });
  const db = new Database(driver, queries, config.database);
  const started = embedded;
  return {
    db,
    embedded,
    async close() {
      await db.close();
      await started?.stop();
    },
  };
}
