import { CollaborationIndexStore } from '../../src/analytics/collaborationIndex/collaborationIndexStore';
import { Rng } from '../../src/seed/generator/random';
import { silentLogger } from '../../src/logger';
import { canonicalIndex } from '../unit/analytics/indexCanonical';
import { ADD_TIE, CREATE_ACTOR, createAreas } from '../helpers/fixtures';
import { useTestApi } from '../helpers/testApi';

/**
 * The collaboration index follows writes (collaborationIndexStore.ts): after
 * random sequences of real mutations (actors created, renamed and deleted;
 * ties added, ended and removed; areas joined and left; an initiative; a citizen
 * erased) the index the store brings up to date must equal an index built
 * afresh from the database, and it must get there by applying the change log,
 * not by rebuilding, except where the log asks for a rebuild (erasure).
 */
const api = useTestApi({ analyticsIndex: true });

const AREAS = ['city', 'oster', 'soder', 'rosengard', 'herrgarden', 'holma'];
const KINDS = ['ASSOCIATION', 'COMPANY', 'CITY_DEPARTMENT', 'ACADEMIC_INSTITUTION', 'CITIZEN'] as const;
const TIE_KINDS = ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'];
const DATES = ['2016-01-01', '2019-06-30', '2022-03-15'];

/** A seeded stream of numbers in [0, 1) (the generator's mulberry32). */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

interface World {
  actors: Array<{ id: string; citizen: boolean }>;
  ties: string[];
  created: number;
}

async function createActor(world: World, kind: (typeof KINDS)[number], areaId: string | null): Promise<void> {
  world.created += 1;
  const id = `w${String(world.created).padStart(3, '0')}`;
  const input: Record<string, unknown> = { id, kind, name: kind === 'CITIZEN' ? null : `Org ${id}`, synthetic: true };
  if (kind === 'CITIZEN') input.consent = { given: true, date: '2020-01-01', purpose: 'test' };
  if (areaId) input.areas = [{ areaId, since: '2015-01-01' }];
  await api.ok(CREATE_ACTOR, { input });
  world.actors.push({ id, citizen: kind === 'CITIZEN' });
}

/** One random mutation; some are refused (an overlapping tie, nothing to leave): a refused write writes nothing. */
async function randomWrite(world: World, next: () => number): Promise<string> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const actor = pick(world.actors);
  const roll = next();
  if (roll < 0.12) {
    await createActor(world, pick(KINDS), next() < 0.7 ? pick(AREAS) : null);
    return 'createActor';
  }
  if (roll < 0.4) {
    const partner = pick(world.actors.filter((other) => other.id !== actor.id));
    const result = await api.run<{ addCollaboration: { id: string } }>(ADD_TIE, {
      input: { actorId: actor.id, partnerId: partner.id, kind: pick(TIE_KINDS), since: pick(DATES), strength: 1 + Math.floor(next() * 5), source: 'test' },
    });
    if (result.data?.addCollaboration) world.ties.push(result.data.addCollaboration.id);
    return 'addCollaboration';
  }
  if (roll < 0.5 && world.ties.length > 0) {
    await api.run('mutation($id: ID!) { endCollaboration(id: $id, until: "2023-01-01") { id } }', { id: pick(world.ties) });
    return 'endCollaboration';
  }
  if (roll < 0.58 && world.ties.length > 0) {
    const id = world.ties.splice(Math.floor(next() * world.ties.length), 1)[0];
    await api.ok('mutation($id: ID!) { removeCollaboration(id: $id) { deleted } }', { id });
    return 'removeCollaboration';
  }
  if (roll < 0.7) {
    await api.run('mutation($actorId: ID!, $input: AreaMembershipInput!) { joinArea(actorId: $actorId, input: $input) { since } }', {
      actorId: actor.id,
      input: { areaId: pick(AREAS), since: pick(DATES) },
    });
    return 'joinArea';
  }
  if (roll < 0.8) {
    await api.run('mutation($actorId: ID!, $areaId: ID!) { leaveArea(actorId: $actorId, areaId: $areaId, until: "2024-01-01") { until } }', { actorId: actor.id, areaId: pick(AREAS) });
    return 'leaveArea';
  }
  if (roll < 0.88 && !actor.citizen) {
    await api.ok('mutation($id: ID!, $name: String) { updateActor(id: $id, input: { name: $name }) { id } }', { id: actor.id, name: `Renamed ${world.created}` });
    return 'updateActor';
  }
  if (roll < 0.94 && !actor.citizen && world.actors.length > 6) {
    await api.ok('mutation($id: ID!) { deleteActor(id: $id) { deleted } }', { id: actor.id });
    world.actors.splice(world.actors.indexOf(actor), 1);
    return 'deleteActor';
  }
  await api.ok('mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }', {
    input: { name: `Initiative ${world.created++}`, kind: 'PROJECT', startDate: '2020-01-01' },
  });
  return 'createInitiative';
}

