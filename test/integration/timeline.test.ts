import { malmoDataset } from '../../src/seed/malmoDataset';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';
import { dateOfDay, dayBefore } from '../../src/timeline/period';
import { ANALYST } from '../helpers/principals';
import { codesOf, useTestApi } from '../helpers/testApi';

/**
 * The timeline against the single-date analytics, on the real database: every
 * point equals sectorMatrix, eiIndex, assortativity and helixCoverage asked at
 * the point's date with the same scope. The API runs without the service's
 * collaboration index, so the single-date fields count with Cypher while the
 * timeline sweeps an index it builds itself: two engines, one answer.
 */
const api = useTestApi();

const TIMELINE = `query($scope: AnalyticsScope, $from: Period!, $to: Period!, $interval: TimelineInterval) {
  timeline(scope: $scope, from: $from, to: $to, interval: $interval) {
    interval from to
    points {
      period periodStart asOf actors actorsSuppressed sectors { sector actors suppressed }
      ties tiesSuppressed crossSectorTies crossSectorTiesSuppressed crossSectorShare density densitySuppressed
      eiIndex { external internal value reason suppressed } expectedEiIndex expectedEiIndexReason expectedEiIndexSuppressed
      assortativity assortativityReason assortativitySuppressed
      helixCoverage { sectorsPresent connectedPairs { sectorA sectorB } missingPairs { sectorA sectorB } coverage suppressed }
      tiesOpened tiesEnded tieChangesSuppressed actorsJoined actorsLeft actorChangesSuppressed
      sectorPairsConnected { sectorA sectorB } sectorPairsDisconnected { sectorA sectorB } sectorPairsSuppressed
    }
    method { engine algorithm asOf areaId nodeCount tieCount cached suppression { applied k } }
  } }`;

const SINGLE_DATE = `query($scope: AnalyticsScope) {
  sectorMatrix(scope: $scope) { sectors { sector actors suppressed } cells { sectorA sectorB ties possiblePairs } totalTies totalTiesSuppressed method { nodeCount } }
  eiIndex(scope: $scope) { overall { external internal value reason suppressed } expected expectedReason expectedSuppressed }
  assortativity(scope: $scope) { coefficient reason suppressed }
  helixCoverage(scope: $scope) { areas { area { id } sectorsPresent connectedPairs { sectorA sectorB } missingPairs { sectorA sectorB } coverage suppressed } }
  crossSectorTies(scope: $scope, first: 0) { totalCount totalCountSuppressed } }`;

type Pair = { sectorA: string; sectorB: string };
interface Point {
  period: string;
  periodStart: string;
  asOf: string;
  actors: number | null;
  actorsSuppressed: boolean;
  ties: number | null;
  tiesSuppressed: boolean;
  crossSectorTies: number | null;
  crossSectorShare: number | null;
  density: number | null;
  eiIndex: { external: number | null; internal: number | null; value: number | null; reason: string | null; suppressed: boolean };
  expectedEiIndex: number | null;
  assortativity: number | null;
  assortativityReason: string | null;
  sectors: Array<{ sector: string; actors: number | null; suppressed: boolean }>;
  helixCoverage: { sectorsPresent: string[]; connectedPairs: Pair[]; missingPairs: Pair[]; coverage: number | null; suppressed: boolean };
  tiesOpened: number | null;
  tiesEnded: number | null;
  actorsJoined: number | null;
  actorsLeft: number | null;
  sectorPairsConnected: Pair[];
  sectorPairsDisconnected: Pair[];
  [key: string]: unknown;
}
interface Timeline {
  timeline: { points: Point[]; method: { engine: string; asOf: string; nodeCount: number | null; tieCount: number | null; suppression: { applied: boolean } } };
}
interface SingleDate {
  sectorMatrix: { sectors: Array<{ sector: string; actors: number }>; cells: Array<{ sectorA: string; sectorB: string; ties: number; possiblePairs: number }>; totalTies: number };
  eiIndex: { overall: Point['eiIndex']; expected: number | null };
  assortativity: { coefficient: number | null; reason: string | null };
  helixCoverage: { areas: Array<{ area: { id: string }; sectorsPresent: string[]; connectedPairs: Pair[]; missingPairs: Pair[]; coverage: number | null }> };
  crossSectorTies: { totalCount: number };
}

