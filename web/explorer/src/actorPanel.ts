/**
 * The panel of one actor: sector, areas, initiatives and partners by sector on the
 * date, brokerage role in the scope, and suggested partners across sectors.
 */
import { ACTOR, ACTOR_ANALYTICS } from './queries';
import { graphql } from './api';
import { el, formatNumber } from './dom';
import { sectorColour, sectorLabel } from './sectors';

interface BrokerageCounts {
  coordinator: number;
  itinerant: number;
  gatekeeperRepresentative: number;
  liaison: number;
  total: number;
}

interface ActorAnswer {
  actor: {
    id: string;
    name: string;
    kind: string;
    sector: string;
    areas: Array<{ area: { id: string; name: string }; since: string; until: string | null }>;
    initiatives: Array<{ role: string; initiative: { id: string; name: string } }>;
  } | null;
}

interface ActorAnalyticsAnswer {
  partnerSuggestions: { suggestions: Array<{ actor: { id: string; name: string; sector: string }; score: number; reasons: string[] }> };
  brokers: { brokers: Array<{ actor: { id: string }; rank: number; brokerage: BrokerageCounts }> };
}

const ROLES: Array<[keyof BrokerageCounts, string]> = [
  ['coordinator', 'coordinator (within one sector)'],
  ['itinerant', 'itinerant (links two of another sector)'],
  ['gatekeeperRepresentative', 'gatekeeper / representative'],
  ['liaison', 'liaison (links two other sectors)'],
];

/** The dominant Gould–Fernandez role, ties broken in the order listed, as the network payload defines it. */
export function dominantRole(counts: BrokerageCounts): string {
  if (counts.total === 0) return 'none (no open two-path runs through it)';
  let best = ROLES[0];
  for (const role of ROLES) if (counts[role[0]] > counts[best[0]]) best = role;
  return best[1];
}

function section(title: string, ...content: HTMLElement[]): HTMLElement {
  const wrapper = el('section');
  wrapper.append(el('h3', title), ...content);
  return wrapper;
}

function list(items: string[], empty: string, testId: string): HTMLUListElement {
  const ul = el('ul');
  ul.dataset.testid = testId;
  for (const item of items.length ? items : [empty]) ul.append(el('li', item));
  return ul;
}

export interface ActorPanelOptions {
  id: string;
  asOf: string;
  scope: Record<string, unknown>;
  partnersBySector: Map<string, string[]>;
  onPick: (id: string) => void;
  signal: AbortSignal;
}

/** The lookup draws at once; the brokerage role and suggestions (analyses) fill in when they arrive. */
export async function renderActor(target: HTMLElement, options: ActorPanelOptions): Promise<void> {
  const variables = { id: options.id, asOf: options.asOf, scope: options.scope };
  const analyses = graphql<ActorAnalyticsAnswer>(ACTOR_ANALYTICS, variables, options.signal);
  analyses.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const { actor } = await graphql<ActorAnswer>(ACTOR, variables, options.signal);
  if (!actor) {
    target.replaceChildren(el('p', `No actor ${options.id}.`));
    return;
  }
  const title = el('h2', actor.name);
  title.dataset.testid = 'actor-name';
  const sector = el('p', sectorLabel(actor.sector), 'sector-chip');
  sector.dataset.testid = 'actor-sector';
  sector.style.borderLeftColor = sectorColour(actor.sector);
  const partners = [...options.partnersBySector.entries()].map(([s, names]) => `${sectorLabel(s)}: ${names.length} (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})`);
  const role = el('p', 'computing…');
  role.dataset.testid = 'actor-role';
  const suggestions = el('ul');
  suggestions.dataset.testid = 'actor-suggestions';
  suggestions.append(el('li', 'computing…'));
  target.replaceChildren(
    title,
    sector,
    section('Areas', list(actor.areas.map((m) => m.area.name), 'none on this date', 'actor-areas')),
    section('Initiatives', list(actor.initiatives.map((p) => `${p.initiative.name} (${p.role.toLowerCase()})`), 'none on this date', 'actor-initiatives')),
    section('Partners by sector', list(partners, 'no partners on this date', 'actor-partners')),
    section('Brokerage role', role),
    section('Suggested partners across sectors', suggestions),
  );

  // The lookup is on screen: the panel is the actor's even if the analyses fail.
  target.dataset.actor = actor.id;
  let answer: ActorAnalyticsAnswer;
  try {
    answer = await analyses;
  } catch (error) {
    if (options.signal.aborted) throw error;
    const message = `could not be computed: ${error instanceof Error ? error.message : String(error)}`;
    role.textContent = message;
    suggestions.replaceChildren(el('li', message));
    target.dataset.analyses = 'failed';
    return;
  }
  target.dataset.analyses = 'done';
  const broker = answer.brokers.brokers.find((b) => b.actor.id === actor.id);
  role.textContent = broker ? `${dominantRole(broker.brokerage)}; rank ${broker.rank} by betweenness` : 'not among the scope’s 100 leading brokers';
  suggestions.replaceChildren();
  for (const suggestion of answer.partnerSuggestions.suggestions) {
    const item = el('li');
    const button = el('button', suggestion.actor.name, 'link');
    button.type = 'button';
    button.addEventListener('click', () => options.onPick(suggestion.actor.id));
    item.append(button, el('span', ` ${sectorLabel(suggestion.actor.sector)} · score ${formatNumber(suggestion.score)}`), el('small', suggestion.reasons.join('; '), 'reasons'));
    suggestions.append(item);
  }
  if (!answer.partnerSuggestions.suggestions.length) suggestions.append(el('li', 'none found'));
}
