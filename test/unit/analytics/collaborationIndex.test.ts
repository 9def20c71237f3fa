import { CollaborationIndex, dayNumber, type IndexRows } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import { indexAreaMembers, indexAreaSectorCounts, indexSectorMixing } from '../../../src/analytics/collaborationIndex/indexCounts';
import { indexPartnerTable } from '../../../src/analytics/collaborationIndex/indexPartnerTable';
import { PartnerTable } from '../../../src/analytics/measures/partnerTable';
import { indexScopeNetwork } from '../../../src/analytics/collaborationIndex/indexScopeNetwork';
import { indexHelixCoverage } from '../../../src/analytics/collaborationIndex/indexHelixCoverage';
import { helixCoverage } from '../../../src/analytics/measures/helixCoverage';
import { citizensPerArea } from '../../../src/analytics/suppression/helixCoverageView';
import { mixingFromCounts } from '../../../src/analytics/measures/sectorMixing';
import type { Scope } from '../../../src/analytics/scope';
import { COLLABORATION_KINDS, SECTORS, type Sector } from '../../../src/model';

/**
 * The index's counts and scope network against a plain, slow reading of the scope rules of
 * docs/analytics.md, on random cities: every kind of scope, three dates, kinds,
 * sectors, strengths, ended ties and memberships, several ties per pair, actors
 * in two areas, an area with two parents.
 */

const DATES = ['2017-03-01', '2019-06-30', '2021-12-31', null] as const;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rows = { [K in keyof IndexRows]: Array<IndexRows[K][number]> };

function randomCity(seed: number): Rows {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const interval = () => {
    const since = pick(DATES.slice(0, 3));
    const until = next() < 0.7 ? null : pick(DATES.slice(0, 3).filter((date) => date! >= since!));
    return { since: dayNumber(since!), until: until ? dayNumber(until) : null };
  };
  const areas = [
    { id: 'city', name: 'City', parentIds: [] },
    { id: 'd1', name: 'D1', parentIds: ['city'] },
    { id: 'd2', name: 'D2', parentIds: ['city'] },
    { id: 'n1', name: 'N1', parentIds: ['d1'] },
    { id: 'n2', name: 'N2', parentIds: ['d1', 'd2'] },
    { id: 'n3', name: 'N3', parentIds: ['d2'] },
    { id: 'empty', name: 'Empty', parentIds: ['d2'] },
  ];
  // Listed in no particular order: the index numbers actors in id order itself.
  const actors = Array.from({ length: 40 }, (_, i) => ({ id: `a${String((i * 17) % 40).padStart(2, '0')}`, sector: pick(SECTORS), name: `Actor ${i}` }));
  const memberships = actors.flatMap((actor) =>
    Array.from({ length: 1 + Math.floor(next() * 2) }, () => ({ actorId: actor.id, areaId: pick(['city', 'd1', 'd2', 'n1', 'n2', 'n3']), ...interval() })),
  );
  const ties = Array.from({ length: 90 }, () => {
    const a = pick(actors).id;
    const b = pick(actors.filter((actor) => actor.id !== a)).id;
    const [source, target] = a < b ? [a, b] : [b, a];
    return { source, target, kind: pick(COLLABORATION_KINDS), strength: 1 + Math.floor(next() * 5), ...interval() };
  });
  return { actors, areas, memberships, ties };
}

