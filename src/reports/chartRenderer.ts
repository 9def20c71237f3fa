import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/** A vega-lite specification (kept loose: vega-lite's own types are reachable only from ES modules). */
export type VegaLiteSpec = Record<string, unknown>;

/*
 * vega and vega-lite are ES modules with top-level await: this CommonJS service
 * cannot require() them, and Jest's runtime cannot import() them. A worker thread
 * runs them under Node's own loader instead: one long-lived worker, started on
 * first use, unref'd so that it never keeps a process alive.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = Promise.all([import(workerData.vega), import(workerData.vegaLite)]);
parentPort.on('message', async ({ id, spec }) => {
  try {
    const [vega, vegaLite] = await ready;
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    try {
      parentPort.postMessage({ id, svg: await view.toSVG() });
    } finally {
      view.finalize();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

interface Pending {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
  worker = null;
}

function started(): Worker {
  if (worker) return worker;
  const workerData = { vega: pathToFileURL(require.resolve('vega')).href, vegaLite: pathToFileURL(require.resolve('vega-lite')).href };
  const created = new Worker(WORKER, { eval: true, workerData });
  created.on('message', (message: { id: number; svg?: string; error?: string }) => {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if (message.svg !== undefined) request.resolve(message.svg);
    else request.reject(new Error(`chart rendering failed: ${message.error ?? 'no output'}`));
    if (pending.size === 0) created.unref();
  });
  created.on('error', (error) => failAll(error));
  created.on('exit', (code) => {
    if (worker === created) failAll(new Error(`chart renderer stopped (exit ${code})`));
  });
  worker = created;
  return created;
}

/** Renders a vega-lite spec to SVG text on the server (vega's View.toSVG, renderer 'none'). */
export function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const target = started();
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Held while requests are open, released when the last one is answered.
    target.ref();
    target.postMessage({ id, spec });
  });
}

/** Stops the worker (tests and command-line tools call it at the end). */
export async function stopChartRenderer(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