const single = (scope: Record<string, unknown>, asOf: string) => api.ok<SingleDate>(SINGLE_DATE, { scope: { ...scope, asOf } });
const connectedCells = (data: SingleDate): Set<string> => new Set(data.sectorMatrix.cells.filter((cell) => cell.ties > 0).map((cell) => `${cell.sectorA}-${cell.sectorB}`));
const keys = (pairs: Pair[]) => pairs.map((pair) => `${pair.sectorA}-${pair.sectorB}`).sort();

/** The point as the single-date fields give it at its date (and at the end of the previous period). */
function expectedPoint(scope: Record<string, unknown>, now: SingleDate, before: SingleDate) {
  const actors = now.sectorMatrix.sectors.reduce((sum, row) => sum + row.actors, 0);
  const possible = now.sectorMatrix.cells.reduce((sum, cell) => sum + cell.possiblePairs, 0);
  const ties = now.sectorMatrix.totalTies;
  const external = now.eiIndex.overall.external as number;
  const present = now.sectorMatrix.sectors.filter((row) => row.actors > 0).map((row) => row.sector);
  const cityCoverage = () => {
    // Without an area, helix coverage of the whole city: the sectors present and the cross-sector cells with ties.
    const cells = now.sectorMatrix.cells.filter((cell) => cell.sectorA !== cell.sectorB && present.includes(cell.sectorA) && present.includes(cell.sectorB));
    const pair = (cell: { sectorA: string; sectorB: string }) => ({ sectorA: cell.sectorA, sectorB: cell.sectorB });
    const connectedPairs = cells.filter((cell) => cell.ties > 0).map(pair);
    return { sectorsPresent: present, connectedPairs, missingPairs: cells.filter((cell) => cell.ties === 0).map(pair), coverage: cells.length > 0 ? connectedPairs.length / cells.length : null };
  };
  const areaRow = now.helixCoverage.areas.find((row) => row.area.id === scope.areaId);
  const { area: _area, ...coverage } = areaRow ?? { area: null, ...cityCoverage() };
  const was = connectedCells(before);
  const is = connectedCells(now);
  return {
    actors,
    ties,
    crossSectorTies: external,
    crossSectorShare: ties > 0 ? external / ties : null,
    density: possible > 0 ? ties / possible : null,
    eiIndex: { ...now.eiIndex.overall, suppressed: false },
    expectedEiIndex: now.eiIndex.expected,
    assortativity: now.assortativity.coefficient,
    assortativityReason: now.assortativity.reason,
    sectors: now.sectorMatrix.sectors.map((row) => ({ ...row, suppressed: false })),
    helixCoverage: { ...coverage, suppressed: false },
    crossSectorTotal: now.crossSectorTies.totalCount,
    tieBalance: ties - before.sectorMatrix.totalTies,
    actorBalance: actors - before.sectorMatrix.sectors.reduce((sum, row) => sum + row.actors, 0),
    sectorPairsConnected: [...is].filter((key) => !was.has(key)).sort(),
    sectorPairsDisconnected: [...was].filter((key) => !is.has(key)).sort(),
  };
}

