/** The generator's fixed inputs: sector mix, sizes, tie and initiative tables, name pools. Changing any of them changes the city, so bump `generatorVersion`. */
import type { ActorKind, CollaborationKind, InitiativeKind } from '../types';
import { ACTOR_KINDS } from '../types';

/** Bump whenever the output changes, and re-pin the fingerprint in test/unit/generateCity.test.ts. */
export const generatorVersion = '1.0.0';

/** Share of each kind among generated actors. */
export const SECTOR_MIX: Readonly<Record<ActorKind, number>> = {
  CITIZEN: 0.7,
  ASSOCIATION: 0.15,
  COMPANY: 0.08,
  CITY_DEPARTMENT: 0.05,
  ACADEMIC_INSTITUTION: 0.02,
};

/** Average number of ties per actor; each tie counts for both ends. */
export const MEAN_DEGREE = 8;
/** Share of ties whose two ends share a home neighbourhood. */
export const LOCAL_SHARE = 0.85;
export const ACTORS_PER_NEIGHBOURHOOD = 2500;
export const ACTORS_PER_DISTRICT = 20000;
/** Pareto exponent of the activity weight: lower means a heavier tail. */
export const PARETO_ALPHA = 2;
export const MAX_WEIGHT = 200;

/** Actor kinds are stored as these codes (indices into `KIND_CODE`) in the generator's typed arrays. */
export const KIND_CODE: readonly ActorKind[] = ACTOR_KINDS;
export const [CITIZEN, ASSOCIATION, COMPANY, CITY_DEPARTMENT, ACADEMIC] = [0, 1, 2, 3, 4];
/** How much more (or less) an actor of each kind collaborates than a citizen: a multiplier on its weight. */
export const KIND_WEIGHT = [0.5, 1.5, 1.2, 3, 3];
/** Relative chance that an actor of each kind reaches outside its neighbourhood. */
export const CROSS_AFFINITY = [0.3, 1, 1.5, 4, 5];
export const MAX_CROSS_AFFINITY = 5;

const cumulate = (weights: number[]): number[] => weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0));
export const KIND_CUMULATIVE = cumulate(KIND_CODE.map((kind) => SECTOR_MIX[kind]));

/** Tie kinds and their weights for each unordered pair of sectors (by kind code, smaller first). */
const TIE_KINDS: Record<string, Array<[CollaborationKind, number]>> = {
  '0-0': [['CO_CREATION', 45], ['KNOWLEDGE_EXCHANGE', 35], ['PARTNERSHIP', 20]],
  '0-1': [['CO_CREATION', 40], ['KNOWLEDGE_EXCHANGE', 25], ['PARTNERSHIP', 20], ['SERVICE', 15]],
  '0-2': [['SERVICE', 60], ['CO_CREATION', 25], ['KNOWLEDGE_EXCHANGE', 15]],
  '0-3': [['SERVICE', 50], ['CO_CREATION', 30], ['KNOWLEDGE_EXCHANGE', 20]],
  '0-4': [['KNOWLEDGE_EXCHANGE', 60], ['CO_CREATION', 40]],
  '1-1': [['PARTNERSHIP', 50], ['KNOWLEDGE_EXCHANGE', 30], ['CO_CREATION', 20]],
  '1-2': [['PARTNERSHIP', 40], ['SERVICE', 25], ['FUNDING', 20], ['CO_CREATION', 15]],
  '1-3': [['FUNDING', 40], ['PARTNERSHIP', 30], ['SERVICE', 15], ['CO_CREATION', 15]],
  '1-4': [['KNOWLEDGE_EXCHANGE', 60], ['PARTNERSHIP', 20], ['CO_CREATION', 20]],
  '2-2': [['PARTNERSHIP', 50], ['SERVICE', 40], ['KNOWLEDGE_EXCHANGE', 10]],
  '2-3': [['SERVICE', 50], ['PARTNERSHIP', 30], ['FUNDING', 20]],
  '2-4': [['KNOWLEDGE_EXCHANGE', 50], ['PARTNERSHIP', 30], ['FUNDING', 20]],
  '3-3': [['PARTNERSHIP', 50], ['KNOWLEDGE_EXCHANGE', 30], ['FUNDING', 20]],
  '3-4': [['KNOWLEDGE_EXCHANGE', 50], ['PARTNERSHIP', 30], ['FUNDING', 20]],
  '4-4': [['KNOWLEDGE_EXCHANGE', 60], ['PARTNERSHIP', 40]],
};
/** Indexed by `smaller kind code * 5 + larger kind code`. */
export const TIE_TABLE = Array.from({ length: 25 }, (_, index) => {
  const list = TIE_KINDS[`${Math.min(Math.floor(index / 5), index % 5)}-${Math.max(Math.floor(index / 5), index % 5)}`];
  return { kinds: list.map(([kind]) => kind), cumulative: cumulate(list.map(([, weight]) => weight)) };
});
export const STRENGTH_CUMULATIVE = cumulate([15, 25, 30, 20, 10]);

export const INITIATIVE_KIND_LIST: readonly InitiativeKind[] = ['PROJECT', 'INCUBATOR', 'IDEA', 'EVENT'];
export const INITIATIVE_KIND_CUMULATIVE = cumulate([35, 15, 30, 20]);
export const INITIATIVE_LABEL: Record<InitiativeKind, string> = { PROJECT: 'Projekt', INCUBATOR: 'Inkubator', IDEA: 'Idé', EVENT: 'Träff' };
export const SDG_POOL = [3, 4, 5, 8, 10, 11, 13, 16, 17];

export const AREA_PREFIXES = ['Ek', 'Björk', 'Lind', 'Sjö', 'Berg', 'Ros', 'Äng', 'Hög', 'Sol', 'Kvarn', 'Hamn', 'Ljung', 'Al', 'Asp', 'Gran', 'Vide', 'Hassel', 'Lönn', 'Alm', 'Fläder', 'Sand', 'Sten', 'Mosse', 'Kärr'];
export const AREA_SUFFIXES = ['dal', 'gården', 'backen', 'vången', 'holm', 'lund', 'hagen', 'torp', 'ängen', 'staden', 'höjden', 'sund', 'fältet', 'parken', 'bo', 'vik'];
export const DISTRICT_NAMES = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Nordost', 'Sydost', 'Sydväst', 'Nordväst'];
export const ASSOCIATION_TYPES = ['Odlingsförening', 'Idrottsförening', 'Kulturförening', 'Hyresgästförening', 'Läxhjälp', 'Seniorförening', 'Ungdomsråd', 'Cykelkök', 'Föräldranätverk', 'Musikförening', 'Matlag', 'Schackklubb'];
export const COMPANY_TYPES = ['Bygg', 'Catering', 'IT-konsult', 'Städ', 'Café', 'Cykelverkstad', 'Energi', 'Fastighetsservice', 'Redovisning', 'Design'];
export const DEPARTMENT_TYPES = ['Fritidsförvaltningen', 'Miljöförvaltningen', 'Stadsbyggnadskontoret', 'Funktionsstödsförvaltningen', 'Kulturförvaltningen', 'Arbetsmarknadsförvaltningen', 'Grundskoleförvaltningen', 'Stadskontoret'];
export const ACADEMIC_TYPES = ['Institutet för stadsforskning', 'Högskolan', 'Forskningscentrum', 'Living lab'];
export const CONSENT_PURPOSE = 'Synthetic test data: a generated resident in a map of local collaboration';
