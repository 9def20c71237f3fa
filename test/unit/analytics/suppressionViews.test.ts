import type { Principal } from '../../../src/auth/principal';
import { DEVELOPMENT_ADMIN } from '../../../src/auth/principal';
import type { AnalysisMethod } from '../../../src/analytics/analyticsService';
import { suppressorFor } from '../../../src/analytics/suppression/suppressor';
import { basisOfGraph, basisOfMixing } from '../../../src/analytics/suppression/citizenBasis';
import { assortativityView, eiIndexView, sectorMatrixView } from '../../../src/analytics/suppression/mixingViews';
import { diversityView } from '../../../src/analytics/suppression/diversityView';
import { citizensPerArea, helixCoverageView } from '../../../src/analytics/suppression/helixCoverageView';
import { communitiesView } from '../../../src/analytics/suppression/communitiesView';
import { methodOnlyView } from '../../../src/analytics/suppression/methodView';
import { sectorMatrix } from '../../../src/analytics/measures/sectorMatrix';
import { eiIndex } from '../../../src/analytics/measures/eiIndex';
import { assortativity } from '../../../src/analytics/measures/assortativity';
import { sectorMixing } from '../../../src/analytics/measures/sectorMixing';
import { areaDiversityFromCounts, type PartnerSectorCounts } from '../../../src/analytics/measures/blau';
import { PartnerTable } from '../../../src/analytics/measures/partnerTable';
import { helixCoverage } from '../../../src/analytics/measures/helixCoverage';
import { partition } from '../../../src/analytics/measures/communityComposition';
import { graphOf, mixedGraph } from './sampleGraphs';
import { sectorIndex } from '../../../src/analytics/measures/sectorMixing';

const ANALYST: Principal = { id: 'token:analyst', via: 'token', role: 'ANALYST', organisations: [] };
const analyst = suppressorFor(ANALYST, 5);
const admin = suppressorFor(DEVELOPMENT_ADMIN, 5);

const METHOD: AnalysisMethod = {
  algorithm: 'test',
  counting: 'test',
  nodeCount: 0,
  tieCount: 0,
  engine: 'SCOPE_NETWORK',
  asOf: '2020-06-01',
  areaId: null,
  gdsVersion: null,
  computedAt: '2020-06-01T00:00:00.000Z',
  cached: false,
};

/**
 * Three citizens c1–c3 (each tied to the association o1, c1 also to the firm f1),
 * seven associations o1–o7 in a ring with o1 tied to f1 and d1 (PUBLIC).
 * Citizen cells: CITIZEN–CITIZEN 0, CITIZEN–CIVIL_SOCIETY 3, CITIZEN–PRIVATE 1.
 */
const SECTORS_OF = {
  c1: 'CITIZEN',
  c2: 'CITIZEN',
  c3: 'CITIZEN',
  o1: 'CIVIL_SOCIETY',
  o2: 'CIVIL_SOCIETY',
  o3: 'CIVIL_SOCIETY',
  o4: 'CIVIL_SOCIETY',
  o5: 'CIVIL_SOCIETY',
  o6: 'CIVIL_SOCIETY',
  o7: 'CIVIL_SOCIETY',
  f1: 'PRIVATE',
  d1: 'PUBLIC',
} as const;
const PAIRS: Array<[string, string]> = [
  ['c1', 'o1'],
  ['c2', 'o1'],
  ['c3', 'o1'],
  ['c1', 'f1'],
  ['o1', 'o2'],
  ['o2', 'o3'],
  ['o3', 'o4'],
  ['o4', 'o5'],
  ['o5', 'o6'],
  ['o6', 'o7'],
  ['o1', 'f1'],
  ['o1', 'd1'],
];
const graph = graphOf({ ...SECTORS_OF }, PAIRS);
const mixing = sectorMixing(graph.actors, graph.pairs);
const method = { ...METHOD, nodeCount: graph.actors.length, tieCount: graph.pairs.length };