async function expectPointsEqualSingleDate(scope: Record<string, unknown>, from: string, to: string, interval = 'QUARTER'): Promise<Point[]> {
  const { timeline } = await api.ok<Timeline>(TIMELINE, { scope, from, to, interval });
  const points = timeline.points;
  let before = await single(scope, dateOfDay(dayBefore(Number(points[0].periodStart.replaceAll('-', '')))));
  for (const point of points) {
    const now = await single(scope, point.asOf);
    const expected = expectedPoint(scope, now, before);
    const actual = {
      actors: point.actors,
      ties: point.ties,
      crossSectorTies: point.crossSectorTies,
      crossSectorShare: point.crossSectorShare,
      density: point.density,
      eiIndex: point.eiIndex,
      expectedEiIndex: point.expectedEiIndex,
      assortativity: point.assortativity,
      assortativityReason: point.assortativityReason,
      sectors: point.sectors,
      helixCoverage: point.helixCoverage,
      crossSectorTotal: point.crossSectorTies,
      tieBalance: (point.tiesOpened as number) - (point.tiesEnded as number),
      actorBalance: (point.actorsJoined as number) - (point.actorsLeft as number),
      sectorPairsConnected: keys(point.sectorPairsConnected),
      sectorPairsDisconnected: keys(point.sectorPairsDisconnected),
    };
    expect({ scope, asOf: point.asOf, ...actual }).toEqual({ scope, asOf: point.asOf, ...expected });
    before = now;
  }
  const last = points[points.length - 1];
  expect(timeline.method).toMatchObject({ engine: 'COLLABORATION_INDEX', asOf: last.asOf, nodeCount: last.actors, tieCount: last.ties });
  return points;
}

