import { AnalysisJobs, type JobWork } from '../../../src/analytics/jobs/analysisJobs';
import { BadUserInputError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';

const logged: string[] = [];
const jobs = (concurrency = 1) => new AnalysisJobs({ concurrency, logger: createLogger('error', (line) => logged.push(line)) });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Work that runs until released, or until aborted, checking its signal as the sampler does between batches. */
function controllable(): { work: JobWork; release: (value: unknown) => void; batches: () => number } {
  let release: (value: unknown) => void = () => undefined;
  let batches = 0;
  const done = new Promise((resolve) => {
    release = resolve;
  });
  const work: JobWork = async (signal, onProgress) => {
    for (;;) {
      signal.throwIfAborted();
      batches += 1;
      onProgress(Math.min(0.9, batches / 100));
      const finished = await Promise.race([done.then((value) => ({ value })), tick().then(() => null)]);
      if (finished) return finished.value;
    }
  };
  return { work, release: (value) => release(value), batches: () => batches };
}

describe('AnalysisJobs', () => {
  it('runs at most `concurrency` jobs and starts the queued ones in arrival order', async () => {
    const store = jobs(1);
    const [a, b, c] = [controllable(), controllable(), controllable()];
    const first = store.start('anna', 'BROKERS', a.work);
    const second = store.start('anna', 'BROKERS', b.work);
    const third = store.start('bo', 'BROKERS', c.work);
    expect([first.status, second.status, third.status]).toEqual(['RUNNING', 'QUEUED', 'QUEUED']);
    expect(store.queuePosition(third.id)).toBe(2);
    a.release({ answer: 1 });
    for (let i = 0; i < 5; i += 1) await tick();
    expect(first).toMatchObject({ status: 'SUCCEEDED', progress: 1, result: { answer: 1 } });
    expect(second.status).toBe('RUNNING');
    expect(store.load).toEqual({ running: 1, queued: 1 });
    store.cancelAll();
    for (let i = 0; i < 5; i += 1) await tick();
    expect(store.load).toEqual({ running: 0, queued: 0 });
  });

  it('stops a cancelled running job at its next check, keeps its progress, and never stores its result', async () => {
    const store = jobs(1);
    const work = controllable();
    const job = store.start('anna', 'BROKERS', work.work);
    for (let i = 0; i < 5; i += 1) await tick();
    expect(job.progress).toBeGreaterThan(0);
    store.cancel(job.id);
    expect(job.status).toBe('CANCELLED');
    const batchesAtCancel = work.batches();
    for (let i = 0; i < 5; i += 1) await tick();
    expect(work.batches()).toBe(batchesAtCancel);
    expect(store.load.running).toBe(0);
    work.release({ late: true });
    await tick();
    expect(job.result).toBeNull();
    expect(job.status).toBe('CANCELLED');
  });

  it('never starts a job cancelled in the queue', async () => {
    const store = jobs(1);
    const running = controllable();
    const queued = controllable();
    store.start('anna', 'BROKERS', running.work);
    const job = store.start('anna', 'BROKERS', queued.work);
    store.cancel(job.id);
    expect(job).toMatchObject({ status: 'CANCELLED', startedAt: null });
    store.cancelAll();
    for (let i = 0; i < 5; i += 1) await tick();
    expect(queued.batches()).toBe(0);
  });

  it('says a client error as it is and masks anything else, logging it', async () => {
    const store = jobs(2);
    const refused = store.start('anna', 'BROKERS', async () => {
      throw new BadUserInputError('epsilon too small', 'betweenness.epsilon');
    });
    const broken = store.start('anna', 'BROKERS', async () => {
      throw new Error('secret internals');
    });
    for (let i = 0; i < 5; i += 1) await tick();
    expect(refused).toMatchObject({ status: 'FAILED', error: { code: 'BAD_USER_INPUT', message: 'epsilon too small' } });
    expect(broken.status).toBe('FAILED');
    expect(broken.error?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(broken.error?.message).not.toMatch(/secret/);
    expect(logged.some((line) => line.includes('secret internals'))).toBe(true);
  });

  it('gives every job a random id', () => {
    const store = jobs(1);
    const ids = new Set(Array.from({ length: 20 }, () => store.start('anna', 'BROKERS', async () => null).id));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^job-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
