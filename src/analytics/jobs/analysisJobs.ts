import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../logger';

export type AnalysisJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** The work of a job: stops between batches once `signal` is aborted, reports its share done. */
export type JobWork = (signal: AbortSignal, onProgress: (done: number) => void) => Promise<unknown>;

export interface AnalysisJob {
  readonly id: string;
  /** The principal that started it: only it and ADMIN may read or cancel it. */
  readonly ownerId: string;
  readonly field: string;
  readonly createdAt: Date;
  status: AnalysisJobStatus;
  progress: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: { code: string; message: string } | null;
  result: unknown;
}

export interface AnalysisJobsOptions {
  /** Jobs running at once; the rest wait in arrival order. */
  concurrency: number;
  logger: Logger;
  /** Finished jobs are kept this long for their owner to fetch (default 24 h). */
  keepMs?: number;
  /** Jobs kept at most, oldest finished dropped first (default 1,000). */
  maxJobs?: number;
}

/**
 * Long analyses, run in the background with at most `concurrency` at once. The
 * store is this process's memory: jobs, queued, running or done, are lost on a
 * restart, and with several API instances a job is known only to the one that
 * started it (docs/analytics.md, "Analysis jobs"). Ids are random UUIDs, so one
 * caller cannot find another's jobs by counting.
 */
export class AnalysisJobs {
  private readonly jobs = new Map<string, AnalysisJob>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly queue: Array<{ job: AnalysisJob; work: JobWork }> = [];
  private running = 0;

  constructor(private readonly options: AnalysisJobsOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new Error(`job concurrency must be a whole number of at least 1, got ${options.concurrency}`);
  }

  get concurrency(): number {
    return this.options.concurrency;
  }

  /** Jobs running now and waiting (for tests and metrics). */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  start(ownerId: string, field: string, work: JobWork): AnalysisJob {
    this.prune();
    const job: AnalysisJob = { id: `job-${randomUUID()}`, ownerId, field, createdAt: new Date(), status: 'QUEUED', progress: 0, startedAt: null, finishedAt: null, error: null, result: null };
    this.jobs.set(job.id, job);
    this.controllers.set(job.id, new AbortController());
    this.queue.push({ job, work });
    this.next();
    return job;
  }

  get(id: string): AnalysisJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** 1-based place in the queue of a QUEUED job, else null. */
  queuePosition(id: string): number | null {
    const at = this.queue.findIndex((entry) => entry.job.id === id);
    return at < 0 ? null : at + 1;
  }

  /**
   * Cancels a queued or running job: a queued one never starts; a running one is
   * aborted and stops at its next batch boundary (its slot is freed when it has).
   * A finished job stays as it was.
   */
  cancel(id: string): AnalysisJob | null {
    const job = this.jobs.get(id);
    if (!job) return null;
    if (job.status === 'QUEUED') {
      const at = this.queue.findIndex((entry) => entry.job === job);
      if (at >= 0) this.queue.splice(at, 1);
      this.finish(job, 'CANCELLED');
    } else if (job.status === 'RUNNING') {
      this.controllers.get(id)?.abort(new Error('cancelled'));
      this.finish(job, 'CANCELLED');
    }
    return job;
  }

  /** Stops every job (at shutdown). */
  cancelAll(): void {
    for (const job of this.jobs.values()) this.cancel(job.id);
  }

  private next(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const { job, work } = this.queue.shift() as { job: AnalysisJob; work: JobWork };
      this.run(job, work);
    }
  }

  private run(job: AnalysisJob, work: JobWork): void {
    const controller = this.controllers.get(job.id) as AbortController;
    this.running += 1;
    job.status = 'RUNNING';
    job.startedAt = new Date();
    const onProgress = (done: number) => {
      if (job.status === 'RUNNING') job.progress = Math.min(1, Math.max(job.progress, done));
    };
    // Deferred a turn, so that the caller of start() gets its job back before any work is done.
    setImmediate(() => {
      work(controller.signal, onProgress)
        .then((result) => {
          if (job.status !== 'RUNNING') return;
          job.result = result;
          job.progress = 1;
          this.finish(job, 'SUCCEEDED');
        })
        .catch((error: unknown) => {
          if (job.status !== 'RUNNING') return;
          // A client error (e.g. ANALYTICS_UNAVAILABLE) is said as it is; anything else is logged and masked, as in a response.
          if (error instanceof GraphQLError && typeof error.extensions?.code === 'string') {
            job.error = { code: error.extensions.code, message: error.message };
          } else {
            this.options.logger.error('analysis job failed', { jobId: job.id, field: job.field, error: error instanceof Error ? error.message : String(error) });
            job.error = { code: 'INTERNAL_SERVER_ERROR', message: 'The analysis failed unexpectedly; the error is logged on the server. Try again, or narrow the scope.' };
          }
          this.finish(job, 'FAILED');
        })
        .finally(() => {
          this.running -= 1;
          this.controllers.delete(job.id);
          this.next();
        });
    });
  }

  private finish(job: AnalysisJob, status: AnalysisJobStatus): void {
    job.status = status;
    job.finishedAt = new Date();
  }

  /** Drops finished jobs past their keeping time, and the oldest finished beyond maxJobs. */
  private prune(): void {
    const keepMs = this.options.keepMs ?? 24 * 60 * 60 * 1000;
    const maxJobs = this.options.maxJobs ?? 1000;
    const now = Date.now();
    const finished = [...this.jobs.values()].filter((job) => job.finishedAt !== null);
    for (const job of finished) if (now - (job.finishedAt as Date).getTime() > keepMs) this.jobs.delete(job.id);
    let excess = this.jobs.size - maxJobs + 1;
    for (const job of finished) {
      if (excess <= 0) break;
      if (this.jobs.delete(job.id)) excess -= 1;
    }
  }
}
