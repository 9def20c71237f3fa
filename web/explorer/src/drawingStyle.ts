/**
 * How the explorer draws: the attributes of sigma's nodes and ties, their sizes
 * and colours, sigma's settings for a large district under a CPU rasteriser, and
 * a work-around for sigma 4.0.4 (networkView.ts draws with them).
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { NetworkPayload } from './networkPayload';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  sector: string;
  kind: string;
  hidden: boolean;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  crossesSectors: boolean;
  hidden: boolean;
  /** Never set: named in a batch update's hint only (see showDate). */
  zIndex?: number;
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

/**
 * Sigma's settings, chosen for a 10k-actor district drawn by a CPU rasteriser:
 * ties without anti-aliasing and thinner (a tie's quad is its thickness plus the
 * feather on each side, and 25k ties cover millions of pixels), labels only for
 * large nodes and never while the camera moves. Nodes keep anti-aliasing: they
 * are few and their edges show.
 */
export const SIGMA_SETTINGS = {
  labelDensity: 0.08,
  labelRenderedSizeThreshold: 12,
  stagePadding: 24,
  hideEdgesOnMove: true,
  hideLabelsOnMove: true,
  antialiasEdges: false,
  minEdgeThickness: 0.8,
};

/** A node's place when the layout has none (layout NONE or a node outside its range): a spiral, stable per id. */
export function fallbackPosition(id: string): { x: number; y: number } {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  const angle = (Math.abs(hash) % 3600) / 10;
  const radius = 1 + (Math.abs(hash >> 8) % 100) / 100;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

export const degreeSize = (degree: number): number => 2 + 2.2 * Math.sqrt(degree);
export const betweennessSize = (value: number, max: number): number => 2 + 14 * Math.sqrt(value / (max || 1));

export function edgeAttributes(edge: NetworkPayload['edges'][number]): EdgeAttributes {
  const style = edge.crossesSectors ? ACROSS_SECTORS : WITHIN_SECTOR;
  return { color: style.color, size: style.size * (0.6 + edge.strength / 5), crossesSectors: edge.crossesSectors, hidden: false };
}

/** The places' extent: the camera's frame for every date of the union. */
export function boundingBox(places: ReadonlyArray<{ x: number; y: number }>): { x: [number, number]; y: [number, number] } {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of places) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { x: [minX, maxX], y: [minY, maxY] };
}

/**
 * sigma.setGraph, with a work-around: sigma 4.0.4's setGraph leaves its index of
 * parallel ties (edgeGroups) on the graph it was constructed with, so a tie added
 * later fails in it ("could not find the edge"). Pointing the index at the new
 * graph first lets setGraph's full refresh rebuild it from the right one.
 */
export function setSigmaGraph<N extends object, E extends object>(sigma: Sigma<N & Attributes, E & Attributes>, graph: Graph<N & Attributes, E & Attributes>): void {
  const internals = sigma as unknown as { edgeGroups?: { graph: unknown } };
  if (internals.edgeGroups) internals.edgeGroups.graph = graph;
  sigma.setGraph(graph);
}
