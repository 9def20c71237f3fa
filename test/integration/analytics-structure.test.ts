import { createTestApi, codesOf, type TestApi } from '../helpers/testApi';
import { AS_OF, AS_OF_BEFORE, SCOPE_VARIANTS, createAnalyticsCity } from '../helpers/analyticsFixtures';
import type { AnalysisMethod } from '../../src/analytics/analyticsService';
import type { PartnerSuggestionRow } from '../../src/analytics/measures/partnerSuggestions';

/**
 * The structural analytics fields against the small city of analyticsFixtures.
 * Expected values were computed with NetworkX 3.6 on the same graph
 * (attribute_assortativity_coefficient, adamic_adar_index, all_shortest_paths)
 * and the counts checked by hand; the tests themselves do not call Python.
 */
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.wipe();
  await createAnalyticsCity(api);
});
afterAll(async () => {
  await api.wipe();
  await api.close();
});

const METHOD = 'method { algorithm normalisation counting nodeCount tieCount asOf areaId gdsVersion cached }';
const city = { asOf: AS_OF };
const oster = { asOf: AS_OF, areaId: 'oster' };

/** The method fields these tests select. */
type Method = Pick<AnalysisMethod, 'algorithm' | 'counting' | 'nodeCount' | 'tieCount' | 'asOf' | 'areaId' | 'gdsVersion' | 'cached'>;

