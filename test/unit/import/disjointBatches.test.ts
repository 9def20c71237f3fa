import { disjointBatches, type DisjointBatch } from '../../../src/import/disjointBatches';
import type { SpilledRecord } from '../../../src/import/records';

const tie = (row: number, firstId: string, secondId: string): SpilledRecord => ({
  sheet: null,
  row,
  record: { kind: 'collaborations', id: `t${row}`, idGiven: true, actorId: firstId, partnerId: secondId, firstId, secondId, tieKind: 'FUNDING', since: '2020-01-01', until: null, strength: 3, initiativeId: null, source: null },
});
const ends = (item: SpilledRecord) => (item.record.kind === 'collaborations' ? [item.record.firstId, item.record.secondId] : []);

async function cut(rows: SpilledRecord[], size: number, chunk = 3): Promise<DisjointBatch[]> {
  async function* chunks() {
    for (let start = 0; start < rows.length; start += chunk) yield rows.slice(start, start + chunk);
  }
  const batches: DisjointBatch[] = [];
  for await (const batch of disjointBatches(chunks(), size, ends)) batches.push(batch);
  return batches;
}

/** Every row exactly once; no batch larger than `size`; a batch written alongside the one before shares none of its actors. */
function expectSound(rows: SpilledRecord[], batches: DisjointBatch[], size: number): void {
  expect(batches.flatMap((batch) => batch.items.map((item) => item.row)).sort((a, b) => a - b)).toEqual(rows.map((item) => item.row));
  for (const [index, batch] of batches.entries()) {
    expect(batch.items.length).toBeLessThanOrEqual(size);
    expect(batch.items.length).toBeGreaterThan(0);
    if (index === 0 || batch.afterPrevious) continue;
    const before = new Set(batches[index - 1].items.flatMap(ends));
    expect(batch.items.flatMap(ends).filter((id) => before.has(id))).toEqual([]);
  }
}

describe('import: tie batches that share no actor with the batch before', () => {
  it('moves a row meeting the previous batch to a later one, keeping the rest in file order', async () => {
    // A chain: consecutive rows share an actor, as a file sorted by actor does at every batch boundary.
    const rows = Array.from({ length: 12 }, (_, i) => tie(i + 2, `a${i}`, `a${i + 1}`));
    const batches = await cut(rows, 4);
    expectSound(rows, batches, 4);
    expect(batches[0]).toEqual({ items: rows.slice(0, 4), afterPrevious: false });
    // a4-a5 meets a4 of the first batch: it waits, and a5-a6 comes first.
    expect(batches[1].items.map((item) => item.row)).toEqual([7, 8, 9, 10]);
    expect(batches.every((batch) => !batch.afterPrevious)).toBe(true);
  });

  it('cuts the same batches from the same rows, whatever the chunks they are read in', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => tie(i + 2, `a${i % 13}`, `a${(i * 7 + 3) % 13}x`));
    const rowsOf = (batches: DisjointBatch[]) => batches.map((batch) => [batch.afterPrevious, batch.items.map((item) => item.row)]);
    expect(rowsOf(await cut(rows, 5, 1))).toEqual(rowsOf(await cut(rows, 5, 7)));
    expectSound(rows, await cut(rows, 5, 7), 5);
  });

  it('when every row touches one hub actor, writes the waiting rows after the batch before instead of holding the file', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => tie(i + 2, 'hub', `p${i}`));
    const batches = await cut(rows, 4);
    expectSound(rows, batches, 4);
    expect(batches.slice(1).every((batch) => batch.afterPrevious)).toBe(true);
    expect(batches.map((batch) => batch.items.length)).toEqual([4, 4, 4, 4, 4]);
  });

  it('closes its source when the writer stops early (a failed batch), so that the spill it reads is closed', async () => {
    let closed = false;
    async function* chunks() {
      try {
        for (let i = 0; i < 10; i++) yield [tie(2 * i + 2, `a${i}`, `b${i}`), tie(2 * i + 3, `c${i}`, `d${i}`)];
      } finally {
        closed = true;
      }
    }
    for await (const batch of disjointBatches(chunks(), 3, ends)) if (batch.items.length > 0) break;
    expect(closed).toBe(true);
  });

  it('yields nothing for no rows', async () => {
    expect(await cut([], 4)).toEqual([]);
  });
});
