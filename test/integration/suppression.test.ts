import { createTestApi, type TestApi } from '../helpers/testApi';
import { addTie, createActor, createAreas } from '../helpers/fixtures';
import { DEVELOPMENT_ADMIN, type Principal } from '../../src/auth/principal';

/**
 * Small-cell suppression (issue 7, "Small cells") on a small city, as of AS_OF:
 *
 *   Rosengård (Öster): citizens r1–r3, association ra1, department rd1;
 *                      ties r1–ra1, r2–ra1, r3–rd1, ra1–rd1.
 *   Holma (Söder):     citizens h1–h7, association ha1, company hc1;
 *                      ties h1…h7–ha1, h1…h5–hc1, ha1–hc1.
 *
 * With k = 5: Rosengård's 3 citizens and its citizen cells (2 to CIVIL_SOCIETY,
 * 1 to PUBLIC) are small; Holma's 7 citizens and cells (7 and 5) are not; the
 * whole city has 10 citizens and one small cell (CITIZEN–PUBLIC, 1 tie).
 */
const AS_OF = '2020-06-01';
const ANALYST: Principal = { id: 'token:analyst', via: 'token', role: 'ANALYST', organisations: [] };
const rosengard = { asOf: AS_OF, areaId: 'rosengard' };
const holma = { asOf: AS_OF, areaId: 'holma' };
const city = { asOf: AS_OF };

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.wipe();
  await createAreas(api);
  const citizens = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  for (const id of citizens('r', 3)) await createActor(api, { id, kind: 'CITIZEN', areaId: 'rosengard' });
  for (const id of citizens('h', 7)) await createActor(api, { id, kind: 'CITIZEN', areaId: 'holma' });
  await createActor(api, { id: 'ra1', kind: 'ASSOCIATION', areaId: 'rosengard' });
  await createActor(api, { id: 'rd1', kind: 'CITY_DEPARTMENT', areaId: 'rosengard' });
  await createActor(api, { id: 'ha1', kind: 'ASSOCIATION', areaId: 'holma' });
  await createActor(api, { id: 'hc1', kind: 'COMPANY', areaId: 'holma' });
  const ties: Array<[string, string]> = [
    ['r1', 'ra1'],
    ['r2', 'ra1'],
    ['r3', 'rd1'],
    ['ra1', 'rd1'],
    ...citizens('h', 7).map((id): [string, string] => [id, 'ha1']),
    ...citizens('h', 5).map((id): [string, string] => [id, 'hc1']),
    ['ha1', 'hc1'],
  ];
  for (const [a, b] of ties) await addTie(api, a, b);
});
afterAll(async () => {
  await api.wipe();
  await api.close();
});

const METHOD = 'method { nodeCount nodeCountSuppressed tieCount tieCountSuppressed cached suppression { applied k rule } }';

type Method = {
  nodeCount: number | null;
  nodeCountSuppressed: boolean;
  tieCount: number | null;
  tieCountSuppressed: boolean;
  cached: boolean;
  suppression: { applied: boolean; k: number; rule: string };
};

