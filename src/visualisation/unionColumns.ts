/**
 * The explorer's union in columns: the same nodes and ties as
 * `network(overLayoutPeriod: true)`, one array per field instead of one object
 * per item. A 10k-actor district's union (13k actors, 38k ties) is half a million
 * fields: through GraphQL each is a resolver call and its checks; here the
 * service writes plain arrays and the page parses them in a fraction of the time.
 * Ties refer to their ends by position in the node arrays; a tie's id and kind
 * and an actor's kind (fixed by its sector) are left out, as the page draws none.
 */
import type { NetworkPayload } from './networkService';
import { UNION_COLUMNS_VERSION, type UnionColumns } from './unionColumnsShape';

export function unionColumns(payload: Pick<NetworkPayload, 'nodes' | 'edges' | 'provisional'>): UnionColumns {
  const at = new Map(payload.nodes.map((node, i) => [node.id, i]));
  const { nodes, edges } = payload;
  // Every tie of a scope's network joins two of its nodes; one that did not would be a bug upstream, not a client's problem.
  const position = (id: string): number => {
    const i = at.get(id);
    if (i === undefined) throw new Error(`unionColumns: tie end ${id} is not a node of the payload`);
    return i;
  };
  return {
    version: UNION_COLUMNS_VERSION,
    ...(payload.provisional ? { provisional: true } : {}),
    nodes: {
      id: nodes.map((node) => node.id),
      label: nodes.map((node) => node.label),
      sector: nodes.map((node) => node.sector),
      x: nodes.map((node) => node.x),
      y: nodes.map((node) => node.y),
      periods: nodes.map((node) => node.periods.flatMap((period) => [period.start, period.end])),
    },
    edges: {
      source: edges.map((edge) => position(edge.source)),
      target: edges.map((edge) => position(edge.target)),
      strength: edges.map((edge) => edge.strength),
      since: edges.map((edge) => edge.since),
      until: edges.map((edge) => edge.until),
      crossesSectors: edges.map((edge) => (edge.crossesSectors ? 1 : 0)),
    },
  };
}