/** Deep-frozen, so a view that changed the cached value would throw. */
function frozen<T>(value: T): T {
  // Typed arrays cannot be frozen: the diversity test checks its table's arrays are left as they were.
  if (value && typeof value === 'object' && !(value instanceof Map) && !ArrayBuffer.isView(value)) {
    Object.values(value as object).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

describe('sectorMatrixView', () => {
  const cached = frozen({ ...sectorMatrix(mixing), citizenBasis: basisOfMixing(mixing), method });
  const cell = (view: ReturnType<typeof sectorMatrixView>, a: string, b: string) => view.cells.find((c) => c.sectorA === a && c.sectorB === b);

  it('withholds the citizens, the small CITIZEN cell, possible pairs and densities resting on them, and the totals', () => {
    const view = sectorMatrixView(analyst, cached);
    expect(view.sectors[0]).toEqual({ sector: 'CITIZEN', actors: null, suppressed: true });
    expect(view.sectors[1]).toEqual({ sector: 'CIVIL_SOCIETY', actors: 7, suppressed: false });
    // 1 tie citizen–firm: small. 3 ties citizen–association: small too.
    expect(cell(view, 'CITIZEN', 'PRIVATE')).toEqual({ sectorA: 'CITIZEN', sectorB: 'PRIVATE', ties: null, possiblePairs: null, density: null, suppressed: true });
    expect(cell(view, 'CITIZEN', 'CIVIL_SOCIETY')).toMatchObject({ ties: null, possiblePairs: null, density: null, suppressed: true });
    // No tie between citizens: 0 is shown, but possible pairs nC(nC−1)/2 would give nC back.
    expect(cell(view, 'CITIZEN', 'CITIZEN')).toMatchObject({ ties: 0, possiblePairs: null, density: null, suppressed: true });
    // Cells without citizens are untouched.
    expect(cell(view, 'CIVIL_SOCIETY', 'CIVIL_SOCIETY')).toEqual({ ...cell(sectorMatrixView(admin, cached), 'CIVIL_SOCIETY', 'CIVIL_SOCIETY'), suppressed: false });
    expect(cell(view, 'CIVIL_SOCIETY', 'CIVIL_SOCIETY')).toMatchObject({ ties: 6, possiblePairs: 21 });
    expect(view.totalTies).toBeNull();
    expect(view.totalTiesSuppressed).toBe(true);
    expect(view.method).toMatchObject({ nodeCount: null, nodeCountSuppressed: true, tieCount: null, tieCountSuppressed: true });
    expect(view.method.suppression).toMatchObject({ applied: true, k: 5 });
    expect(view).not.toHaveProperty('citizenBasis');
  });

  it('shows ADMIN the cached values unchanged', () => {
    const view = sectorMatrixView(admin, cached);
    expect(view.sectors.map((row) => row.actors)).toEqual(cached.sectors.map((row) => row.actors));
    expect(view.cells.map(({ suppressed, ...rest }) => rest)).toEqual(cached.cells);
    expect(view.cells.every((row) => !row.suppressed)).toBe(true);
    expect(view.totalTies).toBe(12);
    expect(view.method).toMatchObject({ nodeCount: 12, tieCount: 12, nodeCountSuppressed: false, tieCountSuppressed: false, suppression: { applied: false, k: 5 } });
  });

  it('shows a count of k or more, and withholds nothing when no citizen count is small', () => {
    const k3 = sectorMatrixView(suppressorFor(ANALYST, 3), cached);
    expect(k3.sectors[0]).toEqual({ sector: 'CITIZEN', actors: 3, suppressed: false });
    expect(cell(k3, 'CITIZEN', 'CIVIL_SOCIETY')).toMatchObject({ ties: 3, possiblePairs: 21, density: 3 / 21, suppressed: false });
    expect(cell(k3, 'CITIZEN', 'PRIVATE')).toMatchObject({ ties: null, possiblePairs: 3, density: null, suppressed: true });
    const k2 = sectorMatrixView(suppressorFor(ANALYST, 1), cached);
    expect(k2.method.suppression?.applied).toBe(false);
    expect(k2.totalTies).toBe(12);
  });
});

describe('eiIndexView and assortativityView', () => {
  const basis = basisOfMixing(mixing);

  it('withholds E and I that rest on a small citizen cell, the values built from them, and the expected value', () => {
    const view = eiIndexView(analyst, frozen({ ...eiIndex(mixing), citizenBasis: basis, method }));
    const of = (sector: string) => view.bySector.find((row) => row.sector === sector)?.index;
    expect(of('CITIZEN')).toMatchObject({ external: null, internal: 0, value: null, suppressed: true });
    expect(of('CITIZEN')?.reason).toMatch(/fewer than 5 citizens/);
    // E of PRIVATE counts its tie to a citizen; I of PRIVATE does not.
    expect(of('PRIVATE')).toMatchObject({ external: null, internal: 0, value: null, suppressed: true });
    // PUBLIC has no tie with a citizen (0 is not small).
    expect(of('PUBLIC')).toEqual({ external: 1, internal: 0, value: 1, reason: null, suppressed: false });
    expect(view.overall).toMatchObject({ external: null, internal: 6, suppressed: true });
    expect(view).toMatchObject({ expected: null, expectedSuppressed: true });
    expect(view.method.suppression?.applied).toBe(true);
    const forAdmin = eiIndexView(admin, frozen({ ...eiIndex(mixing), citizenBasis: basis, method }));
    expect(forAdmin.overall).toEqual({ ...eiIndex(mixing).overall, suppressed: false });
    expect(forAdmin.expected).toBe(eiIndex(mixing).expected);
  });

  it('withholds r when any citizen cell is small', () => {
    const result = assortativity(mixing);
    expect(assortativityView(analyst, frozen({ ...result, citizenBasis: basis, method }))).toMatchObject({ coefficient: null, suppressed: true });
    expect(assortativityView(admin, frozen({ ...result, citizenBasis: basis, method }))).toMatchObject({ coefficient: result.coefficient, suppressed: false });
  });

  it('withholds the sector modularity with r: it is r’s numerator, of the same cells', () => {
    const result = assortativity(mixing);
    expect(result.sectorModularity).toEqual(expect.any(Number));
    expect(assortativityView(analyst, frozen({ ...result, citizenBasis: basis, method }))).toMatchObject({ coefficient: null, sectorModularity: null, suppressed: true });
    expect(assortativityView(admin, frozen({ ...result, citizenBasis: basis, method }))).toMatchObject({ sectorModularity: result.sectorModularity, suppressed: false });
    // No citizen in the scope: nothing to withhold, the analyst sees both.
    const noCitizens = { citizens: 0, citizenTies: [0, 0, 0, 0, 0] };
    expect(assortativityView(analyst, frozen({ ...result, citizenBasis: noCitizens, method }))).toMatchObject({
      coefficient: result.coefficient,
      sectorModularity: result.sectorModularity,
      suppressed: false,
    });
  });
});

describe('diversityView', () => {
  const partners: PartnerSectorCounts[] = [
    { id: 'c1', sector: 'CITIZEN', counts: [0, 1, 0, 0, 0], outsideIds: ['out'] },
    { id: 'o1', sector: 'CIVIL_SOCIETY', counts: [2, 0, 0, 0, 0], outsideIds: [] },
    { id: 'f1', sector: 'PRIVATE', counts: [0, 1, 0, 0, 0], outsideIds: ['out'] },
  ];
  const areas = [
    { id: 'small', name: 'Liten', counts: [3, 1, 1, 0, 0] },
    { id: 'large', name: 'Stor', counts: [7, 1, 1, 1, 0] },
    { id: 'none', name: 'Ingen', counts: [0, 2, 2, 0, 0] },
  ];
  const table = PartnerTable.fromRows(partners);
  const citizensInArea = new Map(areas.map((area) => [area.id, area.counts[0]]));
  const citizenPartnersOf = (id: string) => table.citizenPartners(table.ids.indexOf(id));

  it('counts each actor’s citizen partners, an outside partner’s from the citizen rows that name it', () => {
    expect(['c1', 'o1', 'f1', 'out'].map(citizenPartnersOf)).toEqual([0, 2, 0, 1]);
    expect(table.rows).toBe(4);
  });

  it('takes the scope’s citizen counts from the partner counts when no outside partner takes part', () => {
    for (const sample of [graph, mixedGraph()]) {
      const rows: PartnerSectorCounts[] = sample.actors.map((actor, index) => {
        const counts = [0, 0, 0, 0, 0];
        for (const partner of sample.neighbours[index]) counts[sectorIndex(sample.actors[partner].sector)] += 1;
        return { id: actor.id, sector: actor.sector, counts, outsideIds: [] };
      });
      expect(PartnerTable.fromRows(rows).citizenBasis()).toEqual(basisOfGraph(sample));
    }
    expect(table.citizenBasis()).toBeNull();
  });

  it('withholds the index of rows with few citizens and sorts them last, by id, on every page', () => {
    const cached = frozen({ table, areas: areaDiversityFromCounts(areas), citizensInArea, citizenBasis: basisOfMixing(mixing), method });
    const countsBefore = Array.from(table.counts);
    const view = diversityView(analyst, cached);
    expect(view.areas.map((row) => [row.areaId, row.actors.suppressed])).toEqual([
      ['none', false],
      ['large', false],
      ['small', true],
    ]);
    expect(view.areas[2].actors).toEqual({ value: null, normalised: null, count: null, suppressed: true });
    expect(view.areas[1].actors.count).toBe(10);
    // c1 and f1 have one partner each (value 0), o1 and out are withheld (citizen partners 2 and 1): last, by id.
    expect(view.actors(10).map((row) => [row.actorId, row.partners.suppressed])).toEqual([
      ['c1', false],
      ['f1', false],
      ['o1', true],
      ['out', true],
    ]);
    expect(view.actors(3).map((row) => row.actorId)).toEqual(['c1', 'f1', 'o1']);
    expect(view.actors(0)).toEqual([]);
    expect(view.method.suppression?.applied).toBe(true);
    // A page that shows no withheld row still says the ranking withholds some.
    expect(diversityView(analyst, cached).method.suppression?.applied).toBe(true);
    const forAdmin = diversityView(admin, cached);
    expect(forAdmin.actors(10).map((row) => row.partners.suppressed)).toEqual([false, false, false, false]);
    expect(forAdmin.areas.map((row) => row.areaId)).toEqual(cached.areas.map((row) => row.areaId));
    expect(forAdmin.areas.map(({ actors: { suppressed, ...index } }) => index)).toEqual(cached.areas.map((row) => row.actors));
    expect(forAdmin.method.suppression?.applied).toBe(false);
    expect(Array.from(table.counts)).toEqual(countsBefore);
  });

  it('orders equal indices computed from different counts by id, as the measure does', () => {
    // Both 2/3: 1,1,1 is 0.6666666666666667 in floating point, 3,1,1,1 is 0.6666666666666666.
    const equal: PartnerSectorCounts[] = [
      { id: 'b', sector: 'PUBLIC', counts: [0, 1, 1, 1, 0], outsideIds: [] },
      { id: 'a', sector: 'PUBLIC', counts: [0, 3, 1, 1, 1], outsideIds: [] },
    ];
    const cached = frozen({ table: PartnerTable.fromRows(equal), areas: [], citizensInArea: new Map(), citizenBasis: basisOfMixing(mixing), method });
    for (const suppressor of [analyst, admin]) expect(diversityView(suppressor, cached).actors(20).map((row) => row.actorId)).toEqual(['a', 'b']);
  });
});

describe('helixCoverageView', () => {
  // Area "few": 2 citizens tied to the association; "many": 5 citizens, not tied.
  const sectors = { c1: 'CITIZEN', c2: 'CITIZEN', m1: 'CITIZEN', m2: 'CITIZEN', m3: 'CITIZEN', m4: 'CITIZEN', m5: 'CITIZEN', a: 'CIVIL_SOCIETY', b: 'CIVIL_SOCIETY', p: 'PUBLIC', q: 'PUBLIC' } as const;
  const members = (...ids: Array<keyof typeof sectors>) => ids.map((id) => ({ id, sector: sectors[id] }));
  const areaMembers = [
    { id: 'few', name: 'Få', members: members('c1', 'c2', 'a', 'p') },
    { id: 'many', name: 'Många', members: members('m1', 'm2', 'm3', 'm4', 'm5', 'b', 'q') },
  ];
  const pairs = [
    { source: 'c1', target: 'a' },
    { source: 'c2', target: 'p' },
    { source: 'a', target: 'p' },
    { source: 'b', target: 'q' },
  ];
  const rows = helixCoverage(areaMembers, pairs);
  const cached = frozen({ areas: rows, citizensInArea: citizensPerArea(areaMembers), citizenBasis: { citizens: 7, citizenTies: [0, 1, 0, 1, 0] }, method });

  it('leaves CITIZEN out of an area with few citizens, withholds its coverage and ranks it as null', () => {
    expect(rows.map((row) => [row.areaId, row.rank, row.coverage])).toEqual([
      ['few', 1, 1],
      ['many', 2, 1 / 3],
    ]);
    const view = helixCoverageView(analyst, cached);
    expect(view.areas.map((row) => [row.areaId, row.rank, row.coverage, row.suppressed])).toEqual([
      ['many', 1, 1 / 3, false],
      ['few', 2, null, true],
    ]);
    const few = view.areas[1];
    expect(few.sectorsPresent).toEqual(['CIVIL_SOCIETY', 'PUBLIC']);
    expect(few.connectedPairs).toEqual([{ sectorA: 'CIVIL_SOCIETY', sectorB: 'PUBLIC' }]);
    expect(few.missingPairs).toEqual([]);
    // The area with five citizens keeps them.
    expect(view.areas[0].sectorsPresent).toContain('CITIZEN');
    expect(view.method.suppression?.applied).toBe(true);
  });

  it('gives ADMIN the measure’s rows and ranks', () => {
    const view = helixCoverageView(admin, cached);
    expect(view.areas.map(({ suppressed, ...row }) => row)).toEqual(rows);
    expect(view.method.suppression?.applied).toBe(false);
  });
});

describe('communitiesView and methodOnlyView', () => {
  it('withholds a community’s few citizens and lists them last', () => {
    const labels = new Map(graph.actors.map((actor) => [actor.id, actor.id.startsWith('c') || actor.id === 'o1' || actor.id === 'f1' ? 1 : 2]));
    const { communities } = partition(graph, labels);
    const cached = frozen({ communities, modularity: 0.1, citizenBasis: basisOfGraph(graph), method });
    const view = communitiesView(analyst, cached);
    const withCitizens = view.communities.find((community) => community.memberIds.includes('c1'));
    expect(withCitizens?.sectors).toEqual([
      { sector: 'CIVIL_SOCIETY', actors: 1, share: 0.2, suppressed: false },
      { sector: 'PRIVATE', actors: 1, share: 0.2, suppressed: false },
      { sector: 'CITIZEN', actors: null, share: null, suppressed: true },
    ]);
    expect(communitiesView(admin, cached).communities.find((community) => community.memberIds.includes('c1'))?.sectors[0]).toEqual({
      sector: 'CITIZEN',
      actors: 3,
      share: 0.6,
      suppressed: false,
    });
  });

  it('shapes only the method block of the other fields, and leaves the rest as cached', () => {
    const cached = frozen({ brokers: [{ actorId: 'o1' }], citizenBasis: basisOfGraph(graph), method });
    const view = methodOnlyView(analyst, cached);
    expect(view.brokers).toBe(cached.brokers);
    expect(view.method).toMatchObject({ nodeCount: null, nodeCountSuppressed: true, tieCount: null, suppression: { applied: true } });
    expect(methodOnlyView(admin, cached).method).toMatchObject({ nodeCount: 12, tieCount: 12, suppression: { applied: false } });
  });
});
