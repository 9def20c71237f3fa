import Graph from 'graphology';
import { write } from 'graphology-gexf';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { NetworkPayload } from '../networkService';
import { rgbOf, SECTOR_COLOURS, TIE_COLOURS } from '../sectorColours';
import { nodeAttributes } from './networkFile';

/** As rgb(): the writer then writes r/g/b, which every GEXF reader takes (NetworkX does not read 1.3's hex). */
const rgb = (hex: string): string => {
  const { r, g, b } = rgbOf(hex);
  return `rgb(${r},${g},${b})`;
};

/** graphology-gexf leaves out null attributes: a measure not asked for is simply absent. */
const present = (attributes: Record<string, unknown>) => Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined));

/**
 * GEXF 1.3 for Gephi, written by graphology-gexf, with Gephi's dynamic mode added
 * to its output through the DOM (the writer has no start/end): the graph is
 * `mode="dynamic" timeformat="date"`, each tie runs from its first to its last
 * day, each actor over its membership in the scope's areas, so Gephi's timeline
 * plays the network's history. Sector, kind and the measures are attributes; the
 * layout and the sector colours are viz attributes.
 */
export function networkGexf(payload: NetworkPayload, description: string): string {
  const graph = new Graph({ type: 'undirected', multi: true });
  graph.setAttribute('creator', 'Samverkan');
  graph.setAttribute('description', description);
  for (const node of payload.nodes) graph.addNode(node.id, node);
  for (const edge of payload.edges) graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, edge);
  const text = write(graph, {
    version: '1.3',
    formatNode: (_key, node) => {
      const { label, ...attributes } = nodeAttributes(node as NetworkPayload['nodes'][number]);
      const size = 4 + 2 * Math.sqrt(node.degree as number);
      const position = node.x === null ? {} : { x: node.x as number, y: node.y as number, z: 0 };
      return { label, attributes: present(attributes), viz: { color: rgb(SECTOR_COLOURS[node.sector as keyof typeof SECTOR_COLOURS]), size, ...position } };
    },
    formatEdge: (_key, edge) => ({
      weight: edge.strength as number,
      attributes: present({ kind: edge.kind, strength: edge.strength, since: edge.since, until: edge.until, crossesSectors: edge.crossesSectors }),
      viz: { color: rgb(edge.crossesSectors ? TIE_COLOURS.acrossSectors : TIE_COLOURS.withinSector) },
    }),
  });
  return withDynamics(text, payload);
}

/** Sets the graph's dynamic mode and each node's and edge's start and end. */
function withDynamics(text: string, payload: NetworkPayload): string {
  const document = new DOMParser().parseFromString(text, 'text/xml');
  const graphElement = document.getElementsByTagName('graph')[0];
  graphElement.setAttribute('mode', 'dynamic');
  graphElement.setAttribute('timeformat', 'date');
  const spans = new Map<string, { start: string | null; end: string | null }>();
  for (const node of payload.nodes) spans.set(`node:${node.id}`, { start: node.start, end: node.end });
  for (const edge of payload.edges) spans.set(`edge:${edge.id}`, { start: edge.since, end: edge.until });
  for (const tag of ['node', 'edge'] as const) {
    // Copied out first: xmldom's live list walks the whole document again after every change to it.
    const list = document.getElementsByTagName(tag);
    const elements = Array.from({ length: list.length }, (_, i) => list[i] as Element);
    for (const element of elements) {
      const span = spans.get(`${tag}:${element.getAttribute('id')}`);
      if (span?.start) element.setAttribute('start', span.start);
      if (span?.end) element.setAttribute('end', span.end);
    }
  }
  return new XMLSerializer().serializeToString(document);
}
