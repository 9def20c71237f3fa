import type { DrawingComparison } from './nodeDots';

/** What the page exposes as `window.__explorer` for the browser tests and bench/explorer.ts: its state and its own timings. */
export interface ExplorerHook {
  ready: boolean;
  asOf: string | null;
  nodeCount: number;
  edgeCount: number;
  stepDates: string[];
  firstPictureMs: number | null;
  /** When each step of the first picture ended (ms since navigation start), by the mark's name: where its time went. */
  phases: Record<string, number>;
  /** Date changes drawn from the union the page holds: the slider's steps. */
  stepMs: number[];
  /** The same steps up to sigma's render issued (its JavaScript), before the frame is rasterised and shown. */
  stepRenderedMs: number[];
  /** Pictures that had to fetch another scope's union (another area or filter). */
  reloadMs: number[];
  hasEdgeBetween(a: string, b: string): boolean;
  nodeIds(): string[];
  viewportPosition(id: string): { x: number; y: number } | null;
  /** The current frame drawn with the explorer's actor points and with sigma's own node pass, compared pixel by pixel (nodeDots.ts). */
  compareActorDrawing(): DrawingComparison;
}
