/**
 * The page's controller: state (mirrored in the URL) → requests → drawing and panels.
 * Every load of a date is measured with performance marks (`explorer:first-picture`,
 * `explorer:step`) that the browser tests and bench/explorer.ts read, up to the
 * picture shown on screen (not only sigma's render issued).
 */
import { ApiError, graphql } from './api';
import { askForCredential } from './authDialog';
import { renderActor } from './actorPanel';
import { renderAnalytics } from './analyticsPanel';
import { stepDates, stepIndex, stepSpan, today } from './dates';
import { byId, showNotice, showStatus } from './dom';
import { BETWEENNESS, SPAN } from './queries';
import { UnionCache } from './unionCache';
import { unionRequest } from './unionRequest';
import { newExplorerHook, PageTimings, type ExplorerHook } from './explorerHook';
import type { DrawnCounts } from './drawingStyle';
import type { NetworkPayload } from './networkPayload';
import { NetworkView } from './networkView';
import { showSectorCounts } from './controls';
import { scopeOf, viewStateQuery, type ViewState } from './viewState';

/**
 * Resolves once the frame drawn before it is on screen. Sigma's render returns when its WebGL calls are issued;
 * the GPU (SwiftShader on the CPU, without one) draws them afterwards, and the browser starts the next frame
 * only when that one is shown, so the second animation frame from now comes after the picture appears.
 */
const presented = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** The panels ask the service once the slider rests this long: stepping or playing does not queue an analysis per step. */
const PANEL_DELAY_MS = 150;

export class Explorer {
  readonly view: NetworkView;
  dates: string[] = [];
  private loads = new Map<string, AbortController>();
  /** The union loaded into the view; the panels' timer; betweenness by date (nodes sized by it); the actor panel's actor and scope. */
  private loadedKey: string | null = null;
  private panelTimer: ReturnType<typeof setTimeout> | null = null;
  private betweenness = new Map<string, Promise<Map<string, number>>>();
  private actorKey: string | null = null;
  readonly hook: ExplorerHook;
  private readonly timings: PageTimings;

  constructor(
    public state: ViewState,
    private readonly unions = new UnionCache(),
  ) {
    this.view = new NetworkView(byId('graph'));
    this.hook = newExplorerHook(this.view);
    this.timings = new PageTimings(this.hook, this.view);
  }

  asOf(): string {
    return this.state.asOf ?? today();
  }

  /** Marks a step of the first picture (PageTimings). */
  phase(name: string, at = performance.now()): void {
    this.timings.phase(name, at);
  }