describe('sectorMatrix', () => {
  const QUERY = `query($scope: AnalyticsScope) { sectorMatrix(scope: $scope) {
    sectors { sector actors suppressed } cells { sectorA sectorB ties possiblePairs density suppressed } totalTies totalTiesSuppressed ${METHOD} } }`;
  type Cell = { sectorA: string; sectorB: string; ties: number | null; possiblePairs: number | null; density: number | null; suppressed: boolean };
  type Result = {
    sectorMatrix: {
      sectors: Array<{ sector: string; actors: number | null; suppressed: boolean }>;
      cells: Cell[];
      totalTies: number | null;
      totalTiesSuppressed: boolean;
      method: Method;
    };
  };
  const run = async (scope: object, principal: Principal) => (await api.ok<Result>(QUERY, { scope }, principal)).sectorMatrix;
  const cell = (matrix: Result['sectorMatrix'], a: string, b: string) => matrix.cells.find((c) => c.sectorA === a && c.sectorB === b);
  const citizens = (matrix: Result['sectorMatrix']) => matrix.sectors.find((row) => row.sector === 'CITIZEN');

  it('gives each caller its own view of one cached result: ADMIN, then ANALYST, then ADMIN again', async () => {
    const first = await run(rosengard, DEVELOPMENT_ADMIN);
    expect(first.method.cached).toBe(false);
    expect(citizens(first)).toEqual({ sector: 'CITIZEN', actors: 3, suppressed: false });
    expect(cell(first, 'CITIZEN', 'CIVIL_SOCIETY')).toEqual({ sectorA: 'CITIZEN', sectorB: 'CIVIL_SOCIETY', ties: 2, possiblePairs: 3, density: 2 / 3, suppressed: false });
    expect(first.totalTies).toBe(4);
    expect(first.method).toMatchObject({ nodeCount: 5, tieCount: 4, nodeCountSuppressed: false, tieCountSuppressed: false, suppression: { applied: false, k: 5 } });

    const analyst = await run(rosengard, ANALYST);
    expect(analyst.method.cached).toBe(true);
    expect(citizens(analyst)).toEqual({ sector: 'CITIZEN', actors: null, suppressed: true });
    expect(cell(analyst, 'CITIZEN', 'CIVIL_SOCIETY')).toEqual({ sectorA: 'CITIZEN', sectorB: 'CIVIL_SOCIETY', ties: null, possiblePairs: null, density: null, suppressed: true });
    expect(cell(analyst, 'CITIZEN', 'PUBLIC')).toMatchObject({ ties: null, possiblePairs: null, density: null, suppressed: true });
    // No tie between the citizens: 0 is shown, but the possible pairs would give their number back.
    expect(cell(analyst, 'CITIZEN', 'CITIZEN')).toMatchObject({ ties: 0, possiblePairs: null, density: null, suppressed: true });
    // Cells without citizens are shown as to ADMIN.
    expect(cell(analyst, 'CIVIL_SOCIETY', 'PUBLIC')).toEqual(cell(first, 'CIVIL_SOCIETY', 'PUBLIC'));
    expect(analyst.sectors.find((row) => row.sector === 'PUBLIC')).toEqual({ sector: 'PUBLIC', actors: 1, suppressed: false });
    expect(analyst).toMatchObject({ totalTies: null, totalTiesSuppressed: true });
    expect(analyst.method).toMatchObject({ nodeCount: null, nodeCountSuppressed: true, tieCount: null, tieCountSuppressed: true, suppression: { applied: true, k: 5 } });
    expect(analyst.method.suppression.rule).toMatch(/from 1 to 4/);

    const again = await run(rosengard, DEVELOPMENT_ADMIN);
    expect(again).toEqual({ ...first, method: { ...first.method, cached: true } });
  });

  it('shows an ANALYST counts of k or more: Holma’s 7 citizens and its cells of 7 and 5 ties', async () => {
    const matrix = await run(holma, ANALYST);
    expect(citizens(matrix)).toEqual({ sector: 'CITIZEN', actors: 7, suppressed: false });
    expect(cell(matrix, 'CITIZEN', 'CIVIL_SOCIETY')).toMatchObject({ ties: 7, possiblePairs: 7, density: 1, suppressed: false });
    expect(cell(matrix, 'CITIZEN', 'PRIVATE')).toMatchObject({ ties: 5, possiblePairs: 7, suppressed: false });
    expect(matrix.totalTies).toBe(13);
    expect(matrix.method).toMatchObject({ nodeCount: 9, tieCount: 13, suppression: { applied: false } });
  });

  it('withholds one small cell of the city, and the totals that would give it back', async () => {
    const matrix = await run(city, ANALYST);
    expect(citizens(matrix)).toEqual({ sector: 'CITIZEN', actors: 10, suppressed: false });
    expect(cell(matrix, 'CITIZEN', 'PUBLIC')).toEqual({ sectorA: 'CITIZEN', sectorB: 'PUBLIC', ties: null, possiblePairs: 10, density: null, suppressed: true });
    expect(cell(matrix, 'CITIZEN', 'CIVIL_SOCIETY')).toMatchObject({ ties: 9, possiblePairs: 20, suppressed: false });
    expect(matrix).toMatchObject({ totalTies: null, totalTiesSuppressed: true });
    expect(matrix.method).toMatchObject({ nodeCount: 14, nodeCountSuppressed: false, tieCount: null, tieCountSuppressed: true, suppression: { applied: true } });
    const forAdmin = await run(city, DEVELOPMENT_ADMIN);
    expect(cell(forAdmin, 'CITIZEN', 'PUBLIC')).toMatchObject({ ties: 1, density: 0.1, suppressed: false });
    expect(forAdmin.totalTies).toBe(17);
  });
});

