import type { ActorKind, AreaLevel, CollaborationKind, InitiativeKind, ParticipationRole } from '../model';
import { headerKey } from './kinds';

/**
 * The enums a file may write in English (the schema's values, any case, spaces
 * for underscores) or Swedish. Swedish names follow the reports' vocabulary
 * (src/reports/i18n.ts) where it has one.
 */
interface Vocabulary<T extends string> {
  values: readonly T[];
  swedish: Readonly<Record<T, readonly string[]>>;
}

const ACTOR_KIND: Vocabulary<ActorKind> = {
  values: ['CITIZEN', 'ASSOCIATION', 'COMPANY', 'CITY_DEPARTMENT', 'ACADEMIC_INSTITUTION'],
  swedish: {
    CITIZEN: ['medborgare', 'invånare', 'person'],
    ASSOCIATION: ['förening', 'ideell förening', 'civilsamhälle', 'organisation'],
    COMPANY: ['företag', 'bolag', 'näringsliv'],
    CITY_DEPARTMENT: ['förvaltning', 'stadens förvaltning', 'kommunal förvaltning', 'offentlig sektor'],
    ACADEMIC_INSTITUTION: ['lärosäte', 'akademi', 'universitet', 'högskola'],
  },
};

const AREA_LEVEL: Vocabulary<AreaLevel> = {
  values: ['CITY', 'DISTRICT', 'NEIGHBOURHOOD'],
  swedish: { CITY: ['stad', 'kommun'], DISTRICT: ['stadsområde', 'stadsdel', 'distrikt'], NEIGHBOURHOOD: ['delområde', 'grannskap', 'område', 'neighborhood'] },
};

const INITIATIVE_KIND: Vocabulary<InitiativeKind> = {
  values: ['PROJECT', 'INCUBATOR', 'IDEA', 'EVENT'],
  swedish: { PROJECT: ['projekt'], INCUBATOR: ['inkubator'], IDEA: ['idé', 'ide'], EVENT: ['evenemang', 'händelse', 'aktivitet'] },
};

const PARTICIPATION_ROLE: Vocabulary<ParticipationRole> = {
  values: ['LEAD', 'PARTNER', 'FUNDER', 'PARTICIPANT'],
  swedish: { LEAD: ['ledare', 'huvudman', 'projektägare'], PARTNER: ['partner', 'samarbetspartner'], FUNDER: ['finansiär', 'finansiar'], PARTICIPANT: ['deltagare'] },
};

const COLLABORATION_KIND: Vocabulary<CollaborationKind> = {
  values: ['PARTNERSHIP', 'FUNDING', 'KNOWLEDGE_EXCHANGE', 'CO_CREATION', 'SERVICE'],
  swedish: {
    PARTNERSHIP: ['partnerskap', 'samarbete'],
    FUNDING: ['finansiering'],
    KNOWLEDGE_EXCHANGE: ['kunskapsutbyte'],
    CO_CREATION: ['samskapande', 'medskapande', 'samverkan'],
    SERVICE: ['tjänst', 'tjanst', 'uppdrag'],
  },
};

export interface Enum<T extends string> {
  parse(raw: string): T | null;
  /** "PROJECT (projekt), …" for messages. */
  describe(): string;
}

function enumOf<T extends string>(vocabulary: Vocabulary<T>): Enum<T> {
  const lookup = new Map<string, T>();
  for (const value of vocabulary.values) {
    lookup.set(headerKey(value), value);
    for (const name of vocabulary.swedish[value]) lookup.set(headerKey(name), value);
  }
  return {
    parse: (raw) => lookup.get(headerKey(raw)) ?? null,
    describe: () => vocabulary.values.map((value) => `${value} (${vocabulary.swedish[value][0]})`).join(', '),
  };
}

export const ACTOR_KINDS = enumOf(ACTOR_KIND);
export const AREA_LEVELS = enumOf(AREA_LEVEL);
export const INITIATIVE_KINDS = enumOf(INITIATIVE_KIND);
export const PARTICIPATION_ROLES = enumOf(PARTICIPATION_ROLE);
export const COLLABORATION_KINDS = enumOf(COLLABORATION_KIND);

const YES = new Set(['true', 'yes', 'y', 'ja', 'j', '1', 'x', 'sant']);
const NO = new Set(['false', 'no', 'n', 'nej', '0', 'falskt']);

/** ja/nej, yes/no, true/false, 1/0; null when it is none of them. */
export function parseYesNo(raw: string): boolean | null {
  const key = headerKey(raw);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}
