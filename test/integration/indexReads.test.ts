import type { Principal } from '../../src/auth/principal';
import { addTie } from '../helpers/fixtures';
import { principal, VIEWER } from '../helpers/principals';
import { addRegisteredCitizen, closePair, expectSame, indexedAndCypher } from '../helpers/indexedPair';
import type { GraphQLResult, TestApi } from '../helpers/testApi';

/**
 * The area lists answered from the in-memory collaboration index
 * (src/loaders/indexReads.ts) against the same questions answered by Cypher, on
 * one generated city in one real Neo4j: two APIs on the same database, one with
 * the index and one without, must give equal answers field by field (pages,
 * cursors, counts, ties with partners, asOf dates, citizens masked for callers
 * who may not see them), and the indexed one must send no list statement. A
 * write followed by a read sees the write, whichever of the two APIs wrote.
 */
let indexed: TestApi;
let cypher: TestApi;
let district: string;
let neighbourhood: string;
let registrar: string;

/** The statements that the index stands in for. */
const LIST_STATEMENTS = ['areas/actorsByAreas', 'areas/countActorsByAreas', 'collaborations/byActors', 'collaborations/countByActors', 'actors/list', 'actors/count'];
/** The statements of actor(id) itself: its detail statement and the lists (a citizen's `registeredBy { id }` still loads the organisation with actors/byIds). */
const detailStatements = (result: GraphQLResult) => result.queries.filter((name) => name === 'actors/detailByIds' || LIST_STATEMENTS.includes(name));

const ACTOR = `id name kind sector synthetic __typename ... on Citizen { registeredBy { id } }`;
const TIES = `collaborations(first: $tieFirst, asOf: $tieAsOf) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id kind since until strength isActive(asOf: "2020-01-01") actors { id } } partner { ${ACTOR} } }
}`;
const PAGE = `totalCount pageInfo { hasNextPage endCursor startCursor } edges { cursor node { ${ACTOR} ${TIES} } }`;
const BY_FILTER = `query($areaId: ID!, $asOf: LocalDate, $first: Int, $after: String, $tieFirst: Int, $tieAsOf: LocalDate) {
  list: actors(first: $first, after: $after, filter: { areaId: $areaId, activeAsOf: $asOf }) { ${PAGE} } }`;
const BY_AREA = `query($areaId: ID!, $asOf: LocalDate, $first: Int, $after: String, $tieFirst: Int, $tieAsOf: LocalDate, $sub: Boolean) {
  area(id: $areaId) { list: actors(first: $first, after: $after, asOf: $asOf, includeSubAreas: $sub) { ${PAGE} } } }`;
const COUNT = `query($areaId: ID!) { actors(first: 0, filter: { areaId: $areaId }) { totalCount } area(id: $areaId) { actors(first: 0) { totalCount } } }`;

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] };
const pageOf = (data: Record<string, unknown> | null | undefined): Page =>
  ((data?.list ?? (data?.area as { list?: Page } | null)?.list) as Page | undefined) ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };

const same = (query: string, variables: Record<string, unknown>, caller?: Principal): Promise<GraphQLResult> => expectSame({ indexed, cypher }, query, variables, caller);

/** Walks up to `pages` pages with the cursors, expecting equal answers on each; returns the statements the indexed API sent. */
async function walk(query: string, variables: Record<string, unknown>, pages: number, caller?: Principal): Promise<{ statements: string[]; seen: number }> {
  const statements: string[] = [];
  let after: string | null = null;
  let seen = 0;
  for (let page = 0; page < pages; page += 1) {
    const result = await same(query, { ...variables, after }, caller);
    statements.push(...result.queries);
    const current = pageOf(result.data);
    seen += current.edges.length;
    if (!current.pageInfo.hasNextPage) break;
    after = current.pageInfo.endCursor;
  }
  return { statements, seen };
}

