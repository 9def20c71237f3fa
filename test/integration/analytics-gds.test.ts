import { codesOf, createTestApi, type TestApi } from '../helpers/testApi';
import { addTie, createActor, createAreas, CREATE_AREA, type ActorSpec } from '../helpers/fixtures';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';
import { onProjectedGraph } from '../../src/analytics/gdsRunner';
import { AnalyticsService } from '../../src/analytics/analyticsService';
import { parseScope } from '../../src/analytics/scope';
import { silentLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import type { AnalysisMethod } from '../../src/analytics/analyticsService';

/**
 * brokers, structuralRisks and communities against the embedded Neo4j with GDS.
 *
 * The network in Öster on 2024-06-01 (WITHIN): clique r1–r2–r3–r4 in Rosengård,
 * clique h1–h2–h3–h4 in Herrgården, joined by r4–h1 (two ties of different kinds:
 * one pair); p1 hangs on h3; s1–s2 a separate pair; i1 an isolate. Left out:
 * r1–h2 (ended 2019), and the active ties l1–r1 (l1 left Rosengård in 2018) and
 * r2–x1 (x1 is in Holma), whose partners outside the area join the TOUCHING scope.
 *
 * Expected numbers are NetworkX 3.6.1's on the same graph, built by hand from the
 * list above: betweenness_centrality (normalized False and True), constraint,
 * effective_size, bridges, articulation_points, louvain_communities and
 * community.modularity; brokerage by enumerating every triple.
 */

let api: TestApi;

const ACTORS: ActorSpec[] = [
  { id: 'r1', kind: 'CITIZEN', areaId: 'rosengard' },
  { id: 'r2', kind: 'CITIZEN', areaId: 'rosengard' },
  { id: 'r3', kind: 'ASSOCIATION', areaId: 'rosengard' },
  { id: 'r4', kind: 'CITY_DEPARTMENT', areaId: 'rosengard' },
  { id: 'h1', kind: 'COMPANY', areaId: 'herrgarden' },
  { id: 'h2', kind: 'COMPANY', areaId: 'herrgarden' },
  { id: 'h3', kind: 'ACADEMIC_INSTITUTION', areaId: 'herrgarden' },
  { id: 'h4', kind: 'ASSOCIATION', areaId: 'herrgarden' },
  { id: 'p1', kind: 'CITIZEN', areaId: 'herrgarden' },
  { id: 'i1', kind: 'CITIZEN', areaId: 'rosengard' },
  { id: 's1', kind: 'ASSOCIATION', areaId: 'herrgarden' },
  { id: 's2', kind: 'COMPANY', areaId: 'herrgarden' },
  { id: 'l1', kind: 'COMPANY', areaId: 'rosengard', until: '2018-12-31' },
  { id: 'x1', kind: 'CITY_DEPARTMENT', areaId: 'holma' },
];

type TieSpec = [string, string, { kind?: string; since?: string; until?: string }?];

const clique = (ids: string[]): TieSpec[] => ids.flatMap((a, i) => ids.slice(i + 1).map((b): TieSpec => [a, b]));

const TIES: TieSpec[] = [
  ...clique(['r1', 'r2', 'r3', 'r4']),
  ...clique(['h1', 'h2', 'h3', 'h4']),
  ['r4', 'h1', { kind: 'PARTNERSHIP' }],
  ['h1', 'r4', { kind: 'FUNDING' }],
  ['h3', 'p1'],
  ['s1', 's2'],
  ['r1', 'h2', { until: '2019-12-31' }],
  ['l1', 'r1'],
  ['r2', 'x1'],
];

async function buildNetwork(order: 'forward' | 'reverse' = 'forward'): Promise<void> {
  await api.wipe();
  await createAreas(api);
  await api.ok(CREATE_AREA, { input: { id: 'tomt', name: 'Tomt', level: 'NEIGHBOURHOOD', parentId: 'soder' } });
  const actors = order === 'forward' ? ACTORS : [...ACTORS].reverse();
  const ties = order === 'forward' ? TIES : [...TIES].reverse();
  for (const actor of actors) await createActor(api, actor);
  for (const [a, b, extra] of ties) await addTie(api, a, b, extra);
}

const OSTER = { areaId: 'oster', asOf: '2024-06-01' };
const METHOD = 'method { algorithm normalisation counting nodeCount tieCount asOf areaId gdsVersion cached }';

const BROKERS = `query($scope: AnalyticsScope, $first: Int) { brokers(scope: $scope, first: $first) {
  brokers { actor { id } rank betweenness normalisedBetweenness constraint effectiveSize degree
    brokerage { coordinator itinerant gatekeeperRepresentative liaison total } }
  ${METHOD}
} }`;

const RISKS = `query($scope: AnalyticsScope) { structuralRisks(scope: $scope) {
  bridges { source { id } target { id } sectorsOnSourceSide sectorsOnTargetSide separatedSectors }
  articulationPoints { actor { id } componentsAfterRemoval sectorsPerPart separatedSectors }
  ${METHOD}
} }`;

const COMMUNITIES = `query($scope: AnalyticsScope, $algorithm: CommunityAlgorithm, $resolution: Float, $seed: Int) {
  communities(scope: $scope, algorithm: $algorithm, resolution: $resolution, seed: $seed) {
    communities { id size memberIds sectors { sector actors share } crossSectorShare }
    modularity
    ${METHOD}
  }
}`;

/** The method fields these tests select. */
type Method = Pick<AnalysisMethod, 'algorithm' | 'normalisation' | 'counting' | 'nodeCount' | 'tieCount' | 'asOf' | 'areaId' | 'gdsVersion' | 'cached'>;
interface BrokerRow {
  actor: { id: string };
  rank: number;
  betweenness: number;
  normalisedBetweenness: number;
  constraint: number | null;
  effectiveSize: number | null;
  degree: number;
  brokerage: Record<string, number>;
}
interface Brokers {
  brokers: { brokers: BrokerRow[]; method: Method };
}
interface Risks {
  structuralRisks: {
    bridges: Array<{ source: { id: string }; target: { id: string }; sectorsOnSourceSide: string[]; sectorsOnTargetSide: string[]; separatedSectors: string[] }>;
    articulationPoints: Array<{ actor: { id: string }; componentsAfterRemoval: number; sectorsPerPart: string[][]; separatedSectors: string[] }>;
    method: Method;
  };
}
interface CommunityRow {
  id: number;
  size: number;
  memberIds: string[];
  sectors: Array<{ sector: string; actors: number; share: number }>;
  crossSectorShare: number | null;
}
interface Communities {
  communities: { communities: CommunityRow[]; modularity: number | null; method: Method };
}

/** Projected graphs left in the GDS catalog (raw Cypher: a test-only look at the server). */
async function projectedGraphs(): Promise<string[]> {
  const session = api.db.driver.session();
  try {
    const result = await session.run('CALL gds.graph.list() YIELD graphName RETURN graphName');
    return result.records.map((record) => record.get('graphName') as string);
  } finally {
    await session.close();
  }
}

/** Waits (up to 20 s) for the catalog to be empty: a timed-out analysis drops its graph once the server gives up. */
async function catalogEmptied(): Promise<string[]> {
  const until = Date.now() + 20000;
  let graphs = await projectedGraphs();
  while (graphs.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    graphs = await projectedGraphs();
  }
  return graphs;
}

const close = (actual: number | null, expected: number) => expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-6);

