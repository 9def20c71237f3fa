import type { SamplingDescription } from '../analytics/measures/betweennessEstimate';
import type { Sector } from '../model';
import type { CompareTo, Period } from './period';

export type ReportLang = 'SV' | 'EN';

/** The headline figures, in the order every rendering shows them. */
export const HEADLINE_KEYS = ['actors', 'ties', 'crossSectorShare', 'eiIndex', 'eiExpected', 'coverage'] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/**
 * One number of the report as the caller may see it. `value` null means withheld
 * (suppressed), not computable (`missing`), or unavailable. `smallBelow` set means the
 * value is a count of citizens between 1 and k − 1, printed "< k".
 */
export interface Figure {
  value: number | null;
  /** Withheld by small-cell suppression. */
  suppressed: boolean;
  /** The issued value when an issued report of the same period and area held a different one. */
  issued: number | null;
  revised: boolean;
  /** Decimals every rendering prints (fractions); integers have none. */
  decimals?: number;
  /** A withheld count of citizens (from 1 to k − 1): printed "< k" rather than as withheld. */
  small?: boolean;
}

export interface HeadlineFigure extends Figure {
  key: HeadlineKey;
  /** The value at the comparison period's end, as the caller may see it. */
  previous: number | null;
  /** value − previous, rounded like the value; null when either is missing. */
  delta: number | null;
}

export interface ActorRef {
  id: string;
  /** The display name the caller may see, or `Citizen <id>`. */
  name: string;
  sector: Sector;
}

export interface MatrixSector {
  sector: Sector;
  actors: Figure;
}

export interface MatrixCell {
  sectorA: Sector;
  sectorB: Sector;
  ties: Figure;
  density: Figure;
}

export interface TrendPoint {
  period: string;
  asOf: string;
  crossSectorShare: Figure;
  eiIndex: Figure;
  eiExpected: Figure;
}

export interface SubAreaCoverage {
  areaId: string;
  name: string;
  sectorsPresent: Sector[];
  missingPairs: Array<{ sectorA: Sector; sectorB: Sector }>;
  coverage: Figure;
}

export interface TieChange {
  change: 'OPENED' | 'ENDED';
  date: string;
  kind: string;
  source: ActorRef;
  target: ActorRef;
}

export interface ActiveInitiative {
  id: string;
  name: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  sdgs: number[];
}

export interface ReportBroker {
  rank: number;
  actor: ActorRef;
  betweenness: number;
  normalisedBetweenness: number;
  degree: number;
  coordinator: number;
  itinerant: number;
  gatekeeperRepresentative: number;
  liaison: number;
}

export interface ReportRisk {
  type: 'BRIDGE' | 'ARTICULATION_POINT';
  /** The actor (articulation point) or the tie's two ends (bridge). */
  actors: ActorRef[];
  separatedSectors: Sector[];
}

/** One method block of the appendix, as the analytics returned it for the caller. */
export interface ReportMethod {
  /** Which part of the report it stands behind, e.g. `sectorMatrix@2022-09-30`. */
  key: string;
  field: string;
  asOf: string;
  algorithm: string;
  engine: string;
  normalisation: string | null;
  counting: string;
  nodeCount: number | null;
  tieCount: number | null;
  gdsVersion: string | null;
  computedAt: string;
  suppressionApplied: boolean;
  /** For an estimate (the brokers' sampled betweenness): the sample and its bound; null when exact. */
  sampling?: ReportSampling | null;
}

/** What the appendix states of a sampled estimate: the analytics' own description. */
export type ReportSampling = SamplingDescription;

export interface IssuedInfo {
  id: string;
  issuedAt: string;
  issuedBy: string;
  graphVersion: string;
  /** How many figures differ now from what was issued. */
  revisedFigures: number;
}

export interface PartnershipReport {
  lang: ReportLang;
  period: Period;
  compareTo: CompareTo;
  comparison: Period;
  area: { id: string; name: string } | null;
  asOf: string;
  graphVersion: string;
  generatedAt: string;
  /** Citizen counts from 1 to k − 1 are withheld when `suppressionActive`. */
  suppressionK: number;
  suppressionActive: boolean;
  suppressionApplied: boolean;
  suppressionRule: string;
  headline: HeadlineFigure[];
  matrix: { sectors: MatrixSector[]; cells: MatrixCell[] };
  trend: TrendPoint[];
  subAreas: SubAreaCoverage[];
  tieChanges: TieChange[];
  /** Ties with a citizen end left out of tieChanges because there were fewer than k of them (per change). */
  tieChangesWithheld: { opened: boolean; ended: boolean };
  initiatives: ActiveInitiative[];
  brokers: ReportBroker[] | null;
  risks: ReportRisk[] | null;
  /** Why brokers and risks are missing (no GDS, or betweenness ran out of time), else null. */
  gdsUnavailable: { code: 'ANALYTICS_UNAVAILABLE' | 'ANALYTICS_TIMEOUT' | 'SKIPPED'; message: string } | null;
  methods: ReportMethod[];
  issued: IssuedInfo | null;
}
