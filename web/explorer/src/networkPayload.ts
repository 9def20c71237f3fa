/** The network the page draws, as the service sends it (GET /exports/network-union.json, decoded by unionColumns.ts). */

export interface NetworkNode {
  id: string;
  label: string;
  kind: string;
  sector: string;
  x: number | null;
  y: number | null;
  periods: Array<{ start: string | null; end: string | null }>;
}

export interface NetworkEdge {
  /** The graph's key for the tie (its position in the union). */
  id: string;
  source: string;
  target: string;
  strength: number;
  since: string | null;
  until: string | null;
  crossesSectors: boolean;
}

/** The scope's union over the slider's range (`network(overLayoutPeriod: true)`, sent in columns: unionColumns.ts). */
export interface NetworkPayload {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The positions are the layout's start: the scope was never laid out, its layout is being computed (UnionCache.settled). */
  provisional?: boolean;
}
