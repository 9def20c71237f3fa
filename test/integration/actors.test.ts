import { codesOf, useTestApi } from '../helpers/testApi';
import { CREATE_ACTOR, createActor, createAreas } from '../helpers/fixtures';

const api = useTestApi();
beforeEach(async () => {
  await api.wipe();
  await createAreas(api);
});

const ACTOR = `query($id: ID!) { actor(id: $id) { id kind sector name synthetic createdAt
  ... on Organisation { organisationNumber }
  ... on Citizen { displayName consent { given date purpose } }
  areas { area { id name } since until } } }`;

describe('createActor', () => {
  it('creates an organisation with a normalised organisation number and its areas', async () => {
    const data = await api.ok<{ createActor: { id: string; sector: string } }>(CREATE_ACTOR, {
      input: { id: 'sensus', kind: 'ASSOCIATION', name: 'Sensus', organisationNumber: '8020024280', areas: [{ areaId: 'rosengard', since: '2021-01-01' }] },
    });
    expect(data.createActor).toMatchObject({ id: 'sensus', sector: 'CIVIL_SOCIETY' });
    const read = await api.ok<{ actor: Record<string, unknown> }>(ACTOR, { id: 'sensus' });
    expect(read.actor).toMatchObject({
      kind: 'ASSOCIATION',
      organisationNumber: '802002-4280',
      synthetic: false,
      areas: [{ area: { id: 'rosengard', name: 'Rosengård' }, since: '2021-01-01', until: null }],
    });
  });

  it('creates a citizen pseudonymously, with consent and a generated id', async () => {
    const data = await api.ok<{ createActor: { id: string; name: string } }>(CREATE_ACTOR, {
      input: { kind: 'CITIZEN', consent: { given: true, date: '2022-05-01', purpose: 'Neighbourhood mapping' } },
    });
    expect(data.createActor.id).toMatch(/^citizen-/);
    expect(data.createActor.name).toBe(`Citizen ${data.createActor.id}`);
    const read = await api.ok<{ actor: Record<string, unknown> }>(ACTOR, { id: data.createActor.id });
    expect(read.actor).toMatchObject({ sector: 'CITIZEN', displayName: null, consent: { given: true, date: '2022-05-01', purpose: 'Neighbourhood mapping' } });
  });

  it.each([
    ['a personal identity number in a citizen name', { kind: 'CITIZEN', name: 'Anna 811218-9876', consent: { given: true, purpose: 'x' } }, 'BAD_USER_INPUT', /personal identity number/],
    ['a 12-digit personal identity number without hyphen as id', { id: '198112189876', kind: 'CITIZEN', consent: { given: true, purpose: 'x' } }, 'BAD_USER_INPUT', /personal identity number/],
    ['a citizen without consent', { kind: 'CITIZEN' }, 'BAD_USER_INPUT', /consent is required/],
    ['consent not given', { kind: 'CITIZEN', consent: { given: false, purpose: 'x' } }, 'BAD_USER_INPUT', /given must be true/],
    ['an organisation number on a citizen', { kind: 'CITIZEN', organisationNumber: '212000-1124', consent: { given: true, purpose: 'x' } }, 'BAD_USER_INPUT', /for organisations/],
    ['an organisation without name', { kind: 'COMPANY' }, 'BAD_USER_INPUT', /input.name is required/],
    ['a bad organisation number', { kind: 'COMPANY', name: 'X', organisationNumber: '212000-1125' }, 'BAD_USER_INPUT', /check digit/],
    ['a bad website', { kind: 'COMPANY', name: 'X', website: 'ftp://x' }, 'BAD_USER_INPUT', /http or https/],
    ['a bad id', { id: 'has space', kind: 'COMPANY', name: 'X' }, 'BAD_USER_INPUT', /input.id must be/],
    ['an unknown area', { kind: 'COMPANY', name: 'X', areas: [{ areaId: 'nowhere' }] }, 'NOT_FOUND', /No Area has id "nowhere"/],
    ['a membership ending before it starts', { kind: 'COMPANY', name: 'X', areas: [{ areaId: 'holma', since: '2020-01-01', until: '2019-01-01' }] }, 'BAD_USER_INPUT', /before the start/],
    ['an unknown kind', { kind: 'ROBOT', name: 'X' }, 'BAD_USER_INPUT', /ROBOT/],
  ])('rejects %s and writes nothing', async (_label, input, code, message) => {
    const result = await api.run(CREATE_ACTOR, { input });
    expect(codesOf(result)).toEqual([code]);
    expect(result.errors?.[0].message).toMatch(message);
    const count = await api.ok<{ actors: { totalCount: number } }>('{ actors { totalCount } }');
    expect(count.actors.totalCount).toBe(0);
  });

  it('rejects a duplicate id with CONFLICT', async () => {
    await createActor(api, { id: 'dup', kind: 'COMPANY' });
    const result = await api.run(CREATE_ACTOR, { input: { id: 'dup', kind: 'COMPANY', name: 'Again' } });
    expect(codesOf(result)).toEqual(['CONFLICT']);
  });

  it('rejects a duplicate organisation number with CONFLICT', async () => {
    await api.ok(CREATE_ACTOR, { input: { kind: 'COMPANY', name: 'A', organisationNumber: '212000-1124' } });
    const result = await api.run(CREATE_ACTOR, { input: { kind: 'COMPANY', name: 'B', organisationNumber: '2120001124' } });
    expect(codesOf(result)).toEqual(['CONFLICT']);
  });
});

