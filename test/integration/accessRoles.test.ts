import { useTestApi, codesOf } from '../helpers/testApi';
import { principal } from '../helpers/principals';
import { buildSchema } from '../../src/schema/buildSchema';
import type { Role } from '../../src/auth/roles';
import type { Principal } from '../../src/auth/principal';

/**
 * The role matrix: every mutation under every role, allowed or FORBIDDEN, and a
 * refused call writes nothing (the graph version, bumped by every write, stays).
 */
const api = useTestApi();
const ROLES: Role[] = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'];

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** Organisations the EDITOR of this case works for. */
  organisations: string[];
}

let serial = 0;
const fresh = (prefix: string) => `${prefix}-${++serial}`;

async function organisation(id = fresh('org')): Promise<string> {
  await api.ok(`mutation($id: ID!) { createActor(input: { id: $id, kind: ASSOCIATION, name: "Test organisation", synthetic: true }) { id } }`, { id });
  return id;
}

async function citizenOf(org: string): Promise<string> {
  const id = fresh('cit');
  await api.ok(
    `mutation($id: ID!, $org: ID!) { createActor(input: { id: $id, kind: CITIZEN, name: "Testperson", registeredBy: $org, synthetic: true, consent: { given: true, purpose: "test" } }) { id } }`,
    { id, org },
  );
  return id;
}

async function tieBetween(a: string, b: string): Promise<string> {
  const id = fresh('tie');
  await api.ok(`mutation($id: ID!, $a: ID!, $b: ID!) { addCollaboration(input: { id: $id, actorId: $a, partnerId: $b, kind: PARTNERSHIP, since: "2020-01-01", source: "test" }) { id } }`, { id, a, b });
  return id;
}

async function area(): Promise<string> {
  const id = fresh('area');
  await api.ok(`mutation($id: ID!) { createArea(input: { id: $id, name: "Test area", level: CITY }) { id } }`, { id });
  return id;
}

async function initiative(): Promise<string> {
  const id = fresh('init');
  await api.ok(`mutation($id: ID!) { createInitiative(input: { id: $id, name: "Test initiative", kind: PROJECT, startDate: "2020-01-01" }) { id } }`, { id });
  return id;
}

