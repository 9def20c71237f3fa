import { HeavyWorkQueue } from '../../../src/limits/heavyWorkQueue';

/** A promise and the functions that settle it, so tests decide when work ends. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const far = () => Date.now() + 60_000;
const busy = () => new Error('busy');

describe('HeavyWorkQueue', () => {
  it('runs at most `concurrency` at once and starts the others in arrival order', async () => {
    const queue = new HeavyWorkQueue(2);
    const gates = Array.from({ length: 5 }, () => deferred<number>());
    const started: number[] = [];
    const outcomes = gates.map((gate, i) =>
      queue.run(
        () => {
          started.push(i);
          return gate.promise;
        },
        far(),
        busy,
      ).then(
        (value) => value,
        (error: Error) => error.message,
      ),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(queue.stats).toMatchObject({ running: 2, waiting: 3 });
    gates[1].resolve(1);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[0].reject(new Error('failed'));
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[2].resolve(2);
    gates[3].resolve(3);
    await flush();
    gates[4].resolve(4);
    expect(await Promise.all(outcomes)).toEqual(['failed', 1, 2, 3, 4]);
    expect(queue.stats).toEqual({ running: 0, waiting: 0, peakRunning: 2, started: 5 });
  });

  it('refuses a waiter whose deadline passes, and never runs its work', async () => {
    const queue = new HeavyWorkQueue(1);
    const gate = deferred();
    const first = queue.run(() => gate.promise, far(), busy);
    let ranLate = false;
    const late = queue.run(
      async () => {
        ranLate = true;
      },
      Date.now() + 5,
      busy,
    );
    await expect(late).rejects.toThrow('busy');
    gate.resolve();
    await first;
    await flush();
    expect(ranLate).toBe(false);
    expect(queue.stats).toMatchObject({ running: 0, waiting: 0, started: 1 });
  });

  it('refuses at once when the deadline has already passed and no slot is free', async () => {
    const queue = new HeavyWorkQueue(1);
    const gate = deferred();
    void queue.run(() => gate.promise, far(), busy);
    await expect(queue.run(async () => 1, Date.now() - 1, busy)).rejects.toThrow('busy');
    gate.resolve();
  });

  it('counts a synchronous throw as finished work', async () => {
    const queue = new HeavyWorkQueue(1);
    await expect(
      queue.run(
        () => {
          throw new Error('sync');
        },
        far(),
        busy,
      ),
    ).rejects.toThrow('sync');
    expect(queue.stats.running).toBe(0);
  });

  it('rejects a concurrency below one', () => {
    expect(() => new HeavyWorkQueue(0)).toThrow(/at least 1/);
  });
});
