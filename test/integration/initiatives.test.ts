import { codesOf, useTestApi } from '../helpers/testApi';
import { createActor, createAreas } from '../helpers/fixtures';

const api = useTestApi();

const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id name kind startDate endDate sdgs { number title } areas { id } } }`;

beforeEach(async () => {
  await api.wipe();
  await createAreas(api);
  await createActor(api, { id: 'ideella', kind: 'ASSOCIATION' });
  await createActor(api, { id: 'tvv', kind: 'CITY_DEPARTMENT' });
  await api.ok(CREATE, {
    input: { id: 'mt', name: 'Malmö Tillsammans', kind: 'PROJECT', startDate: '2021-01-01', endDate: '2023-02-28', sdgs: [17, 11, 11], areaIds: ['rosengard', 'holma'] },
  });
});

describe('initiatives', () => {
  it('creates with sorted unique goals and areas', async () => {
    const data = await api.ok<{ initiative: unknown }>(`{ initiative(id: "mt") { name kind startDate endDate sdgs { number title } areas { id } synthetic } }`);
    expect(data.initiative).toEqual({
      name: 'Malmö Tillsammans',
      kind: 'PROJECT',
      startDate: '2021-01-01',
      endDate: '2023-02-28',
      sdgs: [{ number: 11, title: 'Sustainable cities and communities' }, { number: 17, title: 'Partnerships for the goals' }],
      areas: [{ id: 'holma' }, { id: 'rosengard' }].sort((a, b) => a.id.localeCompare(b.id)),
      synthetic: false,
    });
  });

  it('filters and pages', async () => {
    await api.ok(CREATE, { input: { id: 'lunch', name: 'Learning lunch', kind: 'EVENT', startDate: '2022-03-01', endDate: '2022-03-01', sdgs: [4] } });
    const q = `query($filter: InitiativeFilter, $first: Int, $after: String) { initiatives(filter: $filter, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const ids = async (filter: Record<string, unknown>) => ((await api.ok<{ initiatives: { nodes: Array<{ id: string }> } }>(q, { filter })).initiatives.nodes).map((n) => n.id);
    expect(await ids({})).toEqual(['lunch', 'mt']);
    expect(await ids({ kinds: ['EVENT'] })).toEqual(['lunch']);
    expect(await ids({ sdg: 17 })).toEqual(['mt']);
    expect(await ids({ areaId: 'oster' })).toEqual(['mt']);
    expect(await ids({ activeAsOf: '2023-06-01' })).toEqual([]);
    expect(await ids({ search: 'tillsam' })).toEqual(['mt']);
    const page = await api.ok<{ initiatives: { pageInfo: { endCursor: string; hasNextPage: boolean } } }>(q, { first: 1 });
    expect(page.initiatives.pageInfo.hasNextPage).toBe(true);
    const next = await api.ok<{ initiatives: { nodes: Array<{ id: string }> } }>(q, { first: 1, after: page.initiatives.pageInfo.endCursor });
    expect(next.initiatives.nodes).toEqual([{ id: 'mt' }]);
    expect(codesOf(await api.run(q, { filter: { sdg: 18 } }))).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    [{ name: 'X', kind: 'IDEA', startDate: '2022-01-01', sdgs: [0] }, 'BAD_USER_INPUT'],
    [{ name: 'X', kind: 'IDEA', startDate: '2022-01-01', endDate: '2021-01-01' }, 'BAD_USER_INPUT'],
    [{ name: 'X', kind: 'IDEA', startDate: '2022-01-01', areaIds: ['atlantis'] }, 'NOT_FOUND'],
    [{ name: 'X', kind: 'IDEA', startDate: 'someday' }, 'BAD_USER_INPUT'],
    [{ id: 'mt', name: 'X', kind: 'IDEA', startDate: '2022-01-01' }, 'CONFLICT'],
  ])('rejects %j', async (input, code) => {
    expect(codesOf(await api.run(CREATE, { input }))).toEqual([code]);
  });

  it('updates fields, dates and areas', async () => {
    const q = `mutation($input: UpdateInitiativeInput!) { updateInitiative(id: "mt", input: $input) { name endDate sdgs { number } areas { id } } }`;
    expect(await api.ok(q, { input: { name: 'Malmö Together', endDate: null, sdgs: [17], areaIds: ['herrgarden'] } })).toEqual({
      updateInitiative: { name: 'Malmö Together', endDate: null, sdgs: [{ number: 17 }], areas: [{ id: 'herrgarden' }] },
    });
    expect(codesOf(await api.run(q, { input: { startDate: '2030-01-01', endDate: '2029-01-01' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.run(q, { input: {} }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.run(`mutation { updateInitiative(id: "ghost", input: { name: "x" }) { id } }`))).toEqual(['NOT_FOUND']);
  });

  it('joins, refuses a second open participation, leaves, and lists participants', async () => {
    const join = `mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { actor { id } initiative { id } role since until } }`;
    expect(await api.ok(join, { input: { actorId: 'ideella', initiativeId: 'mt', role: 'LEAD', since: '2021-01-01' } })).toEqual({
      joinInitiative: { actor: { id: 'ideella' }, initiative: { id: 'mt' }, role: 'LEAD', since: '2021-01-01', until: null },
    });
    await api.ok(join, { input: { actorId: 'tvv', initiativeId: 'mt', role: 'FUNDER', since: '2021-01-01', until: '2023-02-28' } });
    expect(codesOf(await api.run(join, { input: { actorId: 'ideella', initiativeId: 'mt', role: 'PARTNER', since: '2022-01-01' } }))).toEqual(['CONFLICT']);
    expect(codesOf(await api.run(join, { input: { actorId: 'ghost', initiativeId: 'mt', role: 'PARTNER' } }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.run(join, { input: { actorId: 'tvv', initiativeId: 'ghost', role: 'PARTNER' } }))).toEqual(['NOT_FOUND']);
    const left = await api.ok(`mutation { leaveInitiative(actorId: "ideella", initiativeId: "mt", until: "2023-02-28") { role until } }`);
    expect(left).toEqual({ leaveInitiative: { role: 'LEAD', until: '2023-02-28' } });
    expect(codesOf(await api.run(`mutation { leaveInitiative(actorId: "ideella", initiativeId: "mt") { role } }`))).toEqual(['CONFLICT']);
    const participants = await api.ok(`{ initiative(id: "mt") { participants { actor { id } role } funders: participants(role: FUNDER) { actor { id } } later: participants(asOf: "2024-01-01") { role } } }`);
    expect(participants).toEqual({
      initiative: { participants: [{ actor: { id: 'ideella' }, role: 'LEAD' }, { actor: { id: 'tvv' }, role: 'FUNDER' }], funders: [{ actor: { id: 'tvv' } }], later: [] },
    });
    const fromActor = await api.ok(`{ actor(id: "tvv") { initiatives { initiative { id } role } } }`);
    expect(fromActor).toEqual({ actor: { initiatives: [{ initiative: { id: 'mt' }, role: 'FUNDER' }] } });
  });

  it('deletes an initiative with its participations', async () => {
    await api.ok(`mutation { joinInitiative(input: { actorId: "tvv", initiativeId: "mt", role: FUNDER }) { role } }`);
    expect(await api.ok(`mutation { deleteInitiative(id: "mt") { id deleted } }`)).toEqual({ deleteInitiative: { id: 'mt', deleted: true } });
    expect(await api.ok(`{ actor(id: "tvv") { initiatives { role } } }`)).toEqual({ actor: { initiatives: [] } });
    expect(codesOf(await api.run(`mutation { deleteInitiative(id: "mt") { id } }`))).toEqual(['NOT_FOUND']);
  });
});
