import { SECTORS } from '../model';
import { CITIZEN, scopeWithholding } from '../analytics/suppression/citizenBasis';
import { methodView } from '../analytics/suppression/methodView';
import type { ResponseSuppression, Suppressor } from '../analytics/suppression/suppressor';
import type { ActorChangeRows, AnalysedChanges } from './changes';

function actorChangesView(record: ResponseSuppression, rows: ActorChangeRows, networkCitizensWithheld: boolean) {
  // nodeCount(to) = nodeCount(from) + joined − left: with a withheld network size at either end, the counts go too.
  const citizensWithheld = record.withholds(rows.sizes[CITIZEN]) || networkCitizensWithheld;
  return {
    ids: rows.ids,
    count: record.keep(rows.ids.length, citizensWithheld),
    countSuppressed: citizensWithheld,
    sectors: SECTORS.map((sector, at) => {
      const suppressed = at === CITIZEN && citizensWithheld;
      return { sector, actors: record.keep(rows.sizes[at], suppressed), suppressed };
    }),
  };
}

/**
 * The changes as one caller sees them. A CITIZEN cell (ties with a citizen end)
 * withholds its before, after, opened and ended counts together when any of them
 * is small (after = before + opened − ended gives one back from the others), and
 * then every total over the cells (the tie list's totalCount, tiesOpened,
 * tiesEnded) is withheld too. The list itself names actors as crossSectorTies does.
 */
export function changesView(suppressor: Suppressor, analysed: AnalysedChanges) {
  const record = suppressor.response();
  const after = scopeWithholding(record, analysed.citizenBasis);
  const before = scopeWithholding(record, analysed.previousBasis);
  let anyCellWithheld = false;
  const sectorPairs = analysed.sectorPairs.map((row) => {
    if (row.sectorA !== 'CITIZEN' && row.sectorB !== 'CITIZEN') return { ...row, suppressed: false };
    const counts = [row.tiesBefore, row.tiesAfter, row.opened, row.ended];
    const suppressed = counts.map((count) => record.withholds(count)).some(Boolean);
    anyCellWithheld ||= suppressed;
    return {
      ...row,
      tiesBefore: record.keep(row.tiesBefore, suppressed),
      tiesAfter: record.keep(row.tiesAfter, suppressed),
      opened: record.keep(row.opened, suppressed),
      ended: record.keep(row.ended, suppressed),
      suppressed,
    };
  });
  const totalsWithheld = anyCellWithheld || after.ties || before.ties;
  const opened = analysed.ties.filter((row) => row.change === 'OPENED').length;
  return {
    from: analysed.from,
    to: analysed.to,
    fromDate: analysed.fromDate,
    toDate: analysed.toDate,
    ties: analysed.ties,
    tiesOpened: record.keep(opened, totalsWithheld),
    tiesEnded: record.keep(analysed.ties.length - opened, totalsWithheld),
    totalsSuppressed: totalsWithheld,
    actorsJoined: actorChangesView(record, analysed.actorsJoined, after.citizens || before.citizens),
    actorsLeft: actorChangesView(record, analysed.actorsLeft, after.citizens || before.citizens),
    sectorPairs,
    newlyConnected: sectorPairs.filter((row) => row.newlyConnected).map(({ sectorA, sectorB }) => ({ sectorA, sectorB })),
    newlyDisconnected: sectorPairs.filter((row) => row.newlyDisconnected).map(({ sectorA, sectorB }) => ({ sectorA, sectorB })),
    method: methodView(record, analysed.method, after),
  };
}

export type ChangesView = ReturnType<typeof changesView>;
