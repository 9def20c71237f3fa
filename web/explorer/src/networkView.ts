/**
 * The drawing: sigma (WebGL) draws the actors of one graphology graph, and a layer
 * of its own (tieLines.ts) draws the ties as lines under them. The page holds the
 * scope's union over the slider's whole range, loaded once, and sigma's graph holds
 * every actor of it from the start: whether an actor is drawn on the date is its
 * sigma state (`isHidden`), and the highlight of a selected actor is another
 * (`role`, drawingStyle.ts), so a slider step or a selection changes the state of
 * the actors that change and sigma re-styles those alone, in place. A step resizes
 * the actors whose degree changed, one attribute update each. The ties never enter
 * sigma's graph: which are drawn on the date comes from the date filter, and the
 * tie layer's buffer is rebuilt when that changes. A step asks the service for
 * nothing.
 * Positions come from the layout over the same range, and the camera is framed on
 * the whole union, so an actor keeps its place on screen as the date moves.
 */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import Sigma from 'sigma';
import { DateFilter, type DateSelection } from './dateFilter';
import { sectorColour } from './sectors';
import type { SizeBy } from './viewState';
import type { NetworkNode, NetworkPayload } from './networkPayload';
import { boundingBox, DENSE_TIES, FADED_NODE_COLOUR, fallbackPosition, NODE_STYLES, pickingRatioFor, SIGMA_PRIMITIVES, SIGMA_SETTINGS, tieStyle } from './drawingStyle';
import type { DrawnCounts, NodeAttributes, NodeState } from './drawingStyle';
import { FramedPlaces } from './framedPlaces';
import { NodeDots } from './nodeDots';
import { NodeStates } from './nodeStates';
import { countsOn, partnersBySectorOf, searchDrawn, sizesOn } from './drawnQueries';
import { firstPictureGraph } from './firstPicture';
import { pickOnlyUnderPointer } from './pickingOnDemand';
import { TieLines } from './tieLines';
import { UnionIndex } from './unionIndex';

type ExplorerSigma = Sigma<NodeAttributes, Attributes, Attributes, NodeState>;
/** A node's position: the layout's, or a fallback where it has none. */
const placeOf = (node: NetworkNode): { x: number; y: number } => (node.x === null || node.y === null ? fallbackPosition(node.id) : { x: node.x, y: node.y });
const NONE = 0;
const [SELECTED, PARTNER, FADED] = [1, 2, 3];

export class NetworkView {
  private graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
  readonly sigma: ExplorerSigma;
  /** The actor asked for, and the one highlighted (when it is drawn on the date). */
  private wanted: string | null = null;
  private selected: string | null = null;
  /** The highlighted actor's index in the union (-1: none). */
  private selectedAt = -1;
  private payload: NetworkPayload = { nodes: [], edges: [] };
  private filter = new DateFilter([], []);
  private index = new UnionIndex({ nodes: [], edges: [] });
  /** Each union node's position (the layout's, else a fallback), by the payload's order. */
  private positions: Array<{ x: number; y: number }> = [];
  private shown: DateSelection | null = null;
  /** What sigma holds for each union node: drawn or not, role, size. */
  private readonly states: NodeStates;
  /** The ties' layer and the actors' points (drawn in place of sigma's node pass; both read by the page's hook), and the places both draw at. */
  readonly ties: TieLines;
  readonly dots: NodeDots;
  private readonly places: FramedPlaces;
  /** Node sizes on the shown date, by the payload's order. */
  private sizes: Float64Array = new Float64Array(0);
  /** Betweenness on the shown date, when nodes are sized by it (null: sized by degree). */
  private betweenness: Map<string, number> | null = null;
  /** The steps' span the slider last rested in (a date's ties drawn throughout it are kept: tieLines.ts); null after a new union. */
  private restedSpan: { from: string; to: string } | null = null;
  /** True from a union's load until sigma holds it (firstPicture.ts). */
  private pending = false;

  constructor(container: HTMLElement) {
    this.sigma = new Sigma(this.graph, container, {
      settings: SIGMA_SETTINGS,
      primitives: SIGMA_PRIMITIVES,
      styles: { nodes: NODE_STYLES },
      customNodeState: { role: 'none' } as NodeState,
    });
    const sigma = this.sigma as unknown as Sigma;
    this.places = new FramedPlaces(sigma, {
      count: () => this.payload.nodes.length,
      nodeId: (node) => this.payload.nodes[node].id,
      position: (node) => this.positions[node],
    });
    const dense = () => (this.shown?.edgeCount ?? 0) > DENSE_TIES;
    this.ties = new TieLines(sigma, {
      ends: () => this.index.edgeEnds,
      places: this.places,
      drawn: () => this.shown?.edgeVisible ?? null,
      style: (tie) => tieStyle(this.payload.edges[tie], this.selectedAt >= 0 && this.index.edgeEnds[2 * tie] !== this.selectedAt && this.index.edgeEnds[2 * tie + 1] !== this.selectedAt, dense()),
      styleKey: () => `${this.selectedAt}/${dense()}`,
    });
    this.ties.attach();
    this.dots = new NodeDots(sigma, {
      places: this.places,
      indexOf: (id) => this.index.nodeAt.get(id) ?? -1,
      drawn: () => this.shown?.nodeVisible ?? null,
      size: (node) => this.sizes[node],
      colour: (node) => (this.states.role(node) === FADED ? FADED_NODE_COLOUR : sectorColour(this.payload.nodes[node].sector)),
      selected: () => this.selectedAt,
    });
    this.dots.attach();
    this.states = new NodeStates(this.sigma);
    pickOnlyUnderPointer(sigma, container);
  }

