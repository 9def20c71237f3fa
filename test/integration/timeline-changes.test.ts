import { malmoDataset } from '../../src/seed/malmoDataset';
import { loadDataset } from '../../src/seed/loadDataset';
import { SECTORS } from '../../src/model';
import type { DatasetArrays } from '../../src/seed/types';
import { ANALYST } from '../helpers/principals';
import { codesOf, useTestApi } from '../helpers/testApi';

/**
 * `changes` against the difference of two as-of networks computed here, in the
 * test, straight from the seed's rows (ties with their dates, memberships with
 * theirs), not from any statement or index of the service.
 */
const api = useTestApi();
const dataset: DatasetArrays = malmoDataset();

const CHANGES = `query($scope: AnalyticsScope, $from: Period!, $to: Period!, $first: Int, $after: String) {
  changes(scope: $scope, from: $from, to: $to, first: $first, after: $after) {
    from to fromDate toDate tiesOpened tiesEnded totalsSuppressed
    ties { totalCount pageInfo { hasNextPage endCursor } edges { node { change source { id } target { id } sourceSector targetSector strength kinds } } }
    actorsJoined { count countSuppressed sectors { sector actors suppressed } actors(first: 100) { id } }
    actorsLeft { count countSuppressed sectors { sector actors suppressed } actors(first: 100) { id } }
    sectorPairs { sectorA sectorB tiesBefore tiesAfter opened ended newlyConnected newlyDisconnected suppressed }
    newlyConnected { sectorA sectorB } newlyDisconnected { sectorA sectorB }
    method { asOf nodeCount tieCount suppression { applied } }
  } }`;

interface Changes {
  changes: {
    fromDate: string;
    toDate: string;
    tiesOpened: number | null;
    tiesEnded: number | null;
    totalsSuppressed: boolean;
    ties: { totalCount: number | null; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { change: string; source: { id: string }; target: { id: string }; sourceSector: string; targetSector: string } }> };
    actorsJoined: { count: number | null; countSuppressed: boolean; actors: Array<{ id: string }> };
    actorsLeft: { count: number | null; countSuppressed: boolean; actors: Array<{ id: string }> };
    sectorPairs: Array<{ sectorA: string; sectorB: string; tiesBefore: number | null; tiesAfter: number | null; opened: number | null; ended: number | null; newlyConnected: boolean; newlyDisconnected: boolean; suppressed: boolean }>;
    newlyConnected: Array<{ sectorA: string; sectorB: string }>;
    newlyDisconnected: Array<{ sectorA: string; sectorB: string }>;
    method: { asOf: string; nodeCount: number | null; tieCount: number | null; suppression: { applied: boolean } };
  };
}

const sectorOf = new Map(dataset.actors.map((actor) => [actor.id, actor.sector as string]));
const active = (row: { since: string | null; until: string | null }, date: string) => row.since !== null && row.since <= date && (row.until === null || row.until >= date);

/** The scope's network as of a date, from the seed's rows: every actor, or the members of an area (sub-areas included), WITHIN. */
function networkAt(date: string, areaId: string | null): { actors: Set<string>; pairs: Map<string, string> } {
  let actors: Set<string>;
  if (areaId === null) actors = new Set(dataset.actors.map((actor) => actor.id));
  else {
    const subtree = new Set([areaId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const area of dataset.areas) {
        if (area.parentId && subtree.has(area.parentId) && !subtree.has(area.id)) {
          subtree.add(area.id);
          grew = true;
        }
      }
    }
    actors = new Set(dataset.memberships.filter((row) => subtree.has(row.areaId) && active(row, date)).map((row) => row.actorId));
  }
  const pairs = new Map<string, string>();
  for (const tie of dataset.collaborations) {
    if (!active(tie, date) || !actors.has(tie.fromId) || !actors.has(tie.toId)) continue;
    const [a, b] = [tie.fromId, tie.toId].sort();
    const sectors = [sectorOf.get(a)!, sectorOf.get(b)!].sort((x, y) => SECTORS.indexOf(x as never) - SECTORS.indexOf(y as never));
    pairs.set(`${a}|${b}`, sectors.join('-'));
  }
  return { actors, pairs };
}

