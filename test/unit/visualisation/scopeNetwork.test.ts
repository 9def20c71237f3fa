import { CollaborationIndex, dayNumber, type IndexRows } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import { indexScopeNetwork } from '../../../src/analytics/collaborationIndex/indexScopeNetwork';
import type { Scope } from '../../../src/analytics/scope';
import { COLLABORATION_KINDS, SECTORS } from '../../../src/model';
import { asOfSpan, scopeNetwork } from '../../../src/visualisation/scopeNetwork';
import { dateOfIndexDay as dateOfDay } from '../../../src/analytics/collaborationIndex/indexColumns';
import { DateFilter } from '../../../web/explorer/src/dateFilter';

/** The network payload's actors and ties against the analytics' scope network (indexScopeNetwork), on random cities. */

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const DAYS = [20170301, 20190630, 20211231];

function city(seed: number): IndexRows {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const span = () => {
    const since = pick(DAYS);
    return { since, until: next() < 0.6 ? null : pick(DAYS.filter((day) => day >= since)) };
  };
  const actors = Array.from({ length: 30 }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, sector: pick(SECTORS), name: `Actor ${i}` }));
  const areas = [
    { id: 'city', name: 'City', parentIds: [] },
    { id: 'd1', name: 'D1', parentIds: ['city'] },
    { id: 'n1', name: 'N1', parentIds: ['d1'] },
    { id: 'n2', name: 'N2', parentIds: ['d1'] },
  ];
  const memberships = actors.flatMap((actor) => [{ actorId: actor.id, areaId: pick(['city', 'd1', 'n1', 'n2']), ...span() }]);
  const ties = Array.from({ length: 70 }, (_, i) => {
    const a = pick(actors).id;
    const b = pick(actors.filter((actor) => actor.id !== a)).id;
    const [source, target] = a < b ? [a, b] : [b, a];
    return { id: `t${String(i).padStart(3, '0')}`, source, target, kind: pick(COLLABORATION_KINDS), strength: 1 + Math.floor(next() * 5), ...span() };
  });
  return { actors, areas, memberships, ties };
}

const scopes = (): Scope[] =>
  ['2018-01-01', '2020-06-30', '2022-06-30'].flatMap((asOf) =>
    [null, 'd1', 'n1'].flatMap((areaId) =>
      (['WITHIN', 'TOUCHING'] as const)
        .filter((membership) => areaId !== null || membership === 'WITHIN')
        .flatMap((membership) => [
          { areaId, asOf, kinds: null, sectors: null, minStrength: 1, membership },
          { areaId, asOf, kinds: ['PARTNERSHIP', 'FUNDING'], sectors: ['CITIZEN', 'PUBLIC', 'PRIVATE'], minStrength: 2, membership },
        ] as Scope[]),
    ),
  );

