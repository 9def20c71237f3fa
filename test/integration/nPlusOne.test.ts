import { createTestApi, type TestApi } from '../helpers/testApi';
import { loadDataset } from '../../src/seed/loadDataset';
import type { DatasetArrays, OrganisationRow } from '../../src/seed/types';

let api: TestApi;

/**
 * A star of `size` associations in one area, each tied to a hub, active in the area
 * and taking part in one initiative. Loaded as a dataset (one batch per kind of
 * row): the test is about the reads, and 300 mutations outlast its timeout on a
 * busy machine.
 */
async function buildNetwork(size: number): Promise<void> {
  await api.wipe();
  const ids = Array.from({ length: size }, (_, i) => `n${String(i).padStart(3, '0')}`);
  const association = (id: string): OrganisationRow => ({ id, kind: 'ASSOCIATION', sector: 'CIVIL_SOCIETY', name: id, description: null, website: null, organisationNumber: null, synthetic: false });
  const dataset: DatasetArrays = {
    name: 'n-plus-one',
    areas: [{ id: 'c', name: 'City', level: 'CITY', parentId: null, synthetic: false }],
    actors: [{ ...association('hub'), kind: 'CITY_DEPARTMENT', sector: 'PUBLIC', name: 'Hub' }, ...ids.map(association)],
    memberships: ids.map((id) => ({ actorId: id, areaId: 'c', since: '2020-01-01', until: null })),
    initiatives: [{ id: 'i', name: 'Init', kind: 'PROJECT', description: null, website: null, startDate: '2020-01-01', endDate: null, sdgs: [], areaIds: [], synthetic: false }],
    participations: ids.map((id) => ({ actorId: id, initiativeId: 'i', role: 'PARTICIPANT', since: '2020-01-01', until: null })),
    collaborations: ids.map((id) => ({ id: `t-${id}`, fromId: 'hub', toId: id, kind: 'PARTNERSHIP', since: '2020-01-01', until: null, strength: 3, initiativeId: 'i', source: 't' })),
  };
  await loadDataset(api.db, dataset);
}

const NESTED = `{
  actors(first: 100, filter: { kinds: [ASSOCIATION] }) {
    nodes {
      name
      areas { area { name parent { name } children { name } } }
      initiatives { role initiative { name participants { role } } }
      collaborations(first: 5) {
        totalCount
        edges { partner { name areas { since } } node { kind initiative { name } actors { id } } }
      }
    }
  }
}`;

/** The area page of the benchmark, in both forms. */
const AREA_PAGE = (form: 'filter' | 'area') => {
  const page = `first: 50) { nodes { id name collaborations(first: 10) { edges { node { id since } partner { id name } } } } }`;
  return form === 'filter' ? `{ actors(filter: { areaId: "c" }, ${page} }` : `{ area(id: "c") { actors(${page} } }`;
};

