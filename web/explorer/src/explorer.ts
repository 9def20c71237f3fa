/**
 * The page's controller: state (mirrored in the URL) → requests → drawing and panels.
 * Every load of a date is measured with performance marks (`explorer:first-picture`,
 * `explorer:step`) that the browser tests and bench/explorer.ts read.
 */
import { ApiError, graphql } from './api';
import { askForCredential } from './authDialog';
import { renderActor } from './actorPanel';
import { renderAnalytics } from './analyticsPanel';
import { stepDates, stepIndex, today } from './dates';
import { byId } from './dom';
import { NETWORK, SPAN } from './queries';
import { NetworkView, type NetworkPayload } from './networkView';
import { showSectorCounts } from './controls';
import { scopeOf, viewStateQuery, type ViewState } from './viewState';

const NETWORK_CACHE_SIZE = 8;

export interface ExplorerHook {
  ready: boolean;
  asOf: string | null;
  nodeCount: number;
  edgeCount: number;
  stepDates: string[];
  firstPictureMs: number | null;
  stepMs: number[];
  hasEdgeBetween(a: string, b: string): boolean;
  nodeIds(): string[];
  viewportPosition(id: string): { x: number; y: number } | null;
}

export class Explorer {
  readonly view: NetworkView;
  dates: string[] = [];
  private loads = new Map<string, AbortController>();
  private pictured = false;
  /** Recent and prefetched networks by request; a page session reads a stable past, so a few entries suffice. */
  private networks = new Map<string, Promise<NetworkPayload>>();
  /** The actor panel's actor and scope, shown or loading. */
  private actorKey: string | null = null;
  readonly hook: ExplorerHook;

  constructor(public state: ViewState) {
    this.view = new NetworkView(byId('graph'));
    const view = this.view;
    this.hook = {
      ready: false,
      asOf: null,
      nodeCount: 0,
      edgeCount: 0,
      stepDates: [],
      firstPictureMs: null,
      stepMs: [],
      hasEdgeBetween: (a, b) => view.graph.hasNode(a) && view.graph.hasNode(b) && view.graph.areNeighbors(a, b),
      nodeIds: () => view.graph.nodes(),
      viewportPosition: (id) => view.viewportPosition(id),
    };
  }

  asOf(): string {
    return this.state.asOf ?? today();
  }

  /** A fresh AbortSignal for one kind of request; a newer request of the same kind cancels the older one. */
  private signalFor(kind: string): AbortSignal {
    this.loads.get(kind)?.abort();
    const controller = new AbortController();
    this.loads.set(kind, controller);
    return controller.signal;
  }

  notice(message: string | null): void {
    const notice = byId('notice');
    notice.textContent = message ?? '';
    notice.hidden = !message;
  }

  status(message: string): void {
    byId('status').textContent = message;
  }

