import { compareIds } from '../compareIds';
import type { CollaborationKind, Sector } from '../../model';
import type { ScopePair } from '../scopeGraph';

export interface CrossSectorTieRow {
  source: string;
  target: string;
  sourceSector: Sector;
  targetSector: Sector;
  strength: number;
  kinds: CollaborationKind[];
}

/**
 * The scope's pairs whose ends are of different sectors, with the smaller id as
 * source (a TOUCHING scope lists the in-area end first, so pairs are turned
 * round here), ordered by (source, target).
 */
export function crossSectorTies(pairs: readonly ScopePair[]): CrossSectorTieRow[] {
  const rows: CrossSectorTieRow[] = [];
  for (const pair of pairs) {
    if (pair.sourceSector === pair.targetSector) continue;
    const turned = pair.source > pair.target;
    rows.push({
      source: turned ? pair.target : pair.source,
      target: turned ? pair.source : pair.target,
      sourceSector: turned ? pair.targetSector : pair.sourceSector,
      targetSector: turned ? pair.sourceSector : pair.targetSector,
      strength: pair.strength,
      kinds: [...(pair.kinds as CollaborationKind[])].sort(),
    });
  }
  return rows.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));
}

/** The cursor key of a row; ids never contain '|'. */
export const tieKey = (row: Pick<CrossSectorTieRow, 'source' | 'target'>): string => `${row.source}|${row.target}`;

/**
 * The rows after a cursor key, at most `limit` of them: keyset paging over the
 * sorted list by binary search, so a page costs the same wherever it starts.
 */
export function rowsAfter<T extends { source: string; target: string }>(rows: readonly T[], after: string | null, limit: number): T[] {
  if (after === null) return rows.slice(0, limit);
  const bar = after.indexOf('|');
  const source = bar < 0 ? after : after.slice(0, bar);
  const target = bar < 0 ? '' : after.slice(bar + 1);
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const row = rows[middle];
    if ((compareIds(row.source, source) || compareIds(row.target, target)) <= 0) low = middle + 1;
    else high = middle;
  }
  return rows.slice(low, low + limit);
}
