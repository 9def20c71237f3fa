/**
 * A union's nodes and ties by index (the payload's order): each node's index by
 * id, each tie's two ends and each node's ties. Built once per union; the layers
 * and the highlight read it.
 */
import { tieEnds } from './dateFilter';
import type { NetworkPayload } from './networkPayload';

export class UnionIndex {
  readonly nodeAt: ReadonlyMap<string, number>;
  /** Tie e joins nodes edgeEnds[2e] and edgeEnds[2e + 1] (-1: an end outside the union). */
  readonly edgeEnds: Int32Array;
  private readonly incident: number[][];

  constructor(payload: NetworkPayload) {
    const { nodeAt, ends } = tieEnds(payload.nodes, payload.edges);
    this.nodeAt = nodeAt;
    this.edgeEnds = ends;
    this.incident = payload.nodes.map(() => []);
    for (let e = 0; e < payload.edges.length; e += 1) {
      const [s, t] = [ends[2 * e], ends[2 * e + 1]];
      this.incident[s]?.push(e);
      if (t !== s) this.incident[t]?.push(e);
    }
  }

  /** Node i's partners over the ties marked in `visible` (1: drawn), as indexes. */
  partners(i: number, visible: Uint8Array): Set<number> {
    const partners = new Set<number>();
    for (const e of this.incident[i]) {
      if (visible[e]) partners.add(this.edgeEnds[2 * e] === i ? this.edgeEnds[2 * e + 1] : this.edgeEnds[2 * e]);
    }
    return partners;
  }
}