  syncUrl(): void {
    const query = viewStateQuery(this.state);
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  /** Runs a request; on 401 asks for a credential and retries; FORBIDDEN and others become a notice. Null when it failed or was superseded. */
  async guarded<T>(run: () => Promise<T>): Promise<T | null> {
    for (;;) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return null;
        if (error instanceof ApiError && error.status === 401) {
          await askForCredential(error.message);
          continue;
        }
        if (error instanceof ApiError && error.code === 'FORBIDDEN') {
          this.notice(`Your role may not see this: ${error.message}`);
          byId('graph').dataset.state = 'forbidden';
          return null;
        }
        this.notice(error instanceof Error ? error.message : String(error));
        byId('graph').dataset.state = 'error';
        return null;
      }
    }
  }

  /** The slider's span: from the first year with actors in the area to today. */
  async loadSpan(): Promise<void> {
    const end = today();
    const scope = this.state.area ? { areaId: this.state.area } : {};
    const answer = await this.guarded(() =>
      graphql<{ timeline: { points: Array<{ period: string; actors: number | null; ties: number | null }> } }>(SPAN, { scope, from: '2000', to: end.slice(0, 4) }, this.signalFor('span')),
    );
    const first = answer?.timeline.points.find((p) => p.actors !== 0 || p.ties !== 0);
    this.dates = stepDates(first ? `${first.period}-01-01` : `${Number(end.slice(0, 4)) - 10}-01-01`, end, this.state.step);
    this.hook.stepDates = this.dates;
    const slider = byId<HTMLInputElement>('slider');
    slider.max = String(this.dates.length - 1);
    slider.value = String(stepIndex(this.dates, this.asOf()));
  }

  /** Draws the network of the current date and refreshes the panels. */
  async loadDate(): Promise<void> {
    const asOf = this.asOf();
    const graph = byId('graph');
    graph.dataset.state = 'loading';
    byId<HTMLInputElement>('as-of').value = asOf;
    byId('as-of-label').textContent = asOf;
    performance.mark('explorer:load-start');
    const signal = this.signalFor('network');
    const network = await this.guarded(() => this.fetchNetwork(asOf, signal));
    if (!network || signal.aborted) return;
    this.notice(null);
    const rendered = new Promise<void>((resolve) => this.view.sigma.once('afterRender', () => resolve()));
    this.view.show(network, this.state.sizeBy);
    await rendered;
    this.recordPicture(asOf, network);
    this.prefetchNeighbours(asOf);
    void this.loadPanels(asOf);
  }

  /** One date's network, from the page's small cache of recent and prefetched dates when it is there. */
  private fetchNetwork(asOf: string, signal?: AbortSignal): Promise<NetworkPayload> {
    const variables = { scope: scopeOf(this.state, asOf), include: this.state.sizeBy === 'betweenness' ? ['BETWEENNESS'] : [] };
    const key = JSON.stringify(variables);
    let entry = this.networks.get(key);
    if (!entry) {
      // Not tied to the caller's signal: a superseded request still fills the cache for the next step.
      entry = graphql<{ network: NetworkPayload }>(NETWORK, variables).then((answer) => answer.network);
      entry.catch(() => this.networks.delete(key));
      this.networks.set(key, entry);
      if (this.networks.size > NETWORK_CACHE_SIZE) this.networks.delete(this.networks.keys().next().value as string);
    }
    return signal ? Promise.race([entry, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('superseded', 'AbortError'))))]) : entry;
  }

  /** Forgets fetched networks and the panel's actor: another credential may see other things (citizens' names). */
  forgetData(): void {
    this.networks.clear();
    this.actorKey = null;
  }

  /** The slider's next and previous dates, fetched while the user looks, so a step only redraws. */
  private prefetchNeighbours(asOf: string): void {
    const index = this.dates.indexOf(asOf);
    if (index === -1) return;
    for (const date of [this.dates[index + 1], this.dates[index - 1]]) if (date) this.fetchNetwork(date).catch(() => undefined);
  }

  private recordPicture(asOf: string, network: NetworkPayload): void {
    const graph = byId('graph');
    const first = !this.pictured;
    this.pictured = true;
    performance.mark(first ? 'explorer:first-picture' : 'explorer:step-end');
    if (first) this.hook.firstPictureMs = performance.now();
    else this.hook.stepMs.push(performance.measure('explorer:step', 'explorer:load-start', 'explorer:step-end').duration);
    Object.assign(this.hook, { ready: true, asOf, nodeCount: this.view.graph.order, edgeCount: this.view.graph.size });
    graph.dataset.nodeCount = String(this.view.graph.order);
    graph.dataset.edgeCount = String(this.view.graph.size);
    graph.dataset.asOf = asOf;
    graph.dataset.area = this.state.area ?? '';
    graph.dataset.state = 'ready';
    const bySector = new Map<string, number>();
    for (const node of network.nodes) bySector.set(node.sector, (bySector.get(node.sector) ?? 0) + 1);
    showSectorCounts(byId('legend'), bySector);
    const crossing = network.edges.filter((e) => e.crossesSectors).length;
    byId('counts').textContent = `${network.nodes.length} actors · ${network.edges.length} ties (${crossing} across sectors)`;
  }

  async loadPanels(asOf: string): Promise<void> {
    const scope = scopeOf(this.state, asOf);
    const analytics = byId('analytics');
    analytics.dataset.asOf = '';
    const loadAnalytics = async () => {
      const done = await this.guarded(() => renderAnalytics(analytics, scope, this.state.area, this.signalFor('analytics')).then(() => true));
      if (done) analytics.dataset.asOf = asOf;
    };
    await Promise.all([loadAnalytics(), this.loadActor(asOf)]);
  }

  async loadActor(asOf: string = this.asOf()): Promise<void> {
    const panel = byId('actor-panel');
    const id = this.state.actor;
    this.view.select(id);
    if (!id) {
      this.actorKey = null;
      panel.hidden = true;
      panel.dataset.actor = '';
      return;
    }
    const scope = scopeOf(this.state, asOf);
    // The same actor, date and scope already shown or on its way: nothing to do.
    const key = JSON.stringify([id, scope]);
    if (key === this.actorKey) return;
    this.actorKey = key;
    panel.hidden = false;
    panel.dataset.actor = '';
    panel.dataset.analyses = '';
    const options = { id, asOf, scope, partnersBySector: this.view.partnersBySector(id), onPick: (next: string) => this.pick(next), signal: this.signalFor('actor') };
    // renderActor marks the panel (data-actor, then data-analyses) as its parts arrive.
    const shown = await this.guarded(() => renderActor(panel, options).then(() => true));
    if (!shown && this.actorKey === key) this.actorKey = null;
  }

  pick(id: string | null): void {
    this.state.actor = id;
    this.syncUrl();
    void this.loadActor();
  }

  /** Moves to the slider's step `index`. */
  async goToStep(index: number): Promise<void> {
    const date = this.dates[Math.max(0, Math.min(index, this.dates.length - 1))];
    if (!date) return;
    this.state.asOf = date;
    this.syncUrl();
    await this.loadDate();
  }
}
