/** What the view computes from the union and one date's selection: the counts shown, the actors' sizes, the search's hits. */
import type { DateSelection } from './dateFilter';
import { betweennessSize, degreeSize, type DrawnCounts } from './drawingStyle';
import type { NetworkPayload } from './networkPayload';

/** The date's actors and ties, by sector and across sectors (the legend and the counts line). */
export function countsOn(payload: NetworkPayload, selection: DateSelection): DrawnCounts {
  const bySector = new Map<string, number>();
  payload.nodes.forEach((node, i) => {
    if (selection.nodeVisible[i]) bySector.set(node.sector, (bySector.get(node.sector) ?? 0) + 1);
  });
  let crossing = 0;
  payload.edges.forEach((edge, i) => {
    if (selection.edgeVisible[i] && edge.crossesSectors) crossing += 1;
  });
  return { nodes: selection.nodeCount, edges: selection.edgeCount, crossing, bySector };
}

/** Each union node's size on the date, by the payload's order: by degree, or by betweenness (scaled to the date's largest drawn) when given. */
export function sizesOn(payload: NetworkPayload, selection: DateSelection, at: ReadonlyMap<string, number>, betweenness: ReadonlyMap<string, number> | null): Float64Array {
  if (!betweenness) return Float64Array.from(payload.nodes, (_node, i) => degreeSize(selection.degree[i]));
  let max = 0;
  for (const [id, value] of betweenness) if (selection.nodeVisible[at.get(id) ?? -1]) max = Math.max(max, value);
  return Float64Array.from(payload.nodes, (node) => betweennessSize(betweenness.get(node.id) ?? 0, max));
}

/** Drawn actors whose label contains the text (case-insensitive), best (shortest) first. */
export function searchDrawn(payload: NetworkPayload, visible: Uint8Array | null, text: string, limit: number): Array<{ id: string; label: string; sector: string }> {
  const needle = text.trim().toLocaleLowerCase('sv');
  if (!needle || !visible) return [];
  const hits: Array<{ id: string; label: string; sector: string }> = [];
  payload.nodes.forEach((node, i) => {
    if (visible[i] && node.label.toLocaleLowerCase('sv').includes(needle)) hits.push({ id: node.id, label: node.label, sector: node.sector });
  });
  return hits.sort((a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label, 'sv')).slice(0, limit);
}

/** Partners' labels by sector (the actor panel), from their union indexes. */
export function partnersBySectorOf(payload: NetworkPayload, partners: Iterable<number>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const partner of partners) {
    const { sector, label } = payload.nodes[partner];
    const names = result.get(sector);
    if (names) names.push(label);
    else result.set(sector, [label]);
  }
  return result;
}