  /**
   * Loads a scope's union and draws one date of it before sigma holds the union (firstPicture.ts; `completeLoad` hands
   * it over). The camera frames the whole union (a custom bounding box), so other dates draw at the same places.
   * `mark` is told when the date is filtered (the page's phase marks).
   */
  load(payload: NetworkPayload, date: string, mark: (phase: string) => void = () => undefined): DrawnCounts {
    this.payload = payload;
    this.restedSpan = null;
    this.index = new UnionIndex(payload);
    this.filter = new DateFilter(payload.nodes, payload.edges, false, this.index.edgeEnds);
    const positions = payload.nodes.map(placeOf);
    const selection = this.filter.at(date);
    // Betweenness arrives later (an analysis per date): degree sizes until then.
    this.betweenness = null;
    this.shown = selection;
    this.sizes = this.sizesOf(selection);
    mark('dates-filtered');
    this.states.reset(payload.nodes.map((node) => node.id), this.index.nodeAt, this.sizes);
    this.states.visibility(selection.nodeVisible);
    this.highlight(this.wanted);
    this.place(positions);
    const picking = pickingRatioFor(selection.nodeCount);
    if (this.sigma.getSetting('pickingDownSizingRatio') !== picking) this.sigma.setSetting('pickingDownSizingRatio', picking);
    this.pending = true;
    this.sigma.setGraph(firstPictureGraph(this.places.anchors().map((node) => [payload.nodes[node].id, this.attributesOf(node)])));
    return countsOn(this.payload, selection);
  }

  /**
   * Hands sigma the union loaded last (firstPicture.ts), once its first picture is on screen: labels, hover and clicks.
   * The union's graph is built apart and handed whole (setGraph: indexed, processed and rendered once; added to sigma's
   * graph, every node would be an event and a refresh). The states go first (sigma keeps a new graph's nodes' states).
   */
  completeLoad(): void {
    if (!this.pending) return;
    this.pending = false;
    const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
    for (let i = 0; i < this.payload.nodes.length; i += 1) graph.addNode(this.payload.nodes[i].id, this.attributesOf(i));
    this.graph = graph;
    this.states.sync();
    this.sigma.setGraph(graph);
    // The selected actor is raised from sigma's display data, which it has now.
    this.dots.invalidate();
  }

  /** A union node's attributes in sigma's graph: its place, size on the shown date, colour and name. */
  private attributesOf(i: number): NodeAttributes {
    const node = this.payload.nodes[i];
    const { x, y } = this.positions[i];
    return { x, y, size: this.sizes[i], color: sectorColour(node.sector), label: node.label, sector: node.sector, kind: node.kind };
  }

