import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { Database, createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { migrate } from '../../src/db/migrate';
import { silentLogger } from '../../src/logger';
import { STATE_VARIABLE, type TestDatabaseState } from './testDatabaseState';

/**
 * Starts one real Neo4j for the integration tier: embedded in a fresh temporary
 * folder, or the server NEO4J_URI names (whose data the tests replace). Runs the
 * migrations once; each test file then wipes the data it needs gone.
 */
export default async function globalSetup(): Promise<void> {
  let state: TestDatabaseState;
  if (process.env.NEO4J_URI) {
    state = {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE,
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-test-neo4j-'));
    const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '1g', pageCache: '256m' });
    (globalThis as { __samverkanNeo4j?: unknown }).__samverkanNeo4j = neo4j;
    state = { uri: neo4j.uri, dataDir, pid: neo4j.pid };
  }
  const db = new Database(createDriver(state), QueryStore.load(), state.database);
  try {
    await migrate(db, silentLogger);
  } finally {
    await db.close();
  }
  process.env[STATE_VARIABLE] = JSON.stringify(state);
}
