import { codesOf, useTestApi } from '../helpers/testApi';
import { addTie, ADD_TIE, createActor, createAreas } from '../helpers/fixtures';

const api = useTestApi();
beforeEach(async () => {
  await api.wipe();
  await createAreas(api);
  await createActor(api, { id: 'assoc', kind: 'ASSOCIATION', areaId: 'rosengard' });
  await createActor(api, { id: 'city', kind: 'CITY_DEPARTMENT', areaId: 'rosengard' });
  await createActor(api, { id: 'firm', kind: 'COMPANY', areaId: 'holma' });
});

const TIES = `query($id: ID!, $asOf: LocalDate, $kind: CollaborationKind, $first: Int, $after: String) {
  actor(id: $id) { collaborations(asOf: $asOf, kind: $kind, first: $first, after: $after) {
    totalCount
    edges { partner { id sector } node { id kind since until strength source isActive(asOf: "2020-01-01") actors { id } } }
    pageInfo { hasNextPage endCursor }
  } }
}`;

type Ties = { actor: { collaborations: { totalCount: number; edges: Array<{ partner: { id: string }; node: { id: string; kind: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } };

describe('addCollaboration', () => {
  it('stores one undirected tie visible from both ends', async () => {
    const id = await addTie(api, 'firm', 'assoc', { id: 't1', kind: 'SERVICE', since: '2019-03-01', strength: 4 });
    expect(id).toBe('t1');
    const fromAssoc = await api.ok<Ties>(TIES, { id: 'assoc' });
    const fromFirm = await api.ok<Ties>(TIES, { id: 'firm' });
    expect(fromAssoc.actor.collaborations.edges).toEqual([
      { partner: { id: 'firm', sector: 'PRIVATE' }, node: { id: 't1', kind: 'SERVICE', since: '2019-03-01', until: null, strength: 4, source: 'test', isActive: true, actors: [{ id: 'assoc' }, { id: 'firm' }] } },
    ]);
    expect(fromFirm.actor.collaborations.edges[0].partner.id).toBe('assoc');
    const stored = await api.ok<{ collaboration: { actors: Array<{ id: string }> } }>(`{ collaboration(id: "t1") { actors { id } } }`);
    expect(stored.collaboration.actors.map((a) => a.id)).toEqual(['assoc', 'firm']);
  });

  it('rejects a self-tie, a duplicate open tie of the same kind, and bad values', async () => {
    await addTie(api, 'assoc', 'city', { kind: 'PARTNERSHIP', since: '2020-01-01' });
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ actorId: 'assoc', partnerId: 'assoc', kind: 'PARTNERSHIP', source: 's' }, 'BAD_USER_INPUT', /different actors/],
      [{ actorId: 'city', partnerId: 'assoc', kind: 'PARTNERSHIP', since: '2022-01-01', source: 's' }, 'CONFLICT', /already have a PARTNERSHIP tie/],
      [{ actorId: 'assoc', partnerId: 'city', kind: 'PARTNERSHIP', strength: 6, source: 's' }, 'BAD_USER_INPUT', /strength must be/],
      [{ actorId: 'assoc', partnerId: 'city', kind: 'FUNDING', since: '2021-01-01', until: '2020-01-01', source: 's' }, 'BAD_USER_INPUT', /before the start/],
      [{ actorId: 'assoc', partnerId: 'ghost', kind: 'FUNDING', source: 's' }, 'NOT_FOUND', /ghost/],
      [{ actorId: 'assoc', partnerId: 'city', kind: 'FUNDING', initiativeId: 'nope', source: 's' }, 'NOT_FOUND', /nope/],
      [{ actorId: 'assoc', partnerId: 'city', kind: 'FUNDING', source: '   ' }, 'BAD_USER_INPUT', /source/],
      [{ actorId: 'assoc', partnerId: 'city', kind: 'FUNDING', since: '2021-02-30', source: 's' }, 'BAD_USER_INPUT', /since|LocalDate|date/i],
    ];
    for (const [input, code, message] of cases) {
      const result = await api.run(ADD_TIE, { input });
      expect({ input, codes: codesOf(result) }).toEqual({ input, codes: [code] });
      expect(result.errors?.[0].message).toMatch(message);
    }
    const ties = await api.ok<Ties>(TIES, { id: 'assoc' });
    expect(ties.actor.collaborations.totalCount).toBe(1);
  });

  it('allows a second kind between the same pair and a new tie after one ended', async () => {
    await addTie(api, 'assoc', 'city', { kind: 'PARTNERSHIP', since: '2016-01-01', until: '2018-12-31' });
    await addTie(api, 'assoc', 'city', { kind: 'FUNDING', since: '2017-01-01' });
    await addTie(api, 'assoc', 'city', { kind: 'PARTNERSHIP', since: '2020-01-01' });
    const all = await api.ok<Ties>(TIES, { id: 'assoc' });
    expect(all.actor.collaborations.totalCount).toBe(3);
    const asOf2019 = await api.ok<Ties>(TIES, { id: 'assoc', asOf: '2019-06-01' });
    expect(asOf2019.actor.collaborations.edges.map((e) => e.node.kind)).toEqual(['FUNDING']);
    const funding = await api.ok<Ties>(TIES, { id: 'assoc', kind: 'FUNDING' });
    expect(funding.actor.collaborations.totalCount).toBe(1);
  });
});