beforeAll(async () => {
  api = await createTestApi();
  await buildNetwork();
});
afterAll(async () => {
  await api.wipe();
  await api.close();
});

describe('brokers', () => {
  it('ranks by betweenness as NetworkX computes it, with brokerage, constraint and effective size', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: OSTER });
    // id: [raw, normalised, constraint, effective size, degree]  (networkx)
    const expected: Record<string, [number, number, number | null, number | null, number]> = {
      h1: [16.0, 0.2909090909090909, 0.5494791666666666, 2.5, 4],
      r4: [15.0, 0.2727272727272727, 0.5833333333333333, 2.5, 4],
      h3: [7.0, 0.12727272727272726, 0.5494791666666666, 2.5, 4],
      h2: [0, 0, 0.8070987654320985, 1.0, 3],
      h4: [0, 0, 0.8070987654320985, 1.0, 3],
      i1: [0, 0, null, null, 0],
      p1: [0, 0, 1.0, 1.0, 1],
      r1: [0, 0, 0.8657407407407405, 1.0, 3],
      r2: [0, 0, 0.8657407407407405, 1.0, 3],
      r3: [0, 0, 0.8657407407407405, 1.0, 3],
      s1: [0, 0, 1.0, 1.0, 1],
      s2: [0, 0, 1.0, 1.0, 1],
    };
    expect(brokers.brokers.map((row) => row.actor.id)).toEqual(Object.keys(expected));
    brokers.brokers.forEach((row, index) => {
      const [raw, normalised, constraint, effectiveSize, degree] = expected[row.actor.id];
      expect(row.rank).toBe(index + 1);
      close(row.betweenness, raw);
      close(row.normalisedBetweenness, normalised);
      if (constraint === null) expect([row.constraint, row.effectiveSize]).toEqual([null, null]);
      else {
        close(row.constraint, constraint);
        close(row.effectiveSize, effectiveSize as number);
      }
      expect(row.degree).toBe(degree);
    });
    expect(brokers.brokers[0].brokerage).toEqual({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 1, liaison: 2, total: 3 });
    expect(brokers.brokers[1].brokerage).toEqual({ coordinator: 0, itinerant: 0, gatekeeperRepresentative: 0, liaison: 3, total: 3 });
    expect(brokers.method).toMatchObject({ nodeCount: 12, tieCount: 15, asOf: '2024-06-01', areaId: 'oster', gdsVersion: '2.13.9', cached: false });
    expect(brokers.method.algorithm).toMatch(/gds\.betweenness\.stream/);
  });

  it('includes partners outside the area with TOUCHING, ties broken by id', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: { ...OSTER, membership: 'TOUCHING' }, first: 5 });
    // networkx on the 14 actors (x1 and l1 join as outside partners): r4 25, h1 24, then h3, r1, r2 all 9.
    expect(brokers.brokers.map((row) => [row.actor.id, row.betweenness])).toEqual([
      ['r4', 25],
      ['h1', 24],
      ['h3', 9],
      ['r1', 9],
      ['r2', 9],
    ]);
    close(brokers.brokers[0].normalisedBetweenness, 0.3205128205128205);
    close(brokers.brokers[0].constraint, 0.5164930555555556);
    expect(brokers.brokers[4].brokerage).toEqual({ coordinator: 0, itinerant: 1, gatekeeperRepresentative: 1, liaison: 1, total: 3 });
    expect(brokers.method).toMatchObject({ nodeCount: 14, tieCount: 17 });
  });

  it('serves the same answer from the cache, and checks first', async () => {
    const again = await api.ok<Brokers>(BROKERS, { scope: OSTER });
    expect(again.brokers.method.cached).toBe(true);
    for (const first of [0, 101]) expect(codesOf(await api.run(BROKERS, { scope: OSTER, first }))).toEqual(['BAD_USER_INPUT']);
    expect((await api.ok<Brokers>(BROKERS, { scope: OSTER, first: 2 })).brokers.brokers).toHaveLength(2);
  });
});

