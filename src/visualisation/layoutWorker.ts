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
 * inside a worker) on a WorkerHost (src/system/workerHost.ts), as the chart renderer's.
 */
import { WorkerHost } from '../system/workerHost';

/**
 * The worker thread's scheduling priority (Linux nice; 0 is the service's): a layout is
 * background work, mostly after its union was sent with provisional positions, and on
 * a busy machine it yields the CPU to the requests served meanwhile and to whatever
 * else runs there (the browser drawing that union on a workstation). Alone, it runs as fast.
 */
export const LAYOUT_NICENESS = 10;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const iterate = require(workerData.iterate);
// Linux: this thread alone (its own id, /proc/thread-self) at a lower priority; elsewhere it keeps the process's.
try {
  const thread = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(thread, workerData.niceness);
} catch {}
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

const host = new WorkerHost<{ id: number; nodes?: Float32Array; timedOut?: boolean; error?: string }>('the ForceAtlas2 worker', WORKER, () => ({
  iterate: require.resolve('graphology-layout-forceatlas2/iterate.js'),
  niceness: LAYOUT_NICENESS,
}));

/**
 * Runs `iterations` of ForceAtlas2 on the matrices (graphology-layout-forceatlas2's
 * layout) in the worker, checking `deadline` (epoch ms) before each; resolves with
 * the node matrix after them, or null when the deadline passed first. The matrices
 * given are moved to the worker: the caller reads the node matrix it gets back.
 */
export async function iterateInWorker(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array, iterations: number, deadline: number): Promise<Float32Array | null> {
  // The matrices are the caller's own arrays (never shared memory): moved, not copied.
  const answer = await host.request({ settings, nodes, edges, iterations, deadline }, [nodes.buffer as ArrayBuffer, edges.buffer as ArrayBuffer]);
  return answer.nodes ?? null;
}

/** Stops the worker (tests and command-line tools may call it at the end). */
export function stopLayoutWorker(): Promise<void> {
  return host.stop();
}
