import type { AreaDiversityRow, BlauIndex } from '../measures/blau';
import { blau, byDiversity } from '../measures/blau';
import type { PartnerTable } from '../measures/partnerTable';
import { scopeWithholding } from './citizenBasis';
import { methodView, type Analysed } from './methodView';
import type { ResponseSuppression, Suppressor } from './suppressor';

/**
 * What diversity caches for every caller: the partner counts of the network
 * (PartnerTable: its rows' citizen partners decide what is withheld), the areas
 * ranked, and each area's citizens (kept with the cached result, never sent).
 */
export interface DiversityResult {
  table: PartnerTable;
  areas: AreaDiversityRow[];
  citizensInArea: Map<string, number>;
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
 * among them are few. A withheld index sorts last, as an empty set does, so that
 * a row's place does not bound its value. The actors come as a page: the
 * caller's first rows of the ranking, picked without sorting the whole scope.
 */
export function diversityView(suppressor: Suppressor, analysed: Analysed<DiversityResult>) {
  const record = suppressor.response();
  const { table, citizensInArea } = analysed;
  // The method says whether anything in the ranking is withheld, shown on this page or not.
  // (Some row's citizens are few exactly when the fewest are.)
  record.withholds(table.fewestCitizenPartners);
  const actors = (first: number) =>
    table
      .top(first, (row) => suppressor.isSmall(table.citizenPartners(row)))
      .map((row) => ({ actorId: table.idOf(row), partners: blauView(record, blau(table.countsOf(row)), table.citizenPartners(row)) }));
  const areas = reorderedIfWithheld(
    analysed.areas.map((row) => ({ areaId: row.areaId, actors: blauView(record, row.actors, citizensInArea.get(row.areaId) ?? 0) })),
    (row) => row.actors,
    byDiversity((row) => row.actors, (row) => row.areaId),
  );
  return { actors, areas, method: methodView(record, analysed.method, scopeWithholding(record, analysed.citizenBasis)) };
}

/**
 * The areas come sorted by the measure; only a withheld index changes a row's
 * place (it sorts last), so a view that withholds nothing keeps the order.
 */
function reorderedIfWithheld<T>(rows: T[], viewOf: (row: T) => { suppressed: boolean }, order: (a: T, b: T) => number): T[] {
  return rows.some((row) => viewOf(row).suppressed) ? rows.sort(order) : rows;
}