describe('structuralRisks', () => {
  it('finds the bridges and articulation points NetworkX finds, with the sectors they separate', async () => {
    const { structuralRisks } = await api.ok<Risks>(RISKS, { scope: OSTER });
    // networkx: bridges h1–r4, h3–p1, s1–s2; articulation points h1, h3, r4.
    expect(structuralRisks.bridges).toEqual([
      {
        source: { id: 'h3' },
        target: { id: 'p1' },
        sectorsOnSourceSide: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'],
        sectorsOnTargetSide: ['CITIZEN'],
        separatedSectors: ['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'],
      },
      {
        source: { id: 'h1' },
        target: { id: 'r4' },
        sectorsOnSourceSide: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'],
        sectorsOnTargetSide: ['CITIZEN', 'CIVIL_SOCIETY', 'PUBLIC'],
        separatedSectors: ['PRIVATE', 'PUBLIC', 'ACADEMIA'],
      },
      { source: { id: 's1' }, target: { id: 's2' }, sectorsOnSourceSide: ['CIVIL_SOCIETY'], sectorsOnTargetSide: ['PRIVATE'], separatedSectors: ['CIVIL_SOCIETY', 'PRIVATE'] },
    ]);
    expect(structuralRisks.articulationPoints).toEqual([
      { actor: { id: 'h1' }, componentsAfterRemoval: 2, sectorsPerPart: [['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'], ['CITIZEN', 'CIVIL_SOCIETY', 'PUBLIC']], separatedSectors: ['PRIVATE', 'PUBLIC', 'ACADEMIA'] },
      { actor: { id: 'h3' }, componentsAfterRemoval: 2, sectorsPerPart: [['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC'], ['CITIZEN']], separatedSectors: ['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC'] },
      { actor: { id: 'r4' }, componentsAfterRemoval: 2, sectorsPerPart: [['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'ACADEMIA'], ['CITIZEN', 'CIVIL_SOCIETY']], separatedSectors: ['PRIVATE', 'ACADEMIA'] },
    ]);
    // Found in the service by one depth-first search: no GDS involved.
    expect(structuralRisks.method).toMatchObject({ nodeCount: 12, tieCount: 15, gdsVersion: null });
  });

  it('adds the ties to partners outside the area with TOUCHING', async () => {
    // networkx: bridges and articulation points of the 14-actor TOUCHING network.
    const { structuralRisks } = await api.ok<Risks>(RISKS, { scope: { ...OSTER, membership: 'TOUCHING' } });
    expect(structuralRisks.bridges.map((bridge) => [bridge.source.id, bridge.target.id]).sort()).toEqual([
      ['h1', 'r4'],
      ['h3', 'p1'],
      ['l1', 'r1'],
      ['r2', 'x1'],
      ['s1', 's2'],
    ]);
    expect(structuralRisks.articulationPoints.map((point) => point.actor.id).sort()).toEqual(['h1', 'h3', 'r1', 'r2', 'r4']);
  });
});

describe('communities', () => {
  // networkx louvain_communities (seeds 1 and 42) finds this partition; its modularity
  // at resolutions 1, 0.5 and 2 is community.modularity(G, parts, resolution=γ).
  const PARTITION = [['h1', 'h2', 'h3', 'h4', 'p1'], ['r1', 'r2', 'r3', 'r4'], ['s1', 's2'], ['i1']];

  it.each([
    ['LOUVAIN', 1, 0.49111111111111116],
    ['LOUVAIN', 0.5, 0.7122222222222222],
    ['LEIDEN', 1, 0.49111111111111116],
    ['LEIDEN', 0.5, 0.7122222222222222],
  ])('%s at resolution %d finds the two cliques, with modularity as NetworkX computes it', async (algorithm, resolution, expected) => {
    const { communities } = await api.ok<Communities>(COMMUNITIES, { scope: OSTER, algorithm, resolution });
    expect(communities.communities.map((c) => c.memberIds)).toEqual(PARTITION);
    expect(communities.communities.map((c) => c.id)).toEqual([0, 1, 2, 3]);
    close(communities.modularity, expected);
    // Leiden runs in GDS; Louvain in the service, on the scope's network.
    expect(communities.method).toMatchObject({ nodeCount: 12, tieCount: 15, gdsVersion: algorithm === 'LEIDEN' ? '2.13.9' : null });
    expect(communities.method.algorithm).toMatch(algorithm === 'LEIDEN' ? /gds\.leiden\.stream/ : /graphology-communities-louvain/);
  });

  it('gives each community its sector composition and cross-sector share', async () => {
    const { communities } = await api.ok<Communities>(COMMUNITIES, { scope: OSTER });
    const [herrgarden, rosengard, pair, isolate] = communities.communities;
    expect(herrgarden.sectors).toEqual([
      { sector: 'PRIVATE', actors: 2, share: 0.4 },
      { sector: 'CITIZEN', actors: 1, share: 0.2 },
      { sector: 'CIVIL_SOCIETY', actors: 1, share: 0.2 },
      { sector: 'ACADEMIA', actors: 1, share: 0.2 },
    ]);
    close(herrgarden.crossSectorShare, 6 / 7); // 7 internal pairs, only h1–h2 within one sector
    close(rosengard.crossSectorShare, 5 / 6); // 6 internal pairs, only r1–r2 within one sector
    expect(pair.crossSectorShare).toBe(1);
    expect(isolate).toEqual({ id: 3, size: 1, memberIds: ['i1'], sectors: [{ sector: 'CITIZEN', actors: 1, share: 1 }], crossSectorShare: null });
  });

  it('gives the same answer for the same seed, on a fresh cache and on the same data stored in another order', async () => {
    const variables = { scope: OSTER, algorithm: 'LEIDEN', seed: 7 };
    const strip = (result: Communities) => ({ communities: result.communities.communities, modularity: result.communities.modularity });
    const first = await api.ok<Communities>(COMMUNITIES, variables);
    const fresh = await createTestApi();
    try {
      const again = await fresh.ok<Communities>(COMMUNITIES, variables);
      expect(again.communities.method.cached).toBe(false);
      expect(strip(again)).toEqual(strip(first));
      const louvain = await api.ok<Communities>(COMMUNITIES, { scope: OSTER });
      await buildNetwork('reverse');
      expect(strip(await api.ok<Communities>(COMMUNITIES, variables))).toEqual(strip(first));
      expect(strip(await fresh.ok<Communities>(COMMUNITIES, { scope: OSTER }))).toEqual(strip(louvain));
    } finally {
      await fresh.close();
      await buildNetwork();
    }
  });

  it('checks algorithm, resolution and seed', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ algorithm: 'LEIDEN', resolution: 0 }, /resolution must be above 0/],
      [{ algorithm: 'LEIDEN', resolution: 10.5 }, /at most 10/],
      [{ algorithm: 'LEIDEN', resolution: -1 }, /resolution/],
      [{ algorithm: 'LOUVAIN', resolution: 0 }, /resolution must be above 0/],
      [{ algorithm: 'LOUVAIN', seed: -1 }, /seed must be a whole number from 0 to 2147483647/],
      [{ algorithm: 'LEIDEN', seed: -1 }, /seed must be a whole number from 0 to 2147483647/],
    ];
    for (const [args, message] of cases) {
      const result = await api.run(COMMUNITIES, { scope: OSTER, ...args });
      expect({ args, codes: codesOf(result) }).toEqual({ args, codes: ['BAD_USER_INPUT'] });
      expect(result.errors?.[0].message).toMatch(message);
    }
    const atTen = await api.ok<Communities>(COMMUNITIES, { scope: OSTER, algorithm: 'LEIDEN', resolution: 10, seed: 2147483647 });
    expect(atTen.communities.communities.length).toBeGreaterThan(0);
  });
});