describe('the other fields with citizen counts', () => {
  it('eiIndex: the CITIZEN row and the E of sectors tied to few citizens', async () => {
    const QUERY = `query($scope: AnalyticsScope) { eiIndex(scope: $scope) {
      overall { external internal value suppressed } bySector { sector index { external internal value reason suppressed } } expected expectedSuppressed ${METHOD} } }`;
    type EI = { external: number | null; internal: number | null; value: number | null; suppressed: boolean };
    type Result = { eiIndex: { overall: EI; bySector: Array<{ sector: string; index: EI & { reason: string | null } }>; expected: number | null; expectedSuppressed: boolean; method: Method } };
    const analyst = (await api.ok<Result>(QUERY, { scope: rosengard }, ANALYST)).eiIndex;
    const of = (sector: string) => analyst.bySector.find((row) => row.sector === sector)?.index;
    expect(of('CITIZEN')).toMatchObject({ external: null, internal: 0, value: null, suppressed: true });
    expect(of('CITIZEN')?.reason).toMatch(/fewer than 5 citizens/);
    expect(of('CIVIL_SOCIETY')).toMatchObject({ external: null, internal: 0, suppressed: true });
    expect(analyst.overall).toMatchObject({ external: null, internal: 0, value: null, suppressed: true });
    expect(analyst).toMatchObject({ expected: null, expectedSuppressed: true });
    expect(analyst.method.suppression.applied).toBe(true);
    const admin = (await api.ok<Result>(QUERY, { scope: rosengard })).eiIndex;
    expect(admin.bySector.find((row) => row.sector === 'CITIZEN')?.index).toMatchObject({ external: 3, internal: 0, value: 1, suppressed: false });
    expect(admin.overall).toMatchObject({ external: 4, internal: 0, suppressed: false });
    expect(admin.method.suppression.applied).toBe(false);
  });

  it('diversity: the index of an area with few citizens, and of an actor with few citizen partners', async () => {
    const QUERY = `query($scope: AnalyticsScope) { diversity(scope: $scope) {
      actors(first: 100) { actor { id } partners { value count suppressed } } areas { area { id } actors { value normalised count suppressed } } ${METHOD} } }`;
    type Blau = { value: number | null; count: number | null; suppressed: boolean };
    type Result = { diversity: { actors: Array<{ actor: { id: string }; partners: Blau }>; areas: Array<{ area: { id: string }; actors: Blau & { normalised: number | null } }>; method: Method } };
    const analyst = (await api.ok<Result>(QUERY, { scope: city }, ANALYST)).diversity;
    const area = (id: string) => analyst.areas.find((row) => row.area.id === id)?.actors;
    expect(area('rosengard')).toEqual({ value: null, normalised: null, count: null, suppressed: true });
    // Öster holds Rosengård's 3 citizens; Holma, Söder and the city have 7, 7 and 10.
    expect(area('oster')?.suppressed).toBe(true);
    expect(area('holma')).toMatchObject({ count: 9, suppressed: false });
    expect(area('city')).toMatchObject({ count: 14, suppressed: false });
    expect(area('herrgarden')).toMatchObject({ count: 0, suppressed: false });
    // A withheld index sorts last, as an empty set does.
    expect(analyst.areas.slice(-2).map((row) => row.area.id).sort()).toEqual(['oster', 'rosengard']);
    const actor = (id: string) => analyst.actors.find((row) => row.actor.id === id)?.partners;
    expect(actor('ra1')).toEqual({ value: null, count: null, suppressed: true });
    expect(actor('rd1')).toEqual({ value: null, count: null, suppressed: true });
    expect(actor('ha1')).toMatchObject({ count: 8, suppressed: false });
    expect(actor('r1')).toMatchObject({ count: 1, suppressed: false });
    expect(analyst.method.suppression.applied).toBe(true);
    const admin = (await api.ok<Result>(QUERY, { scope: city })).diversity;
    expect(admin.areas.find((row) => row.area.id === 'rosengard')?.actors).toMatchObject({ count: 5, suppressed: false });
    expect(admin.actors.find((row) => row.actor.id === 'ra1')?.partners).toMatchObject({ count: 3, suppressed: false });
    expect(admin.method.suppression.applied).toBe(false);
  });

  it('helixCoverage: an area with few citizens shows no CITIZEN sector and no coverage, and ranks last', async () => {
    const QUERY = `query($scope: AnalyticsScope) { helixCoverage(scope: $scope) {
      areas { area { id } sectorsPresent connectedPairs { sectorA sectorB } missingPairs { sectorA sectorB } coverage rank suppressed } ${METHOD} } }`;
    type Row = { area: { id: string }; sectorsPresent: string[]; connectedPairs: unknown[]; missingPairs: unknown[]; coverage: number | null; rank: number; suppressed: boolean };
    type Result = { helixCoverage: { areas: Row[]; method: Method } };
    const analyst = (await api.ok<Result>(QUERY, { scope: { asOf: AS_OF, areaId: 'city' } }, ANALYST)).helixCoverage;
    const row = (id: string) => analyst.areas.find((r) => r.area.id === id);
    expect(row('rosengard')).toMatchObject({
      sectorsPresent: ['CIVIL_SOCIETY', 'PUBLIC'],
      connectedPairs: [{ sectorA: 'CIVIL_SOCIETY', sectorB: 'PUBLIC' }],
      missingPairs: [],
      coverage: null,
      suppressed: true,
    });
    expect(row('holma')).toMatchObject({ sectorsPresent: ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE'], coverage: 1, suppressed: false });
    expect(row('oster')?.suppressed).toBe(true);
    expect(analyst.areas.map((r) => r.rank)).toEqual(analyst.areas.map((_, i) => i + 1));
    // Ranked as the caller sees it: after every area whose coverage is shown.
    const lastShown = Math.max(...analyst.areas.filter((r) => r.coverage !== null).map((r) => r.rank));
    expect(row('rosengard')?.rank).toBeGreaterThan(lastShown);
    expect(analyst.method.suppression.applied).toBe(true);
    const admin = (await api.ok<Result>(QUERY, { scope: { asOf: AS_OF, areaId: 'city' } })).helixCoverage;
    expect(admin.areas.find((r) => r.area.id === 'rosengard')).toMatchObject({ sectorsPresent: ['CITIZEN', 'CIVIL_SOCIETY', 'PUBLIC'], coverage: 1, suppressed: false });
    expect(admin.method.suppression.applied).toBe(false);
  });

  it('crossSectorTies: the total of ties with few citizens', async () => {
    const QUERY = `query($scope: AnalyticsScope) { crossSectorTies(scope: $scope, first: 2) { totalCount totalCountSuppressed ${METHOD} } }`;
    type Result = { crossSectorTies: { totalCount: number | null; totalCountSuppressed: boolean; method: Method } };
    expect((await api.ok<Result>(QUERY, { scope: rosengard }, ANALYST)).crossSectorTies).toMatchObject({ totalCount: null, totalCountSuppressed: true });
    expect((await api.ok<Result>(QUERY, { scope: rosengard })).crossSectorTies).toMatchObject({ totalCount: 4, totalCountSuppressed: false });
    expect((await api.ok<Result>(QUERY, { scope: holma }, ANALYST)).crossSectorTies).toMatchObject({ totalCount: 13, totalCountSuppressed: false, method: { suppression: { applied: false } } });
  });

  it('communities: a community’s few citizens (needs GDS)', async () => {
    const QUERY = `query($scope: AnalyticsScope) { communities(scope: $scope) { communities { memberIds sectors { sector actors share suppressed } } ${METHOD} } }`;
    type Result = { communities: { communities: Array<{ memberIds: string[]; sectors: Array<{ sector: string; actors: number | null; share: number | null; suppressed: boolean }> }>; method: Method } };
    const analyst = (await api.ok<Result>(QUERY, { scope: rosengard }, ANALYST)).communities;
    const citizenRows = analyst.communities.flatMap((community) => community.sectors.filter((row) => row.sector === 'CITIZEN'));
    expect(citizenRows.length).toBeGreaterThan(0);
    expect(citizenRows.every((row) => row.actors === null && row.share === null && row.suppressed)).toBe(true);
    expect(analyst.method).toMatchObject({ nodeCount: null, suppression: { applied: true } });
    const admin = (await api.ok<Result>(QUERY, { scope: rosengard })).communities;
    const adminCitizens = admin.communities.flatMap((community) => community.sectors.filter((row) => row.sector === 'CITIZEN'));
    expect(adminCitizens.reduce((sum, row) => sum + (row.actors ?? 0), 0)).toBe(3);
    expect(admin.method).toMatchObject({ nodeCount: 5, suppression: { applied: false } });
  });
});
