import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../db/queryStore';
import {
  ACTOR_KINDS,
  AREA_LEVELS,
  COLLABORATION_KINDS,
  INITIATIVE_KINDS,
  PARTICIPATION_ROLES,
  SECTOR_OF_KIND,
  type ActorRow,
  type AreaRow,
  type CollaborationRow,
  type Dataset,
  type DatasetArrays,
  type InitiativeRow,
  type MembershipRow,
  type ParticipationRow,
} from './types';
import { RowReader } from './rowReader';

/** Where the hand-curated Malmö dataset lives; seeds/README.md says where each fact comes from. */
export const MALMO_SEED_DIR = path.join(repositoryRoot(), 'seeds', 'malmo');

export class SeedDataError extends Error {
  override name = 'SeedDataError';
  constructor(readonly problems: string[]) {
    super(`Seed data is invalid (${problems.length} problem(s)):\n  ${problems.slice(0, 50).join('\n  ')}`);
  }
}

/** Reads seeds/malmo/*.json, checks every row and every reference, and returns the dataset. */
export function malmoDataset(dir: string = MALMO_SEED_DIR): DatasetArrays {
  const problems: string[] = [];
  const read = <T>(file: string, parse: (row: RowReader) => T): T[] => {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!Array.isArray(raw)) {
      problems.push(`${file}: expected a JSON array`);
      return [];
    }
    return raw.map((row: unknown, index) => parse(new RowReader(row, `${file}[${index}]`, problems)));
  };
  const dataset: DatasetArrays = {
    name: 'malmo',
    areas: read('areas.json', parseArea),
    actors: read('actors.json', parseActor),
    memberships: read('memberships.json', parseMembership),
    initiatives: read('initiatives.json', parseInitiative),
    participations: read('participations.json', parseParticipation),
    collaborations: read('collaborations.json', parseCollaboration),
  };
  problems.push(...validateDataset(dataset));
  if (problems.length > 0) throw new SeedDataError(problems);
  return dataset;
}

/** A personal identity number (personnummer / samordningsnummer) shape: never allowed in citizen rows. */
export const PERSONAL_IDENTITY_NUMBER = /\d{6,8}[-+]?\d{4}/;

/**
 * Checks a dataset's integrity: unique ids, references that resolve, no self-ties,
 * ties stored from the smaller id to the larger, the area hierarchy, date order, and
 * the privacy rules for citizens. Returns the problems found (empty when valid).
 */
export function validateDataset(dataset: Dataset): string[] {
  const problems: string[] = [];
  const unique = (kind: string, ids: Set<string>, id: string) => {
    if (ids.has(id)) problems.push(`duplicate ${kind} id "${id}"`);
    ids.add(id);
  };
  const areas = new Map<string, AreaRow>();
  for (const area of dataset.areas) {
    if (areas.has(area.id)) problems.push(`duplicate area id "${area.id}"`);
    areas.set(area.id, area);
  }
  const expectedParent = { CITY: null, DISTRICT: 'CITY', NEIGHBOURHOOD: 'DISTRICT' } as const;
  for (const area of areas.values()) {
    const parent = area.parentId === null ? undefined : areas.get(area.parentId);
    if (area.parentId !== null && !parent) problems.push(`area "${area.id}": parent "${area.parentId}" not found`);
    else if ((parent?.level ?? null) !== expectedParent[area.level]) {
      problems.push(`area "${area.id}" (${area.level}) must be part of a ${expectedParent[area.level] ?? 'nothing'}`);
    }
  }
  const actors = new Set<string>();
  for (const actor of dataset.actors) {
    unique('actor', actors, actor.id);
    if (SECTOR_OF_KIND[actor.kind] !== actor.sector) problems.push(`actor "${actor.id}": kind ${actor.kind} needs sector ${SECTOR_OF_KIND[actor.kind]}`);
    if (actor.kind === 'CITIZEN') {
      if (Object.values(actor).some((value) => typeof value === 'string' && PERSONAL_IDENTITY_NUMBER.test(value))) {
        problems.push(`citizen "${actor.id}": holds something shaped like a personal identity number`);
      }
      if (actor.consentGiven && (!actor.consentDate || !actor.consentPurpose)) problems.push(`citizen "${actor.id}": consent needs a date and a purpose`);
      if (actor.synthetic && actor.name !== null && !/synthetic/i.test(actor.name)) problems.push(`citizen "${actor.id}": a synthetic citizen's name must say it is synthetic`);
    } else if (actor.organisationNumber !== null && !isValidOrganisationNumber(actor.organisationNumber)) {
      problems.push(`actor "${actor.id}": organisation number "${actor.organisationNumber}" fails the NNNNNN-NNNN Luhn check`);
    }
  }
  const periods = new Set<string>();
  for (const row of dataset.memberships) {
    if (!actors.has(row.actorId)) problems.push(`membership: actor "${row.actorId}" not found`);
    if (!areas.has(row.areaId)) problems.push(`membership: area "${row.areaId}" not found`);
    checkPeriod(`membership ${row.actorId} -> ${row.areaId}`, row.since, row.until, problems);
    unique('membership', periods, `${row.actorId}|${row.areaId}|${row.since}`);
  }
  const initiatives = new Set<string>();
  for (const row of dataset.initiatives) {
    unique('initiative', initiatives, row.id);
    checkPeriod(`initiative "${row.id}"`, row.startDate, row.endDate, problems);
    for (const areaId of row.areaIds) if (!areas.has(areaId)) problems.push(`initiative "${row.id}": area "${areaId}" not found`);
  }
  const roles = new Set<string>();
  for (const row of dataset.participations) {
    if (!actors.has(row.actorId)) problems.push(`participation: actor "${row.actorId}" not found`);
    if (!initiatives.has(row.initiativeId)) problems.push(`participation: initiative "${row.initiativeId}" not found`);
    checkPeriod(`participation ${row.actorId} -> ${row.initiativeId}`, row.since, row.until, problems);
    unique('participation', roles, `${row.actorId}|${row.initiativeId}|${row.role}`);
  }
  const collaborations = new Set<string>();
  for (const row of dataset.collaborations) {
    unique('collaboration', collaborations, row.id);
    if (!actors.has(row.fromId)) problems.push(`collaboration "${row.id}": actor "${row.fromId}" not found`);
    if (!actors.has(row.toId)) problems.push(`collaboration "${row.id}": actor "${row.toId}" not found`);
    if (row.fromId === row.toId) problems.push(`collaboration "${row.id}": an actor cannot collaborate with itself`);
    else if (row.fromId > row.toId) problems.push(`collaboration "${row.id}": must be stored from the smaller id to the larger`);
    if (row.initiativeId !== null && !initiatives.has(row.initiativeId)) problems.push(`collaboration "${row.id}": initiative "${row.initiativeId}" not found`);
    checkPeriod(`collaboration "${row.id}"`, row.since, row.until, problems);
  }
  return problems;
}

