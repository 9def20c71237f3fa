import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';
import type { Principal } from '../../src/auth/principal';
import { createTestApi, type GraphQLResult, type TestApi } from './testApi';

/**
 * Two APIs on one generated city in the test database: one answering from the
 * collaboration index, one by Cypher alone, for tests that expect equal answers.
 * Also the city's first district, its first neighbourhood and organisations listed in `listIn`.
 */
export async function indexedAndCypher(city: { actors: number; seed: number }, listIn: 'district' | 'neighbourhood', first: number) {
  const indexed = await createTestApi({ analyticsIndex: true });
  const cypher = await createTestApi();
  await indexed.wipe();
  await loadDataset(indexed.db, generateCity(city));
  const areas = await indexed.ok<{ districts: Array<{ id: string; children: Array<{ id: string }> }> }>(`{ districts: areas(level: DISTRICT) { id children { id } } }`);
  const district = areas.districts[0].id;
  const neighbourhood = areas.districts[0].children[0].id;
  const listed = await indexed.ok<{ actors: { nodes: Array<{ id: string; kind: string }> } }>(
    `query($areaId: ID!, $first: Int) { actors(first: $first, filter: { areaId: $areaId }) { nodes { id kind } } }`,
    { areaId: listIn === 'district' ? district : neighbourhood, first },
  );
  const orgs = listed.actors.nodes.filter((actor) => actor.kind !== 'CITIZEN').map((actor) => actor.id);
  return { indexed, cypher, district, neighbourhood, orgs };
}

/** A synthetic citizen with a display name, registered by an organisation, member of an area since 2016: what the masking rules turn on. */
export async function addRegisteredCitizen(api: TestApi, id: string, name: string, registeredBy: string, areaId: string): Promise<void> {
  await api.ok(`mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`, {
    input: { id, kind: 'CITIZEN', name, registeredBy, synthetic: true, consent: { given: true, date: '2020-01-01', purpose: 'test' }, areas: [{ areaId, since: '2016-01-01' }] },
  });
}

/** Runs the query on both APIs and expects the same answer, without errors; returns the indexed one. */
export async function expectSame(pair: { indexed: TestApi; cypher: TestApi }, query: string, variables: Record<string, unknown>, caller?: Principal): Promise<GraphQLResult> {
  const [fromIndex, fromCypher] = [await pair.indexed.run(query, variables, caller), await pair.cypher.run(query, variables, caller)];
  expect(fromIndex.errors).toBeUndefined();
  expect(fromIndex.data).toEqual(fromCypher.data);
  return fromIndex;
}

/** Empties the test database and closes both APIs. */
export async function closePair(pair: { indexed?: TestApi; cypher?: TestApi }): Promise<void> {
  await pair.indexed?.wipe();
  await pair.indexed?.close();
  await pair.cypher?.close();
}
