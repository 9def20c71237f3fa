import type { ExplorerApp } from './explorerApp';

export interface ApiNetwork {
  nodes: string[];
  sectors: Map<string, string>;
  edges: Array<{ id: string; source: string; target: string; crossesSectors: boolean }>;
}

const NETWORK = `query BrowserTestNetwork($scope: AnalyticsScope) {
  network(scope: $scope, layout: NONE) { nodes { id sector } edges { id source target crossesSectors } }
}`;

/** The API's network for an area and date: what the page must draw. */
export async function apiNetwork(server: ExplorerApp, areaId: string, asOf: string, credential?: string): Promise<ApiNetwork> {
  const data = await server.graphql<{ network: { nodes: Array<{ id: string; sector: string }>; edges: ApiNetwork['edges'] } }>(NETWORK, { scope: { areaId, asOf } }, credential);
  return { nodes: data.network.nodes.map((n) => n.id), sectors: new Map(data.network.nodes.map((n) => [n.id, n.sector])), edges: data.network.edges };
}

export function hasTie(network: ApiNetwork, a: string, b: string): boolean {
  return network.edges.some((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
}