describe('special scopes', () => {
  it('answers an empty area with empty lists, no error', async () => {
    const scope = { areaId: 'tomt', asOf: '2024-06-01' };
    const brokers = await api.ok<Brokers>(BROKERS, { scope });
    const risks = await api.ok<Risks>(RISKS, { scope });
    const communities = await api.ok<Communities>(COMMUNITIES, { scope, algorithm: 'LEIDEN' });
    expect(brokers.brokers.brokers).toEqual([]);
    expect([risks.structuralRisks.bridges, risks.structuralRisks.articulationPoints]).toEqual([[], []]);
    expect([communities.communities.communities, communities.communities.modularity]).toEqual([[], null]);
    expect(brokers.brokers.method).toMatchObject({ nodeCount: 0, tieCount: 0 });
    expect(await projectedGraphs()).toEqual([]);
  });

  it('answers a date before anyone joined with empty lists', async () => {
    const scope = { areaId: 'oster', asOf: '2014-01-01' };
    expect((await api.ok<Brokers>(BROKERS, { scope })).brokers.brokers).toEqual([]);
  });

  it('analyses a single-sector scope', async () => {
    const scope = { ...OSTER, sectors: ['PRIVATE'] }; // h1–h2 tied, s2 alone
    const brokers = await api.ok<Brokers>(BROKERS, { scope });
    expect(brokers.brokers.brokers.map((row) => [row.actor.id, row.betweenness, row.normalisedBetweenness, row.brokerage.total])).toEqual([
      ['h1', 0, 0, 0],
      ['h2', 0, 0, 0],
      ['s2', 0, 0, 0],
    ]);
    const risks = await api.ok<Risks>(RISKS, { scope });
    expect(risks.structuralRisks.bridges).toEqual([
      { source: { id: 'h1' }, target: { id: 'h2' }, sectorsOnSourceSide: ['PRIVATE'], sectorsOnTargetSide: ['PRIVATE'], separatedSectors: [] },
    ]);
    expect(risks.structuralRisks.articulationPoints).toEqual([]);
    const { communities } = await api.ok<Communities>(COMMUNITIES, { scope });
    expect(communities.communities.map((c) => [c.memberIds, c.crossSectorShare])).toEqual([
      [['h1', 'h2'], 0],
      [['s2'], null],
    ]);
    close(communities.modularity, 0); // networkx: one tie inside one community, resolution 1 → 1 − (2/2)² = 0
  });

  it('analyses the whole city (no area): every actor, ties whatever the memberships', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: { asOf: '2024-06-01' }, first: 100 });
    expect(brokers.method).toMatchObject({ nodeCount: 14, tieCount: 17, areaId: null });
  });

  it('answers NOT_FOUND for an unknown area', async () => {
    expect(codesOf(await api.run(RISKS, { scope: { areaId: 'nowhere' } }))).toEqual(['NOT_FOUND']);
  });
});