beforeAll(async () => {
  let orgs: string[];
  ({ indexed, cypher, district, neighbourhood, orgs } = await indexedAndCypher({ actors: 1200, seed: 5 }, 'district', 50));
  registrar = orgs[0];
  // Citizens registered by an organisation, with a display name, ties and a membership: what the masking rules turn on.
  for (const [offset, name] of ['Anna', 'Bo', 'Cecilia'].entries()) {
    const id = `0-citizen-${offset}`;
    await addRegisteredCitizen(indexed, id, name, registrar, neighbourhood);
    await addTie(indexed, id, orgs[1 + offset], { since: '2017-01-01', until: offset === 0 ? '2019-12-31' : undefined });
    await addTie(indexed, id, registrar, { kind: 'SERVICE', since: '2015-06-01' });
  }
  await indexed.index?.refresh();
}, 600_000);

afterAll(() => closePair({ indexed, cypher }));

const CALLERS: Array<[string, () => Principal | undefined, boolean]> = [
  ['the administrator', () => undefined, true],
  ['a viewer (citizens masked)', () => VIEWER, false],
  ['an editor of the registering organisation', () => principal('EDITOR', [registrar]), true],
  ['an editor of another organisation', () => principal('EDITOR', ['elsewhere']), false],
];

describe('area lists from the collaboration index equal the Cypher answers', () => {
  it.each([
    ['a district, all dates', () => ({ areaId: district, asOf: null, tieAsOf: null })],
    ['a district on a date', () => ({ areaId: district, asOf: '2019-06-30', tieAsOf: '2019-06-30' })],
    ['a neighbourhood, ties as of another date', () => ({ areaId: neighbourhood, asOf: '2022-01-01', tieAsOf: '2016-03-01' })],
    ['an unknown area', () => ({ areaId: 'atlantis', asOf: null, tieAsOf: null })],
  ])('%s: pages with cursors in both forms, without a list statement', async (_, variablesOf) => {
    const variables = { ...variablesOf(), first: 40, tieFirst: 4 };
    const byFilter = await walk(BY_FILTER, variables, 4);
    const byArea = await walk(BY_AREA, { ...variables, sub: true }, 4);
    expect(byFilter.seen).toBe(byArea.seen);
    if (variables.areaId !== 'atlantis') expect(byFilter.seen).toBeGreaterThan(40);
    expect(byFilter.statements.filter((name) => LIST_STATEMENTS.includes(name))).toEqual([]);
    expect(byArea.statements.filter((name) => LIST_STATEMENTS.includes(name))).toEqual([]);
  }, 120_000);

  it('an area without its sub-areas, and the count in both forms', async () => {
    await walk(BY_AREA, { areaId: district, asOf: null, tieAsOf: null, first: 30, tieFirst: 2, sub: false }, 3);
    const counts = await same(COUNT, { areaId: district });
    expect(counts.queries.filter((name) => LIST_STATEMENTS.includes(name))).toEqual([]);
  });

  it.each(CALLERS)('the citizens as %s sees them', async (_, callerOf, seesNames) => {
    const who = callerOf();
    const result = await walk(BY_AREA, { areaId: neighbourhood, asOf: '2020-01-01', tieAsOf: null, first: 50, tieFirst: 10, sub: true }, 2, who);
    expect(result.seen).toBeGreaterThan(3);
    const first = await indexed.ok<{ area: { list: { edges: Array<{ node: { id: string; name: string } }> } } }>(BY_AREA, { areaId: neighbourhood, asOf: '2020-01-01', first: 3, tieFirst: 1, sub: true }, who);
    const anna = first.area.list.edges.find((edge) => edge.node.id === '0-citizen-0');
    expect(anna?.node.name).toBe(seesNames ? 'Anna' : 'Citizen 0-citizen-0');
  });

  it('a later page of one actor’s ties (its own cursor) from the index', async () => {
    const query = `query($areaId: ID!, $after: String) { actors(first: 5, filter: { areaId: $areaId }) { nodes { id collaborations(first: 2, after: $after) { edges { cursor node { id since } partner { id } } } } } }`;
    const first = await same(query, { areaId: district, after: null });
    type Nodes = { actors: { nodes: Array<{ collaborations: { edges: Array<{ cursor: string }> } }> } };
    const cursor = (first.data as Nodes).actors.nodes.find((node) => node.collaborations.edges.length === 2)?.collaborations.edges[1].cursor;
    expect(cursor).toBeDefined();
    const next = await same(query, { areaId: district, after: cursor });
    expect(next.queries.filter((name) => LIST_STATEMENTS.includes(name))).toEqual([]);
  });

  const DETAIL = `query($id: ID!, $tieAsOf: LocalDate, $areasAsOf: LocalDate) { actor(id: $id) { ${ACTOR} description website ... on Citizen { displayName consent { given } }
    collaborations(first: 100, asOf: $tieAsOf) { totalCount edges { cursor node { id kind since until strength } partner { ${ACTOR} } } }
    areas(asOf: $areasAsOf) { since until area { id name level } } } }`;

  it('an actor’s ties in actor(id) from the index, the actor and its areas from its statement once per graph version', async () => {
    for (const [id, tieAsOf] of [[registrar, null], ['0-citizen-0', '2018-01-01'], ['nobody', null]]) {
      expect(detailStatements(await same(DETAIL, { id, tieAsOf, areasAsOf: null }))).toEqual(['actors/detailByIds']);
    }
    // Asked again at the same graph version, with other tie dates: the kept rows, no statement (an unknown id is asked again).
    for (const [id, tieAsOf] of [[registrar, '2016-01-01'], ['0-citizen-0', null]]) {
      expect(detailStatements(await same(DETAIL, { id, tieAsOf, areasAsOf: null }))).toEqual([]);
    }
    expect(detailStatements(await same(DETAIL, { id: 'nobody', tieAsOf: null, areasAsOf: null }))).toEqual(['actors/detailByIds']);
    // Memberships on a date are other rows: one statement, then none.
    expect(detailStatements(await same(DETAIL, { id: '0-citizen-0', tieAsOf: null, areasAsOf: '2015-01-01' }))).toEqual(['actors/detailByIds']);
    expect(detailStatements(await same(DETAIL, { id: '0-citizen-0', tieAsOf: null, areasAsOf: '2015-01-01' }))).toEqual([]);
    const viewed = await same(DETAIL, { id: registrar, tieAsOf: null, areasAsOf: null }, VIEWER);
    expect(JSON.stringify(viewed.data)).toContain('Citizen 0-citizen-0');
  });

  it.each(CALLERS)('actor(id) of a citizen from the kept rows as %s sees it', async (_, callerOf, seesNames) => {
    const who = callerOf();
    // The administrator's ask above kept the rows: every caller now reads them, masked by its own rules.
    const result = await same(DETAIL, { id: '0-citizen-0', tieAsOf: null, areasAsOf: null }, who);
    expect(detailStatements(result)).toEqual([]);
    const actor = (result.data as { actor: { name: string; displayName: string | null; areas: unknown[] } }).actor;
    expect(actor.name).toBe(seesNames ? 'Anna' : 'Citizen 0-citizen-0');
    expect(actor.displayName).toBe(seesNames ? 'Anna' : null);
    expect(actor.areas).toHaveLength(1);
    const registrarSeen = await same(DETAIL, { id: registrar, tieAsOf: null, areasAsOf: null }, who);
    expect(JSON.stringify(registrarSeen.data).includes('"Anna"')).toBe(seesNames);
  });

  it('selections the index does not hold go to Cypher and still agree', async () => {
    const query = `query($areaId: ID!) { actors(first: 10, filter: { areaId: $areaId }) { nodes { id createdAt collaborations(first: 3) { edges { node { id source initiative { id } } partner { id description } } } } } }`;
    const result = await same(query, { areaId: district });
    expect(result.queries).toContain('areas/actorsByAreas');
  });
});

