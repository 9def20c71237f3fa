import type { ActorDiversityRow, AreaDiversityRow, AreaSectorCounts, BlauIndex, PartnerSectorCounts } from '../measures/blau';
import { byDiversity } from '../measures/blau';
import { SECTORS } from '../../model';
import { CITIZEN, scopeWithholding, type CitizenBasis } from './citizenBasis';
import { methodView, type Analysed } from './methodView';
import type { ResponseSuppression, Suppressor } from './suppressor';

/** Citizens behind each row of diversity: an actor's citizen partners, an area's citizens. Kept with the cached result, never sent. */
export interface DiversityCitizens {
  partnersOf: Map<string, number>;
  inArea: Map<string, number>;
}

/**
 * From the counts diversity is computed from. An outside partner (TOUCHING) has
 * no row of its own: its citizen partners are the citizen rows that name it.
 */
export function diversityCitizens(partners: readonly PartnerSectorCounts[], areas: readonly AreaSectorCounts[]): DiversityCitizens {
  const partnersOf = new Map<string, number>();
  for (const row of partners) {
    partnersOf.set(row.id, row.counts[CITIZEN]);
    if (row.sector !== 'CITIZEN') continue;
    for (const outsideId of row.outsideIds) partnersOf.set(outsideId, (partnersOf.get(outsideId) ?? 0) + 1);
  }
  return { partnersOf, inArea: new Map(areas.map((area) => [area.id, area.counts[CITIZEN]])) };
}

/**
 * The scope's citizen counts from the partner counts alone, when every actor of
 * the network has a row (no outside partners: a WITHIN scope), so diversity needs
 * no second count; null otherwise, when an outside partner's sector is unknown here.
 */
export function basisOfPartnerCounts(partners: readonly PartnerSectorCounts[]): CitizenBasis | null {
  const citizenTies = SECTORS.map(() => 0);
  let citizens = 0;
  for (const row of partners) {
    if (row.outsideIds.length > 0) return null;
    if (row.sector !== 'CITIZEN') continue;
    citizens += 1;
    row.counts.forEach((count, l) => (citizenTies[l] += count));
  }
  // A pair of two citizens was counted from both ends.
  citizenTies[CITIZEN] /= 2;
  return { citizens, citizenTies };
}

export interface DiversityResult {
  actors: ActorDiversityRow[];
  areas: AreaDiversityRow[];
  diversityCitizens: DiversityCitizens;
}

/** Blau's index over members some of whom are few citizens: value and count together would give the citizens back (count minus the other sectors). */
function blauView(record: ResponseSuppression, index: BlauIndex, citizens: number) {
  const suppressed = record.withholds(citizens);
  return {
    value: record.keep(index.value, suppressed),
    normalised: record.keep(index.normalised, suppressed),
    count: record.keep(index.count, suppressed),
    suppressed,
  };
}

/**
 * Each actor's partners and each area's actors, withheld where the citizens
 * among them are few. The lists are re-ordered as the view shows them (a withheld
 * index sorts as an empty set, last), so that a row's place does not bound its value.
 */
export function diversityView(suppressor: Suppressor, analysed: Analysed<DiversityResult>) {
  const record = suppressor.response();
  const { partnersOf, inArea } = analysed.diversityCitizens;
  const actors = reorderedIfWithheld(
    analysed.actors.map((row) => ({ actorId: row.actorId, partners: blauView(record, row.partners, partnersOf.get(row.actorId) ?? 0) })),
    (row) => row.partners,
    byDiversity((row) => row.partners, (row) => row.actorId),
  );
  const areas = reorderedIfWithheld(
    analysed.areas.map((row) => ({ areaId: row.areaId, actors: blauView(record, row.actors, inArea.get(row.areaId) ?? 0) })),
    (row) => row.actors,
    byDiversity((row) => row.actors, (row) => row.areaId),
  );
  return { actors, areas, method: methodView(record, analysed.method, scopeWithholding(record, analysed.citizenBasis)) };
}

/**
 * The rows come sorted by the measure; only a withheld index changes a row's
 * place (it sorts last), so a view that withholds nothing keeps the order and
 * skips a sort of every actor of the scope.
 */
function reorderedIfWithheld<T>(rows: T[], viewOf: (row: T) => { suppressed: boolean }, order: (a: T, b: T) => number): T[] {
  return rows.some((row) => viewOf(row).suppressed) ? rows.sort(order) : rows;
}