describe('the GDS runner', () => {
  it('drops the projected graph when the work on it fails', async () => {
    let during: string[] = [];
    const graph = await api.analytics.scopeGraph(parseScope(OSTER, new Date()));
    const failing = onProjectedGraph({ analytics: api.analytics, logger: silentLogger }, graph, async () => {
      during = await projectedGraphs();
      throw new Error('work failed');
    });
    await expect(failing).rejects.toThrow('work failed');
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^samverkan-/);
    expect(await projectedGraphs()).toEqual([]);
  });

  it('projects exactly the scope network it is given: every actor a node by number, every pair one undirected relationship', async () => {
    const scopes = [OSTER, { ...OSTER, membership: 'TOUCHING' as const }, { ...OSTER, sectors: ['PRIVATE' as const] }, { asOf: '2024-06-01' }, { ...OSTER, kinds: ['FUNDING' as const] }];
    for (const input of scopes) {
      const scope = parseScope(input, new Date());
      const graph = await api.analytics.scopeGraph(scope);
      const projected = await onProjectedGraph({ analytics: api.analytics, logger: silentLogger }, graph, async (step, projection) => ({
        nodeCount: projection.nodeCount,
        relationshipCount: projection.relationshipCount,
        nodes: (await step<{ node: number }>('analytics/gdsBetweenness')).map((row) => row.node).sort((a, b) => a - b),
      }));
      expect({ input, ...projected }).toEqual({
        input,
        nodeCount: graph.actors.length,
        relationshipCount: 2 * graph.pairs.length,
        nodes: graph.actors.map((_, node) => node),
      });
    }
  });
});