describe('timeline on the Malmö seed', () => {
  beforeAll(async () => {
    await api.wipe();
    await loadDataset(api.db, malmoDataset());
  });

  it.each([
    [{}],
    [{ areaId: 'area-rosengard' }],
    [{ areaId: 'area-oster', membership: 'TOUCHING' }],
    [{ areaId: 'area-oster', sectors: ['CIVIL_SOCIETY', 'PUBLIC', 'PRIVATE'], minStrength: 2 }],
  ])('equals the single-date analytics at every quarter end, scope %j', async (scope) => {
    const points = await expectPointsEqualSingleDate(scope, '2019-Q1', '2024-Q4');
    expect(points.map((point) => point.period).slice(0, 3)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3']);
    expect(points).toHaveLength(24);
    // The seed moves in these years: the comparison covers changes, not a still picture.
    if (!('areaId' in scope)) expect(points.some((point) => (point.tiesOpened as number) > 0) && points.some((point) => (point.tiesEnded as number) > 0)).toBe(true);
  });

  it('equals them by month and by year too', async () => {
    await expectPointsEqualSingleDate({ areaId: 'area-oster' }, '2022-07', '2023-06', 'MONTH');
    const years = await expectPointsEqualSingleDate({}, '2013', '2024', 'YEAR');
    expect(years.map((point) => point.asOf)[0]).toBe('2013-12-31');
  });

  it('withholds for an analyst what the single-date fields withhold at the same date', async () => {
    const scope = { areaId: 'area-rosengard' };
    const { timeline } = await api.ok<Timeline>(TIMELINE, { scope, from: '2021-Q1', to: '2022-Q4' }, ANALYST);
    let any = false;
    for (const point of timeline.points) {
      const now = await api.ok<Record<string, Record<string, unknown>>>(SINGLE_DATE, { scope: { ...scope, asOf: point.asOf } }, ANALYST);
      const citizens = (now.sectorMatrix.sectors as Array<{ sector: string; suppressed: boolean }>).find((row) => row.sector === 'CITIZEN')!;
      expect({ asOf: point.asOf, actors: point.actorsSuppressed, ties: point.tiesSuppressed, cross: point.crossSectorTiesSuppressed, ei: point.eiIndex.suppressed, expected: point.expectedEiIndexSuppressed, r: point.assortativitySuppressed, citizens: point.sectors[0].suppressed, coverage: point.helixCoverage.suppressed }).toEqual({
        asOf: point.asOf,
        actors: citizens.suppressed,
        ties: now.sectorMatrix.totalTiesSuppressed,
        cross: now.crossSectorTies.totalCountSuppressed,
        ei: (now.eiIndex.overall as { suppressed: boolean }).suppressed,
        expected: now.eiIndex.expectedSuppressed,
        r: now.assortativity.suppressed,
        citizens: citizens.suppressed,
        coverage: (now.helixCoverage.areas as Array<{ area: { id: string }; suppressed: boolean }>).find((row) => row.area.id === scope.areaId)!.suppressed,
      });
      if (point.tiesSuppressed) expect([point.ties, point.tiesOpened, point.assortativity, point.eiIndex.value, point.crossSectorShare]).toEqual([null, null, null, null, null]);
      if (point.actorsSuppressed) expect([point.actors, point.sectors[0].actors, point.actorsJoined, point.expectedEiIndex]).toEqual([null, null, null, null]);
      any ||= point.tiesSuppressed || point.actorsSuppressed;
    }
    // Rosengård has few citizens in the seed: the rule must have had something to do.
    expect(any).toBe(true);
    expect(timeline.method.suppression.applied).toBe(true);
    const admin = await api.ok<Timeline>(TIMELINE, { scope, from: '2021-Q1', to: '2022-Q4' });
    expect(admin.timeline.points.every((point) => !point.tiesSuppressed && !point.actorsSuppressed && point.ties !== null)).toBe(true);
    expect(admin.timeline.method.suppression.applied).toBe(false);
  });

  it('refuses bad periods, from after to, a scope date and an unknown area, saying what is wrong', async () => {
    const bad = async (variables: Record<string, unknown>) => {
      const result = await api.run(TIMELINE, { from: '2022-Q1', to: '2022-Q4', ...variables });
      return { codes: codesOf(result), message: result.errors?.[0]?.message, field: result.errors?.[0]?.extensions?.field };
    };
    expect(await bad({ from: '2022-Q5' })).toEqual({ codes: ['BAD_USER_INPUT'], field: 'from', message: expect.stringMatching(/from must be a quarter `2022-Q3`, a month `2022-07` or a year `2022`/) });
    expect(await bad({ to: '2022/07' })).toEqual({ codes: ['BAD_USER_INPUT'], field: 'to', message: expect.stringMatching(/^to must be/) });
    expect(await bad({ from: '2023', to: '2022-Q4' })).toEqual({ codes: ['BAD_USER_INPUT'], field: 'from', message: expect.stringMatching(/after to/) });
    expect(await bad({ scope: { asOf: '2022-01-01' } })).toEqual({ codes: ['BAD_USER_INPUT'], field: 'scope.asOf', message: expect.stringMatching(/Leave scope.asOf out/) });
    expect((await bad({ scope: { areaId: 'area-nowhere' } })).codes).toEqual(['NOT_FOUND']);
    expect((await bad({ from: 2022 })).codes).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await api.run(TIMELINE, { from: '2022-Q1', to: '2022-Q4' }, { id: 'token:viewer', via: 'token', role: 'VIEWER', organisations: [] }))).toEqual(['FORBIDDEN']);
  });
});

describe('timeline on a generated city', () => {
  beforeAll(async () => {
    await api.wipe();
    await loadDataset(api.db, generateCity({ actors: 1200, seed: 5 }));
  });

  it('equals the single-date analytics at every year end for the whole city', async () => {
    // By year: each single-date answer on the whole city is a Cypher count of seconds.
    const points = await expectPointsEqualSingleDate({}, '2016', '2026', 'YEAR');
    expect(points).toHaveLength(11);
    expect(points.reduce((sum, point) => sum + (point.tiesOpened as number) + (point.tiesEnded as number), 0)).toBeGreaterThan(100);
  });

  it.each([[{ areaId: 'gen-area-d001' }], [{ areaId: 'gen-area-d002', membership: 'TOUCHING', kinds: ['PARTNERSHIP', 'CO_CREATION'] }]])(
    'equals the single-date analytics at every quarter end, scope %j',
    async (scope) => {
      const points = await expectPointsEqualSingleDate(scope, '2018-Q1', '2026-Q4');
      expect(points).toHaveLength(36);
      expect(points.reduce((sum, point) => sum + (point.tiesOpened as number) + (point.actorsJoined as number), 0)).toBeGreaterThan(20);
    },
  );
});
