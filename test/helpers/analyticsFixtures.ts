import type { TestApi } from './testApi';
import { addTie, createActor, createAreas, CREATE_AREA } from './fixtures';

const CREATE_INITIATIVE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`;
const JOIN_INITIATIVE = `mutation($input: JoinInitiativeInput!) { joinInitiative(input: $input) { role } }`;

/** The date the analytics city is looked at; AS_OF_BEFORE sees it before a tie and a membership ended. */
export const AS_OF = '2020-06-01';
export const AS_OF_BEFORE = '2018-06-01';

/** Scopes of every kind on the analytics city: whole city, areas, TOUCHING, dates, sectors, kinds, strength, an empty area. */
export const SCOPE_VARIANTS = [
  { asOf: AS_OF },
  { asOf: AS_OF, areaId: 'oster' },
  { asOf: AS_OF, areaId: 'oster', membership: 'TOUCHING' },
  { asOf: AS_OF, areaId: 'oster', membership: 'TOUCHING', sectors: ['CIVIL_SOCIETY', 'PRIVATE'] },
  { asOf: AS_OF_BEFORE },
  { asOf: AS_OF_BEFORE, areaId: 'rosengard', membership: 'TOUCHING' },
  { asOf: AS_OF, sectors: ['PUBLIC', 'PRIVATE'] },
  { asOf: AS_OF, areaId: 'oster', kinds: ['FUNDING'] },
  { asOf: AS_OF_BEFORE, areaId: 'soder', membership: 'TOUCHING', minStrength: 3 },
  { asOf: AS_OF, areaId: 'tomt', membership: 'TOUCHING' },
] as const;

/**
 * A small city for the analytics tests, built through the API. As of AS_OF:
 *
 *   Rosengård (Öster):  cit1, cit2 (CITIZEN), assoc1 (CIVIL_SOCIETY)
 *   Herrgården (Öster): assoc2 (CIVIL_SOCIETY), firm1 (PRIVATE)
 *   Öster itself:       dept1 (PUBLIC)
 *   Holma (Söder):      uni1 (ACADEMIA, an isolate), dept2 (PUBLIC), firm2 (PRIVATE)
 *   Norr:               pub3, pub4 (PUBLIC): a single-sector district
 *   Tomt (Norr):        nobody
 *   acme (PRIVATE) left Rosengård at the end of 2018 but is still tied to assoc1.
 *
 *   ties: cit1–cit2, cit1–assoc1, cit2–assoc1, assoc1–assoc2, assoc2–firm1, firm1–dept1,
 *         assoc1–dept1 (PARTNERSHIP 2 and FUNDING 5: one pair), cit2–firm1, dept2–firm2
 *         (a separate part), pub3–pub4, acme–assoc1;
 *         cit1–firm2 ended at the end of 2018.
 *   initiatives: Odla (SDGs 2, 11) with cit1 and assoc2; Labbet (SDGs 4, 11) with dept2.
 *
 * The expected numbers in the tests were computed with NetworkX 3.6 on this graph.
 */
export async function createAnalyticsCity(api: TestApi): Promise<void> {
  await createAreas(api);
  await api.ok(CREATE_AREA, { input: { id: 'norr', name: 'Norr', level: 'DISTRICT', parentId: 'city' } });
  await api.ok(CREATE_AREA, { input: { id: 'tomt', name: 'Tomt', level: 'NEIGHBOURHOOD', parentId: 'norr' } });
  const actors = [
    { id: 'cit1', kind: 'CITIZEN', areaId: 'rosengard' },
    { id: 'cit2', kind: 'CITIZEN', areaId: 'rosengard' },
    { id: 'assoc1', kind: 'ASSOCIATION', areaId: 'rosengard' },
    { id: 'assoc2', kind: 'ASSOCIATION', areaId: 'herrgarden' },
    { id: 'firm1', kind: 'COMPANY', areaId: 'herrgarden' },
    { id: 'dept1', kind: 'CITY_DEPARTMENT', areaId: 'oster' },
    { id: 'uni1', kind: 'ACADEMIC_INSTITUTION', areaId: 'holma' },
    { id: 'dept2', kind: 'CITY_DEPARTMENT', areaId: 'holma' },
    { id: 'firm2', kind: 'COMPANY', areaId: 'holma' },
    { id: 'pub3', kind: 'CITY_DEPARTMENT', areaId: 'norr' },
    { id: 'pub4', kind: 'CITY_DEPARTMENT', areaId: 'norr' },
    { id: 'acme', kind: 'COMPANY', areaId: 'rosengard', until: '2018-12-31' },
  ] as const;
  for (const actor of actors) await createActor(api, { ...actor, name: actor.kind === 'CITIZEN' ? undefined : `Org ${actor.id}` });
  const ties: Array<[string, string, { kind?: string; strength?: number; until?: string }?]> = [
    ['cit1', 'cit2'],
    ['cit1', 'assoc1'],
    ['cit2', 'assoc1'],
    ['assoc1', 'assoc2'],
    ['assoc2', 'firm1'],
    ['firm1', 'dept1'],
    ['dept1', 'assoc1', { kind: 'PARTNERSHIP', strength: 2 }],
    ['assoc1', 'dept1', { kind: 'FUNDING', strength: 5 }],
    ['cit2', 'firm1'],
    ['firm2', 'dept2'],
    ['pub3', 'pub4'],
    ['acme', 'assoc1'],
    ['cit1', 'firm2', { kind: 'SERVICE', until: '2018-12-31' }],
  ];
  for (const [a, b, extra] of ties) await addTie(api, a, b, extra ?? {});
  const initiatives = [
    { id: 'odla', name: 'Odla', sdgs: [2, 11], members: ['cit1', 'assoc2'] },
    { id: 'labbet', name: 'Labbet', sdgs: [4, 11], members: ['dept2'] },
  ];
  for (const { members, ...initiative } of initiatives) {
    await api.ok(CREATE_INITIATIVE, { input: { ...initiative, kind: 'PROJECT', startDate: '2016-01-01', areaIds: [] } });
    for (const actorId of members) await api.ok(JOIN_INITIATIVE, { input: { actorId, initiativeId: initiative.id, role: 'PARTNER', since: '2016-01-01' } });
  }
}
