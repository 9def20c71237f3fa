import { CollaborationIndexStore } from '../../../src/analytics/collaborationIndex/collaborationIndexStore';
import type { Database } from '../../../src/db/database';
import { silentLogger } from '../../../src/logger';

/**
 * The store's bookkeeping, with a stand-in for the database's read transaction
 * (the integration tier runs the real statements; see analytics-index.test.ts).
 * Each `versions` entry is what system/graphVersion says the next time it runs.
 */
function storeOver(versions: string[]) {
  const statements: string[] = [];
  const rows: Record<string, unknown[]> = {
    'analytics/indexActorPage': [{ id: 'a', sector: 'PUBLIC', name: 'A' }, { id: 'b', sector: 'CITIZEN', name: 'B' }],
    'analytics/indexAreas': [],
    'analytics/indexMemberships': [],
    'analytics/indexTies': [{ source: 'a', target: 'b', kind: 'SERVICE', strength: 1, since: 20200101, until: null }],
  };
  const tx = {
    run: async (name: string) => {
      statements.push(name);
      if (name === 'system/graphVersion') return [{ version: versions.shift() }];
      return rows[name];
    },
  };
  const db = { read: (work: (t: typeof tx) => Promise<unknown>) => work(tx), writeRows: async () => [] } as unknown as Database;
  return { store: new CollaborationIndexStore({ db, logger: silentLogger }), statements };
}

describe('CollaborationIndexStore', () => {
  it('keeps an index loaded between two reads of the same graph version, and serves only that version', async () => {
    const { store, statements } = storeOver(['e:1', 'e:1']);
    expect(store.forVersion('e:1')).toBeNull();
    const index = await store.refresh();
    expect(index?.version).toBe('e:1');
    expect(index?.tieCount).toBe(1);
    expect(store.forVersion('e:1')).toBe(index);
    expect(statements).toEqual([
      'system/graphVersion',
      'analytics/indexAreas',
      'analytics/indexActorPage',
      'analytics/indexMemberships',
      'analytics/indexTies',
      'system/graphVersion',
    ]);
    expect(store.lastBuildMs).toBeGreaterThanOrEqual(0);
  });

  it('throws a load away when a write landed during it', async () => {
    const { store } = storeOver(['e:1', 'e:2']);
    expect(await store.refresh()).toBeNull();
    expect(store.forVersion('e:1')).toBeNull();
    expect(store.forVersion('e:2')).toBeNull();
    await store.close();
  });

  it('shares one build between concurrent callers and starts none after close', async () => {
    const { store, statements } = storeOver(['e:1', 'e:1', 'e:2', 'e:2']);
    const [first, second] = await Promise.all([store.refresh(), store.refresh()]);
    expect(first).toBe(second);
    expect(statements.filter((name) => name === 'analytics/indexTies')).toHaveLength(1);
    await store.close();
    expect(store.forVersion('e:2')).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(statements.filter((name) => name === 'analytics/indexTies')).toHaveLength(1);
  });
});
