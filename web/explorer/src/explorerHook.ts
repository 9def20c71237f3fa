import type { NetworkView } from './networkView';
import type { DrawingComparison } from './frameComparison';
import type { TieComparison } from './tieLines';

/** What the page exposes as `window.__explorer` for the browser tests and bench/explorer.ts: its state and its own timings. */
export interface ExplorerHook {
  ready: boolean;
  asOf: string | null;
  nodeCount: number;
  edgeCount: number;
  stepDates: string[];
  /** When the first picture was on screen (ms since navigation start): drawn before sigma held the union (firstPicture.ts). */
  firstPictureMs: number | null;
  /** When the first picture was complete and the page ready: sigma holds the union (labels, hover, clicks). */
  readyMs: number | null;
  /** What the first picture's frame drew: sigma's nodes (a stand-in: firstPicture.ts) and the actor points. */
  firstPictureDrawn: { sigmaNodes: number; points: number } | null;
  /** Nodes in sigma's graph now. */
  sigmaNodes(): number;
  /** Sigma's nodes by their state: hidden (not drawn on the date) or shown. */
  sigmaVisibility(): { hidden: number; shown: number };
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
  /** How the last frame drew the ties: the kept ties' texture and the rest, or every tie (tieLines.ts). */
  tiesDrawnBy(): 'kept' | 'all';
  /** The current frame drawn with the kept ties' texture and with every tie drawn, compared pixel by pixel. */
  compareTieDrawing(): TieComparison;
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
    readyMs: null,
    firstPictureDrawn: null,
    sigmaNodes: () => view.sigma.getGraph().order,
    sigmaVisibility: () => {
      const counts = { hidden: 0, shown: 0 };
      view.sigma.getGraph().forEachNode((id) => {
        if (view.sigma.getNodeDisplayData(id)?.visibility === 'hidden') counts.hidden += 1;
        else counts.shown += 1;
      });
      return counts;
    },
    layoutSettledMs: null,
    phases: {},
    stepMs: [],
    stepRenderedMs: [],
    reloadMs: [],
    hasEdgeBetween: (a, b) => view.hasDrawnTie(a, b),
    nodeIds: () => view.drawnNodes(),
    viewportPosition: (id) => view.viewportPosition(id),
    layoutPosition: (id) => view.layoutPosition(id),
    compareActorDrawing: () => view.dots.compareWithSigma(),
    tiesDrawnBy: () => view.ties.drawnBy,
    compareTieDrawing: () => view.ties.compareWithAll(),
  };
}

/** The page's own timings, kept in its hook: the first picture's phases, then each picture's time. */
export class PageTimings {
  /** True once the page was ready: later pictures are not phases of the first. */
  private pictured = false;

  constructor(
    private readonly hook: ExplorerHook,
    private readonly view: NetworkView,
  ) {}

  /** Marks a step of the first picture (bench/explorer.ts prints them), once, when it happened; later pictures are not marked. */
  phase(name: string, at = performance.now()): void {
    if (this.pictured || name in this.hook.phases) return;
    performance.mark(`explorer:${name}`, { startTime: at });
    this.hook.phases[name] = at;
  }

  /** The page's first picture is on screen, drawn before sigma holds the union (firstPicture.ts). */
  firstPictureShown(): void {
    if (this.hook.firstPictureMs !== null) return;
    performance.mark('explorer:first-picture');
    this.hook.firstPictureMs = performance.now();
    this.hook.firstPictureDrawn = { sigmaNodes: this.view.sigma.getGraph().order, points: this.view.dots.pointsDrawn() };
  }

  /** A picture complete, started at `started`: the page's first (it is ready), another union's, or a slider step's. */
  pictureDone(started: number, fetched: boolean): void {
    const first = !this.pictured;
    this.pictured = true;
    if (first) this.hook.readyMs = performance.now();
    else if (fetched) this.hook.reloadMs.push(performance.now() - started);
    else this.hook.stepMs.push(performance.measure('explorer:step', { start: started, end: performance.now() }).duration);
  }
}
