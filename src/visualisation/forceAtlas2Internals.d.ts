// The synchronous ForceAtlas2 runs all its iterations in one call; the layout
// here steps the same iteration itself (so that it can yield and stop at a
// deadline), through the package's own internals, which ship without types.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): void;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type Graph from 'graphology';
  export function graphToByteArrays(graph: Graph, getEdgeWeight: () => number): { nodes: Float32Array; edges: Float32Array };
  export function validateSettings(settings: Record<string, unknown>): { message: string } | null;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