/** For each mutation: the least role, and how to make a call that would succeed for it. */
const CASES: Record<string, { least: Role; prepare: (role: Role) => Promise<Call> }> = {
  _noop: { least: 'ADMIN', prepare: async () => ({ query: 'mutation { _noop }', organisations: [] }) },
  createActor: {
    least: 'EDITOR',
    prepare: async () => {
      const org = await organisation();
      return {
        query: `mutation($id: ID!, $org: ID!) { createActor(input: { id: $id, kind: CITIZEN, registeredBy: $org, consent: { given: true, purpose: "test" } }) { id } }`,
        variables: { id: fresh('cit'), org },
        organisations: [org],
      };
    },
  },
  updateActor: {
    least: 'EDITOR',
    prepare: async () => {
      const org = await organisation();
      return { query: `mutation($id: ID!) { updateActor(id: $id, input: { description: "changed" }) { id } }`, variables: { id: org }, organisations: [org] };
    },
  },
  deleteActor: {
    least: 'EDITOR',
    prepare: async () => {
      const org = await organisation();
      return { query: `mutation($id: ID!) { deleteActor(id: $id) { deleted } }`, variables: { id: org }, organisations: [org] };
    },
  },
  joinArea: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, areaId] = [await organisation(), await area()];
      return { query: `mutation($id: ID!, $area: ID!) { joinArea(actorId: $id, input: { areaId: $area, since: "2020-01-01" }) { since } }`, variables: { id: org, area: areaId }, organisations: [org] };
    },
  },
  leaveArea: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, areaId] = [await organisation(), await area()];
      await api.ok(`mutation($id: ID!, $area: ID!) { joinArea(actorId: $id, input: { areaId: $area, since: "2020-01-01" }) { since } }`, { id: org, area: areaId });
      return { query: `mutation($id: ID!, $area: ID!) { leaveArea(actorId: $id, areaId: $area, until: "2021-01-01") { until } }`, variables: { id: org, area: areaId }, organisations: [org] };
    },
  },
  createArea: { least: 'ADMIN', prepare: async () => ({ query: `mutation($id: ID!) { createArea(input: { id: $id, name: "New", level: CITY }) { id } }`, variables: { id: fresh('area') }, organisations: [] }) },
  updateArea: { least: 'ADMIN', prepare: async () => ({ query: `mutation($id: ID!) { updateArea(id: $id, input: { name: "Renamed" }) { id } }`, variables: { id: await area() }, organisations: [] }) },
  deleteArea: { least: 'ADMIN', prepare: async () => ({ query: `mutation($id: ID!) { deleteArea(id: $id) { deleted } }`, variables: { id: await area() }, organisations: [] }) },
  createInitiative: {
    least: 'ADMIN',
    prepare: async () => ({ query: `mutation($id: ID!) { createInitiative(input: { id: $id, name: "New", kind: EVENT, startDate: "2021-01-01" }) { id } }`, variables: { id: fresh('init') }, organisations: [] }),
  },
  updateInitiative: { least: 'ADMIN', prepare: async () => ({ query: `mutation($id: ID!) { updateInitiative(id: $id, input: { name: "Renamed" }) { id } }`, variables: { id: await initiative() }, organisations: [] }) },
  deleteInitiative: { least: 'ADMIN', prepare: async () => ({ query: `mutation($id: ID!) { deleteInitiative(id: $id) { deleted } }`, variables: { id: await initiative() }, organisations: [] }) },
  joinInitiative: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, init] = [await organisation(), await initiative()];
      return { query: `mutation($a: ID!, $i: ID!) { joinInitiative(input: { actorId: $a, initiativeId: $i, role: PARTNER, since: "2020-02-01" }) { role } }`, variables: { a: org, i: init }, organisations: [org] };
    },
  },
  leaveInitiative: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, init] = [await organisation(), await initiative()];
      await api.ok(`mutation($a: ID!, $i: ID!) { joinInitiative(input: { actorId: $a, initiativeId: $i, role: PARTNER, since: "2020-02-01" }) { role } }`, { a: org, i: init });
      return { query: `mutation($a: ID!, $i: ID!) { leaveInitiative(actorId: $a, initiativeId: $i, until: "2021-01-01") { until } }`, variables: { a: org, i: init }, organisations: [org] };
    },
  },
  addCollaboration: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, other] = [await organisation(), await organisation()];
      return {
        query: `mutation($a: ID!, $b: ID!) { addCollaboration(input: { actorId: $a, partnerId: $b, kind: FUNDING, since: "2020-01-01", source: "test" }) { id } }`,
        variables: { a: org, b: other },
        organisations: [org],
      };
    },
  },
  endCollaboration: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, other] = [await organisation(), await organisation()];
      return { query: `mutation($id: ID!) { endCollaboration(id: $id, until: "2022-01-01") { until } }`, variables: { id: await tieBetween(org, other) }, organisations: [org] };
    },
  },
  removeCollaboration: {
    least: 'EDITOR',
    prepare: async () => {
      const [org, other] = [await organisation(), await organisation()];
      return { query: `mutation($id: ID!) { removeCollaboration(id: $id) { deleted } }`, variables: { id: await tieBetween(org, other) }, organisations: [org] };
    },
  },
  eraseCitizen: {
    least: 'ADMIN',
    prepare: async () => ({ query: `mutation($id: ID!) { eraseCitizen(id: $id) { erasureId } }`, variables: { id: await citizenOf(await organisation()) }, organisations: [] }),
  },
  withdrawConsent: {
    least: 'EDITOR',
    prepare: async () => {
      const org = await organisation();
      return { query: `mutation($id: ID!) { withdrawConsent(citizenId: $id) { erasureId } }`, variables: { id: await citizenOf(org) }, organisations: [org] };
    },
  },
  issuePartnershipReport: {
    least: 'ANALYST',
    prepare: async () => ({ query: `mutation { issuePartnershipReport(period: "2021-Q1") { areaName } }`, organisations: [] }),
  },
  createApiKey: {
    least: 'ADMIN',
    prepare: async () => ({ query: `mutation { createApiKey(input: { name: "matrix", role: VIEWER }) { key } }`, organisations: [] }),
  },
  startAnalysis: {
    least: 'ANALYST',
    prepare: async () => ({ query: `mutation { startAnalysis(field: BROKERS, arguments: { first: 1, betweenness: { method: SAMPLED, epsilon: 0.5 } }) { id } }`, organisations: [] }),
  },
  cancelAnalysis: {
    least: 'ANALYST',
    // A job is visible to its starter only (and ADMIN): the caller of each row starts its own.
    prepare: async (role) => {
      const job = api.analytics.jobs.start(principal(role).id, 'BROKERS', async () => null);
      return { query: `mutation($id: ID!) { cancelAnalysis(id: $id) { status } }`, variables: { id: job.id }, organisations: [] };
    },
  },
  revokeApiKey: {
    least: 'ADMIN',
    prepare: async () => {
      const created = await api.ok<{ createApiKey: { apiKey: { id: string } } }>(`mutation { createApiKey(input: { name: "to revoke", role: VIEWER }) { apiKey { id } } }`);
      return { query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, variables: { id: created.createApiKey.apiKey.id }, organisations: [] };
    },
  },
};