describe('without Graph Data Science', () => {
  it('answers ANALYTICS_UNAVAILABLE naming the plugin, while the other analytics keep working', async () => {
    const bare = await createTestApi({ withoutGds: true });
    try {
      const calls: Array<[string, Record<string, unknown>]> = [
        [BROKERS, { scope: OSTER }],
        [COMMUNITIES, { scope: OSTER, algorithm: 'LEIDEN' }],
      ];
      for (const [query, variables] of calls) {
        const result = await bare.run(query, variables);
        expect(codesOf(result)).toEqual(['ANALYTICS_UNAVAILABLE']);
        expect(result.errors?.[0].message).toMatch(/Graph Data Science plugin \(gds\.\*\)/);
      }
      const matrix = await bare.ok<{ sectorMatrix: { totalTies: number } }>(`query($scope: AnalyticsScope) { sectorMatrix(scope: $scope) { totalTies } }`, { scope: OSTER });
      expect(matrix.sectorMatrix.totalTies).toBe(15);
      // Structural risks are found in the service, so they need no plugin either.
      const risks = await bare.ok<Risks>(RISKS, { scope: OSTER });
      expect(risks.structuralRisks.articulationPoints.map((point) => point.actor.id)).toEqual(['h1', 'h3', 'r4']);
    } finally {
      await bare.close();
    }
  });
});

