import { SECTORS, type Sector } from '../model';
import { assortativity, type AssortativityResult } from '../analytics/measures/assortativity';
import { eiIndex, type EIValue } from '../analytics/measures/eiIndex';
import type { SectorMixing } from '../analytics/measures/sectorMixing';
import type { SectorPair } from '../analytics/measures/helixCoverage';
import type { CitizenBasis } from '../analytics/suppression/citizenBasis';
import type { NetworkSnapshot } from './timelineSweep';
import type { Period } from './period';

const K = SECTORS.length;
const CITIZEN = 0;

/** Helix coverage of the scope's own area (the whole city without one), as helixCoverage defines it for an area. */
export interface ScopeCoverage {
  sectorsPresent: Sector[];
  connectedPairs: SectorPair[];
  missingPairs: SectorPair[];
  coverage: number | null;
}

/** One point of a timeline, unsuppressed: what the cache keeps, shaped per caller by timelineView. */
export interface TimelinePointFigures {
  period: string;
  periodStart: string;
  asOf: string;
  /** Actors per sector, in SECTORS order. */
  sizes: number[];
  actors: number;
  ties: number;
  crossSectorTies: number;
  /** crossSectorTies ÷ ties; null without ties. */
  crossSectorShare: number | null;
  /** ties ÷ (n(n−1)/2); null with fewer than two actors. */
  density: number | null;
  eiIndex: EIValue;
  expectedEiIndex: number | null;
  expectedEiIndexReason: string | null;
  assortativity: AssortativityResult;
  helixCoverage: ScopeCoverage;
  tiesOpened: number;
  tiesEnded: number;
  actorsJoined: number;
  actorsLeft: number;
  /** Sector pairs (matrix cells, sectorA <= sectorB) with no tie at the previous point and at least one now. */
  sectorPairsConnected: SectorPair[];
  /** Sector pairs with ties at the previous point and none now. */
  sectorPairsDisconnected: SectorPair[];
  /** The citizen counts this point's figures rest on, and those of the previous point (changes rest on both). */
  citizenBasis: CitizenBasis;
  previousBasis: CitizenBasis;
  /** Citizens among the area's members (helix coverage's rule), now and at the previous point. */
  memberCitizens: number;
  previousMemberCitizens: number;
}

/** The counts of a snapshot as the analytics measures take them. */
export function mixingOf(snapshot: NetworkSnapshot): SectorMixing {
  const ties = SECTORS.map((_, a) => SECTORS.map((__, b) => snapshot.ties[a * K + b]));
  let totalTies = 0;
  for (let a = 0; a < K; a += 1) for (let b = a; b < K; b += 1) totalTies += ties[a][b];
  return { sizes: [...snapshot.sizes], ties, totalTies, nodeCount: snapshot.sizes.reduce((sum, size) => sum + size, 0) };
}

const basisOf = (snapshot: NetworkSnapshot): CitizenBasis => ({ citizens: snapshot.sizes[CITIZEN], citizenTies: SECTORS.map((_, l) => snapshot.ties[CITIZEN * K + l]) });

function coverageOf(snapshot: NetworkSnapshot): ScopeCoverage {
  const present = SECTORS.map((_, k) => snapshot.memberSizes[k] > 0);
  const connectedPairs: SectorPair[] = [];
  const missingPairs: SectorPair[] = [];
  for (let a = 0; a < K; a += 1) {
    for (let b = a + 1; b < K; b += 1) {
      if (!present[a] || !present[b]) continue;
      (snapshot.insideTies[a * K + b] > 0 ? connectedPairs : missingPairs).push({ sectorA: SECTORS[a], sectorB: SECTORS[b] });
    }
  }
  const sectorsPresent = SECTORS.filter((_, k) => present[k]);
  const possible = (sectorsPresent.length * (sectorsPresent.length - 1)) / 2;
  return { sectorsPresent, connectedPairs, missingPairs, coverage: possible > 0 ? connectedPairs.length / possible : null };
}

/** The matrix cells whose ties went from none to some (`connected`) or from some to none. */
function cellChanges(before: NetworkSnapshot, after: NetworkSnapshot): { connected: SectorPair[]; disconnected: SectorPair[] } {
  const connected: SectorPair[] = [];
  const disconnected: SectorPair[] = [];
  for (let a = 0; a < K; a += 1) {
    for (let b = a; b < K; b += 1) {
      const was = before.ties[a * K + b] > 0;
      const is = after.ties[a * K + b] > 0;
      if (!was && is) connected.push({ sectorA: SECTORS[a], sectorB: SECTORS[b] });
      if (was && !is) disconnected.push({ sectorA: SECTORS[a], sectorB: SECTORS[b] });
    }
  }
  return { connected, disconnected };
}

/**
 * The figures of one point from its snapshot and the previous one (the network
 * as of the day before the period began), with the single-date measures'
 * own functions on the same counts: eiIndex, expectedEI and assortativity from
 * src/analytics/measures, so both give the same numbers by construction.
 */
export function pointFigures(period: Period, previous: NetworkSnapshot, snapshot: NetworkSnapshot): TimelinePointFigures {
  const mixing = mixingOf(snapshot);
  const ei = eiIndex(mixing);
  const n = mixing.nodeCount;
  const changes = cellChanges(previous, snapshot);
  return {
    period: period.label,
    periodStart: period.first,
    asOf: period.last,
    sizes: [...snapshot.sizes],
    actors: n,
    ties: mixing.totalTies,
    crossSectorTies: ei.overall.external,
    crossSectorShare: mixing.totalTies > 0 ? ei.overall.external / mixing.totalTies : null,
    density: n >= 2 ? mixing.totalTies / ((n * (n - 1)) / 2) : null,
    eiIndex: ei.overall,
    expectedEiIndex: ei.expected,
    expectedEiIndexReason: ei.expectedReason,
    assortativity: assortativity(mixing),
    helixCoverage: coverageOf(snapshot),
    tiesOpened: snapshot.opened,
    tiesEnded: snapshot.ended,
    actorsJoined: snapshot.joined,
    actorsLeft: snapshot.left,
    sectorPairsConnected: changes.connected,
    sectorPairsDisconnected: changes.disconnected,
    citizenBasis: basisOf(snapshot),
    previousBasis: basisOf(previous),
    memberCitizens: snapshot.memberSizes[CITIZEN],
    previousMemberCitizens: previous.memberSizes[CITIZEN],
  };
}