describe('sectorMatrix', () => {
  const QUERY = `query($scope: AnalyticsScope) { sectorMatrix(scope: $scope) {
    sectors { sector actors } cells { sectorA sectorB ties possiblePairs density } totalTies ${METHOD} } }`;
  type Result = {
    sectorMatrix: {
      sectors: Array<{ sector: string; actors: number }>;
      cells: Array<{ sectorA: string; sectorB: string; ties: number; possiblePairs: number; density: number | null }>;
      totalTies: number;
      method: Method;
    };
  };

  it('counts a pair joined by two kinds of tie once, lists all sectors and counts the isolate', async () => {
    const { sectorMatrix } = await api.ok<Result>(QUERY, { scope: city });
    expect(sectorMatrix.sectors).toEqual([
      { sector: 'CITIZEN', actors: 2 },
      { sector: 'CIVIL_SOCIETY', actors: 2 },
      { sector: 'PRIVATE', actors: 3 },
      { sector: 'PUBLIC', actors: 4 },
      { sector: 'ACADEMIA', actors: 1 },
    ]);
    expect(sectorMatrix.totalTies).toBe(11);
    const cell = (a: string, b: string) => sectorMatrix.cells.find((c) => c.sectorA === a && c.sectorB === b);
    // assoc1–dept1 has a PARTNERSHIP and a FUNDING tie: one pair of 2·4 possible.
    expect(cell('CIVIL_SOCIETY', 'PUBLIC')).toEqual({ sectorA: 'CIVIL_SOCIETY', sectorB: 'PUBLIC', ties: 1, possiblePairs: 8, density: 0.125 });
    expect(cell('PUBLIC', 'PUBLIC')).toMatchObject({ ties: 1, possiblePairs: 6, density: 1 / 6 });
    expect(cell('CIVIL_SOCIETY', 'PRIVATE')).toMatchObject({ ties: 2, possiblePairs: 6 });
    expect(cell('ACADEMIA', 'ACADEMIA')).toMatchObject({ ties: 0, possiblePairs: 0, density: null });
    expect(sectorMatrix.cells).toHaveLength(15);
    expect(sectorMatrix.method).toMatchObject({ nodeCount: 12, tieCount: 11, asOf: AS_OF, areaId: null, gdsVersion: null });
    expect(sectorMatrix.method.counting).toMatch(/counted once/);
  });

  it('serves a repeat from the cache and follows minStrength, kinds and the area', async () => {
    await api.ok<Result>(QUERY, { scope: city });
    const again = await api.ok<Result>(QUERY, { scope: city });
    expect(again.sectorMatrix.method.cached).toBe(true);
    const strong = await api.ok<Result>(QUERY, { scope: { ...city, minStrength: 4 } });
    expect(strong.sectorMatrix.totalTies).toBe(1);
    const funding = await api.ok<Result>(QUERY, { scope: { ...city, kinds: ['FUNDING'] } });
    expect(funding.sectorMatrix.totalTies).toBe(1);
    const area = await api.ok<Result>(QUERY, { scope: oster });
    expect(area.sectorMatrix.totalTies).toBe(8);
    expect(area.sectorMatrix.method).toMatchObject({ nodeCount: 6, tieCount: 8, areaId: 'oster' });
  });

  it('counts in the database exactly what the scope’s network holds, for every kind of scope', async () => {
    // sectorMatrix and diversity aggregate in Cypher (analytics/sectorMixing, analytics/partnerSectorCounts);
    // crossSectorTies uses the exported network.
    const BOTH = `query($scope: AnalyticsScope) {
      sectorMatrix(scope: $scope) { totalTies cells { sectorA sectorB ties } method { nodeCount tieCount } }
      diversity(scope: $scope) { actors(first: 100) { partners { count } } method { nodeCount tieCount } }
      crossSectorTies(scope: $scope) { totalCount method { nodeCount tieCount } } }`;
    type Both = {
      diversity: { actors: Array<{ partners: { count: number } }>; method: { nodeCount: number; tieCount: number } };
      sectorMatrix: { totalTies: number; cells: Array<{ sectorA: string; sectorB: string; ties: number }>; method: { nodeCount: number; tieCount: number } };
      crossSectorTies: { totalCount: number; method: { nodeCount: number; tieCount: number } };
    };
    for (const scope of SCOPE_VARIANTS) {
      const { sectorMatrix, crossSectorTies, diversity } = await api.ok<Both>(BOTH, { scope });
      expect({ scope, ...diversity.method }).toEqual({ scope, ...crossSectorTies.method });
      expect(diversity.actors.reduce((sum, row) => sum + row.partners.count, 0)).toBe(2 * crossSectorTies.method.tieCount);
      const between = sectorMatrix.cells.filter((c) => c.sectorA !== c.sectorB).reduce((sum, c) => sum + c.ties, 0);
      expect({ scope, ...sectorMatrix.method, between }).toEqual({ scope, ...crossSectorTies.method, between: crossSectorTies.totalCount });
      expect(sectorMatrix.totalTies).toBe(sectorMatrix.method.tieCount);
    }
  });

  it('rejects bad scopes and unknown areas', async () => {
    expect(codesOf(await api.run(QUERY, { scope: { areaId: 'nowhere' } }))).toEqual(['NOT_FOUND']);
    const weak = await api.run(QUERY, { scope: { minStrength: 9 } });
    expect(codesOf(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors?.[0].message).toMatch(/scope.minStrength/);
    expect(codesOf(await api.run(QUERY, { scope: { membership: 'TOUCHING' } }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('eiIndex', () => {
  const QUERY = `query($scope: AnalyticsScope) { eiIndex(scope: $scope) {
    overall { external internal value reason } bySector { sector index { external internal value reason } } expected expectedReason ${METHOD} } }`;
  type EI = { external: number; internal: number; value: number | null; reason: string | null };
  type Result = { eiIndex: { overall: EI; bySector: Array<{ sector: string; index: EI }>; expected: number | null; expectedReason: string | null } };

  it('gives the overall, per-sector and expected values', async () => {
    const { eiIndex } = await api.ok<Result>(QUERY, { scope: city });
    // E = 8, I = 3 (cit1–cit2, assoc1–assoc2, pub3–pub4).
    expect(eiIndex.overall).toEqual({ external: 8, internal: 3, value: 5 / 11, reason: null });
    expect(eiIndex.bySector.map((s) => [s.sector, s.index.external, s.index.internal, s.index.value])).toEqual([
      ['CITIZEN', 3, 1, 0.5],
      ['CIVIL_SOCIETY', 5, 1, 4 / 6],
      ['PRIVATE', 5, 0, 1],
      ['PUBLIC', 3, 1, 0.5],
      ['ACADEMIA', 0, 0, null],
    ]);
    // Sizes 2, 2, 3, 4, 1: Pi = 1 + 1 + 3 + 6 = 11, Pe = C(12, 2) − 11 = 55.
    expect(eiIndex.expected).toBeCloseTo(44 / 66, 12);
  });

  it('is −1 in a single-sector district and null with reasons in an empty area', async () => {
    const norr = await api.ok<Result>(QUERY, { scope: { asOf: AS_OF, areaId: 'norr' } });
    expect(norr.eiIndex.overall).toEqual({ external: 0, internal: 1, value: -1, reason: null });
    expect(norr.eiIndex.expected).toBe(-1);
    const empty = await api.ok<Result>(QUERY, { scope: { asOf: AS_OF, areaId: 'tomt' } });
    expect(empty.eiIndex.overall.value).toBeNull();
    expect(empty.eiIndex.overall.reason).toMatch(/no ties/);
    expect(empty.eiIndex.bySector).toEqual([]);
    expect(empty.eiIndex.expected).toBeNull();
    expect(empty.eiIndex.expectedReason).toMatch(/fewer than two actors/);
  });
});

describe('assortativity', () => {
  const QUERY = `query($scope: AnalyticsScope) { assortativity(scope: $scope) { coefficient reason ${METHOD} } }`;
  type Result = { assortativity: { coefficient: number | null; reason: string | null; method: Method } };

  it('equals NetworkX for the city, an area, and an area with its outside partners (TOUCHING)', async () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [city, 0.02222222222222215],
      [oster, -0.054945054945054944],
      [{ ...oster, membership: 'TOUCHING' }, -0.09565217391304343],
    ];
    for (const [scope, expected] of cases) {
      const { assortativity } = await api.ok<Result>(QUERY, { scope });
      expect(assortativity.coefficient).toBeCloseTo(expected, 9);
      expect(assortativity.reason).toBeNull();
    }
  });

  it('is null with a reason for a single-sector district and an empty area', async () => {
    const norr = await api.ok<Result>(QUERY, { scope: { asOf: AS_OF, areaId: 'norr' } });
    expect(norr.assortativity).toMatchObject({ coefficient: null, reason: expect.stringMatching(/one sector \(PUBLIC\)/) });
    const empty = await api.ok<Result>(QUERY, { scope: { asOf: AS_OF, areaId: 'tomt' } });
    expect(empty.assortativity).toMatchObject({ coefficient: null, reason: expect.stringMatching(/no ties/), method: { nodeCount: 0, tieCount: 0 } });
  });
});

describe('crossSectorTies', () => {
  const QUERY = `query($scope: AnalyticsScope, $first: Int, $after: String) { crossSectorTies(scope: $scope, first: $first, after: $after) {
    totalCount edges { cursor node { source { id } target { id } sourceSector targetSector strength kinds } }
    pageInfo { hasNextPage endCursor } ${METHOD} } }`;
  type Node = { source: { id: string }; target: { id: string }; sourceSector: string; targetSector: string; strength: number; kinds: string[] };
  type Result = { crossSectorTies: { totalCount: number; edges: Array<{ node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; method: Method } };
  const keys = (result: Result) => result.crossSectorTies.edges.map((e) => `${e.node.source.id}|${e.node.target.id}`);

  it('pages through the pairs of different sectors by (source, target)', async () => {
    const first = await api.ok<Result>(QUERY, { scope: city, first: 5 });
    expect(first.crossSectorTies.totalCount).toBe(8);
    expect(keys(first)).toEqual(['acme|assoc1', 'assoc1|cit1', 'assoc1|cit2', 'assoc1|dept1', 'assoc2|firm1']);
    expect(first.crossSectorTies.pageInfo.hasNextPage).toBe(true);
    const second = await api.ok<Result>(QUERY, { scope: city, first: 5, after: first.crossSectorTies.pageInfo.endCursor });
    expect(keys(second)).toEqual(['cit2|firm1', 'dept1|firm1', 'dept2|firm2']);
    expect(second.crossSectorTies.pageInfo.hasNextPage).toBe(false);
    const merged = first.crossSectorTies.edges[3].node;
    expect(merged).toEqual({ source: { id: 'assoc1' }, target: { id: 'dept1' }, sourceSector: 'CIVIL_SOCIETY', targetSector: 'PUBLIC', strength: 5, kinds: ['FUNDING', 'PARTNERSHIP'] });
    expect(codesOf(await api.run(QUERY, { scope: city, after: 'bogus' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.run(QUERY, { scope: city, first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('loads the actors of a page in one batch', async () => {
    const result = await api.run<Result>(QUERY, { scope: { ...city, kinds: ['PARTNERSHIP'] }, first: 8 });
    expect(result.errors).toBeUndefined();
    expect(result.queries.filter((name) => name === 'actors/byIds')).toHaveLength(1);
  });

  it('counts a tie that ended before the as-of date only before it ended', async () => {
    const before = await api.ok<Result>(QUERY, { scope: { asOf: AS_OF_BEFORE }, first: 20 });
    expect(keys(before)).toContain('cit1|firm2');
    const after = await api.ok<Result>(QUERY, { scope: city, first: 20 });
    expect(keys(after)).not.toContain('cit1|firm2');
  });

  it('with TOUCHING, includes partners outside the area, the smaller id first', async () => {
    const within = await api.ok<Result>(QUERY, { scope: oster, first: 20 });
    expect(keys(within)).not.toContain('acme|assoc1');
    const touching = await api.ok<Result>(QUERY, { scope: { ...oster, membership: 'TOUCHING' }, first: 20 });
    expect(keys(touching)[0]).toBe('acme|assoc1');
    expect(touching.crossSectorTies.edges[0].node).toMatchObject({ sourceSector: 'PRIVATE', targetSector: 'CIVIL_SOCIETY' });
    expect(touching.crossSectorTies.method).toMatchObject({ nodeCount: 7, tieCount: 9 });
  });
});

describe('diversity', () => {
  const QUERY = `query($scope: AnalyticsScope, $first: Int) { diversity(scope: $scope) {
    actors(first: $first) { actor { id } partners { value normalised count } }
    areas { area { id name } actors { value normalised count } } ${METHOD} } }`;
  type Blau = { value: number | null; normalised: number | null; count: number };
  type Result = { diversity: { actors: Array<{ actor: { id: string }; partners: Blau }>; areas: Array<{ area: { id: string }; actors: Blau }> } };

  it('ranks actors by their partners’ diversity and areas by their actors’ (sub-areas included)', async () => {
    const { diversity } = await api.ok<Result>(QUERY, { scope: city, first: 3 });
    // assoc1's partners: cit1, cit2, assoc2, dept1, acme → 1 − (4 + 1 + 1 + 1)/25 = 0.72.
    expect(diversity.actors).toEqual([
      { actor: { id: 'assoc1' }, partners: { value: 0.72, normalised: expect.closeTo(0.9, 12), count: 5 } },
      { actor: { id: 'cit2' }, partners: { value: expect.closeTo(2 / 3, 12), normalised: expect.closeTo(5 / 6, 12), count: 3 } },
      { actor: { id: 'firm1' }, partners: { value: expect.closeTo(2 / 3, 12), normalised: expect.closeTo(5 / 6, 12), count: 3 } },
    ]);
    expect(diversity.areas.map((a) => [a.area.id, a.actors.count])).toEqual([
      ['city', 11],
      ['oster', 6],
      ['holma', 3],
      ['soder', 3],
      ['herrgarden', 2],
      ['rosengard', 3],
      ['norr', 2],
      ['tomt', 0],
    ]);
    // The city: 2, 2, 2, 4, 1 actors of 11 (acme's membership has ended) → 1 − 29/121.
    expect(diversity.areas[0].actors.value).toBeCloseTo(92 / 121, 12);
    expect(diversity.areas[6].actors).toEqual({ value: 0, normalised: 0, count: 2 });
    expect(diversity.areas[7].actors).toEqual({ value: null, normalised: null, count: 0 });
    const all = await api.ok<Result>(QUERY, { scope: city, first: 100 });
    expect(all.diversity.actors).toHaveLength(12);
    expect(all.diversity.actors[11]).toEqual({ actor: { id: 'uni1' }, partners: { value: null, normalised: null, count: 0 } });
  });

  it('takes the scope’s area and the areas beneath it', async () => {
    const { diversity } = await api.ok<Result>(QUERY, { scope: oster });
    expect(diversity.areas.map((a) => a.area.id)).toEqual(['oster', 'herrgarden', 'rosengard']);
  });
});

describe('helixCoverage', () => {
  const QUERY = `query($scope: AnalyticsScope) { helixCoverage(scope: $scope) { areas {
    area { id } sectorsPresent connectedPairs { sectorA sectorB } missingPairs { sectorA sectorB } coverage rank } ${METHOD} } }`;
  type Pair = { sectorA: string; sectorB: string };
  type Row = { area: { id: string }; sectorsPresent: string[]; connectedPairs: Pair[]; missingPairs: Pair[]; coverage: number | null; rank: number };
  type Result = { helixCoverage: { areas: Row[] } };

  it('ranks every area by the share of its sector pairs tied within it', async () => {
    const { helixCoverage } = await api.ok<Result>(QUERY, { scope: city });
    expect(helixCoverage.areas.map((a) => [a.rank, a.area.id, a.coverage])).toEqual([
      [1, 'herrgarden', 1],
      [2, 'rosengard', 1],
      [3, 'oster', 5 / 6],
      [4, 'city', 0.5],
      [5, 'holma', 1 / 3],
      [6, 'soder', 1 / 3],
      [7, 'norr', null],
      [8, 'tomt', null],
    ]);
    const oster = helixCoverage.areas[2];
    expect(oster.sectorsPresent).toEqual(['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC']);
    expect(oster.missingPairs).toEqual([{ sectorA: 'CITIZEN', sectorB: 'PUBLIC' }]);
    expect(helixCoverage.areas[6]).toMatchObject({ sectorsPresent: ['PUBLIC'], connectedPairs: [], missingPairs: [] });
    expect(helixCoverage.areas[7]).toMatchObject({ sectorsPresent: [], connectedPairs: [], missingPairs: [] });
  });

  it('sees the ended tie and membership before they ended', async () => {
    const { helixCoverage } = await api.ok<Result>(QUERY, { scope: { asOf: AS_OF_BEFORE, areaId: 'rosengard' } });
    // In 2018 acme (PRIVATE) was active in Rosengård and tied to assoc1.
    expect(helixCoverage.areas).toEqual([
      expect.objectContaining({
        area: { id: 'rosengard' },
        sectorsPresent: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE'],
        connectedPairs: [
          { sectorA: 'CITIZEN', sectorB: 'CIVIL_SOCIETY' },
          { sectorA: 'CIVIL_SOCIETY', sectorB: 'PRIVATE' },
        ],
        coverage: 2 / 3,
        rank: 1,
      }),
    ]);
  });
});

describe('connectionPaths', () => {
  const QUERY = `query($from: ID!, $to: ID!, $maxHops: Int, $scope: AnalyticsScope) { connectionPaths(from: $from, to: $to, maxHops: $maxHops, scope: $scope) {
    paths { hops { actor { id } sector } length sectorCrossings } ${METHOD} } }`;
  type Result = { connectionPaths: { paths: Array<{ hops: Array<{ actor: { id: string }; sector: string }>; length: number; sectorCrossings: number }>; method: Method } };
  const ids = (result: Result) => result.connectionPaths.paths.map((p) => [p.hops.map((h) => h.actor.id).join('>'), p.length, p.sectorCrossings]);

  it('finds all shortest paths, as NetworkX does, with their sector crossings', async () => {
    // nx.all_shortest_paths(G, 'cit2', 'dept1') == [['cit2', 'assoc1', 'dept1'], ['cit2', 'firm1', 'dept1']].
    const result = await api.ok<Result>(QUERY, { from: 'cit2', to: 'dept1', scope: city });
    expect(ids(result)).toEqual([
      ['cit2>assoc1>dept1', 2, 2],
      ['cit2>firm1>dept1', 2, 2],
    ]);
    expect(result.connectionPaths.paths[0].hops.map((h) => h.sector)).toEqual(['CITIZEN', 'CIVIL_SOCIETY', 'PUBLIC']);
    const one = await api.ok<Result>(QUERY, { from: 'cit1', to: 'assoc2', scope: city });
    expect(ids(one)).toEqual([['cit1>assoc1>assoc2', 2, 1]]);
  });

  it('uses a tie only while it is active, and stays within maxHops and the scope', async () => {
    expect(ids(await api.ok<Result>(QUERY, { from: 'cit1', to: 'dept2', scope: city }))).toEqual([]);
    expect(ids(await api.ok<Result>(QUERY, { from: 'cit1', to: 'dept2', scope: { asOf: AS_OF_BEFORE } }))).toEqual([['cit1>firm2>dept2', 2, 2]]);
    expect(ids(await api.ok<Result>(QUERY, { from: 'cit1', to: 'firm1', maxHops: 1, scope: city }))).toEqual([]);
    // acme is not active in Öster as of AS_OF: no path within that scope.
    expect(ids(await api.ok<Result>(QUERY, { from: 'acme', to: 'cit1', scope: oster }))).toEqual([]);
    expect(ids(await api.ok<Result>(QUERY, { from: 'acme', to: 'cit1', scope: city }))).toEqual([['acme>assoc1>cit1', 2, 2]]);
    expect(ids(await api.ok<Result>(QUERY, { from: 'uni1', to: 'cit1', scope: city }))).toEqual([]);
  });

  it('rejects bad arguments', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ from: 'cit1', to: 'cit2', maxHops: 7 }, 'BAD_USER_INPUT', /maxHops/],
      [{ from: 'cit1', to: 'cit2', maxHops: 0 }, 'BAD_USER_INPUT', /maxHops/],
      [{ from: 'cit1', to: 'cit1' }, 'BAD_USER_INPUT', /different actors/],
      [{ from: 'ghost', to: 'cit1' }, 'NOT_FOUND', /ghost/],
      [{ from: 'cit1', to: 'ghost' }, 'NOT_FOUND', /ghost/],
      [{ from: 'cit1', to: 'cit2', scope: { areaId: 'nowhere' } }, 'NOT_FOUND', /nowhere/],
    ];
    for (const [variables, code, message] of cases) {
      const result = await api.run(QUERY, variables);
      expect({ variables, codes: codesOf(result) }).toEqual({ variables, codes: [code] });
      expect(result.errors?.[0].message).toMatch(message);
    }
  });
});

describe('partnerSuggestions', () => {
  const QUERY = `query($actorId: ID!, $first: Int, $scope: AnalyticsScope) { partnerSuggestions(actorId: $actorId, first: $first, scope: $scope) {
    suggestions { actor { id } score adamicAdar sharedPartners sharedAreas sharedInitiatives sharedSdgs reasons } ${METHOD} } }`;
  type Suggestion = Omit<PartnerSuggestionRow, 'actorId'> & { actor: { id: string } };
  type Result = { partnerSuggestions: { suggestions: Suggestion[]; method: Method } };

  it('ranks actors of other sectors by Adamic–Adar plus shared initiatives and SDGs', async () => {
    const { partnerSuggestions } = await api.ok<Result>(QUERY, { actorId: 'assoc2', scope: city });
    // nx.adamic_adar_index: (assoc2, cit1) 0.6213349345596119 via assoc1 (degree 5); cit2 and dept1 1.531574161186449
    // via assoc1 and firm1 (degree 3). cit1 also shares Odla (+0.75) and SDGs 2 and 11 (+0.2); dept2 SDG 11 (+0.1).
    expect(partnerSuggestions.suggestions.map((s) => [s.actor.id, Number(s.score.toFixed(9))])).toEqual([
      ['cit1', 1.571334935],
      ['cit2', 1.531574161],
      ['dept1', 1.531574161],
      ['acme', 0.621334935],
      ['dept2', 0.1],
    ]);
    expect(partnerSuggestions.suggestions[0]).toEqual({
      actor: { id: 'cit1' },
      score: expect.closeTo(1.5713349345596119, 9),
      adamicAdar: expect.closeTo(0.6213349345596119, 9),
      sharedPartners: 1,
      sharedAreas: 0,
      sharedInitiatives: 1,
      sharedSdgs: 2,
      reasons: ['1 shared partner: Org assoc1', '1 shared initiative: Odla', 'works on 2 shared SDGs: SDG 2, SDG 11'],
    });
  });

  it('counts shared areas, and stops at first', async () => {
    const { partnerSuggestions } = await api.ok<Result>(QUERY, { actorId: 'dept2', first: 2, scope: city });
    expect(partnerSuggestions.suggestions.map((s) => [s.actor.id, s.reasons])).toEqual([
      ['uni1', ['active in 1 shared area: Holma']],
      ['assoc2', ['works on 1 shared SDG: SDG 11']],
    ]);
  });

  it('suggests nothing for an actor outside the scope, and rejects bad arguments', async () => {
    const outside = await api.ok<Result>(QUERY, { actorId: 'pub3', scope: oster });
    expect(outside.partnerSuggestions.suggestions).toEqual([]);
    expect(codesOf(await api.run(QUERY, { actorId: 'ghost' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.run(QUERY, { actorId: 'cit1', first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('without Graph Data Science', () => {
  it('still answers every structural field', async () => {
    const noGds = await createTestApi({ withoutGds: true });
    try {
      const data = await noGds.ok<{ sectorMatrix: { totalTies: number }; connectionPaths: { paths: unknown[] }; helixCoverage: { areas: unknown[] } }>(
        `query($scope: AnalyticsScope) {
          sectorMatrix(scope: $scope) { totalTies }
          eiIndex(scope: $scope) { overall { value } }
          assortativity(scope: $scope) { coefficient }
          diversity(scope: $scope) { actors(first: 1) { actor { id } } }
          helixCoverage(scope: $scope) { areas { rank } }
          crossSectorTies(scope: $scope) { totalCount }
          connectionPaths(from: "cit2", to: "dept1", scope: $scope) { paths { length } }
          partnerSuggestions(actorId: "assoc2", scope: $scope) { suggestions { score } }
        }`,
        { scope: city },
      );
      expect(data.sectorMatrix.totalTies).toBe(11);
      expect(data.connectionPaths.paths).toHaveLength(2);
      expect(data.helixCoverage.areas).toHaveLength(8);
    } finally {
      await noGds.close();
    }
  });
});
