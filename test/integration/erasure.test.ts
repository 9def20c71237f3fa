import { useTestApi, codesOf } from '../helpers/testApi';
import { principal } from '../helpers/principals';
import { PrivacyRepository } from '../../src/privacy/privacyRepository';
import { DEVELOPMENT_ADMIN } from '../../src/auth/principal';

/**
 * Erasure leaves no trace: afterwards neither any node or relationship property
 * in the database nor any API surface holds the citizen's id or display name, and
 * the cached results and the collaboration index's copy are gone.
 */
const api = useTestApi({ analyticsIndex: true });
const ID = 'cit-erasable-7';
const NAME = 'Raderbar Testperson';

const SURFACES = `{
  actors(first: 100) { nodes { id name } }
  search: actors(filter: { search: "Raderbar" }) { nodes { id name } }
  actor(id: "org-erase-a") { collaborations(first: 100) { edges { partner { id name } node { id } } } }
  crossSectorTies(scope: { asOf: "2021-06-01" }, first: 100) { edges { node { source { id name } target { id name } } } }
  sectorMatrix(scope: { asOf: "2021-06-01" }) { method { nodeCount } }
  diversity(scope: { asOf: "2021-06-01" }) { actors(first: 100) { actor { id name } } }
  initiative(id: "init-erase") { participants { actor { id name } } }
  area(id: "area-erase") { actors(first: 100) { nodes { id name } } }
  auditLog(first: 100) { nodes { operation targets } }
}`;

beforeAll(async () => {
  await api.ok(`mutation { createArea(input: { id: "area-erase", name: "Erase", level: CITY }) { id } }`);
  await api.ok(`mutation { createInitiative(input: { id: "init-erase", name: "Erase", kind: PROJECT, startDate: "2020-01-01" }) { id } }`);
  for (const [id, kind] of [['org-erase-a', 'ASSOCIATION'], ['org-erase-b', 'COMPANY']]) {
    await api.ok(`mutation { createActor(input: { id: "${id}", kind: ${kind}, name: "Org", areas: [{ areaId: "area-erase", since: "2020-01-01" }] }) { id } }`);
  }
  await api.ok(`mutation { createActor(input: { id: "${ID}", kind: CITIZEN, name: "${NAME}", registeredBy: "org-erase-a", consent: { given: true, date: "2020-01-01", purpose: "test" },
                 areas: [{ areaId: "area-erase", since: "2020-01-01" }] }) { id } }`);
  await api.ok(`mutation { a: addCollaboration(input: { id: "tie-${ID}-a", actorId: "${ID}", partnerId: "org-erase-a", kind: CO_CREATION, since: "2020-02-01", source: "test" }) { id }
                           b: addCollaboration(input: { id: "tie-plain-b", actorId: "${ID}", partnerId: "org-erase-b", kind: SERVICE, since: "2020-02-01", source: "test" }) { id }
                           c: addCollaboration(input: { actorId: "org-erase-a", partnerId: "org-erase-b", kind: PARTNERSHIP, since: "2020-02-01", source: "test" }) { id } }`);
  await api.ok(`mutation { joinInitiative(input: { actorId: "${ID}", initiativeId: "init-erase", role: PARTICIPANT, since: "2020-03-01" }) { role } }`);
  await api.ok(`mutation { updateActor(id: "${ID}", input: { name: "${NAME}" }) { id } }`);
  // A refused call is audited with the citizen's id too.
  expect(codesOf(await api.run(`mutation { updateActor(id: "${ID}", input: { description: "x" }) { id } }`, {}, principal('EDITOR', ['org-erase-b'])))).toEqual(['FORBIDDEN']);
});

it('finds the citizen everywhere before the erasure (so the search below can fail)', async () => {
  await api.index?.refresh();
  const before = JSON.stringify(await api.ok(SURFACES));
  expect(before).toContain(ID);
  expect(before).toContain(NAME);
  const privacy = new PrivacyRepository(api.db, undefined, DEVELOPMENT_ADMIN);
  expect((await privacy.trace(ID)).length).toBeGreaterThan(0);
  expect(api.analytics.cache.size).toBeGreaterThan(0);
});

it('erases the citizen and leaves no trace in the database or any API surface', async () => {
  const erased = await api.ok<{ eraseCitizen: { erasureId: string; ties: number; memberships: number; participations: number } }>(
    `mutation { eraseCitizen(id: "${ID}") { erasureId ties memberships participations } }`,
  );
  expect(erased.eraseCitizen).toMatchObject({ ties: 2, memberships: 1, participations: 1 });
  expect(api.analytics.cache.size).toBe(0);

  const privacy = new PrivacyRepository(api.db, undefined, DEVELOPMENT_ADMIN);
  expect(await privacy.trace(ID)).toEqual([]);
  expect(await privacy.trace(NAME)).toEqual([]);
  expect(await privacy.trace('Raderbar')).toEqual([]);

  await api.index?.refresh();
  const after = JSON.stringify(await api.ok(SURFACES));
  expect(after).not.toContain(ID);
  expect(after).not.toContain('Raderbar');
  expect(await api.ok(`{ actor(id: "${ID}") { id } }`)).toEqual({ actor: null });

  const log = await api.ok<{ auditLog: { nodes: Array<{ operation: string; targets: string[] }> } }>(`{ auditLog(first: 100) { nodes { operation targets } } }`);
  expect(log.auditLog.nodes[0]).toEqual({ operation: 'eraseCitizen', targets: [erased.eraseCitizen.erasureId] });
  // The erased ties' ids went too, also the one that did not contain the citizen's id.
  expect(JSON.stringify(log)).not.toContain('tie-plain-b');
});

it('answers NOT_FOUND for a second erasure and refuses organisations', async () => {
  expect(codesOf(await api.run(`mutation { eraseCitizen(id: "${ID}") { erasureId } }`))).toEqual(['NOT_FOUND']);
  expect(codesOf(await api.run(`mutation { eraseCitizen(id: "org-erase-a") { erasureId } }`))).toEqual(['BAD_USER_INPUT']);
});

it('erases on withdrawal of consent by the registering organisation', async () => {
  await api.ok(`mutation { createActor(input: { id: "cit-withdraws", kind: CITIZEN, name: "Återkallar Testperson", registeredBy: "org-erase-a", consent: { given: true, purpose: "test" } }) { id } }`);
  const editor = principal('EDITOR', ['org-erase-a']);
  const data = await api.ok<{ withdrawConsent: { erasureId: string } }>(`mutation { withdrawConsent(citizenId: "cit-withdraws") { erasureId } }`, {}, editor);
  expect(data.withdrawConsent.erasureId).toMatch(/^erasure-/);
  const privacy = new PrivacyRepository(api.db, undefined, DEVELOPMENT_ADMIN);
  expect(await privacy.trace('cit-withdraws')).toEqual([]);
  expect(await privacy.trace('Återkallar')).toEqual([]);
});

it('refuses to delete a citizen with deleteActor, pointing to erasure', async () => {
  await api.ok(`mutation { createActor(input: { id: "cit-delete", kind: CITIZEN, consent: { given: true, purpose: "test" } }) { id } }`);
  const result = await api.run(`mutation { deleteActor(id: "cit-delete") { deleted } }`);
  expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
  expect(result.errors?.[0].message).toMatch(/withdrawConsent|eraseCitizen/);
});
