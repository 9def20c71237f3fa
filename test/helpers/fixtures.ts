import type { TestApi } from './testApi';

export const CREATE_AREA = `mutation($input: CreateAreaInput!) { createArea(input: $input) { id name level parent { id } } }`;
export const CREATE_ACTOR = `mutation($input: CreateActorInput!) { createActor(input: $input) { id kind sector name } }`;
export const ADD_TIE = `mutation($input: AddCollaborationInput!) { addCollaboration(input: $input) { id kind since until strength actors { id } } }`;

/** A small city: Malmö → Öster → Rosengård and Herrgården; Malmö → Söder → Holma. */
export async function createAreas(api: TestApi): Promise<void> {
  const areas = [
    { id: 'city', name: 'Malmö', level: 'CITY' },
    { id: 'oster', name: 'Öster', level: 'DISTRICT', parentId: 'city' },
    { id: 'soder', name: 'Söder', level: 'DISTRICT', parentId: 'city' },
    { id: 'rosengard', name: 'Rosengård', level: 'NEIGHBOURHOOD', parentId: 'oster' },
    { id: 'herrgarden', name: 'Herrgården', level: 'NEIGHBOURHOOD', parentId: 'oster' },
    { id: 'holma', name: 'Holma', level: 'NEIGHBOURHOOD', parentId: 'soder' },
  ];
  for (const input of areas) await api.ok(CREATE_AREA, { input });
}

export interface ActorSpec {
  id: string;
  kind: 'CITIZEN' | 'ASSOCIATION' | 'COMPANY' | 'CITY_DEPARTMENT' | 'ACADEMIC_INSTITUTION';
  name?: string;
  areaId?: string;
  since?: string;
  until?: string;
}

export async function createActor(api: TestApi, spec: ActorSpec): Promise<void> {
  const input: Record<string, unknown> = {
    id: spec.id,
    kind: spec.kind,
    name: spec.name ?? (spec.kind === 'CITIZEN' ? null : `Org ${spec.id}`),
    synthetic: true,
  };
  if (spec.kind === 'CITIZEN') input.consent = { given: true, date: '2020-01-01', purpose: 'test' };
  if (spec.areaId) input.areas = [{ areaId: spec.areaId, since: spec.since ?? '2015-01-01', until: spec.until ?? null }];
  await api.ok(CREATE_ACTOR, { input });
}

export async function addTie(
  api: TestApi,
  actorId: string,
  partnerId: string,
  extra: { id?: string; kind?: string; since?: string; until?: string; strength?: number } = {},
): Promise<string> {
  const data = await api.ok<{ addCollaboration: { id: string } }>(ADD_TIE, {
    input: { actorId, partnerId, kind: extra.kind ?? 'PARTNERSHIP', since: extra.since ?? '2016-01-01', until: extra.until, strength: extra.strength, id: extra.id, source: 'test' },
  });
  return data.addCollaboration.id;
}