/** The scope rules read literally from the rows. */
function reference(rows: Rows, scope: Scope) {
  const day = dayNumber(scope.asOf);
  const active = (item: { since: number | null; until: number | null }) => item.since !== null && item.since <= day && (item.until === null || item.until >= day);
  const sectorOf = new Map(rows.actors.map((actor) => [actor.id, actor.sector]));
  const allowed = (id: string) => !scope.sectors || scope.sectors.includes(sectorOf.get(id)!);
  const subtree = (root: string): Set<string> => {
    const found = new Set([root]);
    for (const id of found) for (const area of rows.areas) if (area.parentIds.includes(id)) found.add(area.id);
    return found;
  };
  const activeIn = (areas: Set<string>) =>
    new Set(rows.memberships.filter((m) => areas.has(m.areaId) && active(m) && allowed(m.actorId)).map((m) => m.actorId));
  const members = scope.areaId === null ? new Set(rows.actors.map((a) => a.id).filter(allowed)) : activeIn(subtree(scope.areaId));
  const pairs = new Map<string, [string, string]>();
  const outsiders = new Set<string>();
  const network = new Map<string, { source: string; target: string; strength: number; kinds: Set<string>; ties: number }>();
  for (const tie of rows.ties) {
    if (!active(tie) || tie.strength < scope.minStrength || (scope.kinds && !scope.kinds.includes(tie.kind))) continue;
    if (!allowed(tie.source) || !allowed(tie.target)) continue;
    const inside = [tie.source, tie.target].filter((id) => members.has(id));
    if (inside.length === 0 || (inside.length === 1 && scope.membership !== 'TOUCHING')) continue;
    if (inside.length === 1) outsiders.add(inside[0] === tie.source ? tie.target : tie.source);
    pairs.set(`${tie.source}|${tie.target}`, [tie.source, tie.target]);
    // Inside the scope a pair runs from the smaller id; with an outsider, from the member.
    const [source, target] = inside.length === 2 || inside[0] === tie.source ? [tie.source, tie.target] : [tie.target, tie.source];
    const pair = network.get(`${source}|${target}`) ?? { source, target, strength: 0, kinds: new Set<string>(), ties: 0 };
    pair.strength = Math.max(pair.strength, tie.strength);
    pair.kinds.add(tie.kind);
    pair.ties += 1;
    network.set(`${source}|${target}`, pair);
  }
  const nameOf = new Map(rows.actors.map((actor) => [actor.id, actor.name]));
  const networkPairs = [...network.values()]
    .sort((a, b) => (a.source !== b.source ? (a.source < b.source ? -1 : 1) : a.target < b.target ? -1 : 1))
    .map((pair) => ({
      source: pair.source,
      target: pair.target,
      sourceSector: sectorOf.get(pair.source),
      targetSector: sectorOf.get(pair.target),
      sourceName: nameOf.get(pair.source),
      targetName: nameOf.get(pair.target),
      strength: pair.strength,
      kinds: [...pair.kinds].sort(),
      ties: pair.ties,
    }));
  const counts = (ids: Iterable<string>) => {
    const out = SECTORS.map(() => 0);
    for (const id of ids) out[SECTORS.indexOf(sectorOf.get(id)!)] += 1;
    return out;
  };
  const mixing = {
    sizes: SECTORS.map((sector, k) => ({ sector, actors: counts([...members, ...outsiders])[k] })),
    pairs: [...pairs.values()].map(([a, b]) => ({ sourceSector: sectorOf.get(a)!, targetSector: sectorOf.get(b)!, pairs: 1 })),
  };
  const partnersOf = (id: string) => [...pairs.values()].filter((pair) => pair.includes(id)).map(([a, b]) => (a === id ? b : a));
  const partners = [...members].sort().map((id) => ({
    id,
    sector: sectorOf.get(id) as Sector,
    counts: counts(partnersOf(id)),
    outsideIds: partnersOf(id).filter((other) => !members.has(other)).sort(),
  }));
  const areaIds = scope.areaId === null ? rows.areas.map((area) => area.id) : [...subtree(scope.areaId)];
  const areas = areaIds.sort().map((id) => ({ id, name: rows.areas.find((area) => area.id === id)!.name, counts: counts(activeIn(subtree(id))) }));
  const areaMembers = areaIds.map((id) => ({
    id,
    name: rows.areas.find((area) => area.id === id)!.name,
    members: [...activeIn(subtree(id))].sort().map((actor) => ({ id: actor, sector: sectorOf.get(actor) })),
  }));
  const actors = [...members].sort().map((id) => ({ id, sector: sectorOf.get(id), name: nameOf.get(id) }));
  return { mixing: mixingFromCounts(mixing), partners, areas, areaMembers, network: { actors, pairs: networkPairs } };
}

function scopes(): Scope[] {
  const out: Scope[] = [];
  for (const areaId of [null, 'city', 'd1', 'd2', 'n2', 'empty']) {
    for (const asOf of ['2016-01-01', '2019-06-30', '2020-01-01', '2022-06-01']) {
      for (const membership of areaId ? (['WITHIN', 'TOUCHING'] as const) : (['WITHIN'] as const)) {
        out.push({ areaId, asOf, kinds: null, sectors: null, minStrength: 1, membership });
        out.push({ areaId, asOf, kinds: ['FUNDING', 'PARTNERSHIP'], sectors: null, minStrength: 1, membership });
        out.push({ areaId, asOf, kinds: null, sectors: ['CITIZEN', 'PUBLIC', 'PRIVATE'], minStrength: 3, membership });
      }
    }
  }
  return out;
}

