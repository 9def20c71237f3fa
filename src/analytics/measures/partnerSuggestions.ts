import type { ScopeGraph } from '../scopeGraph';

/** What an actor and a candidate share outside the network (the sharedContext statement). */
export interface SharedContext {
  id: string;
  areas: string[];
  initiatives: string[];
  sdgs: number[];
}

export interface PartnerSuggestionRow {
  actorId: string;
  score: number;
  adamicAdar: number;
  sharedPartners: number;
  sharedAreas: number;
  sharedInitiatives: number;
  sharedSdgs: number;
  reasons: string[];
}

/** The weights of the score: score = adamicAdar + area·sharedAreas + initiative·sharedInitiatives + sdg·sharedSdgs. */
export const SUGGESTION_WEIGHTS = { area: 0.5, initiative: 0.75, sdg: 0.1 } as const;

/** Actors that could be suggested: in the scope, of another sector, not the actor, not yet tied to it. */
export function candidates(graph: Pick<ScopeGraph, 'actors' | 'neighbours'>, actor: number): number[] {
  const tied = new Set(graph.neighbours[actor]);
  const sector = graph.actors[actor].sector;
  const result: number[] = [];
  graph.actors.forEach((other, index) => {
    if (index !== actor && other.sector !== sector && !tied.has(index)) result.push(index);
  });
  return result;
}

/**
 * Adamic–Adar index of the actor with each actor two steps away: Σ 1/ln(deg z)
 * over their common partners z (as networkx.adamic_adar_index). A common partner
 * has degree ≥ 2, so ln(deg z) > 0. Returns candidate → [index, shared partner names].
 */
export function adamicAdar(graph: Pick<ScopeGraph, 'actors' | 'neighbours'>, actor: number): Map<number, { index: number; partners: string[] }> {
  const result = new Map<number, { index: number; partners: string[] }>();
  for (const partner of graph.neighbours[actor]) {
    const weight = 1 / Math.log(graph.neighbours[partner].length);
    for (const other of graph.neighbours[partner]) {
      if (other === actor) continue;
      const entry = result.get(other) ?? { index: 0, partners: [] };
      entry.index += weight;
      entry.partners.push(graph.actors[partner].name);
      result.set(other, entry);
    }
  }
  return result;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'sv');

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Up to three names, then how many more. */
function listed(names: readonly (string | number)[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/**
 * Ranks the candidates by score, best first (then by id), keeping those with a
 * score above 0 and at most `first` of them.
 */
export function partnerSuggestions(
  graph: Pick<ScopeGraph, 'actors' | 'neighbours'>,
  actor: number,
  context: readonly SharedContext[],
  first: number,
): PartnerSuggestionRow[] {
  const aa = adamicAdar(graph, actor);
  const contextOf = new Map(context.map((row) => [row.id, row]));
  const rows: PartnerSuggestionRow[] = [];
  for (const index of candidates(graph, actor)) {
    const id = graph.actors[index].id;
    const partners = aa.get(index) ?? { index: 0, partners: [] };
    const shared = contextOf.get(id) ?? { id, areas: [], initiatives: [], sdgs: [] };
    const score =
      partners.index +
      SUGGESTION_WEIGHTS.area * shared.areas.length +
      SUGGESTION_WEIGHTS.initiative * shared.initiatives.length +
      SUGGESTION_WEIGHTS.sdg * shared.sdgs.length;
    if (score <= 0) continue;
    const reasons: string[] = [];
    if (partners.partners.length > 0) {
      reasons.push(`${plural(partners.partners.length, 'shared partner', 'shared partners')}: ${listed([...partners.partners].sort(byName))}`);
    }
    if (shared.areas.length > 0) {
      reasons.push(`active in ${plural(shared.areas.length, 'shared area', 'shared areas')}: ${listed([...shared.areas].sort(byName))}`);
    }
    if (shared.initiatives.length > 0) {
      reasons.push(`${plural(shared.initiatives.length, 'shared initiative', 'shared initiatives')}: ${listed([...shared.initiatives].sort(byName))}`);
    }
    if (shared.sdgs.length > 0) {
      const sdgs = [...shared.sdgs].sort((a, b) => a - b).map((sdg) => `SDG ${sdg}`);
      reasons.push(`works on ${plural(sdgs.length, 'shared SDG', 'shared SDGs')}: ${listed(sdgs)}`);
    }
    rows.push({
      actorId: id,
      score,
      adamicAdar: partners.index,
      sharedPartners: partners.partners.length,
      sharedAreas: shared.areas.length,
      sharedInitiatives: shared.initiatives.length,
      sharedSdgs: shared.sdgs.length,
      reasons,
    });
  }
  rows.sort((a, b) => b.score - a.score || (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
  return rows.slice(0, first);
}
