import { planBatch, planOf } from '../../../src/import/planBatch';
import type { Tx } from '../../../src/db/database';
import type { ImportRecord, SpilledRecord } from '../../../src/import/records';

const tie = (id: string, strength: number): ImportRecord => ({
  kind: 'collaborations', id, idGiven: true, actorId: 'a', partnerId: 'b', firstId: 'a', secondId: 'b', tieKind: 'FUNDING', since: '2020-01-01', until: null, strength, initiativeId: null, source: null,
});
const stored = { kind: 'FUNDING', since: '2020-01-01', until: null, strength: 3, initiativeId: null, source: 'import' };

/** A transaction that answers the plan read from `rows` and counts the statements it ran. */
function fakeTx(rows: Array<{ id: string; existing: Record<string, unknown> | null }>): Tx & { statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    run: async <T>(name: string) => {
      statements.push(name);
      return rows as unknown as T[];
    },
  };
}

describe('import: a batch\'s plan', () => {
  it('compares a row with its stored record: create, update, unchanged', () => {
    expect(planOf(tie('t', 3), null)).toBe('create');
    expect(planOf(tie('t', 3), stored)).toBe('unchanged');
    expect(planOf(tie('t', 5), stored)).toBe('update');
  });

  it('uses the plans the second pass gave the rows, without a statement', async () => {
    const batch: SpilledRecord[] = [
      { sheet: null, row: 2, record: tie('t1', 3), plan: 'create' },
      { sheet: null, row: 3, record: tie('t2', 3), plan: 'update' },
      { sheet: null, row: 4, record: tie('t3', 3), plan: 'unchanged' },
    ];
    const tx = fakeTx([]);
    const plan = await planBatch(tx, 'collaborations', batch);
    expect(tx.statements).toEqual([]);
    expect([plan.create.map((item) => item.row), plan.update.map((item) => item.row), plan.unchanged]).toEqual([[2], [3], 1]);
  });

  it('reads the stored records when a row has no plan, and leaves the rows as they were (a retried transaction reads again)', async () => {
    const batch: SpilledRecord[] = [
      { sheet: null, row: 2, record: tie('t1', 3) },
      { sheet: null, row: 3, record: tie('t2', 5), plan: 'unchanged' },
    ];
    const tx = fakeTx([{ id: 't1', existing: null }, { id: 't2', existing: stored }]);
    const plan = await planBatch(tx, 'collaborations', batch);
    expect(tx.statements).toEqual(['import/planCollaborations']);
    expect([plan.create.map((item) => item.row), plan.update.map((item) => item.row), plan.unchanged]).toEqual([[2], [3], 0]);
    expect(batch.map((item) => item.plan)).toEqual([undefined, 'unchanged']);
  });
});
