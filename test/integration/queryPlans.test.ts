import { createDriver } from '../../src/db/database';
import { QueryStore } from '../../src/db/queryStore';
import { readTestDatabaseState } from '../helpers/testDatabaseState';

/** Every statement compiles against the real server: EXPLAIN plans without running it. */
describe('every .cypher query compiles (EXPLAIN)', () => {
  const state = readTestDatabaseState();
  const driver = createDriver(state);
  afterAll(() => driver.close());

  const store = QueryStore.load();
  const params = (text: string) => Object.fromEntries([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => [match[1], null]));

  it.each(store.names())('%s', async (name) => {
    const text = store.get(name);
    const session = driver.session({ database: state.database });
    try {
      const result = await session.run(`EXPLAIN ${text}`, params(text));
      expect(result.summary.plan).toBeTruthy();
    } finally {
      await session.close();
    }
  });
});