  /** A fresh AbortSignal for one kind of request; a newer request of the same kind cancels the older one. */
  private signalFor(kind: string): AbortSignal {
    this.loads.get(kind)?.abort();
    const controller = new AbortController();
    this.loads.set(kind, controller);
    return controller.signal;
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
          showNotice(`Your role may not see this: ${error.message}`);
          byId('graph').dataset.state = 'forbidden';
          return null;
        }
        showNotice(error instanceof Error ? error.message : String(error));
        byId('graph').dataset.state = 'error';
        return null;
      }
    }
  }

  /** The slider's span no longer holds (another area or step): no step until loadSpan has the new one. */
  forgetSpan(): void {
    this.dates = [];
    this.hook.stepDates = [];
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
    // Came after the picture had rested (the panels asked for): the steps around it are known now.
    if (this.hook.ready && this.panelTimer === null) this.view.rested(stepSpan(this.dates, this.asOf()));
  }

  /**
   * Draws the network of the current date and refreshes the panels. The scope's
   * union is fetched once (first picture, another area or filter); a date within it
   * is drawn from it in the page, so a slider step waits for no request.
   */
  async loadDate(): Promise<void> {
    const asOf = this.asOf();
    const started = performance.now();
    const graph = byId('graph');
    byId<HTMLInputElement>('as-of').value = asOf;
    byId('as-of-label').textContent = asOf;
    const { key, url } = unionRequest(this.state, asOf);
    const fetched = key !== this.loadedKey;
    if (fetched) {
      graph.dataset.state = 'loading';
      const signal = this.signalFor('network');
      this.phase('network-requested');
      const network = await this.guarded(() => this.unions.get(key, url, signal));
      if (!network || signal.aborted) return;
      this.phase('network-received');
      if (this.loadedKey !== key) {
        const counts = await this.drawUnion(key, network, asOf);
        // Another union loaded meanwhile (another area or filter): its own load goes on.
        if (!counts) return;
        graph.dataset.layout = network.provisional ? 'provisional' : 'settled';
        if (network.provisional) void this.settleLayout(key, url);
        if (this.asOf() !== asOf) return;
        this.pictureDrawn(asOf, counts, started, fetched);
        return;
      }
    }
    // A later step already drew (or will draw) its own date.
    if (this.asOf() !== asOf) return;
    const rendered = new Promise<void>((resolve) => this.view.sigma.once('afterRender', () => resolve()));
    const counts = this.view.showDate(asOf, this.state.sizeBy);
    await rendered;
    if (!fetched) this.hook.stepRenderedMs.push(performance.now() - started);
    await presented();
    if (this.asOf() !== asOf) return;
    this.pictureDrawn(asOf, counts, started, fetched);
  }

  /** Draws a union's first date before sigma holds the union, then hands it over (firstPicture.ts); null when another union was loaded meanwhile. */
  private async drawUnion(key: string, network: NetworkPayload, asOf: string): Promise<DrawnCounts | null> {
    const counts = this.view.load(network, asOf, (name) => this.phase(name));
    this.loadedKey = key;
    this.phase('sigma-rendered');
    await presented();
    if (this.loadedKey !== key) return null;
    this.timings.firstPictureShown();
    this.showCounts(counts);
    this.view.completeLoad();
    this.phase('union-handed');
    await presented();
    return this.loadedKey === key ? counts : null;
  }

  /** After a provisional first picture (a scope not yet laid out on the current data): the actors move to the layout once the service has it. */
  private async settleLayout(key: string, url: string): Promise<void> {
    const graph = byId('graph');
    showStatus('Placing the actors: the service is laying out this network (the first time it is opened, or just after a change)…');
    const settled = await this.guarded(() => this.unions.settled(key, url));
    showStatus('');
    // Failed (the notice says why): the actors stay at the layout's start.
    if (this.loadedKey !== key || !settled) return;
    this.view.moveTo(settled);
    if (this.hook.layoutSettledMs === null) this.hook.layoutSettledMs = performance.now();
    graph.dataset.layout = 'settled';
  }

  private pictureDrawn(asOf: string, counts: DrawnCounts, started: number, fetched: boolean): void {
    showNotice(null);
    this.recordPicture(asOf, counts, started, fetched);
    this.schedulePanels(asOf);
  }

  /** Forgets fetched networks and the panel's actor: another credential may see other things (citizens' names). */
  forgetData(): void {
    this.unions.clear();
    this.betweenness.clear();
    this.loadedKey = null;
    this.actorKey = null;
  }

  private recordPicture(asOf: string, counts: DrawnCounts, started: number, fetched: boolean): void {
    const graph = byId('graph');
    this.timings.pictureDone(started, fetched);
    Object.assign(this.hook, { ready: true, asOf, nodeCount: counts.nodes, edgeCount: counts.edges });
    graph.dataset.nodeCount = String(counts.nodes);
    graph.dataset.edgeCount = String(counts.edges);
    graph.dataset.asOf = asOf;
    graph.dataset.area = this.state.area ?? '';
    graph.dataset.state = 'ready';
    this.showCounts(counts);
  }

  /** The legend's and the picture's counts. */
  private showCounts(counts: DrawnCounts): void {
    showSectorCounts(byId('legend'), counts.bySector);
    byId('counts').textContent = `${counts.nodes} actors · ${counts.edges} ties (${counts.crossing} across sectors)`;
  }

  /** The panels (and betweenness sizes) for the date the slider rests on. */
  private schedulePanels(asOf: string): void {
    if (this.panelTimer !== null) clearTimeout(this.panelTimer);
    this.panelTimer = setTimeout(() => {
      this.panelTimer = null;
      if (this.asOf() !== asOf) return;
      this.view.rested(stepSpan(this.dates, asOf));
      if (this.state.sizeBy === 'betweenness') void this.loadBetweenness(asOf);
      void this.loadPanels(asOf);
    }, PANEL_DELAY_MS);
  }

  private async loadBetweenness(asOf: string): Promise<void> {
    const scope = scopeOf(this.state, asOf);
    const key = JSON.stringify(scope);
    let entry = this.betweenness.get(key);
    if (!entry) {
      entry = graphql<{ network: { nodes: Array<{ id: string; betweenness: number | null }> } }>(BETWEENNESS, { scope }).then(
        (answer) => new Map(answer.network.nodes.map((node) => [node.id, node.betweenness ?? 0])),
      );
      entry.catch(() => this.betweenness.delete(key));
      this.betweenness.set(key, entry);
    }
    const values = await this.guarded(() => entry);
    if (values && this.asOf() === asOf && this.state.sizeBy === 'betweenness') this.view.sizeByBetweenness(values);
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
