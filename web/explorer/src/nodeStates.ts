/**
 * What sigma holds for each actor of the union, changed only where it differs:
 * whether it is drawn on the date (sigma's `isHidden` state), its role in the
 * highlight (the custom `role` state, drawingStyle.ts) and its size attribute.
 * Sigma re-styles a node whose state changed in place, alone; a size is set on the
 * node's attributes and sigma told which nodes changed, because a graphology
 * update per node would have sigma re-process every node (label grid, glyphs,
 * buffers) at the next frame. Arrays are by the union's order.
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import { LARGE_DISTRICT, ROLES, type NodeAttributes, type NodeState } from './drawingStyle';

type ExplorerSigma = Sigma<NodeAttributes, Attributes, Attributes, NodeState>;

export class NodeStates {
  private hidden = new Uint8Array(0);
  private roles = new Uint8Array(0);
  private sizes = new Float64Array(0);
  private ids: readonly string[] = [];
  /** Each id's index in the union (the view's own map). */
  private at: ReadonlyMap<string, number> = new Map();
  /** Sizes or visibility changed since sigma last picked the labels (see `rested`). */
  private labelsStale = false;
  /** False from a new union until `sync`: sigma does not hold it yet (firstPicture.ts), and is told every state at once then. */
  private synced = true;

  constructor(private readonly sigma: ExplorerSigma) {}

  /** Another union: sigma may hold states of these ids from the last one, so every node's state is set at `sync`, not only differences. */
  reset(ids: readonly string[], at: ReadonlyMap<string, number>, sizes: Float64Array): void {
    this.synced = false;
    this.ids = ids;
    this.at = at;
    this.hidden = new Uint8Array(ids.length).fill(2);
    this.roles = new Uint8Array(ids.length).fill(255);
    this.sizes = Float64Array.from(sizes);
  }

  /** Hides the actors not drawn on the date and shows those that are. */
  visibility(visible: Uint8Array): void {
    const hide: string[] = [];
    const show: string[] = [];
    for (let i = 0; i < this.ids.length; i += 1) {
      const hidden = visible[i] === 0 ? 1 : 0;
      if (this.hidden[i] === hidden) continue;
      this.hidden[i] = hidden;
      // Not synced: sigma is told every state at `sync`.
      if (this.synced) (hidden ? hide : show).push(this.ids[i]);
    }
    if (hide.length > 0) this.sigma.setNodesState(hide, { isHidden: true });
    if (show.length > 0) this.sigma.setNodesState(show, { isHidden: false });
  }

  /** An actor's role (a ROLES index), as last given. */
  role(i: number): number {
    return this.roles[i];
  }

  /** Gives each actor its role (a ROLES index, from `roleOf`). */
  highlight(roleOf: (i: number) => number): void {
    const changed: string[][] = ROLES.map(() => []);
    for (let i = 0; i < this.ids.length; i += 1) {
      const role = roleOf(i);
      if (this.roles[i] === role) continue;
      this.roles[i] = role;
      if (this.synced) changed[role].push(this.ids[i]);
    }
    this.tell(changed);
  }

  /** Tells sigma every actor's state of a union it is about to be handed (each styled once: sigma keeps the states of a new graph's nodes). */
  sync(): void {
    if (this.synced) return;
    this.synced = true;
    const hidden: string[][] = [[], []];
    const byRole: string[][] = ROLES.map(() => []);
    for (let i = 0; i < this.ids.length; i += 1) {
      if (this.hidden[i] < 2) hidden[this.hidden[i]].push(this.ids[i]);
      if (this.roles[i] < ROLES.length) byRole[this.roles[i]].push(this.ids[i]);
    }
    hidden.forEach((ids, state) => {
      if (ids.length > 0) this.sigma.setNodesState(ids, { isHidden: state === 1 });
    });
    this.tell(byRole);
  }

  /** Sets the roles of the ids listed by role (a ROLES index). */
  private tell(byRole: readonly string[][]): void {
    byRole.forEach((ids, role) => {
      if (ids.length > 0) this.sigma.setNodesState(ids, { role: ROLES[role] });
    });
  }

  /** Sets the size attribute of the drawn actors whose size changed; the labels are re-picked at once on a small picture, else once the slider rests (`rested`). */
  resize(graph: Graph<NodeAttributes>, sizes: Float64Array, visible: Uint8Array): void {
    const changed: number[] = [];
    for (let i = 0; i < this.ids.length; i += 1) if (visible[i] && this.sizes[i] !== sizes[i]) changed.push(i);
    if (changed.length > graph.order / 4) {
      // Most sizes changed (another measure, a jump across years): one batch update.
      const at = this.at;
      graph.updateEachNodeAttributes(
        (id, attributes) => {
          attributes.size = sizes[at.get(id) as number];
          return attributes;
        },
        { attributes: ['size'] },
      );
      this.sizes = Float64Array.from(sizes);
    } else if (changed.length > 0) {
      for (const i of changed) {
        this.sizes[i] = sizes[i];
        graph.getNodeAttributes(this.ids[i]).size = sizes[i];
      }
      this.sigma.refresh({ partialGraph: { nodes: changed.map((i) => this.ids[i]) }, skipIndexation: true, schedule: true });
    }
    this.labelsStale = true;
    if (graph.order <= LARGE_DISTRICT) this.rested();
  }

  /**
   * Sigma picks the labels to draw from a grid it builds when it processes every
   * node, which a step no longer asks for: actors that appeared or grew are
   * considered once it does. On a small picture that is at once (the same frame).
   * On a large district it costs a good part of a step (every node processed), so
   * it waits until the slider rests on a shown picture (explorer.ts calls this when
   * the panels are asked for): timed from the step's start instead, a step slower
   * than the delay had it land in its own frames. At a dense district's zoom no
   * label is drawn either way.
   */
  rested(): void {
    if (!this.labelsStale) return;
    this.labelsStale = false;
    this.sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false, schedule: true });
  }
}
