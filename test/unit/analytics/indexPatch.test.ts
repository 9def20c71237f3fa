import { CollaborationIndex, dayNumber } from '../../../src/analytics/collaborationIndex/collaborationIndex';
import { Rng } from '../../../src/seed/generator/random';
import type { IndexRows, MembershipRow, TieRow } from '../../../src/analytics/collaborationIndex/indexColumns';
import { patchIndex } from '../../../src/analytics/collaborationIndex/indexPatch';
import { COLLABORATION_KINDS, SECTORS, type Sector } from '../../../src/model';
import { canonicalIndex } from './indexCanonical';

/**
 * Applying changes to an index (indexPatch.ts) against building the index anew
 * from the changed rows: random sequences of writes on random cities (actors
 * created, renamed, re-sectored and deleted; ties added, ended and deleted, also
 * several between one pair; memberships joined and ended), patched in batches of
 * 1 to 5 writes as the store does, must give exactly the fresh build each time.
 */

/** A seeded stream of numbers in [0, 1) (the generator's mulberry32). */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

interface City {
  actors: Map<string, { id: string; sector: Sector; name: string }>;
  areas: IndexRows['areas'];
  memberships: MembershipRow[];
  ties: TieRow[];
}

const rowsOf = (city: City): IndexRows => ({ actors: [...city.actors.values()], areas: city.areas, memberships: city.memberships, ties: city.ties });

/** One random write; returns the actor ids it touched (one end of a tie is enough). */
function randomWrite(city: City, next: () => number, counter: { value: number }): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const ids = [...city.actors.keys()];
  const day = () => pick([20180101, 20200615, 20221231]);
  const kind = next();
  counter.value += 1;
  if (kind < 0.15 || ids.length < 3) {
    const id = `n${String(counter.value).padStart(4, '0')}${next() < 0.5 ? 'a' : ''}`;
    city.actors.set(id, { id, sector: pick(SECTORS), name: `New ${counter.value}` });
    return [id];
  }
  const actor = pick(ids);
  if (kind < 0.22) {
    const old = city.actors.get(actor)!;
    city.actors.set(actor, { ...old, name: `Renamed ${counter.value}`, sector: pick(SECTORS) });
    return [actor];
  }
  if (kind < 0.3) {
    city.actors.delete(actor);
    city.memberships = city.memberships.filter((m) => m.actorId !== actor);
    city.ties = city.ties.filter((t) => t.source !== actor && t.target !== actor);
    return [actor];
  }
  if (kind < 0.55) {
    const other = pick(ids.filter((id) => id !== actor));
    city.ties.push({ id: `t${counter.value}`, source: actor, target: other, kind: pick(COLLABORATION_KINDS), strength: 1 + Math.floor(next() * 5), since: day(), until: null });
    return [next() < 0.5 ? actor : other];
  }
  if (kind < 0.7 && city.ties.length > 0) {
    const at = Math.floor(next() * city.ties.length);
    const tie = city.ties[at];
    if (next() < 0.5) city.ties.splice(at, 1);
    else city.ties[at] = { ...tie, until: 20230101 };
    return [next() < 0.5 ? tie.source : tie.target];
  }
  if (kind < 0.85) {
    city.memberships.push({ actorId: actor, areaId: pick(city.areas).id, since: day(), until: null });
    return [actor];
  }
  const open = city.memberships.filter((m) => m.actorId === actor && m.until === null);
  if (open.length > 0) open[0].until = 20240101;
  return [actor];
}

function randomCity(next: () => number): City {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const areas = [
    { id: 'city', name: 'City', parentIds: [] },
    { id: 'd1', name: 'D1', parentIds: ['city'] },
    { id: 'd2', name: 'D2', parentIds: ['city'] },
    { id: 'n1', name: 'N1', parentIds: ['d1', 'd2'] },
  ];
  const actors = new Map(Array.from({ length: 30 }, (_, i) => [`a${String(i).padStart(2, '0')}`, { id: `a${String(i).padStart(2, '0')}`, sector: pick(SECTORS), name: `Actor ${i}` }]));
  const ids = [...actors.keys()];
  const memberships = ids.map((actorId) => ({ actorId, areaId: pick(areas).id, since: dayNumber('2019-01-01'), until: null }));
  const ties = Array.from({ length: 60 }, (_, i) => {
    const source = pick(ids);
    return { id: `s${i}`, source, target: pick(ids.filter((id) => id !== source)), kind: pick(COLLABORATION_KINDS), strength: 1 + Math.floor(next() * 5), since: 20190101, until: null };
  });
  return { actors, areas, memberships, ties };
}

describe('patchIndex', () => {
  it.each([1, 2, 3, 4, 5, 6])('equals a fresh build after every batch of random writes (seed %i)', (seed) => {
    const next = random(seed);
    const city = randomCity(next);
    let index = new CollaborationIndex('e:0', rowsOf(city));
    const counter = { value: 0 };
    for (let batch = 1; batch <= 40; batch += 1) {
      const touched = new Set<string>();
      const writes = 1 + Math.floor(next() * 5);
      for (let write = 0; write < writes; write += 1) for (const id of randomWrite(city, next, counter)) touched.add(id);
      const rows = rowsOf(city);
      index = patchIndex(index, `e:${batch}`, {
        actorIds: touched,
        actors: rows.actors.filter((actor) => touched.has(actor.id)),
        memberships: rows.memberships.filter((m) => touched.has(m.actorId)),
        ties: rows.ties.filter((tie) => touched.has(tie.source) || touched.has(tie.target)),
      });
      expect(index.version).toBe(`e:${batch}`);
      expect(canonicalIndex(index)).toEqual(canonicalIndex(new CollaborationIndex(`e:${batch}`, rows)));
    }
  });

  it('keeps the older index as it was: a request holding it still sees its version', () => {
    const next = random(9);
    const city = randomCity(next);
    const old = new CollaborationIndex('e:0', rowsOf(city));
    const before = canonicalIndex(old);
    const counter = { value: 0 };
    const touched = new Set(randomWrite(city, next, counter));
    const rows = rowsOf(city);
    patchIndex(old, 'e:1', {
      actorIds: touched,
      actors: rows.actors.filter((actor) => touched.has(actor.id)),
      memberships: rows.memberships.filter((m) => touched.has(m.actorId)),
      ties: rows.ties.filter((tie) => touched.has(tie.source) || touched.has(tie.target)),
    });
    expect(canonicalIndex(old)).toEqual(before);
  });
});
