import { useTestApi, codesOf } from '../helpers/testApi';
import { principal } from '../helpers/principals';

/**
 * An EDITOR writes only within its organisations: their records, ties with one
 * end in them, their memberships and participations. Each refusal writes nothing.
 */
const api = useTestApi();
const OURS = 'org-ours';
const THEIRS = 'org-theirs';
const THIRD = 'org-third';
const editor = principal('EDITOR', [OURS], 'editor-ours');

async function graphVersion(): Promise<string> {
  const [row] = await api.db.readRows<{ version: string }>('system/graphVersion');
  return row.version;
}

async function refused(query: string): Promise<void> {
  const before = await graphVersion();
  const result = await api.run(query, {}, editor);
  expect(codesOf(result)).toEqual(['FORBIDDEN']);
  expect(result.errors?.[0].message).toMatch(/outside your organisations \(org-ours\)/);
  expect(await graphVersion()).toBe(before);
}

beforeAll(async () => {
  await api.ok(`mutation { createArea(input: { id: "area-scope", name: "Scope", level: CITY }) { id } }`);
  await api.ok(`mutation { createInitiative(input: { id: "init-scope", name: "Scope", kind: PROJECT, startDate: "2020-01-01" }) { id } }`);
  for (const id of [OURS, THEIRS, THIRD]) await api.ok(`mutation { createActor(input: { id: "${id}", kind: ASSOCIATION, name: "Org" }) { id } }`);
  await api.ok(`mutation { addCollaboration(input: { id: "tie-theirs", actorId: "${THEIRS}", partnerId: "${THIRD}", kind: PARTNERSHIP, since: "2020-01-01", source: "test" }) { id } }`);
  await api.ok(`mutation { addCollaboration(input: { id: "tie-ours", actorId: "${OURS}", partnerId: "${THIRD}", kind: PARTNERSHIP, since: "2020-01-01", source: "test" }) { id } }`);
});

describe('an EDITOR outside its organisations', () => {
  it.each([
    ['updateActor', `mutation { updateActor(id: "${THEIRS}", input: { description: "x" }) { id } }`],
    ['deleteActor', `mutation { deleteActor(id: "${THEIRS}") { deleted } }`],
    ['joinArea', `mutation { joinArea(actorId: "${THEIRS}", input: { areaId: "area-scope" }) { since } }`],
    ['leaveArea', `mutation { leaveArea(actorId: "${THEIRS}", areaId: "area-scope") { until } }`],
    ['joinInitiative', `mutation { joinInitiative(input: { actorId: "${THEIRS}", initiativeId: "init-scope", role: PARTNER }) { role } }`],
    ['leaveInitiative', `mutation { leaveInitiative(actorId: "${THEIRS}", initiativeId: "init-scope") { role } }`],
    ['addCollaboration', `mutation { addCollaboration(input: { actorId: "${THEIRS}", partnerId: "${THIRD}", kind: FUNDING, source: "test" }) { id } }`],
    ['endCollaboration', `mutation { endCollaboration(id: "tie-theirs") { until } }`],
    ['removeCollaboration', `mutation { removeCollaboration(id: "tie-theirs") { deleted } }`],
  ])('is refused %s', async (_field, query) => {
    await refused(query);
  });
});

describe('an EDITOR within its organisations', () => {
  it('adds a tie with one end in its organisation and records who did', async () => {
    const data = await api.ok<{ addCollaboration: { recordedBy: string } }>(
      `mutation { addCollaboration(input: { actorId: "${THEIRS}", partnerId: "${OURS}", kind: FUNDING, since: "2021-01-01", source: "test" }) { recordedBy } }`,
      {},
      editor,
    );
    expect(data.addCollaboration.recordedBy).toBe('token:editor-ours');
  });

  it('ends its own tie, joins areas and initiatives for its organisation', async () => {
    await api.ok(`mutation { endCollaboration(id: "tie-ours", until: "2022-01-01") { until } }`, {}, editor);
    await api.ok(`mutation { joinArea(actorId: "${OURS}", input: { areaId: "area-scope", since: "2020-01-01" }) { since } }`, {}, editor);
    await api.ok(`mutation { joinInitiative(input: { actorId: "${OURS}", initiativeId: "init-scope", role: PARTNER, since: "2020-01-01" }) { role } }`, {}, editor);
  });

  it('may not create organisations', async () => {
    const result = await api.run(`mutation { createActor(input: { kind: COMPANY, name: "New company" }) { id } }`, {}, editor);
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].message).toMatch(/needs the ADMIN role/);
  });

  it('still gets NOT_FOUND for an actor that does not exist', async () => {
    expect(codesOf(await api.run(`mutation { updateActor(id: "no-such-actor", input: { description: "x" }) { id } }`, {}, editor))).toEqual(['NOT_FOUND']);
  });
});
