/**
 * Every union node's framed position: sigma's normalised coordinates, which its
 * camera matrix maps to the screen. The explorer's own layers (the ties,
 * tieLines.ts, and the actors, nodeDots.ts) draw from them. Found once per union:
 * nodes keep their places until the next one.
 */
import type Sigma from 'sigma';

/** What the places are found from: the union's nodes, by index. */
export interface PlaceSource {
  count(): number;
  nodeId(node: number): string;
  /** A node's position in graph coordinates (the layout's). */
  position(node: number): { x: number; y: number };
}

export class FramedPlaces {
  /** NaN: a node sigma does not place. */
  x = new Float64Array(0);
  y = new Float64Array(0);
  private framed = false;
  /** Counts resets: something drawn from the places (the kept ties' texture) is stale once it changes. */
  generation = 0;
  /** The farthest node found for the current positions (null: not looked for since the last reset). */
  private far: number | null = null;

  constructor(
    private readonly sigma: Pick<Sigma, 'getNodeDisplayData'>,
    private readonly source: PlaceSource,
  ) {}

  /** The union's nodes. */
  count(): number {
    return this.source.count();
  }

  nodeId(node: number): string {
    return this.source.nodeId(node);
  }

  /** Another union: the places are found again at the next `ensure`. */
  reset(): void {
    this.generation += 1;
    this.framed = false;
    this.far = null;
  }

  /** Finds the places unless they are current (call after sigma has processed the graph: at render). */
  ensure(): void {
    if (!this.framed) this.frame(this.source.count());
  }

  /** The nodes whose display data the places are found from: all of them when none is `farthest`. */
  anchors(): number[] {
    const far = this.farthest();
    return far > 0 ? [0, far] : Array.from({ length: this.source.count() }, (_, node) => node);
  }

  /** The node farthest from the first in both directions (-1: none differs from it in both), looked for once per reset. */
  private farthest(): number {
    this.far ??= this.lookForFarthest();
    return this.far;
  }

  private lookForFarthest(): number {
    const { source } = this;
    const nodes = source.count();
    const a = nodes > 0 ? source.position(0) : null;
    let far = -1;
    let best = 0;
    for (let node = 1; a && node < nodes; node += 1) {
      const p = source.position(node);
      const spread = Math.min(Math.abs(p.x - a.x), Math.abs(p.y - a.y));
      if (spread > best) [best, far] = [spread, node];
    }
    return far;
  }

  /**
   * Sigma's normalisation maps graph coordinates affinely (x' = ax + bx·x,
   * y' = ay + by·y), so the map is found from two nodes' display data (sigma copies
   * its display data on every lookup: some 13,000 copies for a district's union
   * otherwise), from the first node and the one farthest from it in both
   * directions; when no two nodes differ in both, each is looked up.
   */
  private frame(nodes: number): void {
    this.x = new Float64Array(nodes).fill(NaN);
    this.y = new Float64Array(nodes).fill(NaN);
    this.framed = true;
    const { source } = this;
    const lookUp = (node: number) => this.sigma.getNodeDisplayData(source.nodeId(node));
    const a = nodes > 0 ? source.position(0) : null;
    const far = this.farthest();
    const [fa, fb] = far > 0 ? [lookUp(0), lookUp(far)] : [undefined, undefined];
    if (a && fa && fb) {
      const b = source.position(far);
      const bx = (fb.x - fa.x) / (b.x - a.x);
      const by = (fb.y - fa.y) / (b.y - a.y);
      for (let node = 0; node < nodes; node += 1) {
        const p = source.position(node);
        this.x[node] = fa.x + bx * (p.x - a.x);
        this.y[node] = fa.y + by * (p.y - a.y);
      }
      return;
    }
    for (let node = 0; node < nodes; node += 1) {
      const found = lookUp(node);
      if (found) [this.x[node], this.y[node]] = [found.x, found.y];
    }
  }
}
