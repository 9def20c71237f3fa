import { CollaborationIndex, type IndexRows } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import { indexAreaMembers, indexSectorMixing } from '../../../src/analytics/collaborationIndex/indexCounts';
import { indexScopeNetwork } from '../../../src/analytics/collaborationIndex/indexScopeNetwork';
import { helixCoverage } from '../../../src/analytics/measures/helixCoverage';
import { mixingFromCounts } from '../../../src/analytics/measures/sectorMixing';
import { parseScope, type AnalyticsScopeInput } from '../../../src/analytics/scope';
import { COLLABORATION_KINDS, SECTORS } from '../../../src/model';
import { dateOfDay, dayAfter } from '../../../src/timeline/period';
import { sweepSnapshots } from '../../../src/timeline/timelineSweep';

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_DAY = 20210101;
const DAYS = 730;

function dayAt(offset: number): number {
  let day = FIRST_DAY;
  for (let i = 0; i < offset; i += 1) day = dayAfter(day);
  return day;
}

/** A random city: 3 levels of areas, actors with memberships that start, end and come back, ties with dates, kinds, strengths and repeated pairs. */
function randomCity(seed: number): IndexRows {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const date = (): number => dayAt(Math.floor(next() * DAYS));
  const span = (): { since: number | null; until: number | null } => {
    const a = date();
    const b = date();
    const roll = next();
    if (roll < 0.1) return { since: null, until: null };
    if (roll < 0.45) return { since: Math.min(a, b), until: null };
    return { since: Math.min(a, b), until: Math.max(a, b) };
  };
  const areas = [
    { id: 'city', name: 'City', parentIds: [] },
    { id: 'east', name: 'East', parentIds: ['city'] },
    { id: 'west', name: 'West', parentIds: ['city'] },
    { id: 'east-a', name: 'East A', parentIds: ['east'] },
    { id: 'east-b', name: 'East B', parentIds: ['east'] },
    { id: 'west-a', name: 'West A', parentIds: ['west'] },
    { id: 'empty', name: 'Empty', parentIds: ['west'] },
  ];
  const actors = Array.from({ length: 36 }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, sector: pick(SECTORS), name: `Actor ${i}` }));
  const memberships: IndexRows['memberships'][number][] = [];
  for (const actor of actors) {
    const count = Math.floor(next() * 3);
    for (let i = 0; i < count; i += 1) memberships.push({ actorId: actor.id, areaId: pick(['city', 'east', 'west', 'east-a', 'east-b', 'west-a']), ...span() });
  }
  const ties: IndexRows['ties'][number][] = [];
  for (let i = 0; i < 120; i += 1) {
    const source = pick(actors).id;
    const target = pick(actors).id;
    if (source === target) continue;
    ties.push({ source, target, kind: pick(COLLABORATION_KINDS), strength: 1 + Math.floor(next() * 5), ...span() });
    // Now and then a second tie of the same pair, starting the day the first ends.
    const last = ties[ties.length - 1];
    if (next() < 0.15 && last.until !== null) ties.push({ source: target, target: source, kind: pick(COLLABORATION_KINDS), strength: 2, since: dayAfter(last.until), until: null });
  }
  return { actors, areas, memberships, ties };
}

const SCOPES: AnalyticsScopeInput[] = [
  {},
  { areaId: 'east' },
  { areaId: 'east', membership: 'TOUCHING' },
  { areaId: 'east-a', membership: 'TOUCHING', sectors: ['CITIZEN', 'PRIVATE', 'PUBLIC'] },
  { areaId: 'city', kinds: ['FUNDING', 'PARTNERSHIP'], minStrength: 2 },
  { sectors: ['CIVIL_SOCIETY', 'ACADEMIA', 'PUBLIC'], minStrength: 3 },
  { areaId: 'empty' },
];

const pairKeys = (index: CollaborationIndex, input: AnalyticsScopeInput, day: number) => {
  const network = indexScopeNetwork(index, parseScope({ ...input, asOf: dateOfDay(day) }, new Date()));
  return {
    pairs: new Set(network.pairs.map((pair) => [pair.source, pair.target].sort().join('|'))),
    actors: new Set([...network.actors.map((actor) => actor.id), ...network.pairs.flatMap((pair) => [pair.source, pair.target])]),
  };
};

describe('the timeline sweep', () => {
  it.each([1, 2, 3])('gives, on random city %i, the as-of network of every snapshot day and the day-by-day changes between them', (seed) => {
    const index = new CollaborationIndex('v', randomCity(seed));
    // Month ends, plus a day before the data and one after.
    const days = [20201231];
    for (let offset = 0; offset < DAYS; offset += 1) {
      const day = dayAt(offset);
      if (dayAfter(day) % 100 === 1) days.push(day);
    }
    days.push(20230615);
    for (const input of SCOPES) {
      const snapshots = sweepSnapshots(index, parseScope({ ...input, asOf: '2022-01-01' }, new Date()), days);
      let previous = pairKeys(index, input, days[0]);
      let day = days[0];
      snapshots.forEach((snapshot, at) => {
        const scope = parseScope({ ...input, asOf: dateOfDay(snapshot.day) }, new Date());
        const mixing = mixingFromCounts(indexSectorMixing(index, scope));
        expect({ input, day: snapshot.day, sizes: snapshot.sizes }).toEqual({ input, day: snapshot.day, sizes: mixing.sizes });
        expect({ input, day: snapshot.day, ties: snapshot.ties }).toEqual({ input, day: snapshot.day, ties: mixing.ties.flat() });
        // Helix coverage of the scope's own area: its members and the ties with both ends among them.
        const network = indexScopeNetwork(index, scope);
        const row = input.areaId ? indexAreaMembers(index, scope)!.find((area) => area.id === input.areaId)! : { id: 'all', name: 'all', members: network.actors };
        expect(snapshot.memberSizes).toEqual(SECTORS.map((sector) => row.members.filter((member) => member.sector === sector).length));
        const [coverage] = helixCoverage([row], network.pairs);
        const connected = SECTORS.flatMap((a, i) => SECTORS.flatMap((b, j) => (i < j && snapshot.insideTies[i * SECTORS.length + j] > 0 ? [`${a}-${b}`] : [])));
        expect({ input, day: snapshot.day, connected }).toEqual({ input, day: snapshot.day, connected: coverage.connectedPairs.map((pair) => `${pair.sectorA}-${pair.sectorB}`) });
        if (at === 0) return;
        // Day by day since the previous snapshot: pairs and actors that came and went.
        let opened = 0;
        let ended = 0;
        let joined = 0;
        let left = 0;
        while (day < snapshot.day) {
          day = dayAfter(day);
          const now = pairKeys(index, input, day);
          for (const key of now.pairs) if (!previous.pairs.has(key)) opened += 1;
          for (const key of previous.pairs) if (!now.pairs.has(key)) ended += 1;
          for (const id of now.actors) if (!previous.actors.has(id)) joined += 1;
          for (const id of previous.actors) if (!now.actors.has(id)) left += 1;
          previous = now;
        }
        expect({ input, day: snapshot.day, opened: snapshot.opened, ended: snapshot.ended, joined: snapshot.joined, left: snapshot.left }).toEqual({ input, day: snapshot.day, opened, ended, joined, left });
      });
      // The data must actually move, or the comparison proves little.
      const moves = snapshots.slice(1).reduce((sum, snapshot) => sum + snapshot.opened + snapshot.ended + snapshot.joined + snapshot.left, 0);
      if (input === SCOPES[0]) expect(moves).toBeGreaterThan(30);
      if (input === SCOPES[1]) expect(moves).toBeGreaterThan(5);
    }
  });
});
