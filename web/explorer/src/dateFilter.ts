/**
 * Which of a union's nodes and ties belong on one date, by the scope rules the
 * service applies (src/visualisation/scopeNetwork.ts): a node is drawn on the days
 * one of its membership periods holds; a tie on the days its since–until holds,
 * when both ends are members (or one, with membership TOUCHING); an outside partner
 * (no periods) when one of its ties is drawn. Degree is distinct partners drawn, as
 * the API's. Dates are ISO strings, which order as the days do; null ends are open.
 * Pure and DOM-free, so it is tested on its own.
 */
export interface DatedNode {
  id: string;
  periods: ReadonlyArray<{ start: string | null; end: string | null }>;
}

export interface DatedEdge {
  source: string;
  target: string;
  since: string | null;
  until: string | null;
}

export interface DateSelection {
  /** 1 where drawn, by the order given. */
  nodeVisible: Uint8Array;
  edgeVisible: Uint8Array;
  /** Distinct partners drawn, per node. */
  degree: Int32Array;
  nodeCount: number;
  edgeCount: number;
}

const holds = (start: string | null, end: string | null, date: string): boolean => (start === null || start <= date) && (end === null || end >= date);

export class DateFilter {
  private readonly source: Int32Array;
  private readonly target: Int32Array;

  constructor(
    private readonly nodes: readonly DatedNode[],
    private readonly edges: readonly DatedEdge[],
    private readonly touching = false,
  ) {
    const at = new Map(nodes.map((node, i) => [node.id, i]));
    this.source = Int32Array.from(edges, (edge) => at.get(edge.source) ?? -1);
    this.target = Int32Array.from(edges, (edge) => at.get(edge.target) ?? -1);
  }

  at(date: string): DateSelection {
    const n = this.nodes.length;
    const member = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) if (this.nodes[i].periods.some((period) => holds(period.start, period.end, date))) member[i] = 1;
    const nodeVisible = Uint8Array.from(member);
    const edgeVisible = new Uint8Array(this.edges.length);
    const degree = new Int32Array(n);
    // Two ties between one pair (two kinds) are one partner: count pairs once.
    const pairs = new Set<number>();
    let edgeCount = 0;
    for (let e = 0; e < this.edges.length; e += 1) {
      const s = this.source[e];
      const t = this.target[e];
      if (s < 0 || t < 0) continue;
      const edge = this.edges[e];
      if (!holds(edge.since, edge.until, date)) continue;
      if (this.touching ? !member[s] && !member[t] : !member[s] || !member[t]) continue;
      edgeVisible[e] = 1;
      edgeCount += 1;
      nodeVisible[s] = 1;
      nodeVisible[t] = 1;
      const [low, high] = s < t ? [s, t] : [t, s];
      const key = low * n + high;
      if (pairs.has(key) || s === t) continue;
      pairs.add(key);
      degree[s] += 1;
      degree[t] += 1;
    }
    let nodeCount = 0;
    for (let i = 0; i < n; i += 1) nodeCount += nodeVisible[i];
    return { nodeVisible, edgeVisible, degree, nodeCount, edgeCount };
  }
}