async function waitUntilIdle(target: TestApi): Promise<void> {
  for (let tries = 0; tries < 300 && target.analytics.heavyLoad.running > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(target.analytics.heavyLoad.running).toBe(0);
}

describe('a scope too large for the analytics timeout', () => {
  const TIMEOUT_MS = 500;
  const CITY = { asOf: '2024-06-01' };
  let slow: TestApi;

  beforeAll(async () => {
    await api.wipe();
    // About 6000 actors and 24000 ties: exact betweenness on one thread takes seconds.
    await loadDataset(api.db, generateCity({ actors: 6000, seed: 11 }));
    slow = await createTestApi({ analyticsTimeoutMs: TIMEOUT_MS });
    // Load the scope graph into the slow API's cache without its timeout, so that the
    // time runs out in GDS (projection or betweenness), not while reading the scope.
    const warm = new AnalyticsService({ db: slow.db, serviceInfo: createServiceInfoProvider(slow.db, 'test'), logger: silentLogger, timeoutMs: 60000, cache: slow.analytics.cache });
    expect((await warm.scopeGraph(parseScope(CITY, new Date()))).actors).toHaveLength(6000);
  }, 120000);
  afterAll(async () => {
    await slow.close();
    await buildNetwork();
  }, 60000);

  it('answers ANALYTICS_TIMEOUT promptly and still drops the projected graph', async () => {
    const started = Date.now();
    // EXACT: GDS's betweenness, not the service's estimate (AUTO samples a network this large).
    const result = await slow.run(`query($scope: AnalyticsScope) { brokers(scope: $scope, betweenness: { method: EXACT }) { method { cached } } }`, { scope: CITY });
    expect(codesOf(result)).toEqual(['ANALYTICS_TIMEOUT']);
    expect(result.errors?.[0].message).toMatch(`did not finish within ${TIMEOUT_MS} ms`);
    // The timer answers at the timeout; the slack is for the scope check and a busy machine.
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 10000);
    expect(await catalogEmptied()).toEqual([]);
    expect(slow.logged.filter((line) => /could not be dropped/.test(line))).toEqual([]);
  });

  it('stops a sampled estimate at the timeout too, freeing its slot', async () => {
    await waitUntilIdle(slow);
    const result = await slow.run(`query($scope: AnalyticsScope) { brokers(scope: $scope, betweenness: { method: SAMPLED, epsilon: 0.001 }) { method { cached } } }`, { scope: CITY });
    expect(codesOf(result)).toEqual(['ANALYTICS_TIMEOUT']);
    // 3.7 million sampled paths would take minutes; stopped at the timeout, the slot frees within moments.
    await waitUntilIdle(slow);
  });

  it('leaves no projected graph behind, whether the other analyses finish or time out', async () => {
    // (Structural risks and Louvain no longer use GDS: they run in the service on the scope's network.)
    // A timed-out analysis keeps its slot until the database has stopped it; wait for that,
    // so this request times out in GDS rather than waiting for a slot (ANALYTICS_BUSY).
    await waitUntilIdle(slow);
    const result = await slow.run(COMMUNITIES, { scope: CITY, algorithm: 'LEIDEN' });
    // Finished or timed out, never another error.
    expect(codesOf(result).every((code) => code === 'ANALYTICS_TIMEOUT')).toBe(true);
    expect(await catalogEmptied()).toEqual([]);
  });
});
