import v8 from 'node:v8';
import { returnGarbage, returnGarbageSoon } from '../../src/system/heap';
import type { Logger } from '../../src/logger';

describe('returnGarbage', () => {
  it('frees garbage that survivors are scattered among, and gives the pages back', () => {
    // Measured against the heap before the test's own objects: the jest worker's other
    // modules and earlier test files share this heap, and their size varies from run to run.
    returnGarbage();
    const baseline = v8.getHeapStatistics();
    // A large build's shape: many short-lived objects with a few kept ones spread among them.
    let built: Array<{ n: number; text: string }> | null = Array.from({ length: 600_000 }, (_, n) => ({ n, text: `row ${n}` }));
    const kept = built.filter((_, n) => n % 50 === 0);
    built = null;
    const before = v8.getHeapStatistics();
    returnGarbage();
    const after = v8.getHeapStatistics();
    // The garbage is freed: what stays of the test's objects is the kept fiftieth.
    expect(after.used_heap_size - baseline.used_heap_size).toBeLessThan((before.used_heap_size - baseline.used_heap_size) / 4);
    // Compacted: the old space's pages shrink with what is used, not only the used bytes
    // (a plain full collection keeps every page a kept object is on: nearly all of them).
    expect(after.total_heap_size - baseline.total_heap_size).toBeLessThan((before.total_heap_size - baseline.total_heap_size) / 2);
    expect(kept).toHaveLength(12_000);
    expect(kept[11_999].text).toBe('row 599950');
  });
});

describe('returnGarbageSoon', () => {
  /** A logger that records the collections done (the pause is logged when one runs). */
  const recording = () => {
    const done: string[] = [];
    const logger = { debug: (message: string) => done.push(message) } as unknown as Logger;
    return { logger, done };
  };

  it('collects 2 s later, and not at all once cancelled (a stopped service leaves no pause behind)', () => {
    jest.useFakeTimers();
    try {
      const kept = recording();
      returnGarbageSoon(kept.logger, 'kept');
      const cancelled = recording();
      const cancel = returnGarbageSoon(cancelled.logger, 'cancelled');
      jest.advanceTimersByTime(1_000);
      cancel();
      jest.advanceTimersByTime(5_000);
      expect(kept.done).toEqual(['kept: garbage returned']);
      expect(cancelled.done).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});
