/**
 * The rows of a seed dataset, shaped like the graph in docs/data-model.md. Dates are
 * `YYYY-MM-DD` strings (Cypher turns them into `date`s); absent values are `null`.
 */

export const ACTOR_KINDS = ['CITIZEN', 'ASSOCIATION', 'COMPANY', 'CITY_DEPARTMENT', 'ACADEMIC_INSTITUTION'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const SECTORS = ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'] as const;
export type Sector = (typeof SECTORS)[number];

/** The kind fixes the sector. */
export const SECTOR_OF_KIND: Readonly<Record<ActorKind, Sector>> = {
  CITIZEN: 'CITIZEN',
  ASSOCIATION: 'CIVIL_SOCIETY',
  COMPANY: 'PRIVATE',
  CITY_DEPARTMENT: 'PUBLIC',
  ACADEMIC_INSTITUTION: 'ACADEMIA',
};

export const AREA_LEVELS = ['CITY', 'DISTRICT', 'NEIGHBOURHOOD'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const INITIATIVE_KINDS = ['PROJECT', 'INCUBATOR', 'IDEA', 'EVENT'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const PARTICIPATION_ROLES = ['LEAD', 'PARTNER', 'FUNDER', 'PARTICIPANT'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const COLLABORATION_KINDS = ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'] as const;
export type CollaborationKind = (typeof COLLABORATION_KINDS)[number];

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
