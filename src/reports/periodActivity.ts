import type { Context } from '../context';
import type { Sector } from '../model';
import type { Suppressor } from '../analytics/suppression/suppressor';
import type { Period } from './period';
import type { ActiveInitiative, TieChange } from './reportModel';
import { actorRef } from './actorNames';

interface TieChangeRow {
  change: 'OPENED' | 'ENDED';
  date: string;
  kind: string;
  sourceId: string;
  sourceSector: Sector;
  sourceName: string | null;
  sourceRegisteredBy: string | null;
  targetId: string;
  targetSector: Sector;
  targetName: string | null;
  targetRegisteredBy: string | null;
}

const hasCitizen = (row: TieChangeRow) => row.sourceSector === 'CITIZEN' || row.targetSector === 'CITIZEN';

/**
 * The cross-sector ties opened and ended in the period. For a caller without
 * citizen access, the ties with a citizen end are left out of a list (opened or
 * ended) when there are from 1 to k − 1 of them: listed, they would give that
 * count away. The report then says "< k" were withheld.
 */
export async function tieChangesOf(ctx: Context, suppressor: Suppressor, areaId: string | null, period: Period) {
  const rows = await ctx.analytics.read<TieChangeRow>('reports/crossSectorTieChanges', { areaId, start: period.start, end: period.end });
  const record = suppressor.response();
  const withheld = {
    opened: record.withholds(rows.filter((row) => row.change === 'OPENED' && hasCitizen(row)).length),
    ended: record.withholds(rows.filter((row) => row.change === 'ENDED' && hasCitizen(row)).length),
  };
  const shown = rows.filter((row) => !(hasCitizen(row) && (row.change === 'OPENED' ? withheld.opened : withheld.ended)));
  const changes: TieChange[] = shown.map((row) => ({
    change: row.change,
    date: row.date,
    kind: row.kind,
    source: actorRef(ctx, { id: row.sourceId, sector: row.sourceSector, name: row.sourceName, registeredBy: row.sourceRegisteredBy }),
    target: actorRef(ctx, { id: row.targetId, sector: row.targetSector, name: row.targetName, registeredBy: row.targetRegisteredBy }),
  }));
  return { rows: changes, withheld };
}

export async function activeInitiatives(ctx: Context, areaId: string | null, period: Period): Promise<ActiveInitiative[]> {
  const rows = await ctx.analytics.read<ActiveInitiative>('reports/activeInitiatives', { areaId, start: period.start, end: period.end });
  return rows.map((row) => ({ ...row, sdgs: row.sdgs.map(Number).sort((a, b) => a - b) }));
}