describe('updateActor and deleteActor', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name description website } }`;

  it('changes given fields, clears fields set to null, keeps the rest', async () => {
    await api.ok(CREATE_ACTOR, { input: { id: 'c1', kind: 'COMPANY', name: 'Old', description: 'keep me', website: 'https://old.example' } });
    const data = await api.ok<{ updateActor: Record<string, unknown> }>(UPDATE, { id: 'c1', input: { name: 'New', website: null } });
    expect(data.updateActor).toEqual({ id: 'c1', name: 'New', description: 'keep me', website: null });
  });

  it('reports unknown ids and empty changes', async () => {
    expect(codesOf(await api.run(UPDATE, { id: 'ghost', input: { name: 'x' } }))).toEqual(['NOT_FOUND']);
    await createActor(api, { id: 'c2', kind: 'COMPANY' });
    expect(codesOf(await api.run(UPDATE, { id: 'c2', input: {} }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.run(UPDATE, { id: 'c2', input: { description: 'pnr 8112189876' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('deletes an actor with its ties', async () => {
    await createActor(api, { id: 'a', kind: 'COMPANY' });
    await createActor(api, { id: 'b', kind: 'ASSOCIATION' });
    await api.ok(`mutation { addCollaboration(input: { actorId: "a", partnerId: "b", kind: SERVICE, source: "t" }) { id } }`);
    const data = await api.ok<{ deleteActor: unknown }>(`mutation { deleteActor(id: "a") { id deleted } }`);
    expect(data.deleteActor).toEqual({ id: 'a', deleted: true });
    const b = await api.ok<{ actor: { collaborations: { totalCount: number } } }>(`{ actor(id: "b") { collaborations { totalCount } } }`);
    expect(b.actor.collaborations.totalCount).toBe(0);
    expect(codesOf(await api.run(`mutation { deleteActor(id: "a") { id } }`))).toEqual(['NOT_FOUND']);
  });
});

describe('joinArea and leaveArea', () => {
  it('records, refuses overlaps, and ends memberships', async () => {
    await createActor(api, { id: 'x', kind: 'COMPANY', areaId: 'holma', since: '2018-01-01' });
    const overlap = await api.run(`mutation { joinArea(actorId: "x", input: { areaId: "holma", since: "2019-01-01" }) { since } }`);
    expect(codesOf(overlap)).toEqual(['CONFLICT']);
    const left = await api.ok<{ leaveArea: unknown }>(`mutation { leaveArea(actorId: "x", areaId: "holma", until: "2020-12-31") { area { id } since until } }`);
    expect(left.leaveArea).toEqual({ area: { id: 'holma' }, since: '2018-01-01', until: '2020-12-31' });
    const joined = await api.ok<{ joinArea: unknown }>(`mutation { joinArea(actorId: "x", input: { areaId: "holma", since: "2022-01-01" }) { since until } }`);
    expect(joined.joinArea).toEqual({ since: '2022-01-01', until: null });
    const asOf = await api.ok<{ actor: { areas: unknown[] } }>(`{ actor(id: "x") { areas(asOf: "2021-06-01") { since } } }`);
    expect(asOf.actor.areas).toEqual([]);
    expect(codesOf(await api.run(`mutation { leaveArea(actorId: "x", areaId: "rosengard") { since } }`))).toEqual(['CONFLICT']);
    expect(codesOf(await api.run(`mutation { joinArea(actorId: "nobody", input: { areaId: "holma" }) { since } }`))).toEqual(['NOT_FOUND']);
  });
});
