import type { CollaborationIndex } from '../../src/analytics/collaborationIndex/collaborationIndex';
import { indexAreaMembers, indexAreaSectorCounts, indexSectorMixing } from '../../src/analytics/collaborationIndex/indexCounts';
import { indexPartnerTable } from '../../src/analytics/collaborationIndex/indexPartnerTable';
import { PartnerTable } from '../../src/analytics/measures/partnerTable';
import { indexScopeNetwork } from '../../src/analytics/collaborationIndex/indexScopeNetwork';
import type { AreaMembers } from '../../src/analytics/measures/helixCoverage';
import { buildScopeGraph, type ScopeActor, type ScopePair } from '../../src/analytics/scopeGraph';
import type { AreaSectorCounts, PartnerSectorCounts } from '../../src/analytics/measures/blau';
import { mixingFromCounts, type SectorMixingCounts } from '../../src/analytics/measures/sectorMixing';
import { parseScope, scopeParams, type AnalyticsScopeInput } from '../../src/analytics/scope';
import { SECTORS } from '../../src/model';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';
import { AS_OF, SCOPE_VARIANTS, createAnalyticsCity } from '../helpers/analyticsFixtures';
import { addTie } from '../helpers/fixtures';
import { codesOf, useTestApi } from '../helpers/testApi';

/**
 * The in-memory collaboration index against the Cypher statements it stands in
 * for, on the same real Neo4j: the same counts, areas and scope network (actors,
 * pairs with strength, kinds and tie counts) for every kind of scope, on the
 * hand-checked analytics city and on a generated city; and the switch between
 * the two engines as the graph version moves.
 */
const api = useTestApi({ analyticsIndex: true });

/** A partner table as members and each row's counts by id: outsiders' counts come from the rows that name them. */
const countsById = (table: PartnerTable) => ({ members: table.members, counts: new Map(table.ids.map((id, row) => [id, Array.from(table.countsOf(row))])) });

async function expectSameCounts(index: CollaborationIndex, input: AnalyticsScopeInput): Promise<number> {
  const scope = parseScope(input, new Date());
  const [mixingRow] = await api.db.readRows<SectorMixingCounts>('analytics/sectorMixing', scopeParams(scope));
  const partners = await api.db.readRows<PartnerSectorCounts>('analytics/partnerSectorCounts', { ...scopeParams(scope), sectorOrder: SECTORS });
  const areas = await api.db.readRows<AreaSectorCounts>('analytics/areaSectorCounts', {
    areaId: scope.areaId,
    asOf: scope.asOf,
    sectors: scope.sectors,
    sectorOrder: SECTORS,
  });
  const areaMembers = await api.db.readRows<AreaMembers>('analytics/areaMembers', { areaId: scope.areaId, asOf: scope.asOf, sectors: scope.sectors });
  const [actors, pairs] = await Promise.all([
    api.db.readRows<ScopeActor>('analytics/scopeActors', scopeParams(scope)),
    api.db.readRows<ScopePair>('analytics/scopeTies', scopeParams(scope)),
  ]);
  const network = indexScopeNetwork(index, scope);
  const mixing = mixingFromCounts(mixingRow);
  expect({ input, mixing: mixingFromCounts(indexSectorMixing(index, scope)) }).toEqual({ input, mixing });
  expect({ input, partners: countsById(indexPartnerTable(index, scope)) }).toEqual({ input, partners: countsById(PartnerTable.fromRows(partners)) });
  expect({ input, areas: indexAreaSectorCounts(index, scope) }).toEqual({ input, areas });
  expect({ input, areaMembers: indexAreaMembers(index, scope) }).toEqual({ input, areaMembers });
  expect({ input, graph: buildScopeGraph(network.actors, network.pairs, 'SCOPE_NETWORK') }).toEqual({ input, graph: buildScopeGraph(actors, pairs) });
  return mixing.totalTies;
}

const MATRIX = `query($scope: AnalyticsScope) {
  sectorMatrix(scope: $scope) { totalTies method { engine nodeCount tieCount } }
  diversity(scope: $scope) { actors(first: 1) { actor { id } } method { engine tieCount } }
  crossSectorTies(scope: $scope, first: 1) { totalCount method { engine tieCount } } }`;