  /** Moves the actors to another layout of the same union (the settled one after a provisional first picture); the date, highlight and sizes stay. */
  moveTo(settled: NetworkPayload): void {
    this.completeLoad();
    const at = new Map(settled.nodes.map((node) => [node.id, node]));
    this.place(this.payload.nodes.map((node) => {
      const moved = at.get(node.id);
      return moved ? placeOf(moved) : fallbackPosition(node.id);
    }));
    const { positions } = this;
    const { nodeAt } = this.index;
    this.graph.updateEachNodeAttributes(
      (id, attributes) => {
        const place = positions[nodeAt.get(id) as number];
        attributes.x = place.x;
        attributes.y = place.y;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  }

  /** The union's positions (a new union, or another layout of it): the camera frames them all; the layers find their places and rebuild at the next render, after sigma has processed the nodes. */
  private place(positions: Array<{ x: number; y: number }>): void {
    this.positions = positions;
    this.sigma.setCustomBBox(positions.length > 0 ? boundingBox(positions) : null);
    this.places.reset();
    // The kept ties' texture holds the old places: drawn again (after a rest on this union), or forgotten.
    this.keepTies();
    this.ties.invalidate(false);
    this.dots.invalidate();
  }

  /**
   * Shows one date: the actors that join or leave change state, those whose degree changed are resized, the
   * highlight follows the selected actor's partners on the date; the tie layer rebuilds from the date's ties.
   */
  showDate(date: string, sizeBy: SizeBy, betweenness: Map<string, number> | null = null): DrawnCounts {
    this.completeLoad();
    const selection = this.filter.at(date);
    this.shown = selection;
    this.betweenness = sizeBy === 'betweenness' ? betweenness : null;
    this.sizes = this.sizesOf(selection);
    this.states.visibility(selection.nodeVisible);
    this.states.resize(this.graph, this.sizes, selection.nodeVisible);
    // The highlight first: the tie layer reads it when it rebuilds. Invalidating schedules the render the caller waits for.
    this.highlight(this.wanted);
    this.dots.invalidate();
    this.ties.invalidate();
    return countsOn(this.payload, selection);
  }

  /** Resizes the shown nodes by betweenness once it has been computed for the date. */
  sizeByBetweenness(values: Map<string, number>): void {
    if (!this.shown) return;
    this.completeLoad();
    this.betweenness = values;
    this.sizes = this.sizesOf(this.shown);
    this.dots.invalidate();
    this.states.resize(this.graph, this.sizes, this.shown.nodeVisible);
    this.states.rested();
  }

  /** The slider rests on a shown picture: the labels are re-picked (NodeStates.rested), the ties drawn throughout `span` (the steps around) kept (TieLines.keep). */
  rested(span: { from: string; to: string } | null): void {
    this.states.rested();
    this.restedSpan = span;
    this.keepTies();
  }

  private keepTies(): void {
    this.ties.keep(this.restedSpan && this.shown ? this.filter.throughout(this.restedSpan.from, this.restedSpan.to) : null);
  }

  /** Node sizes on the shown date, by the payload's order. */
  private sizesOf(selection: DateSelection): Float64Array {
    return sizesOn(this.payload, selection, this.index.nodeAt, this.betweenness);
  }

  isDrawn(id: string): boolean {
    const i = this.index.nodeAt.get(id);
    return i !== undefined && this.shown?.nodeVisible[i] === 1;
  }

  /** Ids of the actors drawn. */
  drawnNodes(): string[] {
    const visible = this.shown?.nodeVisible;
    return visible ? this.payload.nodes.filter((_, i) => visible[i]).map((node) => node.id) : [];
  }

  /** True when a drawn tie joins the two actors. */
  hasDrawnTie(a: string, b: string): boolean {
    const [i, j] = [this.index.nodeAt.get(a), this.index.nodeAt.get(b)];
    return i !== undefined && j !== undefined && this.isDrawn(a) && this.isDrawn(b) && this.drawnPartners(i).has(j);
  }

  /** Drawn partners of a drawn actor, as union indexes. */
  private drawnPartners(i: number): Set<number> {
    const visible = this.shown?.edgeVisible;
    return visible ? this.index.partners(i, visible) : new Set<number>();
  }

  /** Highlights an actor and its partners (null clears); the same actor again changes nothing. */
  select(id: string | null): void {
    if (id === this.wanted) return;
    this.wanted = id;
    this.highlight(id);
    this.dots.invalidate();
    this.ties.invalidate();
  }

  /** Gives each actor its role for the highlight on the shown date: a state change for those whose role changed. */
  private highlight(id: string | null): void {
    this.selected = id && this.isDrawn(id) ? id : null;
    this.selectedAt = this.selected === null ? -1 : (this.index.nodeAt.get(this.selected) ?? -1);
    const partners = this.selectedAt >= 0 ? this.drawnPartners(this.selectedAt) : new Set<number>();
    const at = this.selectedAt;
    this.states.highlight((i) => (at < 0 ? NONE : i === at ? SELECTED : partners.has(i) ? PARTNER : FADED));
  }

  /** An actor's position in the layout's coordinates (for tests). */
  layoutPosition(id: string): { x: number; y: number } | null {
    const i = this.index.nodeAt.get(id);
    return i === undefined ? null : { ...this.positions[i] };
  }

  /** Screen position (CSS pixels within the container) of an actor, for tests and the bench. */
  viewportPosition(id: string): { x: number; y: number } | null {
    // Display data holds framed (normalised) coordinates, not the graph's.
    const data = this.sigma.getNodeDisplayData(id);
    return data ? this.sigma.framedGraphToViewport({ x: data.x, y: data.y }) : null;
  }

  partnersBySector(id: string): Map<string, string[]> {
    const i = this.index.nodeAt.get(id);
    return i === undefined || !this.isDrawn(id) ? new Map() : partnersBySectorOf(this.payload, this.drawnPartners(i));
  }

  /** Drawn actors whose label contains the text (case-insensitive), best (shortest) first. */
  search(text: string, limit = 12): Array<{ id: string; label: string; sector: string }> {
    return searchDrawn(this.payload, this.shown?.nodeVisible ?? null, text, limit);
  }
}
