import { encodeCursor } from './cursor';

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Resolved only when the client selects it. */
  totalCount: () => Promise<number>;
}

/**
 * Builds a forward connection from `first + 1` fetched rows: the extra row only
 * tells whether another page follows.
 */
export function toConnection<T, E extends { node: T } = { node: T }>(
  list: string,
  rows: E[],
  first: number,
  keyOf: (row: E) => string,
  totalCount: () => Promise<number>,
): Omit<Connection<T>, 'edges'> & { edges: Array<E & { cursor: string }> } {
  const page = rows.slice(0, first);
  // An edge's cursor is encoded only when the client selects it: lists are usually read through `nodes` and `endCursor`.
  const edges = page.map((row) => ({
    ...row,
    get cursor() {
      return encodeCursor(list, keyOf(row));
    },
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
