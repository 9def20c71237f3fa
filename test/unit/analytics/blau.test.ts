import { actorDiversityFromCounts, areaDiversityFromCounts, blau, MAX_BLAU, type PartnerSectorCounts } from '../../../src/analytics/measures/blau';
import { sectorIndex } from '../../../src/analytics/measures/sectorMixing';
import { SECTORS, type Sector } from '../../../src/model';
import type { ScopeGraph } from '../../../src/analytics/scopeGraph';
import { mixedGraph } from './sampleGraphs';

/** Counts per sector (SECTORS order) of a list of sectors. */
const sectorCounts = (sectors: Sector[]): number[] => {
  const counts = SECTORS.map(() => 0);
  for (const sector of sectors) counts[sectorIndex(sector)] += 1;
  return counts;
};

/** What analytics/partnerSectorCounts returns for a network held in memory (no outsiders). */
const countsOf = (graph: ScopeGraph): PartnerSectorCounts[] =>
  graph.actors.map((actor, index) => ({
    id: actor.id,
    sector: actor.sector,
    counts: sectorCounts(graph.neighbours[index].map((partner) => graph.actors[partner].sector)),
    outsideIds: [],
  }));

describe('blau', () => {
  it('is 0 for one sector, 1 − 1/K normalised to 1 for an even mix, null for nobody', () => {
    expect(blau([3, 0, 0, 0, 0])).toEqual({ value: 0, normalised: 0, count: 3 });
    expect(blau([1, 1, 1, 1, 1])).toEqual({ value: expect.closeTo(MAX_BLAU, 12), normalised: expect.closeTo(1, 12), count: 5 });
    expect(blau([1, 1, 0, 0, 0])).toEqual({ value: 0.5, normalised: 0.625, count: 2 });
    expect(blau([0, 0, 0, 0, 0])).toEqual({ value: null, normalised: null, count: 0 });
  });
});

describe('actorDiversityFromCounts', () => {
  it('measures each actor’s partners, most diverse first, the isolate last', () => {
    // Hand-checked: a2's partners a1 (CITIZEN), a3 (CIVIL_SOCIETY), a5 (PRIVATE): 1 − 3·(1/3)² = 2/3.
    // a3's partners a1, a2 (CITIZEN), a4 (CIVIL_SOCIETY), a6 (PUBLIC): 1 − (1/4 + 1/16 + 1/16) = 0.625.
    const graph = mixedGraph();
    const { rows, nodeCount, tieCount } = actorDiversityFromCounts(countsOf(graph));
    expect({ nodeCount, tieCount }).toEqual({ nodeCount: graph.actors.length, tieCount: graph.pairs.length });
    expect(rows.map((row) => row.actorId)).toEqual(['a2', 'a5', 'a3', 'a1', 'a4', 'a6', 'a8', 'a9', 'a7']);
    const of = (id: string) => rows.find((row) => row.actorId === id)?.partners;
    expect(of('a2')).toEqual({ value: expect.closeTo(2 / 3, 12), normalised: expect.closeTo(0.8333333333333334, 12), count: 3 });
    expect(of('a3')).toEqual({ value: 0.625, normalised: 0.78125, count: 4 });
    expect(of('a8')).toEqual({ value: 0, normalised: 0, count: 1 });
    expect(of('a7')).toEqual({ value: null, normalised: null, count: 0 });
  });
});

describe('areaDiversityFromCounts', () => {
  it('measures each area’s actors, an empty area last', () => {
    // Counts in SECTORS order: CITIZEN, CIVIL_SOCIETY, PRIVATE, PUBLIC, ACADEMIA.
    const rows = areaDiversityFromCounts([
      { id: 'empty', name: 'Tomt', counts: [0, 0, 0, 0, 0] },
      { id: 'mono', name: 'Ett', counts: [0, 0, 0, 1, 0] },
      { id: 'city', name: 'Malmö', counts: [2, 2, 2, 2, 1] },
    ]);
    // Sizes 2, 2, 2, 2, 1 of 9: 1 − (4·4 + 1)/81 = 64/81.
    expect(rows).toEqual([
      { areaId: 'city', actors: { value: expect.closeTo(64 / 81, 12), normalised: expect.closeTo(64 / 81 / 0.8, 12), count: 9 } },
      { areaId: 'mono', actors: { value: 0, normalised: 0, count: 1 } },
      { areaId: 'empty', actors: { value: null, normalised: null, count: 0 } },
    ]);
  });
});

describe('actorDiversityFromCounts with TOUCHING', () => {
  it('adds partners outside the area as actors, with the scope actors tied to them as their partners', () => {
    const { rows, nodeCount, tieCount } = actorDiversityFromCounts([
      { id: 'in1', sector: 'CITIZEN', counts: [0, 1, 1, 0, 0], outsideIds: ['out'] },
      { id: 'in2', sector: 'CIVIL_SOCIETY', counts: [1, 0, 1, 0, 0], outsideIds: ['out'] },
    ]);
    // in1–in2 inside (seen from both), in1–out and in2–out to the outsider: 3 ties, 3 actors.
    expect({ nodeCount, tieCount }).toEqual({ nodeCount: 3, tieCount: 3 });
    expect(rows.find((row) => row.actorId === 'out')?.partners).toEqual({ value: 0.5, normalised: 0.625, count: 2 });
  });
});
