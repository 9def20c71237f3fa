/**
 * The drawing: one graphology graph rendered by sigma (WebGL). The page holds the
 * scope's union over the slider's whole range, loaded once; the graph sigma draws
 * starts with only the first date's actors and ties, so the first picture indexes,
 * processes and draws no hidden item: under SwiftShader (headless Chromium draws
 * WebGL on the CPU) every item in sigma's buffers costs work on every frame, drawn
 * or not. A slider step adds the items that first appear and hides those that
 * leave (sigma re-indexes its whole graph when an item is dropped, so nothing is
 * dropped), one update per changed item, so a step asks the service for nothing.
 * Positions come from the layout over the same range, and the camera is framed on
 * the whole union, so an actor keeps its place on screen as the date moves.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { DateFilter, type DateSelection } from './dateFilter';
import { sectorColour } from './sectors';
import type { SizeBy } from './viewState';
import type { NetworkPayload } from './networkPayload';
import { betweennessSize, boundingBox, degreeSize, edgeAttributes, fallbackPosition, setSigmaGraph, SIGMA_SETTINGS, type DrawnCounts, type EdgeAttributes, type NodeAttributes } from './drawingStyle';

export class NetworkView {
  private graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** The actor asked for, and the one highlighted (when it is drawn on the date). */
  private wanted: string | null = null;
  private selected: string | null = null;
  private neighbours = new Set<string>();
  private payload: NetworkPayload = { nodes: [], edges: [] };
  private filter = new DateFilter([], []);
  private nodeAt = new Map<string, number>();
  /** Each union node's position (the layout's, else a fallback), by the payload's order. */
  private places: Array<{ x: number; y: number }> = [];
  private shown: DateSelection | null = null;
  /** 1 where the union's node or tie is in sigma's graph (drawn on some date shown), by the payload's order. */
  private nodeIn = new Uint8Array(0);
  private edgeIn = new Uint8Array(0);
  /** Node sizes drawn, by the payload's order. */
  private sizes: Float64Array = new Float64Array(0);
  /** Betweenness on the shown date, when nodes are sized by it (null: sized by degree). */
  private betweenness: Map<string, number> | null = null;

  constructor(container: HTMLElement) {
    this.sigma = new Sigma(this.graph, container, {
      settings: SIGMA_SETTINGS,
      nodeReducer: (node, data, attrs) => {
        if (attrs.hidden) return { ...data, visibility: 'hidden' };
        if (!this.selected) return data;
        if (node === this.selected) return { ...data, forceLabel: true, zIndex: 2 };
        if (this.neighbours.has(node)) return { ...data, forceLabel: true };
        return { ...data, color: '#d8d8d8', label: '' };
      },
      edgeReducer: (edge, data, attrs) => {
        if (attrs.hidden) return { ...data, visibility: 'hidden' };
        if (!this.selected) return data;
        const [source, target] = this.graph.extremities(edge);
        return source === this.selected || target === this.selected ? data : { ...data, color: 'rgba(200,200,200,0.15)' };
      },
    } as ConstructorParameters<typeof Sigma<NodeAttributes, EdgeAttributes>>[2]);
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
    setSigmaGraph(this.sigma, graph);
    return this.counts(selection);
  }

  /** A graph of the date's nodes and ties, at their places and sizes. */
  private dateGraph(selection: DateSelection): Graph<NodeAttributes, EdgeAttributes> {
    const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
    this.nodeIn = Uint8Array.from(selection.nodeVisible);
    this.edgeIn = Uint8Array.from(selection.edgeVisible);
    this.payload.nodes.forEach((node, i) => {
      if (selection.nodeVisible[i]) graph.addNode(node.id, this.nodeAttributes(i));
    });
    this.payload.edges.forEach((edge, e) => {
      if (selection.edgeVisible[e]) graph.addEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
    });
    return graph;
  }

  private nodeAttributes(i: number): NodeAttributes {
    const node = this.payload.nodes[i];
    return { x: this.places[i].x, y: this.places[i].y, size: this.sizes[i], color: sectorColour(node.sector), label: node.label, sector: node.sector, kind: node.kind, hidden: false };
  }

  /**
   * Shows one date. A slider step changes few items (the ties that start or end
   * that month, the actors that join or leave, their partners' sizes): those are
   * added (the first time they are drawn), hidden, shown or resized one by one, so
   * sigma re-evaluates only them. A larger change (a jump across years, another
   * size measure, a selected actor whose highlight follows its partners) is one
   * batch update of the nodes and one of the ties, after adding those new to the
   * graph; the nodes' batch carries no hint, so sigma rebuilds its label grid.
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
    const edges = this.payload.edges;
    const changedNodes: number[] = [];
    const changedEdges: number[] = [];
    for (let i = 0; i < nodes.length; i += 1) {
      if (selection.nodeVisible[i] ? !this.nodeIn[i] || !previous?.nodeVisible[i] || before[i] !== sizes[i] : this.nodeIn[i] && previous?.nodeVisible[i]) changedNodes.push(i);
    }
    for (let e = 0; e < edges.length; e += 1) {
      if (selection.edgeVisible[e] ? !this.edgeIn[e] || !previous?.edgeVisible[e] : this.edgeIn[e] && previous?.edgeVisible[e]) changedEdges.push(e);
    }
    // New items join the graph (an event each; sigma indexes only them).
    for (const i of changedNodes) {
      if (this.nodeIn[i]) continue;
      this.nodeIn[i] = 1;
      this.graph.addNode(nodes[i].id, this.nodeAttributes(i));
    }
    let edgesAdded = false;
    for (const e of changedEdges) {
      if (this.edgeIn[e]) continue;
      this.edgeIn[e] = 1;
      edgesAdded = true;
      this.graph.addEdgeWithKey(edges[e].id, edges[e].source, edges[e].target, edgeAttributes(edges[e]));
    }
    const few = previous !== null && this.wanted === null && changedNodes.length + changedEdges.length <= (this.graph.order + this.graph.size) / 20;
    if (few) {
      for (const i of changedNodes) this.graph.mergeNodeAttributes(nodes[i].id, { hidden: selection.nodeVisible[i] === 0, size: sizes[i] });
      for (const e of changedEdges) this.graph.setEdgeAttribute(edges[e].id, 'hidden', selection.edgeVisible[e] === 0);
      // Nothing changed that month: no update schedules a render, yet the caller waits for one.
      if (changedNodes.length + changedEdges.length === 0) this.sigma.scheduleRender();
    } else {
      const at = this.nodeAt;
      this.graph.updateEachNodeAttributes((id, attributes) => {
        const i = at.get(id) as number;
        attributes.hidden = selection.nodeVisible[i] === 0;
        attributes.size = sizes[i];
        return attributes;
      });
      // A batch hinted 'hidden' alone makes sigma skip indexing, which ties added above still need (it throws
      // "can't be repaint"); the 'zIndex' hint makes it index them, as any ordering change does.
      this.graph.updateEachEdgeAttributes(
        (id, attributes) => {
          attributes.hidden = selection.edgeVisible[Number(id)] === 0;
          return attributes;
        },
        { attributes: edgesAdded ? ['hidden', 'zIndex'] : ['hidden'] },
      );
    }
    // The updates above already schedule sigma's refresh: update the highlight without another.
    this.highlight(this.wanted);
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
    if (!this.graph.hasNode(a) || !this.graph.hasNode(b)) return false;
    return this.graph.edges(a, b).some((edge) => !this.graph.getEdgeAttribute(edge, 'hidden'));
  }

  /** Drawn partners of a drawn actor. */
  private drawnNeighbours(id: string): string[] {
    const partners = new Set<string>();
    this.graph.forEachEdge(id, (_edge, attributes, source, target) => {
      if (!attributes.hidden) partners.add(source === id ? target : source);
    });
    return [...partners];
  }

  /** Highlights an actor and its partners (null clears). */
  select(id: string | null): void {
    this.wanted = id;
    this.highlight(id);
    this.sigma.refresh({ skipIndexation: true });
  }

  private highlight(id: string | null): void {
    this.selected = id && this.isDrawn(id) ? id : null;
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
