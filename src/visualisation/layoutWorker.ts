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

const host = new WorkerHost<{ id: number; nodes?: Float32Array; timedOut?: boolean; error?: string }>('the ForceAtlas2 worker', WORKER, () => ({
  iterate: require.resolve('graphology-layout-forceatlas2/iterate.js'),
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
