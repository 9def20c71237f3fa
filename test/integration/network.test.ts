import { malmoDataset } from '../../src/seed/malmoDataset';
import { loadDataset } from '../../src/seed/loadDataset';
import { codesOf, useTestApi } from '../helpers/testApi';
import { ADMIN, ANALYST, VIEWER, principal } from '../helpers/principals';

/** network(...) on the Malmö seed, against the analytics fields it must agree with. */
// A generous analytics timeout: the first GDS run on a loaded test machine takes long.
const api = useTestApi({ analyticsTimeoutMs: 110_000 });

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, malmoDataset());
});

interface Node {
  id: string;
  label: string;
  kind: string;
  sector: string;
  areas: string[];
  degree: number;
  betweenness: number | null;
  community: number | null;
  brokerageRole: string | null;
  x: number | null;
  y: number | null;
}
interface Edge {
  id: string;
  source: string;
  target: string;
  kind: string;
  strength: number;
  since: string;
  until: string | null;
  crossesSectors: boolean;
}
interface NetworkData {
  network: { nodes: Node[]; edges: Edge[]; layout: string; method: { nodeCount: number | null; tieCount: number | null; engine: string; asOf: string; areaId: string | null } };
}

const NETWORK = `query($scope: AnalyticsScope, $layout: NetworkLayout, $include: [NetworkMeasure!], $layoutFrom: LocalDate) {
  network(scope: $scope, layout: $layout, include: $include, layoutFrom: $layoutFrom) {
    nodes { id label kind sector areas degree betweenness community brokerageRole x y }
    edges { id source target kind strength since until crossesSectors }
    layout
    method { nodeCount tieCount engine asOf areaId }
  }
}`;

const network = (scope: Record<string, unknown>, extra: Record<string, unknown> = {}, who = ADMIN) =>
  api.ok<NetworkData>(NETWORK, { scope, layout: 'NONE', ...extra }, who).then((data) => data.network);

const ROSENGARD = { areaId: 'area-rosengard', asOf: '2022-06-30' };

