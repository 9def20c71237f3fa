import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/db/embeddedNeo4j';
import { readTestDatabaseState } from './testDatabaseState';

/** Stops the embedded Neo4j the setup started and removes its temporary folder. */
export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __samverkanNeo4j?: EmbeddedNeo4j }).__samverkanNeo4j;
  if (!neo4j) return;
  await neo4j.stop();
  const { dataDir } = readTestDatabaseState();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
