import type { NetworkView } from './networkView';
import type { DrawingComparison } from './nodeDots';

/** What the page exposes as `window.__explorer` for the browser tests and bench/explorer.ts: its state and its own timings. */
export interface ExplorerHook {
  ready: boolean;
  asOf: string | null;
  nodeCount: number;
  edgeCount: number;
  stepDates: string[];
  firstPictureMs: number | null;
  /** When a provisional first picture's actors moved to the settled layout (ms since navigation start); null when the first picture was settled. */
  layoutSettledMs: number | null;
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
  /** An actor's position in the layout's coordinates, as the page holds it. */
  layoutPosition(id: string): { x: number; y: number } | null;
  /** The current frame drawn with the explorer's actor points and with sigma's own node pass, compared pixel by pixel (nodeDots.ts). */
  compareActorDrawing(): DrawingComparison;
}

/** The hook of a page that draws with `view`: nothing drawn or measured yet. */
export function newExplorerHook(view: NetworkView): ExplorerHook {
  return {
    ready: false,
    asOf: null,
    nodeCount: 0,
    edgeCount: 0,
    stepDates: [],
    firstPictureMs: null,
    layoutSettledMs: null,
    phases: {},
    stepMs: [],
    stepRenderedMs: [],
    reloadMs: [],
    hasEdgeBetween: (a, b) => view.hasDrawnTie(a, b),
    nodeIds: () => view.drawnNodes(),
    viewportPosition: (id) => view.viewportPosition(id),
    layoutPosition: (id) => view.layoutPosition(id),
    compareActorDrawing: () => view.compareActorDrawing(),
  };
}