describe('network', () => {
  it('has the scope’s actors and pairs of the analytics, with the same degree and betweenness as brokers', async () => {
    const result = await network(ROSENGARD, { include: ['BETWEENNESS', 'COMMUNITY', 'BROKERAGE_ROLE'] });
    const brokers = await api.ok<{ brokers: { brokers: Array<{ actor: { id: string }; betweenness: number; degree: number }>; method: { nodeCount: number; tieCount: number } } }>(
      `query($scope: AnalyticsScope) { brokers(scope: $scope, first: 100) { brokers { actor { id } betweenness degree } method { nodeCount tieCount } } }`,
      { scope: ROSENGARD },
    );
    expect(result.nodes.length).toBe(brokers.brokers.method.nodeCount);
    expect(result.nodes.length).toBeGreaterThan(5);
    const pairs = new Set(result.edges.map((edge) => `${edge.source}|${edge.target}`));
    expect(pairs.size).toBe(brokers.brokers.method.tieCount);
    const byId = new Map(result.nodes.map((node) => [node.id, node]));
    for (const broker of brokers.brokers.brokers) {
      expect(byId.get(broker.actor.id)?.degree).toBe(broker.degree);
      expect(byId.get(broker.actor.id)?.betweenness).toBeCloseTo(broker.betweenness, 6);
    }
    // Degree is the number of distinct partners among the edges.
    for (const node of result.nodes) {
      const partners = new Set(result.edges.flatMap((edge) => (edge.source === node.id ? [edge.target] : edge.target === node.id ? [edge.source] : [])));
      expect(node.degree).toBe(partners.size);
      expect(node.community).not.toBeNull();
      expect(node.brokerageRole).not.toBeNull();
      expect(node.areas).toContain('area-rosengard');
    }
    expect(result.nodes.map((node) => node.id)).toEqual([...result.nodes.map((node) => node.id)].sort());
    for (const edge of result.edges) {
      expect(edge.since <= ROSENGARD.asOf && (edge.until === null || edge.until >= ROSENGARD.asOf)).toBe(true);
      expect(edge.crossesSectors).toBe(byId.get(edge.source)?.sector !== byId.get(edge.target)?.sector);
      expect(edge.source < edge.target).toBe(true);
    }
    expect(result.method).toMatchObject({ engine: 'COLLABORATION_INDEX', asOf: '2022-06-30', areaId: 'area-rosengard' });
  });

  it('shows Malmö Ideella’s Malmö Tillsammans partnerships from 2021 on', async () => {
    const partnerships = (edges: Edge[]) => edges.filter((edge) => edge.kind === 'PARTNERSHIP' && (edge.source === 'malmo-ideella' || edge.target === 'malmo-ideella'));
    const before = await network({ areaId: 'area-malmo', asOf: '2020-12-31' });
    const after = await network({ areaId: 'area-malmo', asOf: '2021-01-01' });
    expect(partnerships(before.edges)).toEqual([]);
    expect(partnerships(after.edges).length).toBeGreaterThanOrEqual(5);
    expect(partnerships(after.edges).every((edge) => edge.since === '2021-01-01')).toBe(true);
    expect(after.nodes.find((node) => node.id === 'malmo-ideella')).toMatchObject({ label: 'Malmö Ideella', kind: 'ASSOCIATION', sector: 'CIVIL_SOCIETY' });
  });

  it('keeps each actor’s ForceAtlas2 position as the date moves, and gives none with layout NONE', async () => {
    const layoutFrom = '2013-01-01';
    const a = await network({ areaId: 'area-malmo', asOf: '2021-06-30' }, { layout: 'FORCE_ATLAS2', layoutFrom });
    const b = await network({ areaId: 'area-malmo', asOf: '2022-12-31' }, { layout: 'FORCE_ATLAS2', layoutFrom });
    expect(a.layout).toBe('FORCE_ATLAS2');
    const placed = new Map(b.nodes.map((node) => [node.id, [node.x, node.y]]));
    const shared = a.nodes.filter((node) => placed.has(node.id));
    expect(shared.length).toBeGreaterThan(10);
    for (const node of shared) expect([node.x, node.y]).toEqual(placed.get(node.id));
    for (const node of a.nodes) expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
    // Not all in one spot: the layout spread them.
    expect(new Set(a.nodes.map((node) => `${node.x},${node.y}`)).size).toBe(a.nodes.length);
    const none = await network({ areaId: 'area-malmo', asOf: '2021-06-30' });
    expect(none.layout).toBe('NONE');
    expect(none.nodes.every((node) => node.x === null && node.y === null)).toBe(true);
  });

  it('over the layout period holds every date’s network, with membership periods to filter it by, and the same positions', async () => {
    const UNION = `query($scope: AnalyticsScope) { network(scope: $scope, layout: FORCE_ATLAS2, layoutFrom: "2013-01-01", overLayoutPeriod: true) {
      nodes { id x y periods { start end } } edges { id source target since until } } }`;
    const union = (await api.ok<{ network: { nodes: Array<{ id: string; x: number; y: number; periods: Array<{ start: string | null; end: string | null }> }>; edges: Edge[] } }>(UNION, { scope: { areaId: 'area-malmo', asOf: '2022-12-31' } })).network;
    const holds = (start: string | null, end: string | null, date: string) => (start === null || start <= date) && (end === null || end >= date);
    const placed = await network({ areaId: 'area-malmo', asOf: '2022-12-31' }, { layout: 'FORCE_ATLAS2', layoutFrom: '2013-01-01' });
    const at = new Map(union.nodes.map((node) => [node.id, node]));
    for (const node of placed.nodes) expect([at.get(node.id)?.x, at.get(node.id)?.y]).toEqual([node.x, node.y]);
    for (const date of ['2014-06-30', '2020-12-31', '2021-01-01', '2023-06-30']) {
      const day = await network({ areaId: 'area-malmo', asOf: date });
      const members = union.nodes.filter((node) => node.periods.some((p) => holds(p.start, p.end, date))).map((node) => node.id);
      expect(members).toEqual(day.nodes.map((node) => node.id));
      const member = new Set(members);
      const edges = union.edges.filter((edge) => holds(edge.since, edge.until, date) && member.has(edge.source) && member.has(edge.target));
      expect(edges.map((edge) => edge.id)).toEqual(day.edges.map((edge) => edge.id));
    }
  });

  it('labels citizens by pseudonym unless the caller may see them', async () => {
    const asAdmin = await network(ROSENGARD, {}, ADMIN);
    const asAnalyst = await network(ROSENGARD, {}, ANALYST);
    const asEditor = await network(ROSENGARD, {}, principal('EDITOR', ['malmo-ideella']));
    const citizens = asAdmin.nodes.filter((node) => node.sector === 'CITIZEN');
    expect(citizens.length).toBeGreaterThan(0);
    for (const citizen of citizens) {
      expect(citizen.label).not.toMatch(/^Citizen /);
      expect(citizen.kind).toBe('CITIZEN');
      expect(asAnalyst.nodes.find((node) => node.id === citizen.id)?.label).toBe(`Citizen ${citizen.id}`);
      expect(asEditor.nodes.find((node) => node.id === citizen.id)?.label).toBe(`Citizen ${citizen.id}`);
    }
    expect(asAnalyst.nodes.find((node) => node.sector !== 'CITIZEN')?.label).not.toMatch(/^Citizen /);
  });

  it('refuses a VIEWER, an unknown area and a layout period in the wrong order with their codes', async () => {
    expect(codesOf(await api.run(NETWORK, { scope: ROSENGARD }, VIEWER))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.run(NETWORK, { scope: { areaId: 'area-atlantis' } }))).toEqual(['NOT_FOUND']);
    const wrongOrder = await api.run(`{ network(layoutFrom: "2023-01-01", layoutTo: "2022-01-01") { layout } }`);
    expect(codesOf(wrongOrder)).toEqual(['BAD_USER_INPUT']);
  });
});