/** A partner table as members and each row's counts by id: an outsider's counts come from the rows that name it. */
const countsById = (table: PartnerTable) => ({ members: table.members, counts: new Map(table.ids.map((id, row) => [id, Array.from(table.countsOf(row))])) });

describe('CollaborationIndex counts', () => {
  it.each([1, 2, 3, 4, 5])('equal the scope rules read literally, random city %i', (seed) => {
    const rows = randomCity(seed);
    const index = new CollaborationIndex('v', rows);
    let nonEmpty = 0;
    for (const scope of scopes()) {
      const expected = reference(rows, scope);
      const partners = countsById(indexPartnerTable(index, scope));
      expect({ scope, mixing: mixingFromCounts(indexSectorMixing(index, scope)) }).toEqual({ scope, mixing: expected.mixing });
      expect({ scope, partners }).toEqual({ scope, partners: countsById(PartnerTable.fromRows(expected.partners)) });
      expect({ scope, areas: indexAreaSectorCounts(index, scope) }).toEqual({ scope, areas: expected.areas });
      expect({ scope, areaMembers: indexAreaMembers(index, scope) }).toEqual({ scope, areaMembers: expected.areaMembers });
      const network = indexScopeNetwork(index, scope);
      expect({ scope, network: { actors: network.actors, pairs: network.pairs.map((pair) => ({ ...pair, kinds: [...pair.kinds].sort() })) } }).toEqual({
        scope,
        network: expected.network,
      });
      if (expected.mixing.totalTies > 0) nonEmpty += 1;
    }
    // The random cities must exercise the counting, not just empty scopes.
    expect(nonEmpty).toBeGreaterThan(scopes().length / 2);
  });

  it.each([1, 2, 3, 4, 5])('give the helix coverage the measure gives on the scope network, random city %i', (seed) => {
    const rows = randomCity(seed);
    const index = new CollaborationIndex('v', rows);
    let covered = 0;
    for (const scope of scopes()) {
      const areas = indexAreaMembers(index, scope) ?? [];
      const expected = { areas: helixCoverage(areas, indexScopeNetwork(index, scope).pairs), citizensInArea: citizensPerArea(areas) };
      expect({ scope, coverage: indexHelixCoverage(index, scope) }).toEqual({ scope, coverage: expected });
      covered += expected.areas.filter((row) => row.connectedPairs.length > 0).length;
    }
    // The random cities must connect sector pairs in many areas, not only leave them missing.
    expect(covered).toBeGreaterThan(scopes().length / 2);
  });

  it('holds each tie under both ends and turns dates into comparable day numbers', () => {
    const index = new CollaborationIndex('v', {
      actors: [
        { id: 'x', sector: 'PUBLIC', name: 'X' },
        { id: 'y', sector: 'CITIZEN', name: 'Y' },
      ],
      areas: [],
      memberships: [],
      ties: [{ source: 'x', target: 'y', kind: 'SERVICE', strength: 2, since: 20200101, until: null }],
    });
    expect(index.tieCount).toBe(1);
    expect(Array.from(index.adjStart)).toEqual([0, 1, 2]);
    expect(Array.from(index.adjOther)).toEqual([1, 0]);
    expect(dayNumber('2020-01-31')).toBe(20200131);
    expect(dayNumber('2019-12-31') < dayNumber('2020-01-01')).toBe(true);
  });

  it('refuses rows that name an unknown actor, area, sector or kind', () => {
    const actors = [{ id: 'x', sector: 'PUBLIC' as const, name: 'X' }];
    expect(() => new CollaborationIndex('v', { actors, areas: [], memberships: [{ actorId: 'x', areaId: 'nowhere', since: 1, until: null }], ties: [] })).toThrow(/unknown area nowhere/);
    expect(
      () => new CollaborationIndex('v', { actors, areas: [], memberships: [], ties: [{ source: 'x', target: 'ghost', kind: 'SERVICE', strength: 1, since: 1, until: null }] }),
    ).toThrow(/unknown actor ghost/);
    expect(() => new CollaborationIndex('v', { actors: [{ id: 'x', sector: 'MARS' as Sector, name: 'X' }], areas: [], memberships: [], ties: [] })).toThrow(/unknown sector MARS/);
  });
});