describe('scopeNetwork', () => {
  it.each([1, 2, 3, 4])('on the as-of date has the analytics’ actors and pairs (city %i)', (seed) => {
    const index = new CollaborationIndex('v', city(seed));
    for (const scope of scopes()) {
      const network = scopeNetwork(index, scope, asOfSpan(scope));
      const expected = indexScopeNetwork(index, scope);
      const expectedIds = new Set([...expected.actors.map((actor) => actor.id), ...expected.pairs.flatMap((pair) => [pair.source, pair.target])]);
      expect(network.nodes.map((node) => node.id)).toEqual([...expectedIds].sort());
      const pairs = new Set(network.edges.map((edge) => `${edge.source}|${edge.target}`));
      expect(pairs.size).toBe(expected.pairs.length);
      expect(network.edges.length).toBe(expected.pairs.reduce((sum, pair) => sum + pair.ties, 0));
      for (const edge of network.edges) expect(edge.source < edge.target).toBe(true);
    }
  });

  it('over a span holds the network of every day in it, each tie once with its dates', () => {
    const index = new CollaborationIndex('v', city(7));
    const span = { from: dayNumber('2017-01-01'), to: dayNumber('2022-12-31') };
    for (const scope of scopes()) {
      const union = scopeNetwork(index, scope, span);
      const nodeIds = new Set(union.nodes.map((node) => node.id));
      const edgeIds = new Set(union.edges.map((edge) => edge.id));
      expect(edgeIds.size).toBe(union.edges.length);
      const day = scopeNetwork(index, scope, asOfSpan(scope));
      for (const node of day.nodes) expect(nodeIds.has(node.id)).toBe(true);
      for (const edge of day.edges) expect(edgeIds.has(edge.id)).toBe(true);
    }
  });

  it('over a span is the same union whatever the as-of date, but for the actors’ areas (the layout’s start reads it from the explorer’s payload)', () => {
    const index = new CollaborationIndex('v', city(5));
    const span = { from: dayNumber('2017-01-01'), to: dayNumber('2022-12-31') };
    const withoutAreas = (network: ReturnType<typeof scopeNetwork>) => ({ ...network, nodes: network.nodes.map(({ areas: _areas, ...node }) => node) });
    let [areasDiffer, homes] = [false, 0];
    for (const scope of scopes().filter((s) => s.asOf === '2018-01-01')) {
      const early = scopeNetwork(index, scope, span);
      const late = scopeNetwork(index, { ...scope, asOf: '2022-06-30' }, span);
      expect(withoutAreas(late)).toEqual(withoutAreas(early));
      homes += late.homes.size;
      areasDiffer ||= JSON.stringify(late.nodes.map((node) => node.areas)) !== JSON.stringify(early.nodes.map((node) => node.areas));
    }
    expect(areasDiffer).toBe(true);
    expect(homes).toBeGreaterThan(0);
  });

  it('filtered by date in the explorer (dateFilter), the union draws exactly the network of each date, with its degrees', () => {
    // A second membership per actor, so periods overlap, nest and leave gaps.
    const rows = city(11);
    const next = random(99);
    const extra = rows.actors.map((actor, i) => ({ actorId: actor.id, areaId: ['city', 'd1', 'n1', 'n2'][i % 4], since: DAYS[i % 3], until: next() < 0.5 ? null : DAYS[2] }));
    const index = new CollaborationIndex('v', { ...rows, memberships: [...rows.memberships, ...extra] });
    const span = { from: 0, to: dayNumber('2030-12-31') };
    const dates = ['2016-12-31', '2017-03-01', '2018-01-01', '2019-06-30', '2019-07-01', '2021-12-31', '2022-01-01', '2025-01-01'];
    let drawnSomething = false;
    for (const scope of scopes()) {
      const union = scopeNetwork(index, scope, span);
      const filter = new DateFilter(union.nodes, union.edges, scope.membership === 'TOUCHING');
      for (const date of dates) {
        const expected = scopeNetwork(index, { ...scope, asOf: date }, { from: dayNumber(date), to: dayNumber(date) });
        const drawn = filter.at(date);
        expect(union.nodes.filter((_, i) => drawn.nodeVisible[i]).map((node) => node.id)).toEqual(expected.nodes.map((node) => node.id));
        expect(union.edges.filter((_, i) => drawn.edgeVisible[i]).map((edge) => edge.id)).toEqual(expected.edges.map((edge) => edge.id));
        expect([drawn.nodeCount, drawn.edgeCount]).toEqual([expected.nodes.length, expected.edges.length]);
        const partners = new Map<string, Set<string>>();
        for (const edge of expected.edges) {
          partners.set(edge.source, (partners.get(edge.source) ?? new Set()).add(edge.target));
          partners.set(edge.target, (partners.get(edge.target) ?? new Set()).add(edge.source));
        }
        union.nodes.forEach((node, i) => expect(drawn.degree[i]).toBe(drawn.nodeVisible[i] ? (partners.get(node.id)?.size ?? 0) : 0));
        drawnSomething ||= expected.edges.length > 0;
      }
    }
    expect(drawnSomething).toBe(true);
  });

  it('a span’s ties drawn throughout (the explorer’s cached tie layer) are drawn on every day of it, and most of them are', () => {
    const rows = city(11);
    const index = new CollaborationIndex('v', rows);
    const span = { from: 0, to: dayNumber('2030-12-31') };
    const days = ['2016-12-31', '2017-03-01', '2018-01-01', '2019-06-30', '2019-07-01', '2021-12-31', '2022-01-01', '2025-01-01'];
    let [kept, drawnSomewhere] = [0, 0];
    for (const scope of scopes()) {
      const union = scopeNetwork(index, scope, span);
      const filter = new DateFilter(union.nodes, union.edges, scope.membership === 'TOUCHING');
      for (let first = 0; first < days.length; first += 1) {
        for (let last = first; last < days.length; last += 1) {
          const throughout = filter.throughout(days[first], days[last]);
          const each = days.slice(first, last + 1).map((day) => filter.at(day).edgeVisible);
          throughout.forEach((drawn, e) => {
            if (drawn) expect(each.every((visible) => visible[e] === 1)).toBe(true);
          });
          // A one-day span is that day's ties exactly (every membership and tie period is one interval there).
          if (first === last) expect([...throughout]).toEqual([...each[0]]);
          kept += throughout.reduce((sum, drawn) => sum + drawn, 0);
          drawnSomewhere += each[0].reduce((sum, drawn) => sum + drawn, 0);
        }
      }
    }
    expect(kept).toBeGreaterThan(drawnSomewhere / 4);
  });

  it('gives each member its merged membership periods, one open period without an area, none to an outside partner', () => {
    const rows = city(3);
    const a = rows.actors[0].id;
    const index = new CollaborationIndex('v', {
      ...rows,
      memberships: [
        ...rows.memberships.filter((m) => m.actorId !== a),
        { actorId: a, areaId: 'n1', since: 20170301, until: 20190630 },
        { actorId: a, areaId: 'd1', since: 20180101, until: 20200101 },
        { actorId: a, areaId: 'n2', since: 20211231, until: null },
      ],
    });
    const scope: Scope = { areaId: 'd1', asOf: '2022-06-30', kinds: null, sectors: null, minStrength: 1, membership: 'TOUCHING' };
    const union = scopeNetwork(index, scope, { from: 0, to: dayNumber('2030-01-01') });
    expect(union.nodes.find((node) => node.id === a)?.periods).toEqual([
      { start: '2017-03-01', end: '2020-01-01' },
      { start: '2021-12-31', end: null },
    ]);
    expect(union.homes.get(a)).toBe('n1');
    const members = new Set(union.homes.keys());
    for (const node of union.nodes) expect(node.periods.length > 0).toBe(members.has(node.id));
    const whole = scopeNetwork(index, { ...scope, areaId: null, membership: 'WITHIN' }, { from: 0, to: dayNumber('2030-01-01') });
    for (const node of whole.nodes) expect(node.periods).toEqual([{ start: null, end: null }]);
  });

  it('writes days as dates and open ends as null', () => {
    expect(dateOfDay(20210101)).toBe('2021-01-01');
    expect(dateOfDay(99_999_999)).toBeNull();
    expect(dateOfDay(0)).toBeNull();
  });
});