const RANK: Record<Role, number> = { VIEWER: 1, ANALYST: 2, EDITOR: 3, ADMIN: 4 };

async function graphVersion(): Promise<string> {
  const [row] = await api.db.readRows<{ version: string }>('system/graphVersion');
  return row.version;
}

describe('the role matrix', () => {
  it('covers every mutation in the schema', () => {
    const mutations = Object.keys(buildSchema().getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(CASES).sort()).toEqual(mutations);
  });

  const rows = Object.entries(CASES).flatMap(([field, { least }]) => ROLES.map((role) => [field, role, RANK[role] >= RANK[least]] as const));
  it.each(rows)('%s as %s: allowed %s', async (field, role, allowed) => {
    const call = await CASES[field].prepare(role);
    const caller: Principal = principal(role, role === 'EDITOR' ? call.organisations : []);
    const before = await graphVersion();
    const result = await api.run(call.query, call.variables, caller);
    if (allowed) {
      expect(result.errors).toBeUndefined();
    } else {
      expect(codesOf(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].message).toMatch(new RegExp(`needs the (${ROLES.join('|')}) role`));
      expect(await graphVersion()).toBe(before);
    }
  });
});

describe('reads by role', () => {
  it('refuses analytics to a VIEWER and answers an ANALYST', async () => {
    const query = '{ sectorMatrix { method { nodeCount } } }';
    expect(codesOf(await api.run(query, {}, principal('VIEWER')))).toEqual(['FORBIDDEN']);
    expect((await api.run(query, {}, principal('ANALYST'))).errors).toBeUndefined();
  });

  it('shows the audit log to ADMIN only', async () => {
    const query = '{ auditLog(first: 1) { nodes { operation } } }';
    for (const role of ['VIEWER', 'ANALYST', 'EDITOR'] as const) expect(codesOf(await api.run(query, {}, principal(role, ['x'])))).toEqual(['FORBIDDEN']);
    expect((await api.run(query, {}, principal('ADMIN'))).errors).toBeUndefined();
  });

  it('shows who recorded a tie to editors, not to viewers', async () => {
    const [a, b] = [await organisation(), await organisation()];
    const id = await tieBetween(a, b);
    const query = `query($id: ID!) { collaboration(id: $id) { recordedBy } }`;
    expect(codesOf(await api.run(query, { id }, principal('VIEWER')))).toEqual(['FORBIDDEN']);
    const seen = await api.ok<{ collaboration: { recordedBy: string } }>(query, { id }, principal('EDITOR', [a]));
    expect(seen.collaboration.recordedBy).toBe('development');
  });
});
