import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TieLookahead, type StoredTieCheck } from '../../../src/import/tieLookahead';
import { SpillWriter, readSpillBatches } from '../../../src/import/spill';
import type { ImportRecord, SpilledRecord } from '../../../src/import/records';

const tie = (id: string): SpilledRecord => ({
  sheet: null,
  row: Number(id.slice(1)),
  record: { kind: 'collaborations', id, idGiven: true, actorId: 'a', partnerId: 'b', firstId: 'a', secondId: 'b', tieKind: 'FUNDING', since: '2020-01-01', until: null, strength: 3, initiativeId: null, source: null } as ImportRecord,
});

async function spilled(file: string): Promise<SpilledRecord[]> {
  const rows: SpilledRecord[] = [];
  for await (const batch of readSpillBatches(file, 100)) rows.push(...batch);
  return rows;
}

describe('import: tie rows looked up while the file is read', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tie-lookahead-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('spills every row in file order, with what the database found only where it found something', async () => {
    const answers: Record<string, Omit<StoredTieCheck, 'id'>> = {
      t3: { ends: ['a', 'b'], existing: { kind: 'FUNDING' }, overlapping: [] },
      t6: { ends: null, existing: null, overlapping: ['old'] },
    };
    // Later batches answer first: the spill must still come out in file order.
    let delay = 30;
    const lookUp = async (batch: SpilledRecord[]): Promise<StoredTieCheck[]> => {
      await new Promise((resolve) => setTimeout(resolve, (delay -= 10)));
      return batch.map((item) => {
        const id = (item.record as { id: string }).id;
        return { id, ...(answers[id] ?? { ends: null, existing: null, overlapping: [] }) };
      });
    };
    const spill = new SpillWriter(path.join(dir, 'ties.ndjson'));
    const lookahead = new TieLookahead(lookUp, spill, 2, 2);
    for (let i = 1; i <= 7; i++) if (lookahead.push(tie(`t${i}`))) await lookahead.send();
    await lookahead.finish();
    spill.close();
    const rows = await spilled(spill.path);
    expect(rows.map((item) => item.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows.filter((item) => item.stored).map((item) => [item.row, item.stored])).toEqual([
      [3, answers.t3],
      [6, answers.t6],
    ]);
  });

  it('keeps at most `depth` batches waiting for the database', async () => {
    let open = 0;
    let most = 0;
    const lookUp = async (batch: SpilledRecord[]): Promise<StoredTieCheck[]> => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setTimeout(resolve, 5));
      open -= 1;
      return batch.map((item) => ({ id: (item.record as { id: string }).id, ends: null, existing: null, overlapping: [] }));
    };
    const spill = new SpillWriter(path.join(dir, 'depth.ndjson'));
    const lookahead = new TieLookahead(lookUp, spill, 1, 2);
    for (let i = 1; i <= 10; i++) if (lookahead.push(tie(`t${i}`))) await lookahead.send();
    await lookahead.finish();
    spill.close();
    expect(most).toBeLessThanOrEqual(3);
    expect(spill.count).toBe(10);
  });

  it('passes a failed lookup on to the pass that awaits it', async () => {
    const spill = new SpillWriter(path.join(dir, 'failed.ndjson'));
    const lookahead = new TieLookahead(() => Promise.reject(new Error('database unavailable')), spill, 1, 1);
    lookahead.push(tie('t1'));
    await lookahead.send();
    lookahead.push(tie('t2'));
    await expect(lookahead.send()).rejects.toThrow('database unavailable');
    spill.close();
  });
});
