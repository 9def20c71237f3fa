import { createTestApi, type TestApi } from '../helpers/testApi';
import { addTie, createActor, createAreas, type ActorSpec } from '../helpers/fixtures';
import { onProjectedGraph } from '../../src/analytics/gdsRunner';
import { parseScope } from '../../src/analytics/scope';
import { silentLogger } from '../../src/logger';

/**
 * The Graph Data Science fields on a scope that has actors but no ties. GDS
 * throws on a projection without relationships, so the runner must not project
 * one: the documented answer is every actor with betweenness 0, no bridges or
 * articulation points, one community per isolate and null modularity.
 *
 * Herrgården on 2024-06-01 (WITHIN): h1, h2, h3, h4 of four sectors, no tie
 * between them. h1–r1 (r1 in Rosengård) is active, so TOUCHING has one tie;
 * h2–h3 ended in 2019.
 */

let api: TestApi;

const ACTORS: ActorSpec[] = [
  { id: 'h1', kind: 'COMPANY', areaId: 'herrgarden' },
  { id: 'h2', kind: 'ASSOCIATION', areaId: 'herrgarden' },
  { id: 'h3', kind: 'CITIZEN', areaId: 'herrgarden' },
  { id: 'h4', kind: 'CITY_DEPARTMENT', areaId: 'herrgarden' },
  { id: 'r1', kind: 'ACADEMIC_INSTITUTION', areaId: 'rosengard' },
];

const HERRGARDEN = { areaId: 'herrgarden', asOf: '2024-06-01' };
const METHOD = 'method { nodeCount tieCount }';

const BROKERS = `query($scope: AnalyticsScope) { brokers(scope: $scope) {
  brokers { actor { id } rank betweenness normalisedBetweenness constraint effectiveSize degree } ${METHOD} } }`;
const RISKS = `query($scope: AnalyticsScope) { structuralRisks(scope: $scope) {
  bridges { source { id } } articulationPoints { actor { id } } ${METHOD} } }`;
const COMMUNITIES = `query($scope: AnalyticsScope, $algorithm: CommunityAlgorithm, $resolution: Float) {
  communities(scope: $scope, algorithm: $algorithm, resolution: $resolution) {
    communities { id size memberIds crossSectorShare } modularity ${METHOD} } }`;

interface Method {
  nodeCount: number;
  tieCount: number;
}
interface Brokers {
  brokers: { brokers: Array<{ actor: { id: string }; rank: number; betweenness: number; normalisedBetweenness: number; constraint: number | null; effectiveSize: number | null; degree: number }>; method: Method };
}
interface Risks {
  structuralRisks: { bridges: unknown[]; articulationPoints: unknown[]; method: Method };
}
interface Communities {
  communities: { communities: Array<{ id: number; size: number; memberIds: string[]; crossSectorShare: number | null }>; modularity: number | null; method: Method };
}

beforeAll(async () => {
  api = await createTestApi();
  await api.wipe();
  await createAreas(api);
  for (const actor of ACTORS) await createActor(api, actor);
  await addTie(api, 'h1', 'r1');
  await addTie(api, 'h2', 'h3', { until: '2019-12-31' });
});
afterAll(async () => {
  await api.wipe();
  await api.close();
});

describe('GDS fields on a scope with actors and no ties', () => {
  it('brokers: every actor with betweenness 0, ranked by id', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: HERRGARDEN });
    expect(brokers.brokers).toEqual(
      ['h1', 'h2', 'h3', 'h4'].map((id, index) => ({
        actor: { id },
        rank: index + 1,
        betweenness: 0,
        normalisedBetweenness: 0,
        constraint: null,
        effectiveSize: null,
        degree: 0,
      })),
    );
    expect(brokers.method).toEqual({ nodeCount: 4, tieCount: 0 });
  });

  it('structuralRisks: no bridges and no articulation points', async () => {
    const { structuralRisks } = await api.ok<Risks>(RISKS, { scope: HERRGARDEN });
    expect(structuralRisks).toEqual({ bridges: [], articulationPoints: [], method: { nodeCount: 4, tieCount: 0 } });
  });

  it.each([
    ['LOUVAIN', 1],
    ['LEIDEN', 1],
    ['LEIDEN', 0.5],
  ])('communities %s (resolution %s): one community per isolate, modularity null', async (algorithm, resolution) => {
    const { communities } = await api.ok<Communities>(COMMUNITIES, { scope: HERRGARDEN, algorithm, resolution });
    expect(communities.communities).toEqual(
      ['h1', 'h2', 'h3', 'h4'].map((id, index) => ({ id: index, size: 1, memberIds: [id], crossSectorShare: null })),
    );
    expect(communities.modularity).toBeNull();
    expect(communities.method).toEqual({ nodeCount: 4, tieCount: 0 });
  });

  it('still runs GDS once the scope has a tie (TOUCHING brings in h1–r1)', async () => {
    const scope = { ...HERRGARDEN, membership: 'TOUCHING' };
    const { communities } = await api.ok<Communities>(COMMUNITIES, { scope, algorithm: 'LEIDEN' });
    expect(communities.communities[0]).toEqual({ id: 0, size: 2, memberIds: ['h1', 'r1'], crossSectorShare: 1 });
    expect(communities.communities).toHaveLength(4);
    // networkx community.modularity on one edge plus three isolates, partition {h1, r1}: 1 − (2/2)² = 0.
    expect(communities.modularity).toBe(0);
    const { structuralRisks } = await api.ok<Risks>(RISKS, { scope });
    expect(structuralRisks.bridges).toEqual([{ source: { id: 'h1' } }]);
  });
});

describe('assortativity.sectorModularity', () => {
  const QUERY = `query($scope: AnalyticsScope) { assortativity(scope: $scope) { coefficient reason sectorModularity suppressed method { algorithm } } }`;
  type Result = { assortativity: { coefficient: number | null; reason: string | null; sectorModularity: number | null; suppressed: boolean; method: { algorithm: string } } };

  it('is null without ties, beside a null r', async () => {
    const { assortativity } = await api.ok<Result>(QUERY, { scope: HERRGARDEN });
    expect(assortativity).toMatchObject({ coefficient: null, reason: expect.stringMatching(/no ties/), sectorModularity: null, suppressed: false });
    expect(assortativity.method.algorithm).toMatch(/Q = Σ_k \(e_kk − a_k²\)/);
  });

  it('is NetworkX’s modularity of the sector partition once there is a tie', async () => {
    // networkx community.modularity on h1–r1 (PRIVATE–ACADEMIA) with h2, h3, h4 isolated, parts by sector: −0.5.
    const { assortativity } = await api.ok<Result>(QUERY, { scope: { ...HERRGARDEN, membership: 'TOUCHING' } });
    expect(assortativity.sectorModularity).toBeCloseTo(-0.5, 12);
    expect(assortativity.coefficient).toBeCloseTo(-1, 12);
  });
});

describe('the GDS runner on a network without ties', () => {
  it('neither projects nor runs the work, and answers null', async () => {
    const graph = await api.analytics.scopeGraph(parseScope(HERRGARDEN, new Date()));
    expect([graph.actors.length, graph.pairs.length]).toEqual([4, 0]);
    let ran = false;
    const answer = await onProjectedGraph({ analytics: api.analytics, logger: silentLogger }, graph, async () => {
      ran = true;
      return 'projected';
    });
    expect({ answer, ran }).toEqual({ answer: null, ran: false });
  });
});
