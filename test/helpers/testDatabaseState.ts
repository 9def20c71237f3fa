/**
 * How the integration tier's global setup tells the test files where Neo4j is:
 * an environment variable, which Jest's workers inherit.
 */
export const STATE_VARIABLE = 'SAMVERKAN_TEST_NEO4J';

export interface TestDatabaseState {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  dataDir?: string;
  pid?: number;
}

export function readTestDatabaseState(): TestDatabaseState {
  const raw = process.env[STATE_VARIABLE];
  if (!raw) throw new Error(`${STATE_VARIABLE} is not set: run integration tests through jest's integration project (npm run test:integration).`);
  return JSON.parse(raw) as TestDatabaseState;
}
