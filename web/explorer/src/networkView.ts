/**
 * The drawing: sigma (WebGL) draws the actors of one graphology graph, and a layer
 * of its own (tieLines.ts) draws the ties as lines under them. The page holds the
 * scope's union over the slider's whole range, loaded once; the graph sigma draws
 * starts with only the first date's actors, so the first picture indexes,
 * processes and draws no hidden one: under SwiftShader (headless Chromium draws
 * WebGL on the CPU) every item in sigma's buffers costs work on every frame. The
 * ties never enter sigma's graph: which are drawn on the date comes from the date
 * filter, and the tie layer's buffer is rebuilt when that changes. A slider step
 * adds the actors that first appear and hides those that leave (sigma re-indexes
 * its whole graph when a node is dropped, so nothing is dropped), one update per
 * changed actor, so a step asks the service for nothing.
 * Positions come from the layout over the same range, and the camera is framed on
 * the whole union, so an actor keeps its place on screen as the date moves.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { DateFilter, type DateSelection } from './dateFilter';
import { sectorColour } from './sectors';
import type { SizeBy } from './viewState';
import type { NetworkPayload } from './networkPayload';
import { betweennessSize, boundingBox, degreeSize, DENSE_TIES, fallbackPosition, pickingRatioFor, SIGMA_PRIMITIVES, SIGMA_SETTINGS, tieStyle, type DrawnCounts, type NodeAttributes } from './drawingStyle';
import { TieLines } from './tieLines';

export class NetworkView {
  private graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
  readonly sigma: Sigma<NodeAttributes>;
  /** The actor asked for, and the one highlighted (when it is drawn on the date). */
  private wanted: string | null = null;
  private selected: string | null = null;
  /** The highlighted actor's index in the union (-1: none). */
  private selectedAt = -1;
  private neighbours = new Set<string>();
  private payload: NetworkPayload = { nodes: [], edges: [] };
  private filter = new DateFilter([], []);
  private nodeAt = new Map<string, number>();
  /** Each union node's position (the layout's, else a fallback), by the payload's order. */
  private places: Array<{ x: number; y: number }> = [];
  private shown: DateSelection | null = null;
  /** 1 where the union's node is in sigma's graph (drawn on some date shown), by the payload's order. */
  private nodeIn = new Uint8Array(0);
  /** Each tie's ends (payload order) and each node's ties, for the tie layer and the highlight. */
  private edgeEnds = new Int32Array(0);
  private incident: number[][] = [];
  private readonly ties: TieLines;
  /** Node sizes drawn, by the payload's order. */
  private sizes: Float64Array = new Float64Array(0);
  /** Betweenness on the shown date, when nodes are sized by it (null: sized by degree). */
  private betweenness: Map<string, number> | null = null;

  constructor(container: HTMLElement) {
    this.sigma = new Sigma(this.graph, container, {
      settings: SIGMA_SETTINGS,
      primitives: SIGMA_PRIMITIVES,
      nodeReducer: (node, data, attrs) => {
        if (attrs.hidden) return { ...data, visibility: 'hidden' };
        if (!this.selected) return data;
        if (node === this.selected) return { ...data, forceLabel: true, zIndex: 2 };
        if (this.neighbours.has(node)) return { ...data, forceLabel: true };
        return { ...data, color: '#d8d8d8', label: '' };
      },
    } as ConstructorParameters<typeof Sigma<NodeAttributes>>[2]);
    this.ties = new TieLines(this.sigma as unknown as Sigma, {
      ends: () => this.edgeEnds,
      nodeId: (node) => this.payload.nodes[node].id,
      drawn: () => this.shown?.edgeVisible ?? null,
      style: (tie) => tieStyle(this.payload.edges[tie], this.selectedAt >= 0 && this.edgeEnds[2 * tie] !== this.selectedAt && this.edgeEnds[2 * tie + 1] !== this.selectedAt, (this.shown?.edgeCount ?? 0) > DENSE_TIES),
    });
    this.ties.attach();
  }

  /**
   * Loads a scope's union and draws one date of it. The date's graph is built apart
   * and handed to sigma whole: sigma indexes, processes and renders it once,
   * synchronously (setGraph); added to the graph sigma draws, every node and tie
   * would be one event and one scheduled refresh. The camera is framed on the whole
   * union (a custom bounding box), so other dates draw at the same places.
   * `mark` is told when the graph is built (the page's phase marks).
   */
  load(payload: NetworkPayload, date: string, mark: (phase: string) => void = () => undefined): DrawnCounts {
    this.payload = payload;
    this.filter = new DateFilter(payload.nodes, payload.edges);
    this.nodeAt = new Map(payload.nodes.map((node, i) => [node.id, i]));
    this.places = payload.nodes.map((node) => (node.x === null || node.y === null ? fallbackPosition(node.id) : { x: node.x, y: node.y }));
    this.edgeEnds = new Int32Array(payload.edges.length * 2);
    this.incident = payload.nodes.map(() => []);
    payload.edges.forEach((edge, e) => {
      const [s, t] = [this.nodeAt.get(edge.source) ?? -1, this.nodeAt.get(edge.target) ?? -1];
      this.edgeEnds[2 * e] = s;
      this.edgeEnds[2 * e + 1] = t;
      this.incident[s]?.push(e);
      if (t !== s) this.incident[t]?.push(e);
    });
    const selection = this.filter.at(date);
    // Betweenness arrives later (an analysis per date): degree sizes until then.
    this.betweenness = null;
    this.shown = selection;
    this.sizes = this.sizesOf(selection);
    const graph = this.dateGraph(selection);
    mark('graph-built');
    this.graph = graph;
    this.highlight(this.wanted);
    this.sigma.setCustomBBox(this.places.length > 0 ? boundingBox(this.places) : null);
    // Built at the next render, after sigma has placed the nodes.
    this.ties.reset();
    const picking = pickingRatioFor(graph.order);
    if (this.sigma.getSetting('pickingDownSizingRatio') !== picking) this.sigma.setSetting('pickingDownSizingRatio', picking);
    this.sigma.setGraph(graph);
    return this.counts(selection);
  }

  /** A graph of the date's nodes, at their places and sizes. */
  private dateGraph(selection: DateSelection): Graph<NodeAttributes> {
    const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: true });
    this.nodeIn = Uint8Array.from(selection.nodeVisible);
    this.payload.nodes.forEach((node, i) => {
      if (selection.nodeVisible[i]) graph.addNode(node.id, this.nodeAttributes(i));
    });
    return graph;
  }

  private nodeAttributes(i: number): NodeAttributes {
    const node = this.payload.nodes[i];
    return { x: this.places[i].x, y: this.places[i].y, size: this.sizes[i], color: sectorColour(node.sector), label: node.label, sector: node.sector, kind: node.kind, hidden: false };
  }

  /**
   * Shows one date. A slider step changes few actors (those that join or leave,
   * their partners' sizes): those are added (the first time they are drawn),
   * hidden, shown or resized one by one, so sigma re-evaluates only them. A larger
   * change (a jump across years, another size measure, a selected actor whose
   * highlight follows its partners) is one batch update of the nodes, after adding
   * those new to the graph; the batch carries no hint, so sigma rebuilds its label
   * grid. The tie layer rebuilds its buffer from the date's ties at the next render.
   */
  showDate(date: string, sizeBy: SizeBy, betweenness: Map<string, number> | null = null): DrawnCounts {
    const selection = this.filter.at(date);
    const previous = this.shown;
    this.shown = selection;
    this.betweenness = sizeBy === 'betweenness' ? betweenness : null;
    const sizes = this.sizesOf(selection);
    const before = this.sizes;
    this.sizes = sizes;
    const nodes = this.payload.nodes;
    const changedNodes: number[] = [];
    for (let i = 0; i < nodes.length; i += 1) {
      if (selection.nodeVisible[i] ? !this.nodeIn[i] || !previous?.nodeVisible[i] || before[i] !== sizes[i] : this.nodeIn[i] && previous?.nodeVisible[i]) changedNodes.push(i);
    }
    // New actors join the graph (an event each; sigma indexes only them).
    for (const i of changedNodes) {
      if (this.nodeIn[i]) continue;
      this.nodeIn[i] = 1;
      this.graph.addNode(nodes[i].id, this.nodeAttributes(i));
    }
    if (previous !== null && this.wanted === null && changedNodes.length <= this.graph.order / 20) {
      for (const i of changedNodes) this.graph.mergeNodeAttributes(nodes[i].id, { hidden: selection.nodeVisible[i] === 0, size: sizes[i] });
    } else {
      const at = this.nodeAt;
      this.graph.updateEachNodeAttributes((id, attributes) => {
        const i = at.get(id) as number;
        attributes.hidden = selection.nodeVisible[i] === 0;
        attributes.size = sizes[i];
        return attributes;
      });
    }
    // The highlight first: the tie layer reads it when it rebuilds. Invalidating schedules the render the caller waits for.
    this.highlight(this.wanted);
    this.ties.invalidate();
    return this.counts(selection);
  }

  /** Resizes the shown nodes by betweenness once it has been computed for the date. */
  sizeByBetweenness(values: Map<string, number>): void {
    if (!this.shown) return;
    this.betweenness = values;
    this.sizes = this.sizesOf(this.shown);
    const at = this.nodeAt;
    const sizes = this.sizes;
    this.graph.updateEachNodeAttributes(
      (id, attributes) => {
        attributes.size = sizes[at.get(id) as number];
        return attributes;
      },
      { attributes: ['size'] },
    );
  }

  /** Node sizes on the shown date, by the payload's order. */
  private sizesOf(selection: DateSelection): Float64Array {
    const sizeOf = this.sizer(selection, this.nodeAt);
    return Float64Array.from(this.payload.nodes, (node, i) => sizeOf(node.id, i));
  }

  private sizer(selection: DateSelection, at: Map<string, number>): (id: string, i: number) => number {
    const values = this.betweenness;
    if (!values) return (_id, i) => degreeSize(selection.degree[i]);
    let max = 0;
    for (const [id, value] of values) if (selection.nodeVisible[at.get(id) ?? -1]) max = Math.max(max, value);
    return (id) => betweennessSize(values.get(id) ?? 0, max);
  }

  private counts(selection: DateSelection): DrawnCounts {
    const bySector = new Map<string, number>();
    this.payload.nodes.forEach((node, i) => {
      if (selection.nodeVisible[i]) bySector.set(node.sector, (bySector.get(node.sector) ?? 0) + 1);
    });
    let crossing = 0;
    this.payload.edges.forEach((edge, i) => {
      if (selection.edgeVisible[i] && edge.crossesSectors) crossing += 1;
    });
    return { nodes: selection.nodeCount, edges: selection.edgeCount, crossing, bySector };
  }

  isDrawn(id: string): boolean {
    return this.graph.hasNode(id) && !this.graph.getNodeAttribute(id, 'hidden');
  }

  /** Ids of the actors drawn. */
  drawnNodes(): string[] {
    return this.graph.filterNodes((_, attributes) => !attributes.hidden);
  }

  /** True when a drawn tie joins the two actors. */
  hasDrawnTie(a: string, b: string): boolean {
    return this.isDrawn(a) && this.isDrawn(b) && this.drawnNeighbours(a).includes(b);
  }

  /** Drawn partners of a drawn actor. */
  private drawnNeighbours(id: string): string[] {
    const i = this.nodeAt.get(id);
    const visible = this.shown?.edgeVisible;
    if (i === undefined || !visible) return [];
    const partners = new Set<string>();
    for (const e of this.incident[i]) {
      if (!visible[e]) continue;
      const other = this.edgeEnds[2 * e] === i ? this.edgeEnds[2 * e + 1] : this.edgeEnds[2 * e];
      partners.add(this.payload.nodes[other].id);
    }
    return [...partners];
  }

  /** Highlights an actor and its partners (null clears). */
  select(id: string | null): void {
    this.wanted = id;
    this.highlight(id);
    this.ties.invalidate(false);
    this.sigma.refresh({ skipIndexation: true });
  }

  private highlight(id: string | null): void {
    this.selected = id && this.isDrawn(id) ? id : null;
    this.selectedAt = this.selected === null ? -1 : (this.nodeAt.get(this.selected) ?? -1);
    this.neighbours = this.selected ? new Set(this.drawnNeighbours(this.selected)) : new Set();
  }

  /** Screen position (CSS pixels within the container) of an actor, for tests and the bench. */
  viewportPosition(id: string): { x: number; y: number } | null {
    // Display data holds framed (normalised) coordinates, not the graph's.
    const data = this.sigma.getNodeDisplayData(id);
    return data ? this.sigma.framedGraphToViewport({ x: data.x, y: data.y }) : null;
  }

  partnersBySector(id: string): Map<string, string[]> {
    const result = new Map<string, string[]>();
    if (!this.isDrawn(id)) return result;
    for (const partner of this.drawnNeighbours(id)) {
      const sector = this.graph.getNodeAttribute(partner, 'sector');
      const names = result.get(sector) ?? [];
      names.push(this.graph.getNodeAttribute(partner, 'label'));
      result.set(sector, names);
    }
    return result;
  }

  /** Drawn actors whose label contains the text (case-insensitive), best (shortest) first. */
  search(text: string, limit = 12): Array<{ id: string; label: string; sector: string }> {
    const needle = text.trim().toLocaleLowerCase('sv');
    if (!needle) return [];
    const hits: Array<{ id: string; label: string; sector: string }> = [];
    this.graph.forEachNode((id, attributes) => {
      if (!attributes.hidden && attributes.label.toLocaleLowerCase('sv').includes(needle)) hits.push({ id, label: attributes.label, sector: attributes.sector });
    });
    return hits.sort((a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label, 'sv')).slice(0, limit);
  }
}
