import { createTestApi, type TestApi } from '../helpers/testApi';

let api: TestApi;

/** A star of `size` actors in one area, each tied to a hub and active in the area. */
async function buildNetwork(size: number): Promise<void> {
  await api.wipe();
  await api.ok(`mutation { createArea(input: { id: "c", name: "City", level: CITY }) { id } }`);
  await api.ok(`mutation { createInitiative(input: { id: "i", name: "Init", kind: PROJECT, startDate: "2020-01-01" }) { id } }`);
  await api.ok(`mutation { createActor(input: { id: "hub", kind: CITY_DEPARTMENT, name: "Hub" }) { id } }`);
  for (let i = 0; i < size; i++) {
    const id = `n${String(i).padStart(3, '0')}`;
    await api.ok(`mutation($id: ID!, $name: String!) { createActor(input: { id: $id, kind: ASSOCIATION, name: $name, areas: [{ areaId: "c", since: "2020-01-01" }] }) { id } }`, { id, name: id });
    await api.ok(`mutation($id: ID!) { addCollaboration(input: { actorId: $id, partnerId: "hub", kind: PARTNERSHIP, since: "2020-01-01", initiativeId: "i", source: "t" }) { id } }`, { id });
    await api.ok(`mutation($id: ID!) { joinInitiative(input: { actorId: $id, initiativeId: "i", role: PARTICIPANT, since: "2020-01-01" }) { role } }`, { id });
  }
}

const NESTED = `{
  actors(first: 100, filter: { kinds: [ASSOCIATION] }) {
    nodes {
      name
      areas { area { name parent { name } children { name } } }
      initiatives { role initiative { name participants { role } } }
      collaborations(first: 5) {
        totalCount
        edges { partner { name areas { since } } node { kind initiative { name } actors { id } } }
      }
    }
  }
}`;

describe('no N+1', () => {
  it('makes the same number of round trips for 10 and for 100 actors', async () => {
    api = await createTestApi();
    try {
      await buildNetwork(10);
      const small = await api.run<{ actors: { nodes: unknown[] } }>(NESTED);
      expect(small.errors).toBeUndefined();
      expect(small.data?.actors.nodes).toHaveLength(10);
      await buildNetwork(100);
      const large = await api.run<{ actors: { nodes: unknown[] } }>(NESTED);
      expect(large.errors).toBeUndefined();
      expect(large.data?.actors.nodes).toHaveLength(100);
      expect(large.queries.length).toBe(small.queries.length);
      // One statement per field level, not per actor.
      expect(large.queries.length).toBeLessThanOrEqual(12);
    } finally {
      await api.wipe();
      await api.close();
    }
  });
});