function checkPeriod(what: string, since: string, until: string | null, problems: string[]): void {
  if (until !== null && until < since) problems.push(`${what}: ends (${until}) before it starts (${since})`);
}

/** Swedish organisation number `NNNNNN-NNNN` whose ten digits pass the Luhn check. */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{6}-\d{4}$/.test(value)) return false;
  const digits = value.replace('-', '').split('').map(Number);
  const sum = digits.reduce((total, digit, index) => {
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return sum % 10 === 0;
}

function parseArea(row: RowReader): AreaRow {
  return { id: row.id('id'), name: row.text('name'), level: row.oneOf('level', AREA_LEVELS), parentId: row.textOrNull('parentId'), synthetic: row.bool('synthetic') };
}

function parseActor(row: RowReader): ActorRow {
  const kind = row.oneOf('kind', ACTOR_KINDS);
  const base = { id: row.id('id'), synthetic: row.bool('synthetic') };
  if (kind === 'CITIZEN') {
    for (const key of ['description', 'website', 'organisationNumber']) row.absent(key);
    return {
      ...base,
      kind,
      sector: row.oneOf('sector', ['CITIZEN'] as const),
      name: row.textOrNull('name'),
      consentGiven: row.bool('consentGiven'),
      consentDate: row.dateOrNull('consentDate'),
      consentPurpose: row.textOrNull('consentPurpose'),
    };
  }
  for (const key of ['consentGiven', 'consentDate', 'consentPurpose']) row.absent(key);
  return {
    ...base,
    kind,
    sector: row.oneOf('sector', ['CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'] as const),
    name: row.text('name'),
    description: row.textOrNull('description'),
    website: row.textOrNull('website'),
    organisationNumber: row.textOrNull('organisationNumber'),
  };
}

function parseMembership(row: RowReader): MembershipRow {
  return { actorId: row.id('actorId'), areaId: row.id('areaId'), since: row.date('since'), until: row.dateOrNull('until') };
}

function parseInitiative(row: RowReader): InitiativeRow {
  return {
    id: row.id('id'),
    name: row.text('name'),
    kind: row.oneOf('kind', INITIATIVE_KINDS),
    description: row.textOrNull('description'),
    website: row.textOrNull('website'),
    startDate: row.date('startDate'),
    endDate: row.dateOrNull('endDate'),
    sdgs: row.intList('sdgs', 1, 17),
    areaIds: row.idList('areaIds'),
    synthetic: row.bool('synthetic'),
  };
}

function parseParticipation(row: RowReader): ParticipationRow {
  return {
    actorId: row.id('actorId'),
    initiativeId: row.id('initiativeId'),
    role: row.oneOf('role', PARTICIPATION_ROLES),
    since: row.date('since'),
    until: row.dateOrNull('until'),
  };
}

function parseCollaboration(row: RowReader): CollaborationRow {
  return {
    id: row.id('id'),
    fromId: row.id('fromId'),
    toId: row.id('toId'),
    kind: row.oneOf('kind', COLLABORATION_KINDS),
    since: row.date('since'),
    until: row.dateOrNull('until'),
    strength: row.int('strength', 1, 5),
    initiativeId: row.textOrNull('initiativeId'),
    source: row.text('source'),
  };
}
