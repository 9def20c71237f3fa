import type { NetworkPayload } from '../networkService';
import { nodeAttributes } from './networkFile';

/**
 * Cytoscape.js elements JSON (`cy.add(json.elements)`, or Cytoscape desktop's
 * "Import network from file"). `directed` and `multigraph` are there for
 * NetworkX's cytoscape_graph, as are each node's `value` (its id) and `name`
 * (its label, which Cytoscape desktop shows too), and each edge's `key` (its tie
 * id), which keeps two ties between one pair apart there.
 */
export function networkCytoscapeJson(payload: NetworkPayload, name: string): string {
  return JSON.stringify({
    data: { name },
    directed: false,
    multigraph: true,
    elements: {
      nodes: payload.nodes.map((node) => ({
        data: { id: node.id, value: node.id, name: node.label, ...nodeAttributes(node), start: node.start, end: node.end },
        ...(node.x === null ? {} : { position: { x: node.x, y: node.y } }),
      })),
      edges: payload.edges.map((edge) => ({ data: { ...edge, key: edge.id } })),
    },
  });
}
