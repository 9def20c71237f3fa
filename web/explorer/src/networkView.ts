/**
 * The drawing: one graphology graph rendered by sigma (WebGL). Each date replaces
 * the graph's nodes and edges with the API's network for that date; positions come
 * from the layout over the whole range, so an actor keeps its place as the date moves.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { sectorColour } from './sectors';
import type { SizeBy } from './viewState';

export interface NetworkNode {
  id: string;
  label: string;
  kind: string;
  sector: string;
  degree: number;
  betweenness: number | null;
  x: number | null;
  y: number | null;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  strength: number;
  crossesSectors: boolean;
}

export interface NetworkPayload {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  sector: string;
  kind: string;
  degree: number;
  betweenness: number | null;
}

interface EdgeAttributes {
  size: number;
  color: string;
  crossesSectors: boolean;
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

function nodeSize(node: { degree: number; betweenness: number | null }, sizeBy: SizeBy, maxBetweenness: number): number {
  if (sizeBy === 'betweenness') return 2 + 14 * Math.sqrt((node.betweenness ?? 0) / (maxBetweenness || 1));
  return 2 + 2.2 * Math.sqrt(node.degree);
}

export class NetworkView {
  readonly graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  private selected: string | null = null;
  private neighbours = new Set<string>();

  constructor(container: HTMLElement) {
    this.sigma = new Sigma(this.graph, container, {
      settings: { labelDensity: 0.08, labelRenderedSizeThreshold: 9, stagePadding: 24, hideEdgesOnMove: true },
      nodeReducer: (node, attributes) => {
        if (!this.selected) return attributes;
        if (node === this.selected) return { ...attributes, forceLabel: true, zIndex: 2 };
        if (this.neighbours.has(node)) return { ...attributes, forceLabel: true };
        return { ...attributes, color: '#d8d8d8', label: '' };
      },
      edgeReducer: (edge, attributes) => {
        if (!this.selected) return attributes;
        const [source, target] = this.graph.extremities(edge);
        return source === this.selected || target === this.selected ? attributes : { ...attributes, color: 'rgba(200,200,200,0.15)' };
      },
    } as ConstructorParameters<typeof Sigma<NodeAttributes, EdgeAttributes>>[2]);
  }

  /**
   * Shows one date's network: the graph is rebuilt from the payload. (Updating only
   * what changed was measured slower in sigma 4 on a 5.7k-actor district: one
   * attribute event per node costs more than one rebuild.)
   */
  show(payload: NetworkPayload, sizeBy: SizeBy): void {
    const maxBetweenness = payload.nodes.reduce((max, n) => Math.max(max, n.betweenness ?? 0), 0);
    this.graph.clear();
    for (const node of payload.nodes) {
      const place = node.x === null || node.y === null ? fallbackPosition(node.id) : { x: node.x, y: node.y };
      this.graph.addNode(node.id, {
        ...place,
        size: nodeSize(node, sizeBy, maxBetweenness),
        color: sectorColour(node.sector),
        label: node.label,
        sector: node.sector,
        kind: node.kind,
        degree: node.degree,
        betweenness: node.betweenness,
      });
    }
    for (const edge of payload.edges) {
      const style = edge.crossesSectors ? ACROSS_SECTORS : WITHIN_SECTOR;
      this.graph.addEdgeWithKey(edge.id, edge.source, edge.target, { ...style, size: style.size * (0.6 + edge.strength / 5), crossesSectors: edge.crossesSectors });
    }
    this.select(this.selected && this.graph.hasNode(this.selected) ? this.selected : null);
  }

  /** Highlights an actor and its partners (null clears). */
  select(id: string | null): void {
    this.selected = id && this.graph.hasNode(id) ? id : null;
    this.neighbours = this.selected ? new Set(this.graph.neighbors(this.selected)) : new Set();
    this.sigma.refresh();
  }

  /** Screen position (CSS pixels within the container) of an actor, for tests and the bench. */
  viewportPosition(id: string): { x: number; y: number } | null {
    // Display data holds framed (normalised) coordinates, not the graph's.
    const data = this.sigma.getNodeDisplayData(id);
    return data ? this.sigma.framedGraphToViewport({ x: data.x, y: data.y }) : null;
  }

  partnersBySector(id: string): Map<string, string[]> {
    const result = new Map<string, string[]>();
    if (!this.graph.hasNode(id)) return result;
    for (const partner of this.graph.neighbors(id)) {
      const sector = this.graph.getNodeAttribute(partner, 'sector');
      const names = result.get(sector) ?? [];
      names.push(this.graph.getNodeAttribute(partner, 'label'));
      result.set(sector, names);
    }
    return result;
  }

  /** Actors whose label contains the text (case-insensitive), best (shortest) first. */
  search(text: string, limit = 12): Array<{ id: string; label: string; sector: string }> {
    const needle = text.trim().toLocaleLowerCase('sv');
    if (!needle) return [];
    const hits: Array<{ id: string; label: string; sector: string }> = [];
    this.graph.forEachNode((id, attributes) => {
      if (attributes.label.toLocaleLowerCase('sv').includes(needle)) hits.push({ id, label: attributes.label, sector: attributes.sector });
    });
    return hits.sort((a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label, 'sv')).slice(0, limit);
  }
}
