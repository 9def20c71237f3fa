/**
 * The drawing: one graphology graph rendered by sigma (WebGL). The graph holds the
 * scope's union over the slider's whole range, loaded once; a date only toggles
 * which nodes and ties are drawn (`hidden`) and resizes the nodes, in one batch
 * update each, so a slider step asks the service for nothing. Positions come from
 * the layout over the same range, so an actor keeps its place as the date moves.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { DateFilter, type DateSelection } from './dateFilter';
import { sectorColour } from './sectors';
import type { SizeBy } from './viewState';
import type { NetworkPayload } from './networkPayload';

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  sector: string;
  kind: string;
  hidden: boolean;
}

interface EdgeAttributes {
  size: number;
  color: string;
  crossesSectors: boolean;
  hidden: boolean;
}

/** What one date shows: counts for the page and its legend. */
export interface DrawnCounts {
  nodes: number;
  edges: number;
  crossing: number;
  bySector: Map<string, number>;
}

// Ties within a sector recede; ties across sectors, the point of the service, stand out.
const WITHIN_SECTOR = { color: 'rgba(120,120,120,0.25)', size: 0.6 };
const ACROSS_SECTORS = { color: 'rgba(40,40,40,0.85)', size: 1.6 };

/** A node's place when the layout has none (layout NONE or a node outside its range): a spiral, stable per id. */
function fallbackPosition(id: string): { x: number; y: number } {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  const angle = (Math.abs(hash) % 3600) / 10;
  const radius = 1 + (Math.abs(hash >> 8) % 100) / 100;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

const degreeSize = (degree: number): number => 2 + 2.2 * Math.sqrt(degree);
const betweennessSize = (value: number, max: number): number => 2 + 14 * Math.sqrt(value / (max || 1));

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
  private edgeAt = new Map<string, number>();
  private shown: DateSelection | null = null;
  /** Node sizes drawn, by the payload's order. */
  private sizes = new Float64Array(0);
  /** Betweenness on the shown date, when nodes are sized by it (null: sized by degree). */
  private betweenness: Map<string, number> | null = null;

  constructor(container: HTMLElement) {
    this.sigma = new Sigma(this.graph, container, {
      settings: { labelDensity: 0.08, labelRenderedSizeThreshold: 9, stagePadding: 24, hideEdgesOnMove: true },
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
   * Loads a scope's union and draws one date of it. The graph is built apart with
   * that date's visibility and sizes already set and handed to sigma whole: sigma
   * indexes, processes and renders it once, synchronously (setGraph). Added to the
   * graph sigma draws, every node and tie would be one event and one scheduled
   * refresh; and built hidden, then shown, it would be processed twice.
   * `mark` is told when the graph is built (the page's phase marks).
   */
  load(payload: NetworkPayload, date: string, mark: (phase: string) => void = () => undefined): DrawnCounts {
    this.payload = payload;
    this.filter = new DateFilter(payload.nodes, payload.edges);
    this.nodeAt = new Map(payload.nodes.map((node, i) => [node.id, i]));
    this.edgeAt = new Map(payload.edges.map((edge, i) => [edge.id, i]));
    const selection = this.filter.at(date);
    // Betweenness arrives later (an analysis per date): degree sizes until then.
    this.betweenness = null;
    const sizeOf = this.sizer(selection, this.nodeAt);
    const sizes = Float64Array.from(payload.nodes, (node, i) => sizeOf(node.id, i));
    const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
    payload.nodes.forEach((node, i) => {
      const place = node.x === null || node.y === null ? fallbackPosition(node.id) : { x: node.x, y: node.y };
      graph.addNode(node.id, { x: place.x, y: place.y, size: sizes[i], color: sectorColour(node.sector), label: node.label, sector: node.sector, kind: node.kind, hidden: selection.nodeVisible[i] === 0 });
    });
    payload.edges.forEach((edge, e) => {
      const style = edge.crossesSectors ? ACROSS_SECTORS : WITHIN_SECTOR;
      graph.addEdgeWithKey(edge.id, edge.source, edge.target, { color: style.color, size: style.size * (0.6 + edge.strength / 5), crossesSectors: edge.crossesSectors, hidden: selection.edgeVisible[e] === 0 });
    });
    mark('graph-built');
    this.graph = graph;
    this.shown = selection;
    this.sizes = sizes;
    this.highlight(this.wanted);
    this.sigma.setGraph(graph);
    return this.counts(selection);
  }

  /**
   * Shows one date. A slider step changes few items (the ties that start or end
   * that month, their ends' sizes): those are updated one by one, so sigma
   * re-evaluates only them and reprocesses its programs once for the frame. A larger
   * change (the first date, another size measure, a selected actor whose highlight
   * follows its partners) is one batch update of the nodes and one of the ties. The
   * nodes' batch carries no hint, so sigma rebuilds its label grid, which must learn
   * of nodes shown again.
   */
  showDate(date: string, sizeBy: SizeBy, betweenness: Map<string, number> | null = null): DrawnCounts {
    const selection = this.filter.at(date);
    const previous = this.shown;
    this.shown = selection;
    this.betweenness = sizeBy === 'betweenness' ? betweenness : null;
    const sizeOf = this.sizer(selection, this.nodeAt);
    const nodes = this.payload.nodes;
    const edges = this.payload.edges;
    const sizes = Float64Array.from(nodes, (node, i) => sizeOf(node.id, i));
    const changedNodes: number[] = [];
    const changedEdges: number[] = [];
    if (previous) {
      for (let i = 0; i < nodes.length; i += 1) if (previous.nodeVisible[i] !== selection.nodeVisible[i] || this.sizes[i] !== sizes[i]) changedNodes.push(i);
      for (let e = 0; e < edges.length; e += 1) if (previous.edgeVisible[e] !== selection.edgeVisible[e]) changedEdges.push(e);
    }
    const few = previous !== null && this.wanted === null && changedNodes.length + changedEdges.length <= (nodes.length + edges.length) / 20;
    if (few) {
      for (const i of changedNodes) this.graph.mergeNodeAttributes(nodes[i].id, { hidden: selection.nodeVisible[i] === 0, size: sizes[i] });
      for (const e of changedEdges) this.graph.setEdgeAttribute(edges[e].id, 'hidden', selection.edgeVisible[e] === 0);
      // Nothing changed that month: no update schedules a render, yet the caller waits for one.
      if (changedNodes.length + changedEdges.length === 0) this.sigma.scheduleRender();
    } else {
      const at = this.nodeAt;
      const edgeAt = this.edgeAt;
      this.graph.updateEachNodeAttributes((id, attributes) => {
        const i = at.get(id) as number;
        attributes.hidden = selection.nodeVisible[i] === 0;
        attributes.size = sizes[i];
        return attributes;
      });
      this.graph.updateEachEdgeAttributes(
        (id, attributes) => {
          attributes.hidden = selection.edgeVisible[edgeAt.get(id) as number] === 0;
          return attributes;
        },
        { attributes: ['hidden'] },
      );
    }
    this.sizes = sizes;
    // The updates above already schedule sigma's refresh: update the highlight without another.
    this.highlight(this.wanted);
    return this.counts(selection);
  }

  /** Resizes the shown nodes by betweenness once it has been computed for the date. */
  sizeByBetweenness(values: Map<string, number>): void {
    if (!this.shown) return;
    this.betweenness = values;
    const at = this.nodeAt;
    const sizeOf = this.sizer(this.shown, at);
    this.sizes = Float64Array.from(this.payload.nodes, (node, i) => sizeOf(node.id, i));
    const sizes = this.sizes;
    this.graph.updateEachNodeAttributes((id, attributes) => {
      attributes.size = sizes[at.get(id) as number];
      return attributes;
    });
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