async function allChanges(variables: Record<string, unknown>, principal = undefined) {
  const edges: Changes['changes']['ties']['edges'] = [];
  let after: string | null = null;
  let first: Changes['changes'] | null = null;
  do {
    const page: Changes = await api.ok<Changes>(CHANGES, { ...variables, first: 7, after }, principal);
    first ??= page.changes;
    edges.push(...page.changes.ties.edges);
    after = page.changes.ties.pageInfo.hasNextPage ? page.changes.ties.pageInfo.endCursor : null;
  } while (after !== null);
  return { result: first!, edges };
}

describe('changes between two periods', () => {
  beforeAll(async () => {
    await api.wipe();
    await loadDataset(api.db, dataset);
  });

  it.each([
    [null, '2020-Q4', '2021-Q2'],
    [null, '2021', '2023-Q1'],
    ['area-rosengard', '2020-Q4', '2022-Q2'],
    ['area-oster', '2019-06', '2023-03'],
    ['area-malmo', '2014', '2016'],
  ])('equal the difference of the as-of networks computed from the seed rows (area %s, %s → %s)', async (areaId, from, to) => {
    const { result, edges } = await allChanges({ scope: areaId ? { areaId } : {}, from, to });
    const before = networkAt(result.fromDate, areaId);
    const after = networkAt(result.toDate, areaId);
    const opened = [...after.pairs.keys()].filter((key) => !before.pairs.has(key)).sort();
    const ended = [...before.pairs.keys()].filter((key) => !after.pairs.has(key)).sort();
    const listed = (change: string) => edges.filter((edge) => edge.node.change === change).map((edge) => `${edge.node.source.id}|${edge.node.target.id}`);
    expect(listed('OPENED')).toEqual(opened);
    expect(listed('ENDED')).toEqual(ended);
    // Ordered by (source, target), each pair once, with its sectors.
    const order = edges.map((edge) => `${edge.node.source.id}|${edge.node.target.id}`);
    expect(order).toEqual([...order].sort());
    for (const { node } of edges) expect([node.sourceSector, node.targetSector]).toEqual([sectorOf.get(node.source.id), sectorOf.get(node.target.id)]);
    expect([result.tiesOpened, result.tiesEnded, result.ties.totalCount]).toEqual([opened.length, ended.length, opened.length + ended.length]);
    expect(opened.length + ended.length).toBeGreaterThan(0);

    const joined = [...after.actors].filter((id) => !before.actors.has(id)).sort();
    const left = [...before.actors].filter((id) => !after.actors.has(id)).sort();
    expect({ count: result.actorsJoined.count, ids: result.actorsJoined.actors.map((actor) => actor.id) }).toEqual({ count: joined.length, ids: joined.slice(0, 100) });
    expect({ count: result.actorsLeft.count, ids: result.actorsLeft.actors.map((actor) => actor.id) }).toEqual({ count: left.length, ids: left.slice(0, 100) });

    const count = (pairs: Map<string, string>, cell: string, keys?: string[]) => [...pairs.entries()].filter(([key, value]) => value === cell && (!keys || keys.includes(key))).length;
    for (const row of result.sectorPairs) {
      const cell = `${row.sectorA}-${row.sectorB}`;
      const tiesBefore = count(before.pairs, cell);
      const tiesAfter = count(after.pairs, cell);
      expect({ cell, ...row }).toEqual({
        cell,
        sectorA: row.sectorA,
        sectorB: row.sectorB,
        tiesBefore,
        tiesAfter,
        opened: count(after.pairs, cell, opened),
        ended: count(before.pairs, cell, ended),
        newlyConnected: tiesBefore === 0 && tiesAfter > 0,
        newlyDisconnected: tiesBefore > 0 && tiesAfter === 0,
        suppressed: false,
      });
    }
    expect(result.sectorPairs).toHaveLength(15);
    expect(result.newlyConnected).toEqual(result.sectorPairs.filter((row) => row.newlyConnected).map(({ sectorA, sectorB }) => ({ sectorA, sectorB })));
    expect(result.method).toMatchObject({ asOf: result.toDate, nodeCount: after.actors.size, tieCount: after.pairs.size });
  });

  it('agree with crossSectorTies and sectorMatrix asked at the two dates', async () => {
    const scope = { areaId: 'area-oster', membership: 'TOUCHING' };
    const { result, edges } = await allChanges({ scope, from: '2020-Q4', to: '2022-Q4' });
    const CROSS = `query($scope: AnalyticsScope, $after: String) { crossSectorTies(scope: $scope, first: 100, after: $after) { edges { node { source { id } target { id } } } pageInfo { hasNextPage endCursor } } sectorMatrix(scope: $scope) { cells { sectorA sectorB ties } } }`;
    const at = async (asOf: string) => {
      const keys = new Set<string>();
      let cells: Array<{ sectorA: string; sectorB: string; ties: number }> = [];
      let after: string | null = null;
      do {
        type Page = { crossSectorTies: { edges: Array<{ node: { source: { id: string }; target: { id: string } } }>; pageInfo: { hasNextPage: boolean; endCursor: string } }; sectorMatrix: { cells: typeof cells } };
        const page: Page = await api.ok<Page>(CROSS, { scope: { ...scope, asOf }, after });
        for (const edge of page.crossSectorTies.edges) keys.add(`${edge.node.source.id}|${edge.node.target.id}`);
        cells = page.sectorMatrix.cells;
        after = page.crossSectorTies.pageInfo.hasNextPage ? page.crossSectorTies.pageInfo.endCursor : null;
      } while (after !== null);
      return { keys, cells };
    };
    const [before, after] = [await at(result.fromDate), await at(result.toDate)];
    const cross = (change: string) => edges.filter((edge) => edge.node.change === change && edge.node.sourceSector !== edge.node.targetSector).map((edge) => `${edge.node.source.id}|${edge.node.target.id}`);
    expect(cross('OPENED')).toEqual([...after.keys].filter((key) => !before.keys.has(key)).sort());
    expect(cross('ENDED')).toEqual([...before.keys].filter((key) => !after.keys.has(key)).sort());
    for (const row of result.sectorPairs) {
      const find = (cells: typeof before.cells) => cells.find((cell) => cell.sectorA === row.sectorA && cell.sectorB === row.sectorB)!.ties;
      expect({ row: `${row.sectorA}-${row.sectorB}`, before: row.tiesBefore, after: row.tiesAfter, balance: row.opened! - row.ended! }).toEqual({
        row: `${row.sectorA}-${row.sectorB}`,
        before: find(before.cells),
        after: find(after.cells),
        balance: find(after.cells) - find(before.cells),
      });
    }
  });

  it('withholds small citizen cells and the totals they are in from an analyst, and nothing from an administrator', async () => {
    const variables = { scope: { areaId: 'area-rosengard' }, from: '2020-Q4', to: '2022-Q2' };
    const analyst = (await api.ok<Changes>(CHANGES, variables, ANALYST)).changes;
    const withheld = analyst.sectorPairs.filter((row) => row.suppressed);
    expect(withheld.length).toBeGreaterThan(0);
    for (const row of withheld) expect([row.sectorA, row.tiesBefore, row.tiesAfter, row.opened, row.ended]).toEqual(['CITIZEN', null, null, null, null]);
    expect(analyst.sectorPairs.filter((row) => row.sectorA !== 'CITIZEN').every((row) => !row.suppressed && row.tiesAfter !== null)).toBe(true);
    expect([analyst.tiesOpened, analyst.tiesEnded, analyst.ties.totalCount, analyst.totalsSuppressed]).toEqual([null, null, null, true]);
    expect(analyst.method.suppression.applied).toBe(true);
    const admin = (await api.ok<Changes>(CHANGES, variables)).changes;
    expect(admin.sectorPairs.every((row) => !row.suppressed)).toBe(true);
    expect(admin.totalsSuppressed).toBe(false);
    expect(admin.method.suppression.applied).toBe(false);
    // Every withheld cell holds a count of 1 to k − 1 for the administrator.
    for (const row of withheld) {
      const full = admin.sectorPairs.find((cell) => cell.sectorA === row.sectorA && cell.sectorB === row.sectorB)!;
      expect([full.tiesBefore, full.tiesAfter, full.opened, full.ended].some((value) => value! >= 1 && value! < 5)).toBe(true);
    }
  });

  it('refuses a cursor of another list and from after to', async () => {
    expect(codesOf(await api.run(CHANGES, { from: '2022-Q2', to: '2022-Q1' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.run(CHANGES, { from: '2022-Q1', to: '2022-Q2', after: 'bm90LWEtY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
  });
});