type Matrix = {
  sectorMatrix: { totalTies: number; method: { engine: string; nodeCount: number; tieCount: number } };
  diversity: { method: { engine: string; tieCount: number } };
  crossSectorTies: { totalCount: number; method: { engine: string; tieCount: number } };
};

describe('the collaboration index', () => {
  beforeAll(async () => {
    await api.wipe();
    await createAnalyticsCity(api);
  });

  it('counts what the Cypher statements count on the analytics city, for every kind of scope', async () => {
    const index = await api.index!.refresh();
    expect(index).not.toBeNull();
    for (const scope of SCOPE_VARIANTS) await expectSameCounts(index!, scope as AnalyticsScopeInput);
  });

  it('answers only for the graph version it was built from: after a write, Cypher answers until it has followed', async () => {
    await api.index!.refresh();
    const before = await api.ok<Matrix>(MATRIX, { scope: { asOf: AS_OF } });
    expect(before.sectorMatrix.method).toEqual({ engine: 'COLLABORATION_INDEX', nodeCount: 12, tieCount: 11 });
    expect(before.diversity.method).toEqual({ engine: 'COLLABORATION_INDEX', tieCount: 11 });
    expect(before.crossSectorTies).toEqual({ totalCount: 8, method: { engine: 'COLLABORATION_INDEX', tieCount: 11 } });

    await addTie(api, 'uni1', 'pub3', { kind: 'KNOWLEDGE_EXCHANGE', since: '2019-01-01' });
    const after = await api.ok<Matrix>(MATRIX, { scope: { asOf: AS_OF } });
    // The stale index is never used. A field answers from Cypher, or from the index
    // once it has followed the write in the background (which may happen between
    // the fields of one request): either way with the write's tie counted.
    expect(after.sectorMatrix.method).toEqual({ engine: expect.stringMatching(/^(CYPHER_AGGREGATION|COLLABORATION_INDEX)$/), nodeCount: 12, tieCount: 12 });
    expect(after.diversity.method).toEqual({ engine: expect.stringMatching(/^(CYPHER_AGGREGATION|COLLABORATION_INDEX)$/), tieCount: 12 });
    expect(after.crossSectorTies).toEqual({ totalCount: 9, method: { engine: expect.stringMatching(/^(SCOPE_NETWORK|COLLABORATION_INDEX)$/), tieCount: 12 } });

    expect((await api.index!.refresh())?.tieCount).toBe(14);
    const rebuilt = await api.ok<Matrix>(MATRIX, { scope: { asOf: AS_OF, areaId: 'city' } });
    expect(rebuilt.sectorMatrix.method).toEqual({ engine: 'COLLABORATION_INDEX', nodeCount: 11, tieCount: 11 });
    // The index knows the areas of its version: an unknown one is still NOT_FOUND.
    const unknown = await api.run('query($scope: AnalyticsScope) { sectorMatrix(scope: $scope) { totalTies } }', { scope: { asOf: AS_OF, areaId: 'nowhere' } });
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0].message).toMatch(/nowhere/);
  });

  it('counts what the Cypher statements count on a generated city', async () => {
    await api.wipe();
    const city = generateCity({ actors: 1500, seed: 7 });
    await loadDataset(api.db, city);
    const index = await api.index!.refresh();
    expect(index?.actorCount).toBe(1500);
    const areas = [...city.areas];
    const district = areas.find((area) => area.level === 'DISTRICT')!.id;
    const neighbourhood = areas.find((area) => area.level === 'NEIGHBOURHOOD')!.id;
    const scopes: AnalyticsScopeInput[] = [
      { asOf: '2026-01-01' },
      { asOf: '2022-06-30', kinds: ['PARTNERSHIP', 'FUNDING'], minStrength: 2 },
      { asOf: '2026-01-01', areaId: district },
      { asOf: '2026-01-01', areaId: district, membership: 'TOUCHING', sectors: ['CITIZEN', 'CIVIL_SOCIETY', 'PUBLIC'] },
      { asOf: '2024-03-15', areaId: neighbourhood, membership: 'TOUCHING' },
      { asOf: '2026-01-01', areaId: neighbourhood, minStrength: 3 },
    ];
    const ties = [];
    for (const scope of scopes) ties.push(await expectSameCounts(index!, scope));
    // The comparison means something only if the scopes hold ties.
    expect(ties.every((count) => count > 0)).toBe(true);
  });
});
