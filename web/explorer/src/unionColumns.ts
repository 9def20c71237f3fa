/**
 * The scope's union as the service sends it to the page
 * (`GET /exports/network-union.json`, src/visualisation/unionColumns.ts): one
 * array per field, ties referring to their ends by position. Turned here into the
 * nodes and ties the view and the date filter read.
 */
import type { NetworkPayload } from './networkPayload';
import { SECTOR_KINDS, type Sector } from './sectors';
import { UNION_COLUMNS_VERSION, type UnionColumns } from '../../../src/visualisation/unionColumnsShape';

export function payloadOfColumns(columns: UnionColumns): NetworkPayload {
  if (columns.version !== UNION_COLUMNS_VERSION) throw new Error(`The service sent the network union in shape ${columns.version}; this page reads shape ${UNION_COLUMNS_VERSION}: reload the page.`);
  const { nodes, edges } = columns;
  return {
    ...(columns.provisional ? { provisional: true } : {}),
    nodes: nodes.id.map((id, i) => {
      const flat = nodes.periods[i];
      const periods: Array<{ start: string | null; end: string | null }> = [];
      for (let k = 0; k < flat.length; k += 2) periods.push({ start: flat[k], end: flat[k + 1] });
      return { id, label: nodes.label[i], kind: SECTOR_KINDS[nodes.sector[i] as Sector] ?? '', sector: nodes.sector[i], x: nodes.x[i], y: nodes.y[i], periods };
    }),
    // Ties are keyed by position: the page needs no tie id.
    edges: edges.source.map((source, e) => ({
      id: String(e),
      source: nodes.id[source],
      target: nodes.id[edges.target[e]],
      strength: edges.strength[e],
      since: edges.since[e],
      until: edges.until[e],
      crossesSectors: edges.crossesSectors[e] === 1,
    })),
  };
}