async function freshBuild() {
  const store = new CollaborationIndexStore({ db: api.db, logger: silentLogger });
  const index = await store.refresh();
  await store.close();
  return index;
}

describe('the collaboration index follows writes', () => {
  it.each([11, 12])('equals a fresh build after every batch of a random write sequence, by applying the change log (seed %i)', async (seed) => {
    await api.wipe();
    await createAreas(api);
    const next = random(seed);
    const world: World = { actors: [], ties: [], created: 0 };
    for (let i = 0; i < 8; i += 1) await createActor(world, KINDS[i % KINDS.length], AREAS[i % AREAS.length]);
    const store = api.index!;
    expect(await store.refresh()).not.toBeNull();
    let followed = 0;
    const done: string[] = [];
    for (let batch = 0; batch < 12; batch += 1) {
      const writes = 1 + Math.floor(next() * 4);
      for (let write = 0; write < writes; write += 1) done.push(await randomWrite(world, next));
      const before = store.lastFollow;
      const index = await store.refresh();
      if (store.lastFollow !== before) followed += 1;
      const fresh = await freshBuild();
      expect(index?.version).toBe(fresh?.version);
      expect({ batch, index: canonicalIndex(index!) }).toEqual({ batch, index: canonicalIndex(fresh!) });
    }
    // Every batch was applied from the log: no write in it asks for a rebuild.
    expect(followed).toBe(12);
    expect(new Set(done).size).toBeGreaterThanOrEqual(6);
  });

  it('rebuilds after an erasure, and the change log keeps no trace of the erased citizen', async () => {
    await api.wipe();
    await createAreas(api);
    const world: World = { actors: [], ties: [], created: 0 };
    for (const kind of ['ASSOCIATION', 'CITIZEN', 'COMPANY'] as const) await createActor(world, kind, 'rosengard');
    const citizen = world.actors[1].id;
    await api.ok(ADD_TIE, { input: { actorId: citizen, partnerId: world.actors[0].id, kind: 'PARTNERSHIP', since: '2016-01-01', source: 'test' } });
    await api.ok('mutation($id: ID!) { joinArea(actorId: $id, input: { areaId: "holma", since: "2018-01-01" }) { since } }', { id: citizen });
    const store = api.index!;
    await store.refresh();
    await api.ok('mutation($id: ID!) { eraseCitizen(id: $id) { ties } }', { id: citizen });
    const built = store.lastBuildMs;
    const followedBefore = store.lastFollow;
    const index = await store.refresh();
    expect(store.lastFollow).toBe(followedBefore);
    expect(store.lastBuildMs).not.toBe(built);
    expect(index!.actorIds).not.toContain(citizen);
    expect(canonicalIndex(index!)).toEqual(canonicalIndex((await freshBuild())!));
    expect(await api.db.readRows('privacy/trace', { text: citizen })).toEqual([]);
  });
});
