/** Entry point: wires the controls to the explorer and loads the first picture. */
import { graphql } from './api';
import { wireCredentialButtons } from './authDialog';
import { buildLegend, buildTieKinds, checkedValues, fillAreaSelect, type AreaRow } from './controls';
import { stepIndex, today } from './dates';
import { byId, el, showStatus } from './dom';
import { Explorer } from './explorer';
import { renderExportButtons } from './exports';
import { UnionCache } from './unionCache';
import { AREAS } from './queries';
import { wireUploadForm } from './uploadForm';
import { readViewState, type SizeBy, type Step } from './viewState';

const PLAY_PAUSE_MS = 700;

async function start(): Promise<void> {
  const started = performance.now();
  const unions = new UnionCache();
  const initial = readViewState(location.search);
  // The first picture's union asked for before sigma is built (its programs compiled): the service's answer takes longer.
  if (initial.area) unions.prefetch(initial, initial.asOf ?? today());
  // Sent by boot.ts before the bundle ran, or just now.
  const requested = performance.getEntriesByName('explorer:union-sent')[0]?.startTime ?? performance.now();
  const explorer = new Explorer(initial, unions);
  explorer.phase('script-started', started);
  if (initial.area) explorer.phase('network-requested', requested);
  (window as unknown as { __explorer: unknown }).__explorer = explorer.hook;
  const state = explorer.state;
  const areaSelect = byId<HTMLSelectElement>('area');
  const slider = byId<HTMLInputElement>('slider');
  const legend = byId('legend');
  const tieKinds = byId('tie-kinds');

  buildLegend(legend, state.sectors);
  buildTieKinds(tieKinds, state.kinds);
  byId<HTMLSelectElement>('min-strength').value = String(state.minStrength);
  byId<HTMLSelectElement>('step').value = state.step;
  byId<HTMLInputElement>(`size-by-${state.sizeBy}`).checked = true;
  renderExportButtons(byId('exports'), () => ({ state, asOf: explorer.asOf() }), showStatus);
  wireUploadForm();

  const reload = async (withSpan: boolean) => {
    explorer.syncUrl();
    // The slider's span after the picture: the service computes one thing at a time, and the picture comes first.
    if (withSpan) {
      explorer.forgetSpan();
      await explorer.loadDate();
      await explorer.loadSpan();
    } else {
      slider.value = String(stepIndex(explorer.dates, explorer.asOf()));
      await explorer.loadDate();
    }
  };
  // Another credential may see other things (citizens' names): what was fetched is forgotten first.
  wireCredentialButtons(() => {
    explorer.forgetData();
    void boot();
  });

  areaSelect.addEventListener('change', () => {
    state.area = areaSelect.value || null;
    state.actor = null;
    void reload(true);
  });
  byId<HTMLInputElement>('as-of').addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value;
    if (!value) return;
    state.asOf = value;
    void reload(false);
  });
  byId<HTMLSelectElement>('step').addEventListener('change', (event) => {
    state.step = (event.target as HTMLSelectElement).value as Step;
    void reload(true);
  });
  slider.addEventListener('input', () => void explorer.goToStep(Number(slider.value)));
  const filtersChanged = (container: HTMLElement, name: string, event: Event) => {
    const box = event.target as HTMLInputElement;
    // Unchecking the last box would leave nothing to draw: keep at least one.
    if (!container.querySelector(`input[name="${name}"]:checked`)) box.checked = true;
    state.sectors = checkedValues(legend, 'sector');
    state.kinds = checkedValues(tieKinds, 'tie-kind');
    void reload(false);
  };
  legend.addEventListener('change', (event) => filtersChanged(legend, 'sector', event));
  tieKinds.addEventListener('change', (event) => filtersChanged(tieKinds, 'tie-kind', event));
  byId<HTMLSelectElement>('min-strength').addEventListener('change', (event) => {
    state.minStrength = Number((event.target as HTMLSelectElement).value);
    void reload(false);
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="size-by"]')) {
    radio.addEventListener('change', () => {
      state.sizeBy = radio.value as SizeBy;
      void reload(false);
    });
  }

  // Play: one step after each picture is drawn, then a pause, until the end or a press of pause.
  const play = byId<HTMLButtonElement>('play');
  let playing = false;
  const setPlaying = (on: boolean) => {
    playing = on;
    play.textContent = on ? '⏸ Pause' : '▶ Play';
    play.setAttribute('aria-pressed', String(on));
  };
  play.addEventListener('click', async () => {
    if (playing) return setPlaying(false);
    setPlaying(true);
    if (Number(slider.value) >= explorer.dates.length - 1) slider.value = '0';
    while (playing && Number(slider.value) < explorer.dates.length) {
      await explorer.goToStep(Number(slider.value));
      await new Promise((resolve) => setTimeout(resolve, PLAY_PAUSE_MS));
      if (Number(slider.value) >= explorer.dates.length - 1) break;
      if (playing) slider.value = String(Number(slider.value) + 1);
    }
    setPlaying(false);
  });

  // Search: matches among the actors drawn; Enter picks the first.
  const search = byId<HTMLInputElement>('search');
  const results = byId('search-results');
  const showResults = () => {
    results.replaceChildren();
    for (const hit of explorer.view.search(search.value)) {
      const button = el('button', hit.label, 'link');
      button.type = 'button';
      button.dataset.actor = hit.id;
      button.addEventListener('click', () => {
        explorer.pick(hit.id);
        results.replaceChildren();
      });
      const item = el('li');
      item.append(button);
      results.append(item);
    }
  };
  search.addEventListener('input', showResults);
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const first = explorer.view.search(search.value)[0];
    if (first) explorer.pick(first.id);
    results.replaceChildren();
  });
  // Only actors drawn on the date: not an actor hidden on it, nor the first picture's invisible node (firstPicture.ts).
  explorer.view.sigma.on('clickNode', ({ node }) => {
    if (explorer.view.isDrawn(node)) explorer.pick(node);
  });
  explorer.view.sigma.on('clickStage', () => explorer.pick(null));

  const boot = async () => {
    explorer.forgetSpan();
    // An area in the URL: its picture is drawn as soon as its union arrives, and the area list (which only fills the
    // picker) is asked for after it: asked at once, a fresh service's first GraphQL request (about a second of work)
    // took the one thread the union is computed on (its answer 0.5 → 1.4 s, docs/explorer.md, ninth pass).
    const early = state.area ? explorer.loadDate() : null;
    if (early) await early;
    const answer = await explorer.guarded(() => graphql<{ areas: AreaRow[] }>(AREAS, {}));
    if (!answer) return;
    explorer.phase('areas-received');
    fillAreaSelect(areaSelect, answer.areas);
    const city = answer.areas.find((a) => a.level === 'CITY');
    const known = state.area !== null && answer.areas.some((a) => a.id === state.area);
    if (!known) state.area = city?.id ?? answer.areas[0]?.id ?? null;
    areaSelect.value = state.area ?? '';
    if (!early || !known) return reload(true);
    explorer.syncUrl();
    await early;
    await explorer.loadSpan();
  };
  await boot();
}

void start();