describe('endCollaboration and removeCollaboration', () => {
  it('ends a tie so it no longer counts after that day, then removes it', async () => {
    await addTie(api, 'assoc', 'firm', { id: 'e1', since: '2018-01-01' });
    const ended = await api.ok<{ endCollaboration: unknown }>(`mutation { endCollaboration(id: "e1", until: "2019-12-31") { id until } }`);
    expect(ended.endCollaboration).toEqual({ id: 'e1', until: '2019-12-31' });
    expect((await api.ok<Ties>(TIES, { id: 'assoc', asOf: '2020-01-01' })).actor.collaborations.totalCount).toBe(0);
    expect((await api.ok<Ties>(TIES, { id: 'assoc', asOf: '2019-12-31' })).actor.collaborations.totalCount).toBe(1);
    expect(codesOf(await api.run(`mutation { endCollaboration(id: "e1", until: "2017-01-01") { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect((await api.ok<{ collaboration: { until: string } }>(`{ collaboration(id: "e1") { until } }`)).collaboration.until).toBe('2019-12-31');
    expect(await api.ok(`mutation { removeCollaboration(id: "e1") { id deleted } }`)).toEqual({ removeCollaboration: { id: 'e1', deleted: true } });
    expect(codesOf(await api.run(`mutation { removeCollaboration(id: "e1") { id } }`))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.run(`mutation { endCollaboration(id: "e1") { id } }`))).toEqual(['NOT_FOUND']);
  });
});

describe('collaborations pagination', () => {
  it('pages through ties by id', async () => {
    await createActor(api, { id: 'p1', kind: 'CITIZEN' });
    await createActor(api, { id: 'p2', kind: 'CITIZEN' });
    for (const [i, partner] of ['city', 'firm', 'p1', 'p2'].entries()) await addTie(api, 'assoc', partner, { id: `tie-${i}` });
    const first = await api.ok<Ties>(TIES, { id: 'assoc', first: 3 });
    expect(first.actor.collaborations.edges.map((e) => e.node.id)).toEqual(['tie-0', 'tie-1', 'tie-2']);
    expect(first.actor.collaborations.pageInfo.hasNextPage).toBe(true);
    const second = await api.ok<Ties>(TIES, { id: 'assoc', first: 3, after: first.actor.collaborations.pageInfo.endCursor });
    expect(second.actor.collaborations.edges.map((e) => e.node.id)).toEqual(['tie-3']);
    expect(second.actor.collaborations.pageInfo.hasNextPage).toBe(false);
    expect(codesOf(await api.run(TIES, { id: 'assoc', first: 500 }))).toEqual(['BAD_USER_INPUT']);
  });
});
