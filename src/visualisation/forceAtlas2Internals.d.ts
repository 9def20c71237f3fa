// The synchronous ForceAtlas2 runs all its iterations in one call; the layout
// here builds the package's matrices itself and steps its iteration in a worker
// (layoutWorker.ts, so that it runs off the event loop and stops at a deadline),
// through the package's own internals, which ship without types.
declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type Graph from 'graphology';
  export function graphToByteArrays(graph: Graph, getEdgeWeight: () => number): { nodes: Float32Array; edges: Float32Array };
  export function validateSettings(settings: Record<string, unknown>): { message: string } | null;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
