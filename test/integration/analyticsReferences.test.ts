import type { Principal } from '../../src/auth/principal';
import { addTie } from '../helpers/fixtures';
import { ANALYST, principal } from '../helpers/principals';
import { addRegisteredCitizen, closePair, expectSame, indexedAndCypher } from '../helpers/indexedPair';
import type { GraphQLResult, TestApi } from '../helpers/testApi';

/**
 * The actors and areas that analytics rows name (src/analytics/references.ts)
 * come from the collaboration index when it is current: two APIs on one
 * generated city, one with the index and one without, must answer alike for
 * every caller (citizens masked the same way), and the indexed one must send no
 * actors/byIds or areas/byIds for what the index holds, while a field it does
 * not hold (an actor's description, an area's createdAt) still loads.
 */
let indexed: TestApi;
let cypher: TestApi;
let registrar: string;
let neighbourhood: string;
let orgs: string[];

const ACTOR = `id name kind sector synthetic __typename`;
const DIVERSITY = `query($scope: AnalyticsScope) { diversity(scope: $scope) {
  actors(first: 60) { actor { ${ACTOR} } partners { value count suppressed } }
  areas { area { id name level synthetic } actors { value count } } } }`;
const TIES = `query($scope: AnalyticsScope) { crossSectorTies(scope: $scope, first: 80) { edges { node { source { ${ACTOR} } target { ${ACTOR} } } } } }`;
const DETAIL = `query($scope: AnalyticsScope) { diversity(scope: $scope) { actors(first: 10) { actor { id description website } } areas { area { id createdAt } } } }`;
const LOADS = ['actors/byIds', 'areas/byIds'];

const same = (query: string, variables: Record<string, unknown>, caller?: Principal): Promise<GraphQLResult> => expectSame({ indexed, cypher }, query, variables, caller);

beforeAll(async () => {
  ({ indexed, cypher, neighbourhood, orgs } = await indexedAndCypher({ actors: 600, seed: 3 }, 'neighbourhood', 40));
  registrar = orgs[0];
  // A named citizen with ties to many sectors' actors, so it ranks high in diversity and its name is what masking turns on.
  await addRegisteredCitizen(indexed, '0-citizen-a', 'Anna', registrar, neighbourhood);
  for (const org of orgs.slice(0, 8)) await addTie(indexed, '0-citizen-a', org, { since: '2017-01-01' });
  await indexed.index?.refresh();
}, 600_000);

afterAll(() => closePair({ indexed, cypher }));

const CALLERS: Array<[string, () => Principal | undefined]> = [
  ['the administrator', () => undefined],
  ['an analyst', () => ANALYST],
  ['an editor of the registering organisation', () => principal('EDITOR', [registrar])],
  ['an editor of another organisation', () => principal('EDITOR', ['elsewhere'])],
];

describe('analytics rows name actors and areas from the collaboration index', () => {
  it.each(CALLERS)('diversity and cross-sector ties as %s sees them, without loading a record', async (_, callerOf) => {
    const who = callerOf();
    for (const scope of [{ asOf: '2022-01-01' }, { asOf: '2022-01-01', areaId: neighbourhood }]) {
      const diversity = await same(DIVERSITY, { scope }, who);
      expect(diversity.queries.filter((name) => LOADS.includes(name))).toEqual([]);
      const ties = await same(TIES, { scope }, who);
      expect(ties.queries.filter((name) => LOADS.includes(name))).toEqual([]);
      expect(JSON.stringify(ties.data)).toContain('0-citizen-a');
    }
  });

  it('the citizen’s name follows the caller’s right to see it', async () => {
    const named = (result: GraphQLResult) => JSON.stringify(result.data).includes('"Anna"');
    expect(named(await same(TIES, { scope: { asOf: '2022-01-01', areaId: neighbourhood } }))).toBe(true);
    expect(named(await same(TIES, { scope: { asOf: '2022-01-01', areaId: neighbourhood } }, principal('EDITOR', [registrar])))).toBe(true);
    expect(named(await same(TIES, { scope: { asOf: '2022-01-01', areaId: neighbourhood } }, ANALYST))).toBe(false);
  });

  it('fields the index does not hold load the records and still agree', async () => {
    const result = await same(DETAIL, { scope: { asOf: '2022-01-01' } });
    expect(result.queries).toEqual(expect.arrayContaining(LOADS));
    const data = result.data as { diversity: { actors: Array<{ actor: { description: unknown } }>; areas: Array<{ area: { createdAt: string } }> } };
    expect(data.diversity.areas[0].area.createdAt).toBeInstanceOf(Date);
  });
});
