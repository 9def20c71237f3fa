import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createTestApi, type TestApi } from '../helpers/testApi';
import { readTestDatabaseState } from '../helpers/testDatabaseState';

/**
 * The composition root end to end, as `npm start` runs it (against the test
 * database rather than a second embedded one): migrations, the Malmö seed on an
 * empty database, and the HTTP API answering the README's first question.
 */
let api: TestApi;
let app: App;

beforeAll(async () => {
  api = await createTestApi();
  await api.wipe();
  const state = readTestDatabaseState();
  const config = loadConfig({
    NEO4J_URI: state.uri,
    NEO4J_USERNAME: state.username ?? 'neo4j',
    NEO4J_PASSWORD: state.password ?? '',
    ...(state.database ? { NEO4J_DATABASE: state.database } : {}),
    PORT: '0',
  });
  app = await startApp(config, createLogger('error'));
});

afterAll(async () => {
  await app.stop();
  await api.wipe();
  await api.close();
});

const post = async (query: string) => {
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data: Record<string, unknown>; errors?: unknown[] };
};

describe('the service on the Malmö seed', () => {
  it('answers: which actors are active in Rosengård, with their collaborations', async () => {
    const body = await post(`{
      actors(filter: { areaId: "area-rosengard", activeAsOf: "2022-06-01" }, first: 100) {
        totalCount
        nodes { id name sector synthetic collaborations(asOf: "2022-06-01") { totalCount edges { partner { name sector } node { kind } } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const actors = body.data.actors as { totalCount: number; nodes: Array<{ sector: string; synthetic: boolean; collaborations: { totalCount: number } }> };
    expect(actors.totalCount).toBeGreaterThanOrEqual(5);
    expect(new Set(actors.nodes.map((a) => a.sector)).size).toBeGreaterThanOrEqual(3);
    expect(actors.nodes.some((a) => a.collaborations.totalCount > 0)).toBe(true);
    expect(actors.nodes.filter((a) => a.sector === 'CITIZEN').every((a) => a.synthetic)).toBe(true);
  });

  it('holds the real initiatives with their dates', async () => {
    const body = await post(`{ initiatives(filter: { search: "Tillsammans" }) { nodes { name startDate endDate } } }`);
    expect(body.data.initiatives).toEqual({ nodes: expect.arrayContaining([{ name: 'Malmö Tillsammans', startDate: '2021-01-01', endDate: '2023-02-28' }]) });
  });

  it('does not seed twice', async () => {
    const before = (await post(`{ actors { totalCount } }`)).data.actors;
    const second = await startApp(
      loadConfig({ NEO4J_URI: readTestDatabaseState().uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: readTestDatabaseState().password ?? '', PORT: '0' }),
      createLogger('error'),
    );
    try {
      expect((await post(`{ actors { totalCount } }`)).data.actors).toEqual(before);
    } finally {
      await second.stop();
    }
  });
});
