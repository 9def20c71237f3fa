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

/** Each node's index by id, and each tie's two ends by index (tie e joins ends[2e] and ends[2e + 1]; -1: an end not among the nodes). */
export function tieEnds(nodes: ReadonlyArray<{ id: string }>, edges: ReadonlyArray<{ source: string; target: string }>): { nodeAt: Map<string, number>; ends: Int32Array } {
  const nodeAt = new Map(nodes.map((node, i) => [node.id, i]));
  const ends = new Int32Array(edges.length * 2);
  edges.forEach((edge, e) => {
    ends[2 * e] = nodeAt.get(edge.source) ?? -1;
    ends[2 * e + 1] = nodeAt.get(edge.target) ?? -1;
  });
  return { nodeAt, ends };
}

const holds = (start: string | null, end: string | null, date: string): boolean => (start === null || start <= date) && (end === null || end >= date);

export class DateFilter {
  /** `ends`: the ties' ends by index (tieEnds), when the caller has them already. */
  constructor(
    private readonly nodes: readonly DatedNode[],
    private readonly edges: readonly DatedEdge[],
    private readonly touching = false,
    private readonly ends: Int32Array = tieEnds(nodes, edges).ends,
  ) {}

  /** Whether a tie may be drawn given which of its ends are members: both, or one with TOUCHING. */
  private endsAllow(source: boolean | number, target: boolean | number): boolean {
    return this.touching ? Boolean(source || target) : Boolean(source && target);
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
      const s = this.ends[2 * e];
      const t = this.ends[2 * e + 1];
      if (s < 0 || t < 0) continue;
      const edge = this.edges[e];
      if (!holds(edge.since, edge.until, date)) continue;
      if (!this.endsAllow(member[s], member[t])) continue;
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

  /**
   * 1 for the ties drawn on every day from `from` to `to` (a subset of `at(date)`'s
   * for each such date): the tie's since–until and one membership period of each end
   * (of one, with TOUCHING) hold the whole span. A tie drawn throughout by other means
   * (adjacent periods, ends members on different days) is left out: what it misses is
   * drawn day by day.
   */
  throughout(from: string, to: string): Uint8Array {
    const member = this.nodes.map((node) => node.periods.some((period) => holds(period.start, period.end, from) && holds(period.start, period.end, to)));
    const drawn = new Uint8Array(this.edges.length);
    for (let e = 0; e < this.edges.length; e += 1) {
      const s = this.ends[2 * e];
      const t = this.ends[2 * e + 1];
      const edge = this.edges[e];
      if (s < 0 || t < 0 || !holds(edge.since, edge.until, from) || !holds(edge.since, edge.until, to)) continue;
      if (this.endsAllow(member[s], member[t])) drawn[e] = 1;
    }
    return drawn;
  }
}
