import { createTestApi, codesOf, type TestApi } from '../helpers/testApi';
import { createActor, createAreas } from '../helpers/fixtures';
import { encodeCursor } from '../../src/pagination/cursor';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.wipe();
  await createAreas(api);
  await createActor(api, { id: 'a1', kind: 'ASSOCIATION', name: 'Rosengårds Föreningsråd', areaId: 'rosengard', since: '2015-01-01' });
  await createActor(api, { id: 'a2', kind: 'COMPANY', name: 'Herrgård Bygg', areaId: 'herrgarden', since: '2019-01-01' });
  await createActor(api, { id: 'a3', kind: 'CITIZEN', areaId: 'rosengard', since: '2015-01-01', until: '2017-12-31' });
  await createActor(api, { id: 'a4', kind: 'CITY_DEPARTMENT', name: 'Fritidsförvaltningen', areaId: 'holma' });
  await createActor(api, { id: 'a5', kind: 'ACADEMIC_INSTITUTION', name: 'Malmö universitet' });
});
afterAll(async () => {
  await api.wipe();
  await api.close();
});

const LIST = `query($filter: ActorFilter, $first: Int, $after: String) {
  actors(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id }
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Page = { actors: { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const ids = (page: Page) => page.actors.nodes.map((node) => node.id);

describe('actors(filter)', () => {
  it.each([
    [{}, ['a1', 'a2', 'a3', 'a4', 'a5']],
    [{ kinds: ['COMPANY', 'CITIZEN'] }, ['a2', 'a3']],
    [{ sectors: ['PUBLIC'] }, ['a4']],
    [{ areaId: 'oster' }, ['a1', 'a2', 'a3']],
    [{ areaId: 'rosengard' }, ['a1', 'a3']],
    [{ areaId: 'oster', activeAsOf: '2018-06-01' }, ['a1']],
    [{ activeAsOf: '2016-01-01' }, ['a1', 'a3', 'a4']],
    [{ activeAsOf: '2014-01-01' }, []],
    [{ search: 'rosengårds' }, ['a1']],
    [{ search: 'fritids' }, ['a4']],
    [{ search: 'malmö', kinds: ['ACADEMIC_INSTITUTION'] }, ['a5']],
    [{ search: 'herrgård', areaId: 'oster' }, ['a2']],
    [{ search: 'herrgård', areaId: 'soder' }, []],
    [{ synthetic: false }, []],
  ])('filter %j gives %j', async (filter, expected) => {
    const page = await api.ok<Page>(LIST, { filter });
    expect(ids(page)).toEqual(expected);
    expect(page.actors.totalCount).toBe(expected.length);
  });

  it('reports an unknown area as an empty list', async () => {
    expect(ids(await api.ok<Page>(LIST, { filter: { areaId: 'atlantis' } }))).toEqual([]);
  });
});

describe('actors pagination', () => {
  it('walks every page with keyset cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page = await api.ok<Page>(LIST, { first: 2, after });
      seen.push(...ids(page));
      if (!page.actors.pageInfo.hasNextPage) break;
      after = page.actors.pageInfo.endCursor;
    }
    expect(seen).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('has no next page after an exact last page', async () => {
    const page = await api.ok<Page>(LIST, { first: 5 });
    expect(page.actors.pageInfo.hasNextPage).toBe(false);
    const after = await api.ok<Page>(LIST, { first: 5, after: page.actors.pageInfo.endCursor });
    expect(after.actors.nodes).toEqual([]);
    expect(after.actors.pageInfo).toMatchObject({ hasNextPage: false, endCursor: null });
  });

  it('returns an empty first page with first: 0', async () => {
    const page = await api.ok<Page>(LIST, { first: 0 });
    expect(page.actors.nodes).toEqual([]);
    expect(page.actors.pageInfo.hasNextPage).toBe(true);
  });

  it('rejects a tampered cursor, a cursor of another list and first over the maximum', async () => {
    const page = await api.ok<Page>(LIST, { first: 1 });
    const tampered = (page.actors.pageInfo.endCursor as string).slice(0, -2) + 'zz';
    for (const variables of [{ after: tampered }, { after: 'not-a-cursor' }, { after: encodeCursor('initiatives', 'a1') }, { first: 101 }, { first: -1 }]) {
      const result = await api.run(LIST, variables);
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(/after|first/);
    }
  });

  it('counts only when totalCount is selected', async () => {
    const without = await api.run(`{ actors(first: 2) { nodes { id } } }`);
    expect(without.queries).not.toContain('actors/count');
    const withCount = await api.run(`{ actors(first: 2) { totalCount } }`);
    expect(withCount.queries).toContain('actors/count');
  });
});