describe('a write followed by a read sees the write', () => {
  it('actor(id) after its record, its memberships and an area change', async () => {
    const query = `query($id: ID!) { actor(id: $id) { id description website areas { since until area { id name } } collaborations(first: 3) { totalCount } } }`;
    type Detail = { actor: { description: string | null; areas: Array<{ until: string | null; area: { id: string; name: string } }> } };
    await indexed.index?.refresh();
    await same(query, { id: registrar });
    expect(detailStatements(await same(query, { id: registrar }))).toEqual([]);
    await indexed.ok(`mutation($id: ID!) { updateActor(id: $id, input: { description: "Ny beskrivning" }) { id } }`, { id: registrar });
    expect(((await same(query, { id: registrar })).data as Detail).actor.description).toBe('Ny beskrivning');
    await indexed.index?.refresh();
    expect(((await same(query, { id: registrar })).data as Detail).actor.description).toBe('Ny beskrivning');

    // Through the other API: a membership ended, then an area renamed.
    await cypher.ok(`mutation($id: ID!, $areaId: ID!) { leaveArea(actorId: $id, areaId: $areaId, until: "2023-03-03") { until } }`, { id: '0-citizen-2', areaId: neighbourhood });
    const left = (await same(query, { id: '0-citizen-2' })).data as Detail;
    expect(left.actor.areas.find((m) => m.area.id === neighbourhood)?.until).toBe('2023-03-03');
    await indexed.index?.refresh();
    await same(query, { id: '0-citizen-2' });
    await cypher.ok(`mutation($id: ID!) { updateArea(id: $id, input: { name: "Nytt namn" }) { id } }`, { id: neighbourhood });
    const renamed = (await same(query, { id: '0-citizen-2' })).data as Detail;
    expect(renamed.actor.areas.find((m) => m.area.id === neighbourhood)?.area.name).toBe('Nytt namn');
    await indexed.index?.refresh();
    expect(((await same(query, { id: '0-citizen-2' })).data as Detail).actor.areas.find((m) => m.area.id === neighbourhood)?.area.name).toBe('Nytt namn');
  }, 120_000);

  const TIE_PAGE = `query($areaId: ID!) { actors(first: 60, filter: { areaId: $areaId }) { totalCount nodes { id collaborations(first: 20) { edges { node { id until } } } } } }`;
  type TiePage = { actors: { totalCount: number; nodes: Array<{ id: string; collaborations: { edges: Array<{ node: { id: string; until: string | null } }> } }> } };
  const tiesOf = (data: TiePage, actorId: string) => data.actors.nodes.find((node) => node.id === actorId)?.collaborations.edges.map((edge) => edge.node) ?? [];

  it.each([
    ['this process', () => indexed, 'CO_CREATION'],
    // Same process, so the version clock knows of the write; another process's write is seen within SAMVERKAN_GRAPH_VERSION_MAX_AGE_MS (graphVersionClock.test.ts).
    ['another API (its own driver, no index)', () => cypher, 'FUNDING'],
  ])('written through %s', async (label, writer, kind) => {
    const tieId = `zz-${label.length}`;
    await addTie(writer(), '0-citizen-1', '0-citizen-2', { id: tieId, kind, since: '2021-01-01' });
    const afterWrite = await indexed.ok<TiePage>(TIE_PAGE, { areaId: neighbourhood });
    expect(tiesOf(afterWrite, '0-citizen-1').map((tie) => tie.id)).toContain(tieId);
    await indexed.index?.refresh();
    const fromIndex = await same(TIE_PAGE, { areaId: neighbourhood });
    expect(fromIndex.queries.filter((name) => LIST_STATEMENTS.includes(name))).toEqual([]);
    expect(tiesOf(fromIndex.data as TiePage, '0-citizen-2').map((tie) => tie.id)).toContain(tieId);

    await writer().ok(`mutation($id: ID!) { endCollaboration(id: $id, until: "2022-02-02") { id } }`, { id: tieId });
    const ended = await indexed.ok<TiePage>(TIE_PAGE, { areaId: neighbourhood });
    expect(tiesOf(ended, '0-citizen-1').find((tie) => tie.id === tieId)?.until).toBe('2022-02-02');

    const before = (await indexed.ok<TiePage>(TIE_PAGE, { areaId: neighbourhood })).actors.totalCount;
    await writer().ok(`mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`, {
      input: { id: `0-new-${label.length}`, kind: 'COMPANY', name: 'Ny firma', synthetic: true, areas: [{ areaId: neighbourhood, since: '2020-01-01' }] },
    });
    expect((await indexed.ok<TiePage>(TIE_PAGE, { areaId: neighbourhood })).actors.totalCount).toBe(before + 1);
  }, 120_000);
});
