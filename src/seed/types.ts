/**
 * The rows of a seed dataset, shaped like the graph in docs/data-model.md. Dates are
 * `YYYY-MM-DD` strings (Cypher turns them into `date`s); absent values are `null`.
 */

import type { ActorKind, AreaLevel, CollaborationKind, InitiativeKind, ParticipationRole, Sector } from '../model';

// The unions are the domain's (model.ts); re-exported so seed code keeps importing them from here.
export type { ActorKind, AreaLevel, CollaborationKind, InitiativeKind, ParticipationRole, Sector };
export { SECTORS, SECTOR_OF_KIND } from '../model';

/**
 * Returns the list as given, and fails to compile unless it names every member of `U`:
 * model.ts owns the unions, these lists only fix an order for parsing and generating.
 */
const everyMember =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([U] extends [L[number]] ? unknown : { missing: Exclude<U, L[number]> })): L =>
    list;

export const ACTOR_KINDS = everyMember<ActorKind>()(['CITIZEN', 'ASSOCIATION', 'COMPANY', 'CITY_DEPARTMENT', 'ACADEMIC_INSTITUTION']);
export const AREA_LEVELS = everyMember<AreaLevel>()(['CITY', 'DISTRICT', 'NEIGHBOURHOOD']);
export const INITIATIVE_KINDS = everyMember<InitiativeKind>()(['PROJECT', 'INCUBATOR', 'IDEA', 'EVENT']);
export const PARTICIPATION_ROLES = everyMember<ParticipationRole>()(['LEAD', 'PARTNER', 'FUNDER', 'PARTICIPANT']);
export const COLLABORATION_KINDS = everyMember<CollaborationKind>()(['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE']);

/** `YYYY-MM-DD`. */
export type IsoDate = string;

export interface AreaRow {
  id: string;
  name: string;
  level: AreaLevel;
  /** The enclosing area (`PART_OF`): null for the city, the city for a district, a district for a neighbourhood. */
  parentId: string | null;
  synthetic: boolean;
}

interface ActorRowBase {
  id: string;
  synthetic: boolean;
}

/** A person. Pseudonymous id, never a personal identity number; the name is null or a synthetic display name. */
export interface CitizenRow extends ActorRowBase {
  kind: 'CITIZEN';
  sector: 'CITIZEN';
  name: string | null;
  consentGiven: boolean;
  consentDate: IsoDate | null;
  consentPurpose: string | null;
}

export interface OrganisationRow extends ActorRowBase {
  kind: Exclude<ActorKind, 'CITIZEN'>;
  sector: Exclude<Sector, 'CITIZEN'>;
  name: string;
  description: string | null;
  website: string | null;
  /** `NNNNNN-NNNN`, Luhn-checked; left null unless known to be right. */
  organisationNumber: string | null;
}

export type ActorRow = CitizenRow | OrganisationRow;

/** `(:Actor)-[:ACTIVE_IN]->(:Area)`. */
export interface MembershipRow {
  actorId: string;
  areaId: string;
  since: IsoDate;
  until: IsoDate | null;
}

export interface InitiativeRow {
  id: string;
  name: string;
  kind: InitiativeKind;
  description: string | null;
  website: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  sdgs: number[];
  /** `(:Initiative)-[:TAKES_PLACE_IN]->(:Area)` for each. */
  areaIds: string[];
  synthetic: boolean;
}

/** `(:Actor)-[:PARTICIPATES_IN]->(:Initiative)`. */
export interface ParticipationRow {
  actorId: string;
  initiativeId: string;
  role: ParticipationRole;
  since: IsoDate;
  until: IsoDate | null;
}

/** An undirected tie, stored once from the smaller actor id to the larger (`fromId < toId`). */
export interface CollaborationRow {
  id: string;
  fromId: string;
  toId: string;
  kind: CollaborationKind;
  since: IsoDate;
  until: IsoDate | null;
  /** 1..5 */
  strength: number;
  initiativeId: string | null;
  source: string;
}

export const DATASET_PHASES = ['areas', 'actors', 'memberships', 'initiatives', 'participations', 'collaborations'] as const;
export type DatasetPhase = (typeof DATASET_PHASES)[number];

/**
 * A whole dataset. Each collection may be an array or a re-iterable (an object whose
 * `[Symbol.iterator]` starts afresh each time), so a generator can stream a big city
 * in batches without holding it in memory. `counts` gives the row counts when the
 * collections are not arrays, for progress reporting.
 */
export interface Dataset {
  name: string;
  areas: Iterable<AreaRow>;
  actors: Iterable<ActorRow>;
  memberships: Iterable<MembershipRow>;
  initiatives: Iterable<InitiativeRow>;
  participations: Iterable<ParticipationRow>;
  collaborations: Iterable<CollaborationRow>;
  counts?: Partial<Record<DatasetPhase, number>>;
}

/** A dataset held fully in memory. */
export interface DatasetArrays extends Dataset {
  areas: AreaRow[];
  actors: ActorRow[];
  memberships: MembershipRow[];
  initiatives: InitiativeRow[];
  participations: ParticipationRow[];
  collaborations: CollaborationRow[];
}
