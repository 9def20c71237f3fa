import { useTestApi, codesOf } from '../helpers/testApi';
import { principal } from '../helpers/principals';
import type { Principal } from '../../src/auth/principal';

/**
 * A citizen's display name and consent reach only ADMIN and editors of the
 * organisation that registered the citizen, through every surface that returns
 * actors: lookups, lists, name search, partners of ties, analytics rows.
 */
const api = useTestApi();
const NAME = 'Testperson Synlig';
const CITIZEN = 'cit-visibility';
const REGISTRAR = 'org-registrar';
const OTHER = 'org-other';

const callers: Array<[string, Principal, boolean]> = [
  ['VIEWER', principal('VIEWER'), false],
  ['ANALYST', principal('ANALYST'), false],
  ['EDITOR of another organisation', principal('EDITOR', [OTHER], 'editor-other'), false],
  ['EDITOR of the registering organisation', principal('EDITOR', [REGISTRAR], 'editor-registrar'), true],
  ['ADMIN', principal('ADMIN'), true],
];

beforeAll(async () => {
  await api.ok(`mutation { createArea(input: { id: "area-vis", name: "Visibility", level: CITY }) { id } }`);
  for (const [id, kind] of [[REGISTRAR, 'ASSOCIATION'], [OTHER, 'COMPANY']]) {
    await api.ok(`mutation($id: ID!, $kind: ActorKind!) { createActor(input: { id: $id, kind: $kind, name: "Org", areas: [{ areaId: "area-vis", since: "2020-01-01" }] }) { id } }`, { id, kind });
  }
  await api.ok(
    `mutation($id: ID!, $name: String!, $org: ID!) { createActor(input: { id: $id, kind: CITIZEN, name: $name, description: "Tycker om odling", registeredBy: $org,
       consent: { given: true, date: "2020-01-01", purpose: "Kartläggning" }, areas: [{ areaId: "area-vis", since: "2020-01-01" }] }) { id } }`,
    { id: CITIZEN, name: NAME, org: REGISTRAR },
  );
  await api.ok(`mutation { a: addCollaboration(input: { actorId: "${CITIZEN}", partnerId: "${REGISTRAR}", kind: CO_CREATION, since: "2020-02-01", source: "test" }) { id }
                           b: addCollaboration(input: { actorId: "${REGISTRAR}", partnerId: "${OTHER}", kind: PARTNERSHIP, since: "2020-02-01", source: "test" }) { id } }`);
});

describe.each(callers)('as %s', (_label, caller, sees) => {
  it('gets the citizen itself with or without details', async () => {
    const data = await api.ok<{ actor: Record<string, unknown> }>(
      `query($id: ID!) { actor(id: $id) { name ... on Citizen { displayName description consent { given purpose } registeredBy { id } } } }`,
      { id: CITIZEN },
      caller,
    );
    if (sees) {
      expect(data.actor).toEqual({ name: NAME, displayName: NAME, description: 'Tycker om odling', consent: { given: true, purpose: 'Kartläggning' }, registeredBy: { id: REGISTRAR } });
    } else {
      expect(data.actor).toEqual({ name: `Citizen ${CITIZEN}`, displayName: null, description: null, consent: null, registeredBy: null });
    }
  });

  it('finds the citizen by name only when it may see the name', async () => {
    const data = await api.ok<{ actors: { nodes: Array<{ id: string }>; totalCount: number } }>(
      `{ actors(filter: { search: "Synlig" }) { totalCount nodes { id } } }`,
      {},
      caller,
    );
    expect(data.actors.nodes.map((node) => node.id)).toEqual(sees ? [CITIZEN] : []);
    expect(data.actors.totalCount).toBe(sees ? 1 : 0);
  });

  it('sees the same rule on a partner of a tie and in a list', async () => {
    const data = await api.ok<{ actor: { collaborations: { edges: Array<{ partner: { id: string; name: string } }> } }; actors: { nodes: Array<{ id: string; name: string }> } }>(
      `{ actor(id: "${REGISTRAR}") { collaborations(first: 10) { edges { partner { id name } } } }
         actors(filter: { kinds: [CITIZEN] }) { nodes { id name } } }`,
      {},
      caller,
    );
    const expected = sees ? NAME : `Citizen ${CITIZEN}`;
    expect(data.actor.collaborations.edges.find((edge) => edge.partner.id === CITIZEN)?.partner.name).toBe(expected);
    expect(data.actors.nodes).toEqual([{ id: CITIZEN, name: expected }]);
  });

  it('sees the same rule in analytics rows (cross-sector ties, paths)', async () => {
    const result = await api.run<{
      crossSectorTies: { edges: Array<{ node: { source: { id: string; name: string }; target: { id: string; name: string } } }> };
      connectionPaths: { paths: Array<{ hops: Array<{ actor: { id: string; name: string } }> }> };
    }>(
      `{ crossSectorTies(scope: { asOf: "2021-01-01" }) { edges { node { source { id name } target { id name } } } }
         connectionPaths(from: "${CITIZEN}", to: "${OTHER}", scope: { asOf: "2021-01-01" }) { paths { hops { actor { id name } } } } }`,
      {},
      caller,
    );
    if (caller.role === 'VIEWER') {
      expect(codesOf(result)).toContain('FORBIDDEN');
      return;
    }
    expect(result.errors).toBeUndefined();
    const expected = sees ? NAME : `Citizen ${CITIZEN}`;
    const names = [
      ...result.data!.crossSectorTies.edges.flatMap((edge) => [edge.node.source, edge.node.target]),
      ...result.data!.connectionPaths.paths.flatMap((path) => path.hops.map((hop) => hop.actor)),
    ].filter((actor) => actor.id === CITIZEN);
    expect(names.length).toBeGreaterThan(1);
    for (const actor of names) expect(actor.name).toBe(expected);
  });
});

describe('changing a citizen', () => {
  it('is allowed to the registering organisation and refused to others, writing nothing', async () => {
    const query = `mutation { updateActor(id: "${CITIZEN}", input: { description: "Ny beskrivning" }) { id } }`;
    expect(codesOf(await api.run(query, {}, principal('EDITOR', [OTHER], 'editor-other')))).toEqual(['FORBIDDEN']);
    const unchanged = await api.ok<{ actor: { description: string } }>(`{ actor(id: "${CITIZEN}") { ... on Citizen { description } } }`);
    expect(unchanged.actor.description).toBe('Tycker om odling');
    expect((await api.run(query, {}, principal('EDITOR', [REGISTRAR], 'editor-registrar'))).errors).toBeUndefined();
  });

  it('makes an EDITOR register citizens only for its own organisations', async () => {
    const create = (org: string) =>
      `mutation { createActor(input: { kind: CITIZEN, registeredBy: "${org}", consent: { given: true, purpose: "test" } }) { id } }`;
    expect(codesOf(await api.run(create(OTHER), {}, principal('EDITOR', [REGISTRAR])))).toEqual(['FORBIDDEN']);
    expect((await api.run(create(REGISTRAR), {}, principal('EDITOR', [REGISTRAR]))).errors).toBeUndefined();
  });

  it('requires consent to record a citizen', async () => {
    const result = await api.run(`mutation { createActor(input: { kind: CITIZEN, registeredBy: "${REGISTRAR}" }) { id } }`);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/consent/);
  });
});
