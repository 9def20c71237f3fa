/**
 * A long-lived worker thread for CPU-heavy work the service's own thread should not
 * do (vega's charts: src/reports/chartRenderer.ts; ForceAtlas2's iterations:
 * src/visualisation/layoutWorker.ts). The worker's code is plain JavaScript
 * evaluated in the worker (no TypeScript loader inside a worker, and the same under
 * Jest, tsx and the compiled service); it answers each message with one carrying
 * the same `id`, and an `error` text when the work failed. Started on first use,
 * unref'd while no request is open so that it never keeps a process alive.
 */
import { Worker, type Transferable } from 'node:worker_threads';

interface Pending<Answer> {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

export class WorkerHost<Answer extends { id: number; error?: string }> {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending<Answer>>();

  /** `name` says which worker failed in an error; `workerData` is read when the worker starts. */
  constructor(
    private readonly name: string,
    private readonly source: string,
    private readonly workerData: () => unknown,
  ) {}

  /** Posts `message` with an id of its own (`transfer`: buffers moved, not copied) and resolves with the answer; an answer with `error` rejects. */
  request(message: Record<string, unknown>, transfer: readonly Transferable[] = []): Promise<Answer> {
    const target = this.started();
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Held while requests are open, released when the last one is answered.
      target.ref();
      target.postMessage({ ...message, id }, [...transfer]);
    });
  }

  /** Stops the worker (tests and command-line tools call it at the end); the next request starts another. */
  async stop(): Promise<void> {
    const current = this.worker;
    this.worker = null;
    if (current) await current.terminate();
  }

  private failAll(error: Error): void {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
    this.worker = null;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const created = new Worker(this.source, { eval: true, workerData: this.workerData() });
    created.on('message', (answer: Answer) => {
      const request = this.pending.get(answer.id);
      if (!request) return;
      this.pending.delete(answer.id);
      if (answer.error === undefined) request.resolve(answer);
      else request.reject(new Error(`${this.name} failed: ${answer.error}`));
      if (this.pending.size === 0) created.unref();
    });
    created.on('error', (error) => this.failAll(error));
    created.on('exit', (code) => {
      if (this.worker === created) this.failAll(new Error(`${this.name} stopped (exit ${code})`));
    });
    this.worker = created;
    return created;
  }
}
