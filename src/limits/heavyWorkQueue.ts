/**
 * A bound on how many heavy computations run at once, with a queue in arrival
 * order. Each waiter has a deadline; one that cannot start before it is told so
 * (and never starts). A slot is held until the work itself settles, not until
 * its caller gives up, so work abandoned on a timeout still counts while the
 * database is busy with it.
 */
export class HeavyWorkQueue {
  private running = 0;
  private readonly waiting: Array<{ start: () => void }> = [];
  private peakRunning = 0;
  private startedTotal = 0;

  constructor(readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a whole number of at least 1, got ${concurrency}`);
  }

  /** What ran and waits now, and the most that ever ran at once (for metrics and tests). */
  get stats(): { running: number; waiting: number; peakRunning: number; started: number } {
    return { running: this.running, waiting: this.waiting.length, peakRunning: this.peakRunning, started: this.startedTotal };
  }

  /**
   * Runs `work` once a slot is free. When none frees up before `deadline`
   * (epoch ms), rejects with `onExpired()` and never runs the work.
   */
  run<T>(work: () => Promise<T>, deadline: number, onExpired: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        this.startedTotal++;
        this.peakRunning = Math.max(this.peakRunning, this.running);
        let settled: Promise<T>;
        try {
          settled = work();
        } catch (error) {
          settled = Promise.reject(error);
        }
        settled.then(resolve, reject).finally(() => this.release());
      };
      if (this.running < this.concurrency && this.waiting.length === 0) {
        start();
        return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        reject(onExpired());
        return;
      }
      const entry = {
        start: () => {
          clearTimeout(timer);
          start();
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(onExpired());
      }, remaining);
      this.waiting.push(entry);
    });
  }

  private release(): void {
    this.running--;
    const next = this.waiting.shift();
    if (next) next.start();
  }
}
