import v8 from 'node:v8';
import { returnGarbage } from '../../src/system/heap';

describe('returnGarbage', () => {
  it('frees garbage that survivors are scattered among, and gives the pages back', () => {
    // A large build's shape: many short-lived objects with a few kept ones spread among them.
    let built: Array<{ n: number; text: string }> | null = Array.from({ length: 600_000 }, (_, n) => ({ n, text: `row ${n}` }));
    const kept = built.filter((_, n) => n % 50 === 0);
    built = null;
    const before = v8.getHeapStatistics();
    returnGarbage();
    const after = v8.getHeapStatistics();
    expect(after.used_heap_size).toBeLessThan(before.used_heap_size / 2);
    // Compacted: the old space's pages shrink with what is used, not only the used bytes.
    expect(after.total_heap_size).toBeLessThan(before.total_heap_size * 0.75);
    expect(kept).toHaveLength(12_000);
    expect(kept[11_999].text).toBe('row 599950');
  });
});