describe('no N+1', () => {
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(async () => {
    await api.wipe();
    await api.close();
  });

  it('makes the same number of round trips for 10 and for 100 actors', async () => {
    await buildNetwork(10);
    const small = await api.run<{ actors: { nodes: unknown[] } }>(NESTED);
    expect(small.errors).toBeUndefined();
    expect(small.data?.actors.nodes).toHaveLength(10);
    await buildNetwork(100);
    const large = await api.run<{ actors: { nodes: unknown[] } }>(NESTED);
    expect(large.errors).toBeUndefined();
    expect(large.data?.actors.nodes).toHaveLength(100);
    expect(large.queries.length).toBe(small.queries.length);
    // One statement per field level, not per actor.
    expect(large.queries.length).toBeLessThanOrEqual(12);
  });

  it('reads a page of actors with their ties and partners in one statement, in both forms of the question', async () => {
    await buildNetwork(60);
    const byFilter = await api.run<{ actors: { nodes: Array<{ id: string; collaborations: { edges: Array<{ partner: { id: string } }> } }> } }>(AREA_PAGE('filter'));
    const byArea = await api.run<{ area: { actors: unknown } }>(AREA_PAGE('area'));
    expect(byFilter.errors).toBeUndefined();
    expect(byArea.errors).toBeUndefined();
    // The filter asks the area's question, so it runs the area's statement (without looking the area up).
    expect(byFilter.queries).toEqual(['areas/actorsByAreas']);
    expect(byArea.queries).toEqual(['areas/byIds', 'areas/actorsByAreas']);
    expect(byFilter.data?.actors.nodes).toHaveLength(50);
    expect(byFilter.data?.actors.nodes[0].collaborations.edges[0].partner.id).toBe('hub');
    expect(byArea.data?.area.actors).toEqual(byFilter.data?.actors);
  });

  it('counts without reading a page when only totalCount is selected', async () => {
    await buildNetwork(12);
    const count = await api.run<{ actors: { totalCount: number } }>(`{ actors(first: 0, filter: { areaId: "c" }) { totalCount } }`);
    expect(count.data?.actors.totalCount).toBe(12);
    expect(count.queries).toEqual(['areas/countActorsByAreas']);
    // With any other condition beside the area, the general count.
    const associations = await api.run<{ actors: { totalCount: number } }>(`{ actors(first: 0, filter: { areaId: "c", kinds: [ASSOCIATION] }) { totalCount } }`);
    expect(associations.data?.actors.totalCount).toBe(12);
    expect(associations.queries).toEqual(['actors/count']);
    const areaCount = await api.run<{ area: { actors: { totalCount: number } } }>(`{ area(id: "c") { actors { totalCount } } }`);
    expect(areaCount.data?.area.actors.totalCount).toBe(12);
    expect(areaCount.queries).toEqual(['areas/byIds', 'areas/countActorsByAreas']);
  });

  it('still answers fields the list projection leaves out, from whole records', async () => {
    await buildNetwork(3);
    const result = await api.run<{ actors: { nodes: Array<{ createdAt: string; collaborations: { edges: Array<{ node: { recordedAt: string; source: string }; partner: { createdAt: string } }> } }> } }>(
      `{ actors(first: 2, filter: { areaId: "c" }) { nodes { createdAt collaborations { edges { node { source recordedAt } partner { createdAt } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const [first] = result.data?.actors.nodes ?? [];
    // In-process results hold the scalars' Date values (the HTTP layer writes them as ISO strings).
    const isTime = (value: unknown) => value != null && !Number.isNaN(Date.parse(String(value)));
    expect(isTime(first.createdAt)).toBe(true);
    expect(first.collaborations.edges[0].node.source).toBe('t');
    expect(isTime(first.collaborations.edges[0].node.recordedAt)).toBe(true);
    expect(isTime(first.collaborations.edges[0].partner.createdAt)).toBe(true);
    // The selection named those fields, so the one list statement fetched them.
    expect(result.queries).toEqual(['areas/actorsByAreas']);
  });

  it('loads an actor with its ties, partners and areas in one statement', async () => {
    await buildNetwork(3);
    const result = await api.run<{ actor: { name: string; collaborations: { edges: unknown[] }; areas: Array<{ area: { id: string } }> } }>(
      `{ actor(id: "n001") { name collaborations(first: 100) { edges { node { id } partner { id } } } areas { since area { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.actor.collaborations.edges).toHaveLength(1);
    expect(result.data?.actor.areas.map((membership) => membership.area.id)).toEqual(['c']);
    expect(result.queries).toEqual(['actors/detailByIds']);
  });

  it('fetches with an actor only the ties and areas its selection names, with their asOf and page', async () => {
    await buildNetwork(3);
    const bare = await api.run<{ actor: { name: string } }>(`{ actor(id: "hub") { name description } }`);
    expect(bare.errors).toBeUndefined();
    expect(bare.data?.actor.name).toBe('Hub');
    expect(bare.queries).toEqual(['actors/detailByIds']);

    // Page 2 of the hub's ties, one a page, as of a day before any tie or membership: empty lists, still one statement.
    const early = await api.run<{ actor: { collaborations: { edges: unknown[] }; areas: unknown[] } }>(
      `{ actor(id: "n001") { collaborations(first: 1, asOf: "2019-01-01") { edges { node { id } } } areas(asOf: "2019-01-01") { since } } }`,
    );
    expect(early.errors).toBeUndefined();
    expect(early.data?.actor).toEqual({ collaborations: { edges: [] }, areas: [] });
    expect(early.queries).toEqual(['actors/detailByIds']);

    const first = await api.run<{ actor: { collaborations: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string } } } }>(
      `{ actor(id: "hub") { collaborations(first: 2) { edges { node { id } } pageInfo { endCursor } } } }`,
    );
    expect(first.data?.actor.collaborations.edges.map((edge) => edge.node.id)).toEqual(['t-n000', 't-n001']);
    const second = await api.run<{ actor: { collaborations: { edges: Array<{ node: { id: string } }> } } }>(
      `query($after: String) { actor(id: "hub") { collaborations(first: 2, after: $after) { edges { node { id } } } } }`,
      { after: first.data?.actor.collaborations.pageInfo.endCursor },
    );
    expect(second.data?.actor.collaborations.edges.map((edge) => edge.node.id)).toEqual(['t-n002']);
    expect(second.queries).toEqual(['actors/detailByIds']);
  });

  it('loads two differently shaped collaborations of one actor through the loaders, with correct pages', async () => {
    await buildNetwork(3);
    const result = await api.run<{ actor: { a: { edges: unknown[] }; b: { edges: unknown[] } } }>(
      `{ actor(id: "hub") { a: collaborations(first: 1) { edges { node { id } } } b: collaborations(first: 3) { edges { node { id } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.actor.a.edges).toHaveLength(1);
    expect(result.data?.actor.b.edges).toHaveLength(3);
    // Two pages asked: the actor's statement fetches none, and one batch per page follows.
    expect(result.queries.filter((name) => name === 'collaborations/byActors')).toHaveLength(2);
  });
});
