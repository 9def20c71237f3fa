/** The domain's vocabulary as stored in Neo4j (see docs/data-model.md). */
export type Sector = 'CITIZEN' | 'CIVIL_SOCIETY' | 'PRIVATE' | 'PUBLIC' | 'ACADEMIA';
export type ActorKind = 'CITIZEN' | 'ASSOCIATION' | 'COMPANY' | 'CITY_DEPARTMENT' | 'ACADEMIC_INSTITUTION';
export type AreaLevel = 'CITY' | 'DISTRICT' | 'NEIGHBOURHOOD';
export type InitiativeKind = 'PROJECT' | 'INCUBATOR' | 'IDEA' | 'EVENT';
export type ParticipationRole = 'LEAD' | 'PARTNER' | 'FUNDER' | 'PARTICIPANT';
export type CollaborationKind = 'PARTNERSHIP' | 'FUNDING' | 'KNOWLEDGE_EXCHANGE' | 'CO_CREATION' | 'SERVICE';

export const SECTORS: readonly Sector[] = ['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA'];

export const COLLABORATION_KINDS: readonly CollaborationKind[] = ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'];

export const SECTOR_OF_KIND: Readonly<Record<ActorKind, Sector>> = {
  CITIZEN: 'CITIZEN',
  ASSOCIATION: 'CIVIL_SOCIETY',
  COMPANY: 'PRIVATE',
  CITY_DEPARTMENT: 'PUBLIC',
  ACADEMIC_INSTITUTION: 'ACADEMIA',
};

/** The GraphQL object type of each kind. */
export const TYPE_OF_KIND: Readonly<Record<ActorKind, string>> = {
  CITIZEN: 'Citizen',
  ASSOCIATION: 'Association',
  COMPANY: 'Company',
  CITY_DEPARTMENT: 'CityDepartment',
  ACADEMIC_INSTITUTION: 'AcademicInstitution',
};

export interface ActorRecord {
  id: string;
  kind: ActorKind;
  sector: Sector;
  name: string | null;
  description?: string | null;
  website?: string | null;
  organisationNumber?: string | null;
  consentGiven?: boolean | null;
  consentDate?: string | null;
  consentPurpose?: string | null;
  /** For a citizen: the organisation that registered them (see src/auth/policy.ts). */
  registeredBy?: string | null;
  synthetic?: boolean | null;
  createdAt: string;
  updatedAt: string;
}

export interface AreaRecord {
  id: string;
  name: string;
  level: AreaLevel;
  parentId: string | null;
  synthetic?: boolean | null;
  createdAt: string;
  updatedAt: string;
}

export interface InitiativeRecord {
  id: string;
  name: string;
  kind: InitiativeKind;
  description?: string | null;
  website?: string | null;
  startDate: string;
  endDate?: string | null;
  sdgs?: number[] | null;
  areaIds: string[];
  synthetic?: boolean | null;
  createdAt: string;
  updatedAt: string;
}

export interface CollaborationRecord {
  id: string;
  kind: CollaborationKind;
  actorIds: [string, string];
  since: string;
  until?: string | null;
  strength: number;
  initiativeId?: string | null;
  source: string;
  recordedAt: string;
}

export interface MembershipRecord {
  actor: ActorRecord;
  area: AreaRecord;
  since: string;
  until: string | null;
}

export interface ParticipationRecord {
  actor: ActorRecord;
  initiative: InitiativeRecord;
  role: ParticipationRole;
  since: string;
  until: string | null;
}

export interface CollaborationEdgeRecord {
  collaboration: CollaborationRecord;
  partner: ActorRecord;
}
