import { SECTORS, type Sector } from '../../model';
import type { NeighbourGraph } from './tieIndex';

const K = SECTORS.length;
const SECTOR_INDEX = new Map<Sector, number>(SECTORS.map((sector, index) => [sector, index]));

/** Actors per sector (indexed as SECTORS) of one part of the network. */
type SectorCounts = Int32Array;

/**
 * What falls apart when one tie or one actor goes: the parts of its component
 * and the sectors in each. Built from one depth-first search of the whole graph
 * (Hopcroft–Tarjan discovery times and low points, plus the actors per sector in
 * every DFS subtree), so each question is answered without searching again:
 * O(n + m) to build, O(degree) per question.
 */
export class Separation {
  private readonly parent: Int32Array;
  private readonly discovered: Int32Array;
  private readonly low: Int32Array;
  private readonly root: Int32Array;
  /** subtree[v*K + s]: actors of sector s in v's DFS subtree (v included). */
  private readonly subtree: Int32Array;

  constructor(private readonly graph: NeighbourGraph) {
    const n = graph.actors.length;
    this.parent = new Int32Array(n).fill(-1);
    this.discovered = new Int32Array(n).fill(-1);
    this.low = new Int32Array(n);
    this.root = new Int32Array(n);
    this.subtree = new Int32Array(n * K);
    let clock = 0;
    for (let start = 0; start < n; start += 1) {
      if (this.discovered[start] >= 0) continue;
      // Iterative DFS: a stack of actors with the position of the next neighbour to look at.
      const stack = [start];
      const next = [0];
      this.visit(start, start, clock++);
      while (stack.length > 0) {
        const v = stack[stack.length - 1];
        const partners = graph.neighbours[v];
        const position = next[next.length - 1]++;
        if (position < partners.length) {
          const w = partners[position];
          if (this.discovered[w] < 0) {
            this.parent[w] = v;
            this.visit(w, start, clock++);
            stack.push(w);
            next.push(0);
          } else if (w !== this.parent[v]) {
            this.low[v] = Math.min(this.low[v], this.discovered[w]);
          }
          continue;
        }
        stack.pop();
        next.pop();
        const p = this.parent[v];
        if (p >= 0) {
          this.low[p] = Math.min(this.low[p], this.low[v]);
          for (let s = 0; s < K; s += 1) this.subtree[p * K + s] += this.subtree[v * K + s];
        }
      }
    }
  }

  /**
   * The sectors on each side of the tie u–v once it is gone, or null when the
   * tie is not a bridge (or not a tie). A bridge is always a DFS tree edge.
   */
  bridgeSides(u: number, v: number): { uSide: Sector[]; vSide: Sector[] } | null {
    const child = this.parent[v] === u ? v : this.parent[u] === v ? u : -1;
    if (child < 0 || this.low[child] <= this.discovered[this.parent[child]]) return null;
    const childSide = this.countsOf(child);
    const otherSide = minus(this.componentCounts(child), childSide);
    return child === v ? { uSide: sectorsIn(otherSide), vSide: sectorsIn(childSide) } : { uSide: sectorsIn(childSide), vSide: sectorsIn(otherSide) };
  }

  /**
   * The parts v's component falls into without v, each as the sectors in it:
   * every DFS child whose subtree has no tie above v is cut off, and the rest of
   * the component (when there is any) stays together. Fewer than two parts means
   * v is no articulation point. Parts are ordered largest first, equal sizes by
   * their sector lists in Sector enum order (compareSectorLists), so the order
   * depends only on the graph.
   */
  partsWithout(v: number): Sector[][] {
    const parts: SectorCounts[] = [];
    const rest = this.componentCounts(v);
    rest[SECTOR_INDEX.get(this.graph.actors[v].sector) as number] -= 1;
    for (const w of this.graph.neighbours[v]) {
      if (this.parent[w] !== v || this.low[w] < this.discovered[v]) continue;
      const part = this.countsOf(w);
      parts.push(part);
      for (let s = 0; s < K; s += 1) rest[s] -= part[s];
    }
    if (total(rest) > 0) parts.push(rest);
    return parts
      .map((counts) => ({ size: total(counts), sectors: sectorsIn(counts) }))
      .sort((a, b) => b.size - a.size || compareSectorLists(a.sectors, b.sectors))
      .map((part) => part.sectors);
  }

  /**
   * Every bridge, as [parent, child] actor numbers of its DFS tree edge: a tie is
   * a bridge exactly when the child's subtree has no other tie reaching the
   * parent or above it (Hopcroft–Tarjan). O(n).
   */
  bridges(): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    for (let child = 0; child < this.parent.length; child += 1) {
      const p = this.parent[child];
      if (p >= 0 && this.low[child] > this.discovered[p]) found.push([p, child]);
    }
    return found;
  }

  /**
   * Every articulation point, in actor-number order: a DFS root with two or more
   * children, or an actor with a child whose subtree reaches no higher than it. O(n).
   */
  articulationPoints(): number[] {
    const n = this.parent.length;
    const rootChildren = new Int32Array(n);
    const cuts = new Uint8Array(n);
    for (let child = 0; child < n; child += 1) {
      const p = this.parent[child];
      if (p < 0) continue;
      if (this.parent[p] < 0) rootChildren[p] += 1;
      else if (this.low[child] >= this.discovered[p]) cuts[p] = 1;
    }
    const points: number[] = [];
    for (let v = 0; v < n; v += 1) if (cuts[v] === 1 || rootChildren[v] >= 2) points.push(v);
    return points;
  }

  private visit(v: number, start: number, time: number): void {
    this.discovered[v] = time;
    this.low[v] = time;
    this.root[v] = start;
    this.subtree[v * K + (SECTOR_INDEX.get(this.graph.actors[v].sector) as number)] = 1;
  }

  private countsOf(v: number): SectorCounts {
    return this.subtree.slice(v * K, v * K + K);
  }

  private componentCounts(v: number): SectorCounts {
    return this.countsOf(this.root[v]);
  }
}

const minus = (a: SectorCounts, b: SectorCounts): SectorCounts => a.map((value, s) => value - b[s]);

const total = (counts: SectorCounts): number => counts.reduce((sum, value) => sum + value, 0);

/** The sectors with at least one actor, in Sector enum order. */
const sectorsIn = (counts: SectorCounts): Sector[] => SECTORS.filter((_, s) => counts[s] > 0);

/** Sectors present in some part but not in every part (Sector enum order). */
export function separatedSectors(parts: ReadonlyArray<readonly Sector[]>): Sector[] {
  if (parts.length === 0) return [];
  return SECTORS.filter((sector) => parts.some((part) => part.includes(sector)) && !parts.every((part) => part.includes(sector)));
}

/**
 * Orders two sector lists (each in enum order) position by position in Sector
 * enum order, as every other list of sectors is ordered; a list that begins
 * another comes first. Comparing the names instead would put ACADEMIA first.
 */
export function compareSectorLists(a: readonly Sector[], b: readonly Sector[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1) {
    const difference = (SECTOR_INDEX.get(a[i]) as number) - (SECTOR_INDEX.get(b[i]) as number);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
