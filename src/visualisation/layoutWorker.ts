/**
 * ForceAtlas2's iterations off the event loop. A full layout of a 10k-actor
 * district's union is 2.5–3 s of CPU: run on the service's own thread, even in
 * 25 ms slices, it stretched every request served meanwhile (the explorer's first
 * picture after a write waited behind the warmer's layout of the same union). One
 * long-lived worker thread runs graphology-layout-forceatlas2's own `iterate` on the
 * node and edge matrices the caller built, jobs in turn, and hands the node matrix
 * back; the positions are the same as the thread's own would be (the same code on
 * the same float arrays). Started on first use, unref'd while idle so that it never
 * keeps a process alive. The worker's code is plain JavaScript (no TypeScript loader
 * inside a worker), as src/reports/chartRenderer.ts's is.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const iterate = require(workerData.iterate);
parentPort.on('message', ({ id, settings, nodes, edges, iterations, deadline }) => {
  try {
    for (let done = 0; done < iterations; done += 1) {
      if (Date.now() > deadline) return parentPort.postMessage({ id, timedOut: true });
      iterate(settings, nodes, edges);
    }
    parentPort.postMessage({ id, nodes }, [nodes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

interface Answer {
  id: number;
  nodes?: Float32Array;
  timedOut?: boolean;
  error?: string;
}

interface Pending {
  resolve: (nodes: Float32Array | null) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = null;
}

function started(): Worker {
  if (worker) return worker;
  const created = new Worker(WORKER, { eval: true, workerData: { iterate: require.resolve('graphology-layout-forceatlas2/iterate.js') } });
  created.on('message', (answer: Answer) => {
    const job = pending.get(answer.id);
    if (!job) return;
    pending.delete(answer.id);
    if (answer.nodes) job.resolve(answer.nodes);
    else if (answer.timedOut) job.resolve(null);
    else job.reject(new Error(`ForceAtlas2 failed in its worker: ${answer.error ?? 'no answer'}`));
    if (pending.size === 0) created.unref();
  });
  created.on('error', (error) => failAll(error));
  created.on('exit', (code) => {
    if (worker === created) failAll(new Error(`the ForceAtlas2 worker stopped (exit ${code})`));
  });
  worker = created;
  return created;
}

/**
 * Runs `iterations` of ForceAtlas2 on the matrices (graphology-layout-forceatlas2's
 * layout) in the worker, checking `deadline` (epoch ms) before each; resolves with
 * the node matrix after them, or null when the deadline passed first. The matrices
 * given are moved to the worker: the caller reads the node matrix it gets back.
 */
export function iterateInWorker(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array, iterations: number, deadline: number): Promise<Float32Array | null> {
  const target = started();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Held while jobs are open, released when the last one is answered.
    target.ref();
    // The matrices are the caller's own arrays (never shared memory): moved, not copied.
    target.postMessage({ id, settings, nodes, edges, iterations, deadline }, [nodes.buffer as ArrayBuffer, edges.buffer as ArrayBuffer]);
  });
}

/** Stops the worker (tests and command-line tools may call it at the end). */
export async function stopLayoutWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
