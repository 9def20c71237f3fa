import { codesOf, useTestApi } from '../helpers/testApi';
import type { Principal } from '../../src/auth/principal';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';

/** startAnalysis, analysisJob and cancelAnalysis on a generated city of 6,000 actors. */

const api = useTestApi();
const CITY = { asOf: '2024-06-01' };
const person = (id: string, role: Principal['role']): Principal => ({ id, via: 'system', role, organisations: [] });
const ANNA = person('analyst:anna', 'ANALYST');
const BO = person('analyst:bo', 'ANALYST');
const ADMIN = person('admin:cecilia', 'ADMIN');

const JOB = `id field status progress queuePosition createdAt startedAt finishedAt error { code message }
  result { __typename ... on BrokerRanking { brokers { actor { id } rank betweenness } method { engine cached sampling { sampleSize seed } } } }`;
const START = `mutation($scope: AnalyticsScope, $arguments: AnalysisArguments) { startAnalysis(field: BROKERS, scope: $scope, arguments: $arguments) { ${JOB} } }`;
const READ = `query($id: ID!) { analysisJob(id: $id) { ${JOB} } }`;
const CANCEL = `mutation($id: ID!) { cancelAnalysis(id: $id) { ${JOB} } }`;
const BROKERS = `query($scope: AnalyticsScope, $first: Int, $betweenness: BetweennessOptions) { brokers(scope: $scope, first: $first, betweenness: $betweenness) {
  brokers { actor { id } rank betweenness } method { cached } } }`;

interface Job {
  id: string;
  status: string;
  progress: number;
  queuePosition: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  result: { __typename: string; brokers: Array<{ actor: { id: string }; rank: number; betweenness: number }>; method: { engine: string; cached: boolean; sampling: { sampleSize: number; seed: number } | null } } | null;
}

const start = async (args: Record<string, unknown>, who: Principal = ANNA) => (await api.ok<{ startAnalysis: Job }>(START, { scope: CITY, arguments: args }, who)).startAnalysis;
const read = async (id: string, who: Principal = ANNA) => (await api.ok<{ analysisJob: Job }>(READ, { id }, who)).analysisJob;

async function until(id: string, done: (job: Job) => boolean): Promise<Job> {
  for (let tries = 0; tries < 600; tries += 1) {
    const job = await read(id);
    if (done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} never reached the awaited state`);
}

async function idle(): Promise<void> {
  for (let tries = 0; tries < 600 && api.analytics.jobs.load.running > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(api.analytics.jobs.load).toEqual({ running: 0, queued: 0 });
}

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, generateCity({ actors: 6000, seed: 11 }));
}, 180000);

afterEach(async () => {
  api.analytics.jobs.cancelAll();
  await idle();
});

describe('analysis jobs', () => {
  it('runs brokers in the background and gives the result the field gives, which is then served from the cache', async () => {
    const args = { first: 10, betweenness: { method: 'SAMPLED', epsilon: 0.02, seed: 3 } };
    const started = await start(args);
    expect(started.id).toMatch(/^job-[0-9a-f-]{36}$/);
    expect(['QUEUED', 'RUNNING']).toContain(started.status);
    expect(started.result).toBeNull();
    const done = await until(started.id, (job) => job.status === 'SUCCEEDED');
    expect(done.progress).toBe(1);
    expect(done.error).toBeNull();
    expect(done.startedAt && done.finishedAt && done.finishedAt >= done.startedAt).toBeTruthy();
    expect(done.result?.__typename).toBe('BrokerRanking');
    expect(done.result?.method.sampling?.seed).toBe(3);
    expect(done.result?.brokers).toHaveLength(10);
    const field = await api.ok<{ brokers: { brokers: unknown[]; method: { cached: boolean } } }>(BROKERS, { scope: CITY, ...args }, ANNA);
    expect(field.brokers.method.cached).toBe(true);
    expect(field.brokers.brokers).toEqual(done.result?.brokers);
  }, 120000);

  it('shows a job to its starter and ADMIN only: to anyone else it does not exist', async () => {
    const job = await start({ first: 5, betweenness: { method: 'SAMPLED', epsilon: 0.05 } });
    expect((await read(job.id, ADMIN)).id).toBe(job.id);
    for (const query of [READ, CANCEL]) {
      const result = await api.run(query, { id: job.id }, BO);
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(result.errors)).not.toMatch(/anna/);
    }
    expect(codesOf(await api.run(READ, { id: 'job-00000000-0000-4000-8000-000000000000' }, ANNA))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.run(START, { scope: CITY }, person('viewer:v', 'VIEWER')))).toEqual(['FORBIDDEN']);
    await until(job.id, (current) => current.status === 'SUCCEEDED');
  }, 120000);

  it('cancels a running job: its work stops before it is done and nothing is cached', async () => {
    // Exact betweenness in the service: a search from each of 6,000 actors, seconds of work.
    const job = await start({ first: 5, betweenness: { method: 'EXACT' } });
    const running = await until(job.id, (current) => current.status === 'RUNNING' && current.progress > 0);
    const cancelled = (await api.ok<{ cancelAnalysis: Job }>(CANCEL, { id: job.id }, ANNA)).cancelAnalysis;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.finishedAt).not.toBeNull();
    await idle();
    const after = await read(job.id);
    expect(after.status).toBe('CANCELLED');
    expect(after.result).toBeNull();
    expect(after.progress).toBeGreaterThanOrEqual(running.progress);
    expect(after.progress).toBeLessThan(1);
    expect(api.analytics.cache.computing).toBe(0);
  }, 120000);

  it('runs at most one job at once by default and queues the rest in order', async () => {
    const first = await start({ first: 5, betweenness: { method: 'EXACT' } });
    const second = await start({ first: 6, betweenness: { method: 'EXACT' } });
    const third = await start({ first: 7, betweenness: { method: 'EXACT' } });
    expect(api.analytics.jobs.load).toEqual({ running: 1, queued: 2 });
    expect(await read(second.id)).toMatchObject({ status: 'QUEUED', queuePosition: 1, startedAt: null });
    expect(await read(third.id)).toMatchObject({ status: 'QUEUED', queuePosition: 2 });
    // Cancelled in the queue, it never starts; the third moves up.
    expect((await api.ok<{ cancelAnalysis: Job }>(CANCEL, { id: second.id }, ADMIN)).cancelAnalysis).toMatchObject({ status: 'CANCELLED', startedAt: null });
    expect(await read(third.id)).toMatchObject({ status: 'QUEUED', queuePosition: 1 });
    await api.ok(CANCEL, { id: first.id }, ANNA);
    await until(third.id, (job) => job.status === 'RUNNING');
    expect((await read(second.id)).startedAt).toBeNull();
  }, 120000);

  it('refuses bad arguments and unknown areas when the job is started', async () => {
    const bad = await api.run(START, { scope: CITY, arguments: { first: 1000 } }, ANNA);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    const unknown = await api.run(START, { scope: { ...CITY, areaId: 'nowhere' } }, ANNA);
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(api.analytics.jobs.load).toEqual({ running: 0, queued: 0 });
  });
});
