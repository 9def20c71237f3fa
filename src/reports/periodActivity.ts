import type { Context } from '../context';
import type { Sector } from '../model';
import type { Suppressor } from '../analytics/suppression/suppressor';
import type { Period } from './period';
import type { ActiveInitiative, TieChange } from './reportModel';
import { indexActorRefs } from './actorNames';
import { indexTieChanges, type IndexTieChange } from './indexTieChanges';
import { timelineIndexOf } from '../timeline/timelineIndex';

const hasCitizen = (row: IndexTieChange) => row.sourceSector === 'CITIZEN' || row.targetSector === 'CITIZEN';

/**
 * The cross-sector ties opened and ended in the period. For a caller without
 * citizen access, the ties with a citizen end are left out of a list (opened or
 * ended) when there are from 1 to k − 1 of them: listed, they would give that
 * count away. The report then says "< k" were withheld.
 */
export async function tieChangesOf(ctx: Context, suppressor: Suppressor, areaId: string | null, period: Period, version: string) {
  const { index } = await timelineIndexOf(ctx.analytics, version);
  const rows = indexTieChanges(index, areaId, period);
  const record = suppressor.response();
  const withheld = {
    opened: record.withholds(rows.filter((row) => row.change === 'OPENED' && hasCitizen(row)).length),
    ended: record.withholds(rows.filter((row) => row.change === 'ENDED' && hasCitizen(row)).length),
  };
  const shown = rows.filter((row) => !(hasCitizen(row) && (row.change === 'OPENED' ? withheld.opened : withheld.ended)));
  // Names (and a citizen's registering organisation, which the policy needs) for the listed actors only: one loader batch.
  const refs = await indexActorRefs(ctx, index, shown.flatMap((row) => [row.sourceId, row.targetId]));
  const ref = (id: string, sector: Sector) => refs.get(id) ?? { id, name: id, sector };
  const changes: TieChange[] = shown.map((row) => ({
    change: row.change,
    date: row.date,
    kind: row.kind,
    source: ref(row.sourceId, row.sourceSector),
    target: ref(row.targetId, row.targetSector),
  }));
  return { rows: changes, withheld };
}

export async function activeInitiatives(ctx: Context, areaId: string | null, period: Period): Promise<ActiveInitiative[]> {
  const rows = await ctx.analytics.read<ActiveInitiative>('reports/activeInitiatives', { areaId, start: period.start, end: period.end });
  return rows.map((row) => ({ ...row, sdgs: row.sdgs.map(Number).sort((a, b) => a - b) }));
}
