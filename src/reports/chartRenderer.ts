import { pathToFileURL } from 'node:url';
import { WorkerHost } from '../system/workerHost';

/** A vega-lite specification (kept loose: vega-lite's own types are reachable only from ES modules). */
export type VegaLiteSpec = Record<string, unknown>;

/*
 * vega and vega-lite are ES modules with top-level await: this CommonJS service
 * cannot require() them, and Jest's runtime cannot import() them. A worker thread
 * runs them under Node's own loader instead: one long-lived worker (WorkerHost,
 * src/system/workerHost.ts), started on first use, unref'd while idle.
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

const host = new WorkerHost<{ id: number; svg?: string; error?: string }>('chart rendering', WORKER, () => ({
  vega: pathToFileURL(require.resolve('vega')).href,
  vegaLite: pathToFileURL(require.resolve('vega-lite')).href,
}));

/** Renders a vega-lite spec to SVG text on the server (vega's View.toSVG, renderer 'none'). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const answer = await host.request({ spec });
  if (answer.svg === undefined) throw new Error('chart rendering failed: no output');
  return answer.svg;
}

/** Stops the worker (tests and command-line tools call it at the end). */
export function stopChartRenderer(): Promise<void> {
  return host.stop();
}
