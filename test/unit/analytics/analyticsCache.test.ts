import { AnalyticsCache } from '../../../src/analytics/analyticsCache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('AnalyticsCache', () => {
  it('lets concurrent callers of one key share one computation', async () => {
    const cache = new AnalyticsCache();
    const gate = deferred<string>();
    let computations = 0;
    const compute = () => {
      computations++;
      return gate.promise;
    };
    const callers = [cache.getOrCompute('k', compute), cache.getOrCompute('k', compute), cache.getOrCompute('k', compute)];
    expect(cache.computing).toBe(1);
    gate.resolve('v');
    const results = await Promise.all(callers);
    expect(computations).toBe(1);
    expect(results.map((result) => result.value)).toEqual(['v', 'v', 'v']);
    expect(new Set(results.map((result) => result.computedAt)).size).toBe(1);
    expect(await cache.getOrCompute('k', compute)).toMatchObject({ value: 'v', cached: true });
    expect(computations).toBe(1);
  });

  it('hands a failure to every waiting caller and does not keep it', async () => {
    const cache = new AnalyticsCache();
    const gate = deferred<string>();
    const callers = [cache.getOrCompute('k', () => gate.promise), cache.getOrCompute('k', () => gate.promise)];
    gate.reject(new Error('boom'));
    for (const caller of callers) await expect(caller).rejects.toThrow('boom');
    expect(cache.computing).toBe(0);
    expect(await cache.getOrCompute('k', async () => 'second try')).toMatchObject({ value: 'second try', cached: false });
  });

  it('computes different keys separately', async () => {
    const cache = new AnalyticsCache();
    const [a, b] = await Promise.all([cache.getOrCompute('a', async () => 1), cache.getOrCompute('b', async () => 2)]);
    expect([a.value, b.value]).toEqual([1, 2]);
    expect(cache.size).toBe(2);
  });

  it('does not store a result begun before clear()', async () => {
    const cache = new AnalyticsCache();
    const gate = deferred<string>();
    const before = cache.getOrCompute('k', () => gate.promise);
    cache.clear();
    gate.resolve('stale');
    await expect(before).resolves.toMatchObject({ value: 'stale' });
    expect(cache.size).toBe(0);
    expect(await cache.getOrCompute('k', async () => 'fresh')).toMatchObject({ value: 'fresh', cached: false });
  });
});
