import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import type { NetworkPayload } from '../networkService';
import { nodeAttributes } from './networkFile';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

type KeyType = 'string' | 'int' | 'double' | 'boolean';

/** The typed keys: [id, for, attr.name, attr.type]. Ids differ for nodes and edges, names may not. */
const NODE_KEYS: ReadonlyArray<[string, string, KeyType]> = [
  ['n_label', 'label', 'string'],
  ['n_sector', 'sector', 'string'],
  ['n_kind', 'kind', 'string'],
  ['n_areas', 'areas', 'string'],
  ['n_degree', 'degree', 'int'],
  ['n_betweenness', 'betweenness', 'double'],
  ['n_community', 'community', 'int'],
  ['n_brokerageRole', 'brokerageRole', 'string'],
  ['n_x', 'x', 'double'],
  ['n_y', 'y', 'double'],
  ['n_start', 'start', 'string'],
  ['n_end', 'end', 'string'],
];
const EDGE_KEYS: ReadonlyArray<[string, string, KeyType]> = [
  ['e_kind', 'kind', 'string'],
  ['e_strength', 'strength', 'int'],
  ['e_since', 'since', 'string'],
  ['e_until', 'until', 'string'],
  ['e_crossesSectors', 'crossesSectors', 'boolean'],
];

function child(document: Document, parent: Element, name: string, attributes: Record<string, string> = {}): Element {
  const element = document.createElementNS(GRAPHML_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  parent.appendChild(element);
  return element;
}

/** A <data> per key whose value is there (null is left out, as GraphML's "no value"). */
function writeData(document: Document, element: Element, keys: ReadonlyArray<[string, string, KeyType]>, values: Record<string, unknown>): void {
  for (const [id, name] of keys) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    child(document, element, 'data', { key: id }).appendChild(document.createTextNode(String(value)));
  }
}

/**
 * GraphML (yEd, Cytoscape desktop, igraph, NetworkX), built as a DOM with
 * @xmldom/xmldom and serialised by it (graphology-graphml only parses): an
 * undirected graph, a typed <key> per attribute, each tie an edge with its id.
 */
export function networkGraphml(payload: NetworkPayload): string {
  const document = new DOMImplementation().createDocument(GRAPHML_NS, 'graphml', null);
  const root = document.documentElement as Element;
  for (const [id, name, type] of NODE_KEYS) child(document, root, 'key', { id, for: 'node', 'attr.name': name, 'attr.type': type });
  for (const [id, name, type] of EDGE_KEYS) child(document, root, 'key', { id, for: 'edge', 'attr.name': name, 'attr.type': type });
  const graph = child(document, root, 'graph', { id: 'samverkan', edgedefault: 'undirected' });
  for (const node of payload.nodes) {
    writeData(document, child(document, graph, 'node', { id: node.id }), NODE_KEYS, { ...nodeAttributes(node), x: node.x, y: node.y, start: node.start, end: node.end });
  }
  for (const edge of payload.edges) {
    writeData(document, child(document, graph, 'edge', { id: edge.id, source: edge.source, target: edge.target }), EDGE_KEYS, { ...edge });
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document)}`;
}
